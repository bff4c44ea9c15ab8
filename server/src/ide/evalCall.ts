// `$(call cc-option,-fno-PIE)` expanded in a build context, step by step,
// from the evaluator's trace: each called function's body with $(1)…
// substituted, down to the command `$(shell)` gets and, for the try-run
// family (cc-option, as-option, ld-option, cc-disable-warning, …), the
// compiler command line with $(CC) and the flags expanded. Also the calls
// make ran while reading this line (exact: the flags as they were then).
import { expandInContext, type Evaluation, type TraceNode } from '../eval';
import type { Location } from '../eval/types';
import { displayValue, hasUnknown } from '../eval/unknown';
import { block, code, placeLink, readable } from './evalFormat';
import { unknownNote } from './evalVariable';

export interface CallStepView {
  fn: string;
  /** Where the function is defined (its last effective definition). */
  loc: Location | null;
  args: string[];
  /** The body with $(0)…$(n) replaced by the (expanded) arguments. */
  substituted: string;
}

export interface CallView {
  /** The call as written. */
  text: string;
  steps: CallStepView[];
  /** try-run's first argument: the compiler (or assembler, linker) command. */
  compilerCommand: string | undefined;
  /** What the innermost `$(shell …)` runs. */
  shellCommand: string | undefined;
  /**
   * 'read': the commands are the ones make ran while reading this line (the
   * flags as they were then); 'now': expanded at the end of reading.
   */
  source: 'read' | 'now';
  /** The result; UNKNOWN when a command was not run. */
  value: string;
  /** Whether this hover ran (or took from the cache) a command the evaluation had not. */
  ranForHover: boolean;
}

const MAX_STEPS = 12;
/** Functions whose effects a hover must never perform. */
const EFFECTFUL = new Set(['eval', 'file', 'info', 'warning', 'error']);

function walk(nodes: readonly TraceNode[], visit: (n: TraceNode) => void): void {
  for (const n of nodes) {
    visit(n);
    walk(n.children, visit);
  }
}

function trimCommand(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Nothing but `$(shell)` would have effects, and a command is unknown only because it was not run. */
function worthRunning(trace: readonly TraceNode[]): boolean {
  let shellUnknown = false;
  let effectful = false;
  walk(trace, (n) => {
    if (n.event.kind !== 'function') return;
    if (EFFECTFUL.has(n.event.name)) effectful = true;
    if (n.event.name === 'shell' && hasUnknown(n.result) && !hasUnknown(n.event.args[0] ?? '')) shellUnknown = true;
  });
  return shellUnknown && !effectful;
}

interface Traced {
  steps: CallStepView[];
  compiler: string | undefined;
  shell: string | undefined;
}

function traced(ev: Evaluation, trace: readonly TraceNode[]): Traced {
  const out: Traced = { steps: [], compiler: undefined, shell: undefined };
  walk(trace, (n) => {
    const e = n.event;
    if (e.kind === 'call' && out.steps.length < MAX_STEPS) {
      out.steps.push({ fn: e.name, loc: ev.variables.get(e.name)?.loc ?? null, args: e.args, substituted: e.substituted });
      if (e.name === 'try-run' && e.args[0] !== undefined) out.compiler = e.args[0];
    }
    if (e.kind === 'function' && e.name === 'shell') out.shell = e.args[0];
  });
  return out;
}

/**
 * The compiler command inside a command make ran at read time: the command
 * expanded now is prefix + compiler + suffix, and only the flags in the
 * middle differ between then and now.
 */
function compilerInside(ran: string, now: { shell: string; compiler: string }): string | undefined {
  const at = now.shell.indexOf(now.compiler);
  if (at === -1) return undefined;
  const prefix = now.shell.slice(0, at);
  const suffix = now.shell.slice(at + now.compiler.length);
  return ran.startsWith(prefix) && ran.endsWith(suffix) && ran.length >= prefix.length + suffix.length ? ran.slice(prefix.length, ran.length - suffix.length) : undefined;
}

/** $(shell)'s value from the command's output: newlines to blanks, trailing ones dropped. */
function shellOutputValue(out: string): string {
  return out.replace(/\r?\n/g, ' ').replace(/ +$/, '');
}

export function callView(ev: Evaluation, q: { text: string; loc: Location; shellAllowed: boolean }): CallView {
  const first = expandInContext(ev, { text: q.text, loc: q.loc, trace: true });
  const t = traced(ev, first.trace ?? []);
  // What make ran while reading this line is exact; the expansion now has the flags as they ended up.
  const atLine = ev.shellCalls.filter((c) => c.loc?.path === q.loc.path && c.loc.line === q.loc.line && !c.assignment && !c.loc.inEval);
  const now = t.shell !== undefined && t.compiler !== undefined ? { shell: t.shell, compiler: t.compiler } : undefined;
  const read = atLine.length === 1 ? atLine[0] : now && atLine.find((c) => compilerInside(c.command, now) !== undefined);
  const view = { text: q.text, steps: t.steps, ranForHover: false };
  if (read) {
    const compiler = now && compilerInside(read.command, now);
    const value = read.output === undefined ? first.value : shellOutputValue(read.output);
    return { ...view, compilerCommand: compiler && trimCommand(compiler), shellCommand: read.command, source: 'read', value };
  }
  let value = first.value;
  let ranForHover = false;
  // Shell allowed: a command the evaluation never ran (a recursive variable's) is run once (cached on disk).
  if (q.shellAllowed && hasUnknown(value) && worthRunning(first.trace ?? [])) {
    // No `loc`: this run is not one make does while reading the line.
    value = expandInContext(ev, { text: q.text, sideEffects: true }).value;
    ranForHover = true;
  }
  return { ...view, compilerCommand: t.compiler && trimCommand(t.compiler), shellCommand: t.shell, source: 'now', value, ranForHover };
}

function resultText(value: string): string {
  if (hasUnknown(value)) return displayValue(value);
  return value.trim() === '' ? '*(empty)*' : code(value.trim());
}

export function callMarkdown(view: CallView, opts: { root: string; context: string; shellAllowed: boolean }): string {
  const lines = [`**${code(view.text.replace(/\s+/g, ' '))}** in context ${code(opts.context)}`, ''];
  view.steps.forEach((s, i) => {
    const first = trimCommand(displayValue(s.args[0] ?? ''));
    const shown = first.length > 100 ? `${first.slice(0, 100)}…` : first;
    lines.push(`${i + 1}. **${s.fn}** (${placeLink(opts.root, s.loc)}) with ${code(`$(1)=${shown}`)}:`, '', block(readable(s.substituted.trim()), 'make'), '');
  });
  if (view.steps.length > 0) lines.push('_Steps expanded with the values at the end of reading._', '');
  const when = view.source === 'read' ? ' (as make ran it while reading this line)' : '';
  if (view.compilerCommand) lines.push(`Compiler command${when}:`, '', block(readable(view.compilerCommand), 'sh'), '');
  else if (view.shellCommand !== undefined) lines.push(`Command${when}:`, '', block(readable(trimCommand(view.shellCommand)), 'sh'), '');
  lines.push(`Result: ${resultText(view.value)}${view.ranForHover ? ' (run for this hover, cached)' : ''}`);
  if (hasUnknown(view.value)) lines.push('', opts.shellAllowed ? '_«unknown»: the command has a part that is itself unknown, so it was not run._' : unknownNote());
  return lines.join('\n');
}
