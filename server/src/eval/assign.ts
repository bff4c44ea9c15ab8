// Variable assignments with GNU make 4.3's semantics (do_variable_definition
// in variable.c): `=`, `:=`/`::=`, `?=`, `+=` keeping the flavor of what it
// appends to, `!=` through the shell policy; override and origins; target-
// specific definitions (`+=` with nothing to append to in the target's own
// set is kept as an append, joined to the inherited value when used).
import type { AssignOp, Expr, ExprNode } from '../syntax/ast';
import { expandExpr, expandText } from './expand';
import { shellAssignValue } from './builtins/io';
import type { Ctx, Var, VarSet } from './state';
import type { Definition, Location, Origin } from './types';
import { defineVar, lookup } from './variables';

export interface AssignArgs {
  name: string;
  op: AssignOp;
  /** The value as written (raw). */
  text: string;
  /** The parsed value, when the caller has it (statements do). */
  expr: Expr | null;
  origin: Origin;
  loc: Location | null;
  /** Set for target-specific assignments: the target's own variable set. */
  targetSet?: VarSet;
  /** Recorded op for definitions (`define` blocks). */
  defOp?: Definition['op'];
}

function valueExpr(a: AssignArgs, cx: Ctx): string {
  return a.expr ? expandExpr(cx, a.expr) : expandText(cx, a.text);
}

/** What an assignment stores. */
interface NewValue {
  value: string;
  flavor: 'recursive' | 'simple';
  /** The parsed value, when already known (recursive values only). */
  expr: Expr | null;
  /** The text this definition contributed, when not the whole value (`+=`). */
  recorded?: string;
  /** A target-specific `+=` that found nothing to append to in its own set. */
  append: boolean;
}

/**
 * Perform an assignment. Returns the variable now holding the name (the
 * existing one when make ignored this definition), or undefined.
 */
export function assign(cx: Ctx, a: AssignArgs): Var | undefined {
  const defOp: Definition['op'] = a.defOp ?? a.op;
  const nv = newValue(cx, a);
  if (!nv.ok) {
    nv.existing.definitions.push({ loc: a.loc, op: defOp, origin: a.origin, value: a.text, effective: false });
    return nv.existing;
  }
  const set = a.targetSet ?? cx.global;
  const { value, flavor, expr, recorded } = nv.value;
  const v = defineVar({ set, name: a.name, value, flavor, origin: a.origin, loc: a.loc, op: defOp, recorded, envOverrides: cx.envOverrides });
  if (!v) return set.get(a.name);
  if (expr && flavor === 'recursive') v.expr = expr;
  if (a.targetSet) v.append = nv.value.append;
  return v;
}

/** The value to store, or the existing variable when make leaves it alone (`?=` on a defined one, `+=` of nothing). */
function newValue(cx: Ctx, a: AssignArgs): { ok: true; value: NewValue } | { ok: false; existing: Var } {
  switch (a.op) {
    case '=':
      return { ok: true, value: { value: a.text, flavor: 'recursive', expr: a.expr, append: false } };
    case ':=':
    case '::=':
      return { ok: true, value: { value: valueExpr(a, cx), flavor: 'simple', expr: null, append: false } };
    case '!=':
      return { ok: true, value: { value: shellAssignValue(cx, valueExpr(a, cx)), flavor: 'recursive', expr: null, append: false } };
    case '?=': {
      const existing = lookup(cx, a.name);
      if (existing) return { ok: false, existing };
      return { ok: true, value: { value: a.text, flavor: 'recursive', expr: a.expr, append: false } };
    }
    case '+=':
      return appendValue(cx, a);
    default: {
      const never: never = a.op;
      return never;
    }
  }
}

/**
 * `+=`: in a target context only the target's own set counts, and with
 * nothing there the result is an append variable; globally the visible
 * variable. The flavor is the old one's; nothing appended leaves it as it is.
 */
function appendValue(cx: Ctx, a: AssignArgs): { ok: true; value: NewValue } | { ok: false; existing: Var } {
  const old = a.targetSet ? a.targetSet.get(a.name) : lookup(cx, a.name);
  const append = a.targetSet !== undefined && (!old || old.append);
  if (!old) return { ok: true, value: { value: a.text, flavor: 'recursive', expr: a.expr, append } };
  const recursive = old.flavor === 'recursive';
  const added = recursive ? a.text : valueExpr(a, cx);
  if (added === '') return { ok: false, existing: old };
  const value = old.value === '' ? added : old.value + ' ' + added;
  // Joining parsed values saves parsing the whole text again when it is used between appends.
  let expr: Expr | null = null;
  if (recursive && old.expr && a.expr) {
    const space: ExprNode[] = old.value === '' ? [] : [{ kind: 'text', text: ' ', span: a.expr.span }];
    expr = { nodes: [...old.expr.nodes, ...space, ...a.expr.nodes], span: a.expr.span };
  }
  return { ok: true, value: { value, flavor: recursive ? 'recursive' : 'simple', expr, recorded: added, append } };
}
