// Variable sets and make's precedence of origins (define_variable_in_set in
// variable.c of GNU make 4.3): a definition replaces an existing one only
// when its origin is at least as strong.
import type { Ctx, Var, VarSet } from './state';
import type { Definition, Flavor, Location, Origin } from './types';

const STRENGTH: Record<Origin, number> = {
  default: 0,
  environment: 1,
  file: 2,
  'environment override': 3,
  'command line': 4,
  override: 5,
  automatic: 6,
};

export function originStrength(o: Origin): number {
  return STRENGTH[o];
}

export function newVar(args: { name: string; value: string; flavor: Flavor; origin: Origin; loc: Location | null }): Var {
  return {
    name: args.name,
    flavor: args.flavor,
    origin: args.origin,
    value: args.value,
    loc: args.loc,
    definitions: [],
    private: false,
    exportState: undefined,
    exported: false,
    fromEnvironment: false,
    append: false,
    expr: null,
    expanding: false,
    callDepth: 0,
  };
}

/** A variable and the index (in cx.scopes) of the set it was found in. */
export interface Found {
  v: Var;
  at: number;
}

/** The variable visible under `name` in the current scopes, or in the sets below index `below`. */
export function lookupFound(cx: Ctx, q: { name: string; below?: number }): Found | undefined {
  const { name } = q;
  for (let k = (q.below ?? cx.scopes.length) - 1; k >= 0; k--) {
    const v = cx.scopes[k].get(name);
    if (v && !(k === 0 && v.private && cx.hidePrivateGlobals)) {
      if (k === 0 && name === '.VARIABLES') refreshVariablesList(cx, v);
      return { v, at: k };
    }
  }
  return undefined;
}

export function lookup(cx: Ctx, name: string): Var | undefined {
  for (let k = cx.scopes.length - 1; k >= 0; k--) {
    const v = cx.scopes[k].get(name);
    if (v && !(k === 0 && v.private && cx.hidePrivateGlobals)) {
      if (k === 0 && name === '.VARIABLES') refreshVariablesList(cx, v);
      return v;
    }
  }
  return undefined;
}

/** `.VARIABLES`: the names of all global variables (make lists them in hash order; we keep definition order). */
function refreshVariablesList(cx: Ctx, v: Var): void {
  if (v.origin === 'default') v.value = [...cx.global.keys()].join(' ');
}

export interface DefineArgs {
  set: VarSet;
  name: string;
  value: string;
  flavor: Flavor;
  origin: Origin;
  loc: Location | null;
  op: Definition['op'];
  /** The text to record as this definition's value (defaults to `value`). */
  recorded?: string;
  envOverrides: boolean;
}

/**
 * Define or redefine `name` in `set`. Returns the variable, or undefined
 * when an existing definition of stronger origin made make ignore this one
 * (the attempt is still recorded among the existing variable's definitions).
 */
export function defineVar(args: DefineArgs): Var | undefined {
  const origin = args.origin;
  const def: Definition = { loc: args.loc, op: args.op, origin, value: args.recorded ?? args.value, effective: true };
  const existing = args.set.get(args.name);
  if (existing) {
    // Under -e, a makefile's attempt on an environment variable marks it: the makefile cannot override it.
    if (args.envOverrides && existing.origin === 'environment') existing.origin = 'environment override';
    if (STRENGTH[origin] < STRENGTH[existing.origin]) {
      def.effective = false;
      existing.definitions.push(def);
      return undefined;
    }
    existing.value = args.value;
    existing.flavor = args.flavor;
    existing.origin = origin;
    existing.loc = args.loc;
    existing.expr = null;
    existing.definitions.push(def);
    return existing;
  }
  const v = newVar({ name: args.name, value: args.value, flavor: args.flavor, origin, loc: args.loc });
  v.definitions.push(def);
  args.set.set(args.name, v);
  return v;
}

/** A variable set holding automatic variables (call arguments, a foreach variable). */
export function automaticSet(entries: [string, string][]): VarSet {
  const set: VarSet = new Map();
  for (const [name, value] of entries) set.set(name, newVar({ name, value, flavor: 'simple', origin: 'automatic', loc: null }));
  return set;
}
