// Target- and pattern-specific variables (record_target_var in read.c of
// GNU make 4.3). A target's variables live in its own set, assigned with
// that set in scope (so `foo: X := $(X) y` sees foo's X); a command-line
// value still wins over a non-override target definition. Pattern variables
// are kept with their operator and applied when a target's context is set
// up, the shorter pattern first, as make orders them.
import type { Stmt } from '../syntax/ast';
import { assign } from './assign';
import { expandExpr } from './expand';
import { expandNames } from './rules';
import { type Ctx, type Var, type VarSet, fatalAt } from './state';
import type { Location } from './types';
import { newVar } from './variables';
import { parsePattern } from './words';

export function recordTargetAssign(cx: Ctx, r: { stmt: Extract<Stmt, { kind: 'targetAssign' }>; loc: Location }): void {
  const { stmt, loc } = r;
  const targets = expandNames(cx, expandExpr(cx, stmt.targets));
  const name = expandExpr(cx, stmt.name);
  if (name === '') fatalAt({ message: 'empty variable name', loc });
  const origin = stmt.mods.override ? 'override' : 'file';
  for (const target of targets) {
    if (parsePattern(target).suffix !== null) {
      recordPatternVar(cx, { pattern: target, name, stmt, loc });
      continue;
    }
    let set = cx.targetVars.get(target);
    if (!set) {
      set = new Map();
      cx.targetVars.set(target, set);
    }
    cx.scopes.push(set);
    let v: Var | undefined;
    try {
      v = assign(cx, { name, op: stmt.op, text: stmt.valueText, expr: stmt.value, origin, loc, targetSet: set });
    } finally {
      cx.scopes.pop();
    }
    if (!v || !set.has(name)) continue;
    if (stmt.mods.export) v.exportState = 'export';
    if (stmt.mods.private) v.private = true;
    if (v.origin !== 'override') {
      const gv = cx.global.get(name);
      if (gv && gv !== v && (gv.origin === 'environment override' || gv.origin === 'command line')) {
        v.value = gv.value;
        v.origin = gv.origin;
        v.flavor = gv.flavor;
        v.append = false;
        v.expr = null;
      }
    }
  }
}

function recordPatternVar(
  cx: Ctx,
  p: { pattern: string; name: string; stmt: Extract<Stmt, { kind: 'targetAssign' }>; loc: Location },
): void {
  const { stmt } = p;
  const simple = stmt.op === ':=' || stmt.op === '::=';
  const value = simple ? expandExpr(cx, stmt.value) : stmt.valueText;
  const v = newVar({ name: p.name, value, flavor: simple ? 'simple' : 'recursive', origin: stmt.mods.override ? 'override' : 'file', loc: p.loc });
  v.definitions.push({ loc: p.loc, op: stmt.op, origin: v.origin, value, effective: true });
  if (!simple) v.expr = stmt.value;
  v.append = stmt.op === '+=';
  if (stmt.mods.export) v.exportState = 'export';
  v.private = stmt.mods.private;
  // Kept sorted by pattern length, stable: make applies the more general patterns first.
  let at = cx.patternVars.length;
  while (at > 0 && cx.patternVars[at - 1].pattern.length > p.pattern.length) at--;
  cx.patternVars.splice(at, 0, { pattern: p.pattern, op: stmt.op, variable: v });
}

/** The set of pattern-specific variables that apply to `target`, built like initialize_file_variables does. */
export function patternSetFor(cx: Ctx, target: string): VarSet | null {
  let set: VarSet | null = null;
  for (const pv of cx.patternVars) {
    const pat = parsePattern(pv.pattern);
    if (!matches(pat, target)) continue;
    set ??= new Map();
    const src = pv.variable;
    if (src.flavor === 'simple' && pv.op !== '+=') {
      const v = newVar({ name: src.name, value: src.value, flavor: 'simple', origin: src.origin, loc: src.loc });
      v.exportState = src.exportState;
      v.private = src.private;
      set.set(src.name, v);
      continue;
    }
    cx.scopes.push(set);
    try {
      const v = assign(cx, { name: src.name, op: pv.op, text: src.value, expr: src.expr, origin: src.origin, loc: src.loc, targetSet: set });
      if (v) {
        v.exportState = src.exportState;
        v.private = src.private;
      }
    } finally {
      cx.scopes.pop();
    }
  }
  return set;
}

function matches(p: ReturnType<typeof parsePattern>, target: string): boolean {
  if (p.suffix === null) return p.prefix === target;
  return target.length >= p.prefix.length + p.suffix.length && target.startsWith(p.prefix) && target.endsWith(p.suffix);
}
