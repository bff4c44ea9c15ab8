// try-run-toplevel: a try-run/cc-option family call in a simply-expanded
// assignment outside any recipe is evaluated while make reads the file, so
// it forks the compiler on every invocation, `make help` and `make clean`
// included. Information, with how many such calls the file and its context make.
import type { Stmt } from '../../syntax/ast';
import { literalText } from '../../syntax/expr';
import { callSites, type CallSite } from './calls';
import type { LintContext } from './context';
import type { Finding } from './types';

/** Kbuild's and tools/build's helpers that run the compiler, assembler or linker. */
const KNOWN_FAMILY = ['try-run', 'cc-option', 'cc-option-yn', 'cc-disable-warning', 'as-option', 'as-instr', 'ld-option', 'rustc-option', 'hostcc-option'];

/** Whether a function is in the family: a known helper, or one whose body calls a member (followed through the context). */
function inFamily(ctx: LintContext, name: string, seen: Set<string> = new Set()): boolean {
  if (KNOWN_FAMILY.includes(name)) return true;
  if (seen.has(name)) return false;
  seen.add(name);
  return ctx.definitions(name).some((d) => [...d.entry.stmt.valueText.matchAll(/\$[({]call\s+([A-Za-z0-9_-]+)/g)].some((m) => inFamily(ctx, m[1], seen)));
}

/** Whether `name` is simply expanded where `stmt` assigns it: `:=`, or `+=` to a variable first assigned with `:=`. */
function isImmediate(ctx: LintContext, stmt: Extract<Stmt, { kind: 'assign' }>): boolean {
  if (stmt.op === ':=' || stmt.op === '::=') return true;
  if (stmt.op !== '+=') return false;
  const name = literalText(stmt.name)?.trim();
  const first = name ? ctx.definitions(name).find((d) => d.entry.stmt.kind === 'assign' && d.entry.stmt.op !== '+=') : undefined;
  return first?.entry.stmt.kind === 'assign' && (first.entry.stmt.op === ':=' || first.entry.stmt.op === '::=');
}

function topLevelCalls(ctx: LintContext, file: string): CallSite[] {
  const entry = ctx.src.files.get(file);
  if (!entry) return [];
  return callSites(entry.parse.stmts).filter((s) => s.stmt.kind === 'assign' && isImmediate(ctx, s.stmt) && inFamily(ctx, s.name));
}

export function tryRunFindings(ctx: LintContext): Finding[] {
  const here = topLevelCalls(ctx, ctx.file);
  if (here.length === 0) return [];
  const total = ctx.contextFiles.reduce((n, f) => n + topLevelCalls(ctx, f).length, 0);
  const counts = `${here.length} such call${here.length === 1 ? '' : 's'} in this file, ${total} with the files read with it`;
  return here.map((site) => ({
    code: 'try-run-toplevel' as const,
    file: ctx.file,
    span: site.node.span,
    message: `$(call ${site.name},…) in a := assignment runs the compiler while make reads this file, on every make invocation (even \`make help\`); ${counts}. Defer it to the rules that need it, or guard it so that help and clean skip it.`,
    related: [],
    fixes: [],
  }));
}
