// What a recipe (and so a sub-make) gets as its environment, following
// target_environment() in variable.c of GNU make 4.3: the target's own
// variables over pattern-specific ones over the global ones; a variable is
// passed when exported explicitly, or by default when it came from the
// environment or the command line (or everything, after a bare `export`),
// never make's defaults and automatic variables; recursive values are
// expanded in the target's context except those from the environment.
// MAKEFLAGS is always passed (unless unexported); MAKELEVEL one higher.
import type { Evaluation } from './evaluate';
import { valueOf } from './expand';
import { type Ctx, guarded, type Var, type VarSet } from './state';
import { patternSetFor } from './targetVars';
import type { EvalDiagnostic } from './types';

const EXPORTABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isExported(q: { v: Var; state: Var['exportState']; exportAll: boolean }): boolean {
  const { v, state, exportAll } = q;
  if (state === 'export') return true;
  if (state === 'unexport') return false;
  // make always passes MAKEFLAGS on (expanded), unless told not to.
  if (v.name === 'MAKEFLAGS') return true;
  if (v.origin === 'default' || v.origin === 'automatic') return false;
  if (!EXPORTABLE.test(v.name)) return false;
  return exportAll || v.fromEnvironment || v.origin === 'command line' || v.origin === 'environment' || v.origin === 'environment override';
}

/** Set each variable's `exported` as it stands at the end of reading. */
export function markExported(cx: Ctx): void {
  for (const v of cx.global.values()) v.exported = isExported({ v, state: v.exportState, exportAll: cx.exportAll });
  for (const set of cx.targetVars.values()) {
    for (const v of set.values()) {
      const state = v.exportState ?? cx.global.get(v.name)?.exportState;
      v.exported = isExported({ v, state, exportAll: cx.exportAll });
    }
  }
}

export interface RecipeEnvironment {
  env: Map<string, string>;
  stopped: EvalDiagnostic | null;
}

export interface RecipeEnvironmentOptions {
  /**
   * The targets make reached `target` through, outermost first (see
   * parentChain): their non-private target and pattern variables are
   * inherited, as make does for a prerequisite built for a parent.
   */
  parents?: readonly string[];
  /** Run `$(shell)` calls that reading did not run (make does, when it starts the recipe); the host still decides. */
  runShell?: boolean;
}

/** A variable set without its private variables: what a parent's set shows to the files built for it. */
function withoutPrivate(set: VarSet): VarSet {
  return new Map([...set].filter(([, v]) => !v.private));
}

/** The environment make gives the recipes of `target` (or, with no target, a `$(shell)`-free global view). */
export function recipeEnvironment(ev: Evaluation, target?: string, options: RecipeEnvironmentOptions = {}): RecipeEnvironment {
  const cx = ev.state;
  const sets: VarSet[] = [cx.global];
  const env = new Map<string, string>();
  const saved = { readOnly: cx.readOnly, hidePrivateGlobals: cx.hidePrivateGlobals, shellWhileReadOnly: cx.shellWhileReadOnly };
  cx.readOnly = true;
  cx.shellWhileReadOnly = options.runShell === true;
  cx.hidePrivateGlobals = target !== undefined;
  const stopped = guarded(cx, () => {
    if (target !== undefined) {
      for (const parent of options.parents ?? []) {
        const pattern = patternSetFor(cx, parent);
        if (pattern) sets.push(withoutPrivate(pattern));
        const own = cx.targetVars.get(parent);
        if (own) sets.push(withoutPrivate(own));
      }
      const pattern = patternSetFor(cx, target);
      if (pattern) sets.push(pattern);
      const own = cx.targetVars.get(target);
      if (own) sets.push(own);
    }
    cx.scopes.push(...sets.slice(1));
    const seen = new Set<string>();
    for (let k = sets.length - 1; k >= 0; k--) {
      for (const v of sets[k].values()) {
        if (seen.has(v.name)) continue;
        // A target's variable that was not marked takes the global variable's mark.
        const state = k > 0 && v.exportState === undefined ? cx.global.get(v.name)?.exportState : v.exportState;
        if (!isExported({ v, state, exportAll: cx.exportAll })) continue;
        seen.add(v.name);
        const raw = v.origin === 'environment' || v.origin === 'environment override';
        env.set(v.name, raw && !v.append ? v.value : valueOf(cx, { v, at: k }));
      }
    }
  });
  cx.scopes.length = 1;
  Object.assign(cx, saved);
  env.set('MAKELEVEL', String(cx.makeLevel + 1));
  return { env, stopped };
}
