// duplicate-recipe: one target given two recipes in one make run; make
// warns "overriding recipe for target" and runs only the last. A run is the
// linted file (or a Makefile that includes it) read in order, includes
// followed inline; rules in exclusive conditional branches do not clash.
import type { LintContext } from './context';
import { includedFile, includersOf } from './includers';
import { type BranchStep, compatible, fileModel, hasRecipe, type RuleEntry } from './model';
import type { Finding, LintSource } from './types';
import { splitWords } from './words';

interface RunRule {
  file: string;
  rule: RuleEntry;
  path: BranchStep[];
}

/** Rules of a make run rooted at `root`, in the order make reads them. */
function runRules(src: LintSource, root: string): RunRule[] {
  const out: RunRule[] = [];
  const visited = new Set<string>();
  const read = (file: string, outer: BranchStep[]) => {
    const entry = src.files.get(file);
    if (!entry || visited.has(file)) return;
    visited.add(file);
    const model = fileModel(entry.parse.stmts);
    const events = [...model.rules.map((rule) => ({ at: rule.stmt.span.start, rule })), ...model.includes.map((inc) => ({ at: inc.stmt.span.start, inc }))];
    events.sort((a, b) => a.at - b.at);
    for (const e of events) {
      if ('rule' in e) {
        out.push({ file, rule: e.rule, path: [...outer, ...e.rule.path] });
        continue;
      }
      for (const w of splitWords(e.inc.stmt.files, entry.text)) {
        const word = entry.text.slice(w.span.start, w.span.end);
        const target = includedFile(src, { includer: file, word });
        if (target) read(target, [...outer, ...e.inc.path]);
      }
    }
  };
  read(root, []);
  return out;
}

const MAX_ROOTS = 8;

/** The file itself and the outermost Makefiles that include it. */
function roots(ctx: LintContext): string[] {
  const includers = includersOf(ctx.src, ctx.file).filter((f) => includersOf(ctx.src, f).length === 0);
  return [ctx.file, ...includers.slice(0, MAX_ROOTS)];
}

export function duplicateFindings(ctx: LintContext): Finding[] {
  if (!ctx.model.rules.some(hasRecipe)) return [];
  const out: Finding[] = [];
  const reported = new Set<RuleEntry>();
  for (const root of roots(ctx)) {
    const seen = new Map<string, RunRule[]>();
    for (const r of runRules(ctx.src, root)) {
      if (r.rule.stmt.sep !== ':' || !hasRecipe(r.rule)) continue;
      const text = ctx.src.files.get(r.file)?.text ?? '';
      for (const w of splitWords(r.rule.stmt.targets, text)) {
        const key = text.slice(w.span.start, w.span.end);
        if (key.includes('%') || key.startsWith('.')) continue;
        const earlier = (seen.get(key) ?? []).find((e) => e.rule !== r.rule && compatible(e.path, r.path));
        if (earlier && r.file === ctx.file && !reported.has(r.rule)) {
          reported.add(r.rule);
          const earlierText = ctx.src.files.get(earlier.file)?.text ?? '';
          out.push({
            code: 'duplicate-recipe',
            file: ctx.file,
            span: w.span,
            message: `Overriding recipe for target '${key}': make ignores the earlier recipe and runs this one.`,
            related: [{ file: earlier.file, span: earlier.rule.stmt.span, message: `the ignored recipe for '${earlierText.slice(earlier.rule.stmt.targets.span.start, earlier.rule.stmt.targets.span.end)}'` }],
            fixes: [],
          });
        }
        const list = seen.get(key);
        if (list) list.push(r);
        else seen.set(key, [r]);
      }
    }
  }
  return out;
}
