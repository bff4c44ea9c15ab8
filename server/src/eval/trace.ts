// Expansion tracing for hover: the expander reports each variable and
// function it expands (enter) and what that produced (leave). recordTrace()
// turns the events into a tree: `$(call cc-option,-fno-PIE)` → the body with
// $(1) substituted → the nested calls' bodies → … → the final text.
import type { Flavor, Location } from './types';

export type TraceEvent =
  | { kind: 'variable'; name: string; flavor: Flavor; raw: string; loc: Location | null }
  /** A builtin; `args` expanded for functions that expand their arguments first, raw text otherwise. */
  | { kind: 'function'; name: string; args: string[] }
  /** `$(call NAME,…)`: the variable's raw body and that body with $(0)…$(n) replaced by the arguments. */
  | { kind: 'call'; name: string; args: string[]; body: string; substituted: string };

export interface TraceHook {
  enter(event: TraceEvent): void;
  leave(result: string): void;
}

export interface TraceNode {
  event: TraceEvent;
  result: string;
  children: TraceNode[];
}

/** A hook that builds the tree of expansions; `roots` fills as expansion goes. */
export function recordTrace(maxNodes = 10000): { hook: TraceHook; roots: TraceNode[] } {
  const roots: TraceNode[] = [];
  const stack: TraceNode[] = [];
  let count = 0;
  let skipped = 0;
  const hook: TraceHook = {
    enter(event) {
      if (count >= maxNodes) {
        skipped++;
        return;
      }
      count++;
      const node: TraceNode = { event, result: '', children: [] };
      const parent = stack[stack.length - 1];
      (parent ? parent.children : roots).push(node);
      stack.push(node);
    },
    leave(result) {
      if (skipped > 0) {
        skipped--;
        return;
      }
      const node = stack.pop();
      if (node) node.result = result;
    },
  };
  return { hook, roots };
}
