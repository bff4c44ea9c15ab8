// Expansion of make text, following variable_expand_string and
// recursively_expand_for_file of GNU make 4.3: references, substitution
// references, builtin calls; the recursion check with make's own message;
// target-specific `+=` values joined to the inherited value at use time.
// Bounded by a step budget and a nesting depth, so nothing here can hang
// or overflow the stack on hostile input.
import type { Expr, ExprNode } from '../syntax/ast';
import type { Builtin } from './builtins/types';
import { parseText, unparse } from './parseCache';
import { type Ctx, type Var, errorLoc, fatal, fatalAt } from './state';
import { unterminatedMessage } from './unterminated';
import { type Found, lookupFound } from './variables';
import { isSpace, patsubst } from './words';

let builtinTable: ReadonlyMap<string, Builtin> = new Map();

/** Installed once by the builtin table module (keeps this module free of an import cycle). */
export function installBuiltins(table: ReadonlyMap<string, Builtin>): void {
  builtinTable = table;
}

export function builtins(): ReadonlyMap<string, Builtin> {
  return builtinTable;
}

export function expandExpr(cx: Ctx, e: Expr): string {
  const nodes = e.nodes;
  if (nodes.length === 1 && nodes[0].kind === 'text') return nodes[0].text;
  let out = '';
  for (let k = 0; k < nodes.length; k++) out += expandNode(cx, nodes[k]);
  return out;
}

export function expandText(cx: Ctx, raw: string): string {
  return raw.includes('$') ? expandExpr(cx, parseText(raw)) : raw;
}

/** Expand with the unexpanded text's leading and trailing whitespace removed first (make's strip_whitespace on an argument). */
export function expandStripped(cx: Ctx, e: Expr): string {
  const nodes = e.nodes;
  let first = 0;
  let last = nodes.length - 1;
  while (first <= last && isBlankText(nodes[first])) first++;
  while (last >= first && isBlankText(nodes[last])) last--;
  let out = '';
  for (let k = first; k <= last; k++) {
    const n = nodes[k];
    if (n.kind !== 'text') {
      out += expandNode(cx, n);
      continue;
    }
    let t = n.text;
    if (k === first) t = trimStartSpace(t);
    if (k === last) t = trimEndSpace(t);
    out += t;
  }
  return out;
}

function isBlankText(n: ExprNode): boolean {
  return n.kind === 'text' && trimStartSpace(n.text) === '';
}

function trimStartSpace(s: string): string {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i === 0 ? s : s.slice(i);
}

function trimEndSpace(s: string): string {
  let i = s.length;
  while (i > 0 && isSpace(s.charCodeAt(i - 1))) i--;
  return i === s.length ? s : s.slice(0, i);
}

function step(cx: Ctx): void {
  if (++cx.steps > cx.maxSteps) {
    fatal(cx, `evaluation stopped after ${cx.maxSteps} expansion steps (runaway $(eval), $(call) or $(foreach)?)`);
  }
}

/** Enter one level of nesting (a variable, a function); fatal past the limit. */
export function enterDepth(cx: Ctx): void {
  if (++cx.depth > cx.maxDepth) {
    cx.depth--;
    fatal(cx, `expansion nested more than ${cx.maxDepth} levels deep (runaway recursion in $(call) or $(eval)?)`);
  }
}

function expandNode(cx: Ctx, n: ExprNode): string {
  step(cx);
  if (n.kind === 'text') return n.text;
  const unterminated = unterminatedMessage(n);
  if (unterminated !== undefined) fatal(cx, unterminated);
  switch (n.kind) {
    case 'ref': {
      const literal = n.name.nodes.length === 1 && n.name.nodes[0].kind === 'text';
      const name = literal ? (n.name.nodes[0] as { text: string }).text : expandExpr(cx, n.name);
      if (!literal && n.brace !== '') {
        // The expanded name may itself read as a substitution reference: $($(v):a=b) → $(x:a=b).
        const colon = name.indexOf(':');
        if (colon !== -1) {
          const eq = name.indexOf('=', colon + 1);
          if (eq !== -1) return substRef(cx, { name: name.slice(0, colon), from: name.slice(colon + 1, eq), to: name.slice(eq + 1) });
        }
      }
      return reference(cx, name);
    }
    case 'subst': {
      const name = expandExpr(cx, n.name);
      const from = expandExpr(cx, n.from);
      const to = expandExpr(cx, n.to);
      const literal = isLiteral(n.name) && isLiteral(n.from) && isLiteral(n.to);
      if (!literal) {
        // make expands the whole reference first, then looks for ':' and '='.
        const whole = `${name}:${from}=${to}`;
        const colon = whole.indexOf(':');
        const eq = whole.indexOf('=', colon + 1);
        return substRef(cx, { name: whole.slice(0, colon), from: whole.slice(colon + 1, eq), to: whole.slice(eq + 1) });
      }
      return substRef(cx, { name, from, to });
    }
    case 'call':
      return callBuiltin(cx, n);
    default: {
      const never: never = n;
      return never;
    }
  }
}

