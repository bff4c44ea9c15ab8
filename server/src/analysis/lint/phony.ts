// phony-missing: an umbrella target (all, install, prepare, clean…) that
// makes no file of its name, is not declared .PHONY, and stands for work
// elsewhere: prerequisites to build or a recipe that runs something. A
// file or directory of that name (a `tests/` directory next to `make
// tests`) makes make think the work is done.
import type { LintContext } from './context';
import { fileModel, recipeLines, type RuleEntry } from './model';
import { ruleWrites } from './output';
import { phonyDeclared, runFiles } from './phonySet';
import type { Finding } from './types';
import { literalWord, refName, splitWords } from './words';

/** Conventional names of umbrella targets (GNU coding standards, Kbuild, tools/). */
const UMBRELLA = /^(all|install|uninstall|clean|distclean|mrproper|prepare|archprepare|help|check|test|tests|run_tests|docs?|html|man|info|tags|TAGS|cscope|modules|headers|default|build|release|dist)$/;
/** Names built on them: install-doc, libbpf_clean, headers_install. */
const UMBRELLA_FAMILY = /^(install|clean|uninstall|check|test)[-_]|[-_](all|install|clean|uninstall|prepare)$/;

/** The recipe writes `$@` or the name; without a shell parser, any mention of them counts. */
function writesTarget(ctx: LintContext, rule: RuleEntry, name: string): boolean {
  if (!ctx.parser) {
    const texts = recipeLines(rule).map((e) => ctx.entry.text.slice(e.span.start, e.span.end));
    return texts.some((t) => t.includes('$@') || t.includes(name));
  }
  return ruleWrites(ctx, rule).some((w) => refName(w.parts[0]) === '@' || (w.parts.length === 1 && w.parts[0].kind === 'text' && w.parts[0].text === name));
}

const dependentsCache = new WeakMap<LintContext, Map<string, number>>();

/** How many rules of the run name each literal word as a prerequisite. */
function dependents(ctx: LintContext): Map<string, number> {
  const hit = dependentsCache.get(ctx);
  if (hit) return hit;
  const counts = new Map<string, number>();
  for (const file of runFiles(ctx)) {
    const entry = ctx.src.files.get(file);
    if (!entry) continue;
    for (const rule of fileModel(entry.parse.stmts).rules) {
      for (const w of splitWords(rule.stmt.prereqs, entry.text)) {
        const name = literalWord(w);
        if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    }
  }
  dependentsCache.set(ctx, counts);
  return counts;
}

export function phonyFindings(ctx: LintContext): Finding[] {
  const text = ctx.entry.text;
  const byName = new Map<string, RuleEntry[]>();
  for (const rule of ctx.model.rules) {
    if (rule.stmt.sep !== ':' && rule.stmt.sep !== '::') continue;
    for (const w of splitWords(rule.stmt.targets, text)) {
      const name = literalWord(w);
      if (name === undefined || !(UMBRELLA.test(name) || UMBRELLA_FAMILY.test(name))) continue;
      const list = byName.get(name);
      if (list) list.push(rule);
      else byName.set(name, [rule]);
    }
  }
  if (byName.size === 0) return [];
  const phony = phonyDeclared(ctx);
  const out: Finding[] = [];
  for (const [name, rules] of byName) {
    // A .PHONY list we could not follow may make `foo_clean` names, hardly a bare `clean`.
    if (phony.names.has(name) || (!phony.complete && !UMBRELLA.test(name))) continue;
    const prereqs = rules.reduce((n, r) => n + splitWords(r.stmt.prereqs, text).length, 0);
    const deps = dependents(ctx).get(name) ?? 0;
    if ((prereqs < 2 && deps < 2) || rules.some((r) => writesTarget(ctx, r, name))) continue;
    const first = rules[0];
    const word = splitWords(first.stmt.targets, text).find((w) => literalWord(w) === name);
    if (!word) continue;
    out.push({
      code: 'phony-missing',
      file: ctx.file,
      span: word.span,
      message: `\`${name}\` makes no file of that name but is not declared .PHONY: if a file or directory \`${name}\` exists, make considers it up to date and skips it.`,
      related: [],
      fixes: [{ title: `Declare ${name} .PHONY`, edits: [{ file: ctx.file, span: { start: first.stmt.span.start, end: first.stmt.span.start }, newText: `.PHONY: ${name}\n` }] }],
    });
  }
  return out;
}
