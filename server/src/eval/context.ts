// Expanding more text after evaluation, for hover and the like: "the value
// of $(X) here", "$(CC) as the recipe of foo.o sees it", and a step-by-step
// trace. A target context is set up the way make sets one up for a recipe:
// pattern-specific variables, then the target's own, then the automatic
// variables ($@, $<, $^, $+, $|, $*, $?). By default nothing has effects:
// $(eval), $(shell) and $(file >) are not performed, messages are returned
// rather than kept.
import type { Expr } from '../syntax/ast';
import { expandExpr } from './expand';
import type { Evaluation } from './evaluate';
import { parseText } from './parseCache';
import { guarded, type VarSet } from './state';
import { patternSetFor } from './targetVars';
import { recordTrace, type TraceNode } from './trace';
import type { EvalDiagnostic, Location, Message } from './types';
import { automaticSet } from './variables';

export interface ExpandRequest {
  /** Text as written in a makefile (`$(call cc-option,-fno-PIE)`), or an Expr from the reader. */
  text?: string;
  expr?: Expr;
  /** Expand as the recipe of this target would. */
  target?: string;
  /** With target: the targets make reached it through, outermost first (parentChain); their non-private target and pattern variables are inherited. */
  parents?: readonly string[];
  /** Values for automatic variables, over what the target's rules give. */
  automatic?: Readonly<Record<string, string>>;
  /** Build the tree of expansion steps. */
  trace?: boolean;
  /** Allow $(eval), $(shell) (if the host runs it) and $(file >), changing the evaluation's state. */
  sideEffects?: boolean;
  /** Without sideEffects, still run $(shell) calls reading did not run (the host decides); results join the evaluation's cache. */
  runShell?: boolean;
  /** Where the text is, for messages. */
  loc?: Location;
  maxSteps?: number;
}

export interface ExpandResult {
  value: string;
  /** Set when expansion hit `$(error)`, a fatal error or a limit. */
  stopped: EvalDiagnostic | null;
  messages: Message[];
  diagnostics: EvalDiagnostic[];
  trace: TraceNode[] | null;
}

function uniq(words: string[]): string[] {
  return [...new Set(words)];
}

/** The automatic variables of `target` from the data base (every prerequisite counts as newer for $?). */
function automaticFor(ev: Evaluation, q: { target: string; extra: Readonly<Record<string, string>> }): VarSet {
  const { target, extra } = q;
  const t = ev.targets.get(target);
  const prereqs = t ? t.prereqs : [];
  const values: Record<string, string> = {
    '@': target,
    '<': prereqs[0] ?? '',
    '^': uniq(prereqs).join(' '),
    '+': prereqs.join(' '),
    '?': uniq(prereqs).join(' '),
    '|': uniq(t ? t.orderOnly : []).join(' '),
    '*': t?.stem ?? '',
    '%': '',
    ...extra,
  };
  return automaticSet(Object.entries(values));
}

export function expandInContext(ev: Evaluation, req: ExpandRequest): ExpandResult {
  const cx = ev.state;
  const expr = req.expr ?? parseText(req.text ?? '');
  const messageCount = cx.messages.length;
  const diagnosticCount = cx.diagnostics.length;
  const saved = { readOnly: cx.readOnly, shellWhileReadOnly: cx.shellWhileReadOnly, reading: cx.reading, trace: cx.trace, steps: cx.steps, maxSteps: cx.maxSteps, hidePrivateGlobals: cx.hidePrivateGlobals };
  const rec = req.trace ? recordTrace() : null;
  cx.readOnly = !req.sideEffects;
  cx.shellWhileReadOnly = req.runShell === true;
  cx.reading = req.loc ?? null;
  cx.trace = rec ? rec.hook : null;
  cx.steps = 0;
  cx.maxSteps = req.maxSteps ?? 2_000_000;
  let value = '';
  const stopped = guarded(cx, () => {
    if (req.target !== undefined) {
      cx.hidePrivateGlobals = true;
      for (const parent of req.parents ?? []) {
        const inherited = [patternSetFor(cx, parent), cx.targetVars.get(parent)];
        for (const set of inherited) if (set) cx.scopes.push(new Map([...set].filter(([, v]) => !v.private)));
      }
      const pattern = patternSetFor(cx, req.target);
      if (pattern) cx.scopes.push(pattern);
      const own = cx.targetVars.get(req.target);
      if (own) cx.scopes.push(own);
      cx.scopes.push(automaticFor(ev, { target: req.target, extra: req.automatic ?? {} }));
    } else if (req.automatic) {
      cx.scopes.push(automaticSet(Object.entries(req.automatic)));
    }
    value = expandExpr(cx, expr);
  });
  cx.scopes.length = 1;
  const messages = cx.messages.slice(messageCount);
  const diagnostics = cx.diagnostics.slice(diagnosticCount);
  if (!req.sideEffects) {
    cx.messages.length = messageCount;
    cx.diagnostics.length = diagnosticCount;
  }
  Object.assign(cx, saved);
  return { value, stopped, messages, diagnostics, trace: rec ? rec.roots : null };
}

/** `$(NAME)` as an Expr, for any name (one with `:` or `=` cannot be written as text). */
export function referenceExpr(name: string): Expr {
  const span = { start: 0, end: 0 };
  return { nodes: [{ kind: 'ref', name: { nodes: [{ kind: 'text', text: name, span }], span }, brace: '(', span }], span };
}

/** The expanded value of a global variable, as `$(NAME)` at the end of reading (with a target: `expandInContext` of `referenceExpr`). */
export function variableValue(ev: Evaluation, name: string, options: { runShell?: boolean } = {}): ExpandResult {
  return expandInContext(ev, { expr: referenceExpr(name), runShell: options.runShell });
}
