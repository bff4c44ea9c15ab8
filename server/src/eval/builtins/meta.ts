// Functions about variables and make text: call, value, eval, origin, flavor.
// `$(call)` follows func_call of GNU make 4.3: a builtin name calls the
// builtin; otherwise $(0)…$(n) are pushed as a new scope (hiding the outer
// call's extra arguments) and the variable is expanded with its recursion
// check off, so recursive functions work until the depth limit.
import type { Expr, ExprNode } from '../../syntax/ast';
import { builtins, enterDepth, reference, runBuiltin } from '../expand';
import { parseText, unparse } from '../parseCache';
import type { Ctx } from '../state';
import { evalText } from '../statements';
import { UNKNOWN, hasUnknown } from '../unknown';
import { automaticSet, lookup } from '../variables';
import { isSpace } from '../words';
import type { Builtin } from './types';

function trimName(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

/** The raw body with references to $(0)…$(n) replaced by the arguments: what hover shows as one step. */
function substituteArgs(body: string, args: string[]): string {
  return unparse(substituteExpr(parseText(body), args));
}

function substituteExpr(e: Expr, args: string[]): Expr {
  return { nodes: e.nodes.map((n) => substituteNode(n, args)), span: e.span };
}

function substituteNode(n: ExprNode, args: string[]): ExprNode {
  switch (n.kind) {
    case 'text':
      return n;
    case 'ref': {
      const only = n.name.nodes.length === 1 ? n.name.nodes[0] : null;
      if (only && only.kind === 'text' && /^[0-9]+$/.test(only.text)) return { kind: 'text', text: args[Number(only.text)] ?? '', span: n.span };
      return { ...n, name: substituteExpr(n.name, args) };
    }
    case 'subst':
      return { ...n, name: substituteExpr(n.name, args), from: substituteExpr(n.from, args), to: substituteExpr(n.to, args) };
    case 'call':
      return { ...n, args: n.args.map((a) => substituteExpr(a, args)) };
    default: {
      const never: never = n;
      return never;
    }
  }
}

function call(cx: Ctx, args: string[]): string {
  const name = trimName(args[0]);
  if (name === '') return '';
  if (hasUnknown(name)) return UNKNOWN;
  const b = builtins().get(name);
  if (b) return runBuiltin(cx, { b, exprs: [], args: args.slice(1) });
  const v = lookup(cx, name);
  if (!v || v.value === '') return '';
  const entries: [string, string][] = [[String(0), name]];
  for (let k = 1; k < args.length; k++) entries.push([String(k), args[k]]);
  for (let k = args.length; k < cx.maxCallArgs; k++) entries.push([String(k), '']);
  const scope = automaticSet(entries);
  const savedMax = cx.maxCallArgs;
  if (cx.trace) {
    const values = [name, ...args.slice(1)];
    cx.trace.enter({ kind: 'call', name, args: args.slice(1), body: v.value, substituted: substituteArgs(v.value, values) });
  }
  enterDepth(cx);
  cx.scopes.push(scope);
  cx.maxCallArgs = args.length;
  v.callDepth++;
  let result = '';
  try {
    result = reference(cx, name);
  } finally {
    v.callDepth--;
    cx.maxCallArgs = savedMax;
    cx.scopes.pop();
    cx.depth--;
    cx.trace?.leave(result);
  }
  return result;
}

export const META_BUILTINS: Builtin[] = [
  { name: 'call', minArgs: 1, expandArgs: true, impl: ({ cx, args }) => call(cx, args) },
  {
    name: 'value',
    minArgs: 0,
    expandArgs: true,
    impl: ({ cx, args }) => lookup(cx, args[0] ?? '')?.value ?? '',
  },
  {
    name: 'origin',
    minArgs: 0,
    expandArgs: true,
    impl: ({ cx, args }) => (hasUnknown(args[0] ?? '') ? UNKNOWN : (lookup(cx, args[0] ?? '')?.origin ?? 'undefined')),
  },
  {
    name: 'flavor',
    minArgs: 0,
    expandArgs: true,
    impl: ({ cx, args }) => (hasUnknown(args[0] ?? '') ? UNKNOWN : (lookup(cx, args[0] ?? '')?.flavor ?? 'undefined')),
  },
  {
    name: 'eval',
    minArgs: 0,
    expandArgs: true,
    impl: ({ cx, args }) => {
      evalText(cx, args[0] ?? '');
      return '';
    },
  },
];
