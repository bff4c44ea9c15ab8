// How `$(call cc-option,-fno-PIE)` unfolds, step by step, without running
// anything: the called variable's body with $(0)…$(n) replaced by the
// arguments as written, then the first nested $(call …) of a user function
// in that text, and so on down to the `$(shell …)` that runs the compiler.
// This is make's own order (arguments are bound, then the body expanded);
// values of other variables are shown as written until an evaluated build
// context can fill them in.
import type { Expr, ExprNode } from '../syntax/ast';
import { parseText } from '../syntax/expr';

export interface CallStep {
  /** The function (variable) that was called. */
  fn: string;
  args: string[];
  /** Its body with the arguments substituted. */
  text: string;
}

export interface CallChain {
  steps: CallStep[];
  /** The command a `$(shell …)` at the end of the chain runs, as written after substitution. */
  shell?: string;
}

/** Replace $(0), $(1)…, ${1}, $1 in a call body by the call's arguments. */
export function substituteArguments(body: string, fn: string, args: string[]): string {
  return body.replace(/\$(?:\((\d+)\)|\{(\d+)\}|(\d))/g, (_, a: string, b: string, c: string) => {
    const n = Number(a ?? b ?? c);
    return n === 0 ? fn : (args[n - 1] ?? '');
  });
}

function rawOf(text: string, e: Expr): string {
  return text.slice(e.span.start, e.span.end);
}

function firstNode(expr: Expr, pick: (n: ExprNode) => boolean): ExprNode | undefined {
  for (const n of expr.nodes) {
    if (pick(n)) return n;
    if (n.kind === 'call') {
      for (const arg of n.args) {
        const inner = firstNode(arg, pick);
        if (inner) return inner;
      }
    }
  }
  return undefined;
}

const MAX_STEPS = 12;

/**
 * Unfold a `$(call NAME,args…)` text. `bodyOf` gives a user function's raw
 * value (its recursive definition), or undefined when unknown.
 */
export function unfoldCall(callText: string, bodyOf: (name: string) => string | undefined): CallChain {
  const steps: CallStep[] = [];
  let text = callText;
  const seen = new Set<string>();
  for (let i = 0; i < MAX_STEPS; i++) {
    const expr = parseText(text);
    const call = firstNode(expr, (n) => n.kind === 'call' && n.fn === 'call' && n.args.length > 0 && bodyOf(rawOf(text, n.args[0]).trim()) !== undefined);
    if (!call || call.kind !== 'call') break;
    const fn = rawOf(text, call.args[0]).trim();
    const args = call.args.slice(1).map((a) => rawOf(text, a));
    const key = `${fn}(${args.join(',')})`;
    if (seen.has(key)) break; // a recursive function: one unfolding shows the shape
    seen.add(key);
    const body = substituteArguments(bodyOf(fn) as string, fn, args);
    steps.push({ fn, args, text: body });
    text = body;
  }
  const last = parseText(text);
  const shell = firstNode(last, (n) => n.kind === 'call' && n.fn === 'shell');
  return { steps, shell: shell?.kind === 'call' ? rawOf(text, shell.args[0]).trim() : undefined };
}
