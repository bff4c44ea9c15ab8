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
import { buildSchedDag, type DagEdits, type SchedDag, type Timings } from './schedDag';
import { criticalChain, replay, simulate, type Replay } from './simulate';
import { EDGE_SUBMAKE, indexGraph, listByIndex } from './graphIndex';

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
  const dag = edits.edits.add?.length
    ? buildSchedDag({ graph: o.graph, timings: o.timings, edits: edits.edits, rank: before.dag.rank })
    : withoutEdges(before.dag, o.graph, edits.edits.remove);
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
  const timings = listByIndex(gi, o.timings);
  const free = o.unknown === 'free';
  const b = gi.index.get(barrier) ?? -1;
  const removed = new Set<string>();
  const removedAt = new Uint8Array(gi.ids.length);
  const add: GraphEdge[] = [];
  const stillWaiting: string[] = [];
  const unknownFiles = new Set<string>();
  const direct = new Set<number>();
  for (let k = 0; k < gi.from.length; k++) if (gi.from[k] === b && b >= 0 && gi.kind[k] !== EDGE_SUBMAKE && gi.to[k] >= 0) direct.add(gi.to[k]);
  const seen = new Uint8Array(gi.ids.length);
  // The target stops waiting for the barrier (directly or through the recipe
  // that runs its sub-make) and waits for what it uses instead.
  const release = (i: number): void => {
    if (seen[i]) return;
    seen[i] = 1;
    const target = gi.ids[i];
    const subs = gi.subContexts.get(i);
    const ranRecipe = (timings[i]?.duration ?? 0) > 0;
    if (subs || free || !ranRecipe || uses.has(target)) {
      if (direct.has(i)) {
        removed.add(target);
        removedAt[i] = 1;
      }
      for (const f of uses.get(target) ?? NONE) {
        if (gi.index.has(f)) add.push({ from: f, to: target });
        else unknownFiles.add(f);
      }
      for (const c of subs ?? NONE) for (const m of gi.members.get(c) ?? NONE) if (m !== i) release(m);
      return;
    }
    stillWaiting.push(target);
    if (!direct.has(i)) add.push({ from: barrier, to: target });
  };
  for (const d of direct) release(d);
  return {
    edits: { remove: (k) => gi.from[k] === b && removedAt[gi.to[k]] === 1, add },
    removed,
    stillWaiting,
    unknownFiles: [...unknownFiles],
  };
}

/**
 * The DAG with edges only taken out (the barrier's cost: nothing added) is
 * the unedited one minus those prerequisites: its order, ranks and cycle
 * cuts still hold, so only the prerequisite list is copied.
 */
function withoutEdges(base: SchedDag, graph: BuildGraph, remove: DagEdits['remove']): SchedDag {
  const gi = indexGraph(graph);
  const depList = base.depList.slice();
  for (let k = 0; k < gi.from.length; k++) {
    if (gi.kind[k] === EDGE_SUBMAKE || gi.from[k] < 0 || gi.to[k] < 0 || !remove?.(k)) continue;
    const t = base.start[gi.to[k]];
    const d = base.done[gi.from[k]];
    for (let j = base.depStart[t]; j < base.depStart[t + 1]; j++) {
      if (depList[j] === d) {
        depList[j] = -1;
        break;
      }
    }
  }
  return { ...base, depList };
}

const NONE: readonly never[] = [];

function dedupe(list: string[]): string[] {
  return list.filter((x, i) => i === 0 || list[i - 1] !== x);
}
