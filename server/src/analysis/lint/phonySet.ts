// Which targets are declared .PHONY in the make runs that read a file:
// `.PHONY: a b`, `.PHONY: $(PHONY)` with `PHONY += …` followed through
// every assignment, in the file, its includes, its context and its includers.
import { relative } from 'node:path/posix';
import { definitionsOver, type LintContext } from './context';
import { includersOf, readClosure } from './includers';
import { fileModel } from './model';
import { staticWords } from './values';
import { literalWord, splitWords } from './words';

/**
 * Files read in the same make runs as the linted one: its include closure,
 * the Makefiles that include it and what they include. Kbuild and
 * tools/build include directory Makefiles through computed names: a
 * directory's Makefile or Kbuild runs inside scripts/Makefile.build, a
 * tools/ Build file inside tools/build/Makefile.build.
 */
export function runFiles(ctx: LintContext): string[] {
  const files = new Set(ctx.closure);
  const includers = includersOf(ctx.src, ctx.file);
  const root = ctx.src.kernelRoot(ctx.file);
  const rel = root ? relative(root, ctx.file) : '';
  if (root && rel.startsWith('tools/') && rel.endsWith('/Build')) includers.push(`${root}/tools/build/Makefile.build`);
  else if (root && /\/(Makefile|Kbuild)$/.test(rel) && !/^(tools|scripts|arch\/[^/]+\/Makefile$)/.test(rel)) includers.push(`${root}/scripts/Makefile.build`);
  for (const includer of includers) for (const f of readClosure(ctx.src, includer)) files.add(f);
  return [...files];
}

const cache = new WeakMap<LintContext, { names: Set<string>; complete: boolean }>();

/** Names declared phony; complete=false when some .PHONY word could not be followed to literal names. */
export function phonyDeclared(ctx: LintContext): { names: Set<string>; complete: boolean } {
  const hit = cache.get(ctx);
  if (hit) return hit;
  const result = { names: new Set<string>(), complete: true };
  const files = runFiles(ctx);
  const run = { ...ctx, ...definitionsOver(ctx.src, files) };
  for (const file of files) {
    const entry = ctx.src.files.get(file);
    if (!entry) continue;
    for (const rule of fileModel(entry.parse.stmts).rules) {
      if (!splitWords(rule.stmt.targets, entry.text).some((w) => literalWord(w) === '.PHONY')) continue;
      const { words, complete } = staticWords(run, rule.stmt.prereqs);
      words.forEach((w) => result.names.add(w));
      if (!complete) result.complete = false;
    }
  }
  cache.set(ctx, result);
  return result;
}

export function phonyNames(ctx: LintContext): Set<string> {
  return phonyDeclared(ctx).names;
}
