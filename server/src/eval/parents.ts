// The targets through which make reaches a target when it builds `goals`:
// make walks prerequisites depth first, in order (order-only ones after),
// and a file built for a parent sees that parent's target-specific
// variables (remake.c sets file->parent; variable.c chains the parent's
// set under the file's own). Kbuild relies on it without saying so: the
// descent into `.` runs under `vmlinux: export LDFLAGS_vmlinux = …`.
import type { EvalResult } from './types';

/**
 * The chain of targets from a goal down to `target`'s parent, outermost
 * first, along the first path make's walk takes; [] when `target` is a goal
 * or is not reached.
 */
export function parentChain(ev: EvalResult, q: { target: string; goals?: readonly string[] }): string[] {
  const goals = q.goals && q.goals.length > 0 ? q.goals : [ev.defaultGoal];
  const visited = new Set<string>();
  const path: string[] = [];
  const walk = (name: string): boolean => {
    if (name === q.target) return true;
    if (visited.has(name)) return false;
    visited.add(name);
    const t = ev.targets.get(name);
    if (!t) return false;
    path.push(name);
    for (const p of [...t.prereqs, ...t.orderOnly]) if (walk(p)) return true;
    path.pop();
    return false;
  };
  for (const g of goals) {
    if (g === q.target) return [];
    if (walk(g)) return path;
  }
  return [];
}