function isLiteral(e: Expr): boolean {
  for (const n of e.nodes) if (n.kind !== 'text') return false;
  return true;
}

/** $(NAME:from=to): patsubst on the words of the value, `%` implied at the front when `from` has none. */
function substRef(cx: Ctx, r: { name: string; from: string; to: string }): string {
  const found = lookupFound(cx, { name: r.name });
  if (!found || found.v.value === '') return '';
  const value = valueOf(cx, found);
  if (r.from.includes('%')) return patsubst({ pattern: r.from, replacement: r.to, text: value });
  return patsubst({ pattern: '%' + r.from, replacement: '%' + r.to, text: value });
}

/** The value of the variable visible under `name`, expanded ('' when undefined). */
export function reference(cx: Ctx, name: string): string {
  const found = lookupFound(cx, { name });
  return found ? valueOf(cx, found) : '';
}

function exprOf(v: Var): Expr {
  if (!v.expr) v.expr = parseText(v.value);
  return v.expr;
}

/** A variable's value: simple ones as stored, recursive ones expanded now. */
export function valueOf(cx: Ctx, found: Found): string {
  const { v } = found;
  if (v.flavor === 'simple' && !v.append) return v.value;
  if (v.expanding && v.callDepth === 0) {
    fatalAt({ message: `Recursive variable '${v.name}' references itself (eventually)`, loc: v.loc ?? errorLoc(cx) });
  }
  enterDepth(cx);
  if (v.loc) cx.expandingLocs.push(v.loc);
  const wasExpanding = v.expanding;
  v.expanding = true;
  cx.trace?.enter({ kind: 'variable', name: v.name, flavor: v.flavor, raw: v.value, loc: v.loc });
  let result = '';
  try {
    result = v.append ? appendedValue(cx, found) : expandExpr(cx, exprOf(v));
  } finally {
    v.expanding = wasExpanding;
    if (v.loc) cx.expandingLocs.pop();
    cx.depth--;
    cx.trace?.leave(result);
  }
  return result;
}

/** A target-specific `+=` variable: the inherited value, a space, then its own (variable_append). */
function appendedValue(cx: Ctx, found: Found): string {
  const { v } = found;
  const below = lookupFound(cx, { name: v.name, below: found.at });
  let parent = '';
  if (below) {
    const pv = below.v;
    parent = pv.append ? appendedValue(cx, below) : pv.flavor === 'simple' ? pv.value : expandExpr(cx, exprOf(pv));
  }
  const own = v.flavor === 'simple' ? v.value : expandExpr(cx, exprOf(v));
  return parent === '' ? own : parent + ' ' + own;
}

function callBuiltin(cx: Ctx, n: Extract<ExprNode, { kind: 'call' }>): string {
  const b = builtinTable.get(n.fn);
  if (b) return runBuiltin(cx, { b, exprs: n.args, args: null });
  return notAFunction(cx, n);
}

/**
 * A name the reader knows as a function that this make does not have
 * (`guile`, make built without Guile): make reads `$(guile …)` as a variable
 * reference, which ends at the first closing brace when no `$` comes before it.
 */
function notAFunction(cx: Ctx, n: Extract<ExprNode, { kind: 'call' }>): string {
  const close = n.brace === '{' ? '}' : ')';
  const inner = n.args.map(unparse).join(',');
  const end = inner.indexOf(close);
  const dollar = inner.indexOf('$');
  if (end === -1 || (dollar !== -1 && dollar < end)) return reference(cx, `${n.fn} ${expandText(cx, inner)}`);
  return reference(cx, `${n.fn} ${inner.slice(0, end)}`) + expandText(cx, inner.slice(end + 1) + close);
}

/**
 * Run a builtin on argument Exprs (expanded first when the builtin wants
 * that), or on strings already expanded (`$(call info,…)`).
 */
export function runBuiltin(cx: Ctx, r: { b: Builtin; exprs: Expr[]; args: string[] | null }): string {
  const { b } = r;
  const count = r.args ? r.args.length : r.exprs.length;
  if (count < b.minArgs) fatal(cx, `insufficient number of arguments (${count}) to function '${b.name}'`);
  enterDepth(cx);
  // Entered before the arguments expand, so their expansions nest under the call in a trace.
  const event = { kind: 'function' as const, name: b.name, args: [] as string[] };
  cx.trace?.enter(event);
  let result = '';
  try {
    let args: string[];
    let exprs = r.exprs;
    if (r.args) {
      args = r.args;
      if (!b.expandArgs) exprs = r.args.map(parseText);
    } else {
      args = b.expandArgs ? r.exprs.map((e) => expandExpr(cx, e)) : [];
    }
    if (cx.trace) event.args.push(...(b.expandArgs ? args : exprs.map(unparse)));
    result = b.impl({ cx, args, exprs });
  } finally {
    cx.depth--;
    cx.trace?.leave(result);
  }
  return result;
}

