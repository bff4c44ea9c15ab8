// What if the targets waiting on a barrier waited only for what they use?
//
// Input: the barrier node and `uses`, target node id → ids of the generated
// files it really read (the .cmd index provides it). For each dependent of the
// barrier the barrier edge goes; a dependent that runs a sub-make passes the
// question down to the targets of that sub-make (they waited through it).
// A target with a `uses` entry then waits for exactly those files; one that
// ran no recipe (no measured time: `all`, a sub-make's goal) reads nothing and
// waits for nothing more; any other keeps waiting for the barrier (unknown =
// 'wait', the default) or waits for nothing (unknown = 'free': the upper
// bound, used as the barrier's cost). Both graphs are replayed by simulate()
// with the same measured durations and the same jobs (unlimited: longest
// path; N: make -jN list scheduling), so the saving is model against model.

import type { BuildGraph, GraphEdge } from '../../protocol/graph';
import { buildSchedDag, type DagEdits, type Timings } from './schedDag';
import { criticalChain, replay, simulate, type Replay } from './simulate';
import { EDGE_SUBMAKE, indexGraph } from './graphIndex';

export interface WhatIfResult {
  barrier: string;
  /** null: unlimited jobs. */
  jobs: number | null;
  /** Simulated wall time with the barrier, seconds. */
  before: number;
  /** … and with the barrier edges replaced. */
  after: number;
  saving: number;
  removedEdges: number;
  addedEdges: number;
  /** Targets without a `uses` entry that still wait for the barrier. */
  stillWaiting: string[];
  /** `uses` files that are not nodes of the graph (ignored). */
  unknownFiles: string[];
  pathBefore: string[];
  pathAfter: string[];
}

export interface WhatIfInput {
  graph: BuildGraph;
  timings: Timings;
  barrier: string;
  uses: ReadonlyMap<string, readonly string[]>;
  jobs?: number;
  unknown?: 'wait' | 'free';
}

export function whatIf(o: WhatIfInput): WhatIfResult {
  return whatIfFrom(o, replay(o));
}

/** whatIf against an already replayed unedited graph (same graph, timings and jobs). */
export function whatIfFrom(o: WhatIfInput, before: Replay): WhatIfResult {
  const edits = barrierEdits(o);
  const dag = buildSchedDag({ graph: o.graph, timings: o.timings, edits: edits.edits, rank: before.dag.rank });
  const after = { dag, schedule: simulate({ dag, jobs: o.jobs }) };
  const path = (b: Replay): string[] => dedupe(criticalChain(b).map((t) => b.dag.node[t]));
  return {
    barrier: o.barrier,
    jobs: o.jobs !== undefined && Number.isFinite(o.jobs) ? o.jobs : null,
    before: before.schedule.makespan / 1e6,
    after: after.schedule.makespan / 1e6,
    saving: (before.schedule.makespan - after.schedule.makespan) / 1e6,
    removedEdges: edits.removed.size,
    addedEdges: edits.edits.add?.length ?? 0,
    stillWaiting: edits.stillWaiting,
    unknownFiles: edits.unknownFiles,
    pathBefore: path(before),
    pathAfter: path(after),
  };
}

interface BarrierEdits {
  edits: DagEdits;
  removed: Set<string>;
  stillWaiting: string[];
  unknownFiles: string[];
}

function barrierEdits(o: WhatIfInput): BarrierEdits {
  const { graph, barrier, uses } = o;
  const gi = indexGraph(graph);
  const free = o.unknown === 'free';
  const b = gi.index.get(barrier);
  const removed = new Set<string>();
  const add: GraphEdge[] = [];
  const stillWaiting: string[] = [];
  const unknownFiles = new Set<string>();
  const direct = new Set<number>();
  for (let k = 0; k < gi.from.length; k++) if (gi.from[k] === b && b !== undefined && gi.kind[k] !== EDGE_SUBMAKE && gi.to[k] >= 0) direct.add(gi.to[k]);
  const seen = new Set<number>();
  // The target stops waiting for the barrier (directly or through the recipe
  // that runs its sub-make) and waits for what it uses instead.
  const release = (i: number): void => {
    if (seen.has(i)) return;
    seen.add(i);
    const target = gi.ids[i];
    const subs = gi.subContexts.get(i);
    const ranRecipe = (o.timings.get(target)?.duration ?? 0) > 0;
    if (uses.has(target) || subs || free || !ranRecipe) {
      if (direct.has(i)) removed.add(target);
      for (const f of uses.get(target) ?? []) {
        if (gi.index.has(f)) add.push({ from: f, to: target });
        else unknownFiles.add(f);
      }
      for (const c of subs ?? []) for (const m of gi.members.get(c) ?? []) if (m !== i) release(m);
      return;
    }
    stillWaiting.push(target);
    if (!direct.has(i)) add.push({ from: barrier, to: target });
  };
  for (const d of direct) release(d);
  return {
    edits: { remove: (e) => e.from === barrier && removed.has(e.to), add },
    removed,
    stillWaiting,
    unknownFiles: [...unknownFiles],
  };
}

function dedupe(list: string[]): string[] {
  return list.filter((x, i) => i === 0 || list[i - 1] !== x);
}
