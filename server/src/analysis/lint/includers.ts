// Includes as one make run reads them: an include word names the first
// existing candidate only (tools/perf's `-include arch/$(SRCARCH)/Makefile`
// is tools/perf/arch/x86/Makefile, not the kernel's arch/x86/Makefile).
// And the other direction: which files include a file, transitively; a
// fragment like tools/scripts/Makefile.include is only ever read inside its
// includers' make runs. Direct includes are indexed once per workspace
// revision; the transitive walks are per file.
import type { Stmt } from '../../syntax/ast';
import { literalText } from '../../syntax/expr';
import { fileModel } from './model';
import type { LintFile, LintSource } from './types';
import { splitWords } from './words';

/**
 * The file an include word of `includer` reads, if the workspace has it. A
 * word that names variables of the includer (`$(build-dir)/Build.include`
 * with `build-dir := $(srctree)/tools/build`) is tried with their values.
 */
export function includedFile(src: LintSource, args: { includer: string; word: string }): string | undefined {
  const direct = src.resolveInclude(args)[0];
  if (direct || !args.word.includes('$')) return direct;
  const entry = src.files.get(args.includer);
  if (!entry) return undefined;
  const values = new Map<string, string[]>();
  for (const { stmt } of fileModel(entry.parse.stmts).assigns) {
    const name = literalText(stmt.name)?.trim();
    if (!name || stmt.kind !== 'assign' || stmt.op === '+=') continue;
    values.set(name, [...(values.get(name) ?? []), stmt.valueText.trim()]);
  }
  let word = args.word;
  for (let depth = 0; depth < 3 && word.includes('$'); depth++) {
    word = word.replace(/\$[({]([A-Za-z0-9_.-]+)[)}]/g, (ref, name: string) => {
      const known = [...new Set(values.get(name) ?? [])];
      return known.length === 1 ? known[0] : ref;
    });
  }
  return word === args.word ? undefined : src.resolveInclude({ includer: args.includer, word })[0];
}

const wordsCache = new WeakMap<object, string[]>();

/** The words of a file's include directives, as written (`$(srctree)/scripts/Kbuild.include`). */
function includeWords(entry: LintFile): string[] {
  const hit = wordsCache.get(entry.parse.stmts);
  if (hit) return hit;
  const words: string[] = [];
  const walk = (stmts: Stmt[]) => {
    for (const s of stmts) {
      if (s.kind === 'if') s.branches.forEach((b) => walk(b.body));
      else if (s.kind === 'include') for (const w of splitWords(s.files, entry.text)) words.push(entry.text.slice(w.span.start, w.span.end));
    }
  };
  walk(entry.parse.stmts);
  wordsCache.set(entry.parse.stmts, words);
  return words;
}

/** The file and every file it includes, transitively, in the order found. */
export function readClosure(src: LintSource, file: string): string[] {
  const seen = new Set<string>([file]);
  const queue = [file];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    const entry = src.files.get(current);
    for (const word of entry ? includeWords(entry) : []) {
      const target = includedFile(src, { includer: current, word });
      if (target && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return [...seen];
}

const cache = new WeakMap<object, { revision: number; direct: Map<string, string[]> }>();

function directIncluders(src: LintSource): Map<string, string[]> {
  const hit = cache.get(src.files);
  if (hit && hit.revision === src.revision) return hit.direct;
  const direct = new Map<string, string[]>();
  for (const [file, entry] of src.files) {
    for (const word of includeWords(entry)) {
      const included = includedFile(src, { includer: file, word });
      if (!included) continue;
      const list = direct.get(included);
      if (!list) direct.set(included, [file]);
      else if (!list.includes(file)) list.push(file);
    }
  }
  cache.set(src.files, { revision: src.revision, direct });
  return direct;
}

/** Files whose include closure holds `file` (not itself), sorted. */
export function includersOf(src: LintSource, file: string): string[] {
  const direct = directIncluders(src);
  const seen = new Set<string>([file]);
  const queue = [file];
  while (queue.length > 0) {
    for (const includer of direct.get(queue.shift() as string) ?? []) {
      if (seen.has(includer)) continue;
      seen.add(includer);
      queue.push(includer);
    }
  }
  seen.delete(file);
  return [...seen].sort();
}
