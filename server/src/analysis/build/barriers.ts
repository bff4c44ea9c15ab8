// Barriers: umbrella targets (phony, or forced by a FORCE-like prerequisite
// and without a recipe of their own) whose whole prerequisite set must finish
// before any of many dependents can start — Kbuild's `prepare` in front of every directory. A dependent that
// runs a sub-make holds back everything in it (Kbuild 6.1 has one: `.`), so
// "many" counts those too (`held`). With measured
// durations each gets a cost: the wall time saved if its dependents did not
// wait for it at all (whatIf with unknown = 'free'), the most any narrowing of
// its edges can win.

import type { Barrier, BuildGraph } from '../../protocol/graph';
import { EDGE_SUBMAKE, indexGraph, type GraphIndex } from './graphIndex';
import type { Timings } from './schedDag';
import { replay, type Replay } from './simulate';
import { whatIfFrom } from './whatIf';

export interface BarrierOptions {
  graph: BuildGraph;
  /** Fewest targets held back (dependents and what their sub-makes build) that make an umbrella a barrier (default 2). */
  minFanOut?: number;
  /** With measured durations (µs), each barrier gets a cost. */
  timings?: Timings;
  /** Jobs for the cost simulation (default unlimited: longest path). */
  jobs?: number;
  /** The unedited graph already replayed with these timings and jobs. */
  base?: Replay;
}

export function findBarriers(o: BarrierOptions): Barrier[] {
  const { graph } = o;
  const gi = indexGraph(graph);
  const minFanOut = o.minFanOut ?? 2;
  const n = gi.ids.length;
  const prereqs = adjacency(gi, gi.to, gi.from);
  const dependents = adjacency(gi, gi.from, gi.to);
  const forceLike = (i: number): boolean => graph.nodes[i].kind === 'phony' && prereqs.count(i) === 0 && !graph.nodes[i].duration;
  const inside = subMakeSizes(gi);
  const barriers: Barrier[] = [];
  for (let i = 0; i < n; i++) {
    const node = graph.nodes[i];
    if (dependents.count(i) === 0 || prereqs.count(i) === 0 || (node.kind !== 'phony' && node.loc)) continue;
    const outs = unique(dependents.of(i));
    const held = outs.reduce((sum, d) => sum + 1 + (inside.get(d) ?? 0), 0);
    if (held < minFanOut) continue;
    const ins = prereqs.of(i);
    const real = unique(ins.filter((p) => !forceLike(p)));
    if (real.length === 0) continue;
    // FORCE-driven with a recipe is a product (every Kbuild object is one):
    // its dependents wait because they use it. Without one, it only gathers.
    const forced = real.length < unique(ins).length && !node.loc;
    if (node.kind !== 'phony' && !forced) continue;
    barriers.push({ node: gi.ids[i], fanIn: real.length, fanOut: outs.length, waiting: outs.map((d) => gi.ids[d]), held });
  }
  if (o.timings) {
    const base = o.base ?? replay({ graph, timings: o.timings, jobs: o.jobs });
    for (const b of barriers) {
      const r = whatIfFrom({ graph, timings: o.timings, barrier: b.node, uses: new Map(), unknown: 'free', jobs: o.jobs }, base);
      b.cost = r.saving;
    }
  }
  return barriers.sort((a, b) => (b.cost ?? 0) - (a.cost ?? 0) || (b.held ?? 0) - (a.held ?? 0) || b.fanOut - a.fanOut || a.node.localeCompare(b.node));
}

/** Runner node → how many nodes its sub-makes hold (theirs and their own sub-makes', recursively). */
function subMakeSizes(gi: GraphIndex): Map<number, number> {
  const size = new Map<number, number>();
  const visit = (runner: number): number => {
    const known = size.get(runner);
    if (known !== undefined) return known;
    size.set(runner, 0); // a cycle counts once
    let total = 0;
    for (const c of gi.subContexts.get(runner) ?? []) {
      for (const m of gi.members.get(c) ?? []) total += 1 + (m !== runner && gi.subContexts.has(m) ? visit(m) : 0);
    }
    size.set(runner, total);
    return total;
  };
  for (const runner of gi.subContexts.keys()) visit(runner);
  return size;
}

interface Adjacency {
  count(i: number): number;
  of(i: number): number[];
}

/** Per node, the other ends of its prerequisite edges (`key` → `value`), packed: no list per node. */
function adjacency(gi: GraphIndex, key: Int32Array, value: Int32Array): Adjacency {
  const n = gi.ids.length;
  const start = new Int32Array(n + 1);
  const kept = (k: number): boolean => gi.kind[k] !== EDGE_SUBMAKE && key[k] >= 0 && value[k] >= 0;
  for (let k = 0; k < key.length; k++) if (kept(k)) start[key[k] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const list = new Int32Array(start[n]);
  for (let k = 0; k < key.length; k++) if (kept(k)) list[fill[key[k]]++] = value[k];
  return { count: (i) => start[i + 1] - start[i], of: (i) => Array.from(list.subarray(start[i], start[i + 1])) };
}

function unique(list: number[]): number[] {
  return list.length < 2 ? list : [...new Set(list)];
}
