// The build graph as tasks to schedule: what the critical path, the barrier
// costs and the what-if simulations run on. One task per graph node, weighted
// by its measured duration; a node whose recipe runs sub-makes (the `to` of a
// submake edge) becomes two tasks: `begin` (its recipe up to the sub-make's
// first record: the sub-make's parse time) and `end` (after the sub-make's last
// record). Every node of the sub-make's context waits for `begin`, and `end`
// waits for the sub-make's goals, so a barrier in front of a directory holds
// back everything built inside it. Cycles (make drops them too) are cut at the
// back edge of a depth-first walk from the goals.

import type { BuildGraph, GraphEdge } from '../../protocol/graph';
import { EDGE_SUBMAKE, indexGraph, listByIndex } from './graphIndex';

/** Measured time of one node's recipe, in µs; lead/tail only for sub-make runners. */
export interface NodeTiming {
  duration: number;
  /** From the recipe's start to its sub-make's first record. */
  lead?: number;
  /** From its sub-make's last record to the recipe's end. */
  tail?: number;
}

export type Timings = ReadonlyMap<string, NodeTiming>;

export type TaskPart = 'whole' | 'begin' | 'end';

export interface SchedDag {
  /** Graph node id of each task. */
  node: string[];
  part: TaskPart[];
  /** µs. */
  weight: number[];
  /**
   * Tasks each task waits for, packed: those of task t are
   * depList[depStart[t] .. depStart[t + 1]), in prerequisite order; -1 marks
   * an edge cut to break a cycle.
   */
  depStart: Int32Array;
  depList: Int32Array;
  /**
   * Make's order, the priority of ready jobs: post-order rank of a depth-first
   * walk from the goals, prerequisites in order (of the unedited graph, when
   * the DAG is an edited copy: make would walk the makefiles as written).
   */
  rank: Int32Array;
  /** The tasks in an order where every task comes after what it waits for. */
  topo: Int32Array;
  /** Node id → node index (for start/done). */
  index: ReadonlyMap<string, number>;
  /** Per node index: the task that starts it (`begin` for sub-make runners) and the one that completes it (`end`). */
  start: Int32Array;
  done: Int32Array;
  /**
   * Per task, the make whose job it is: -1 the top-level make, else the node
   * index of the recipe that runs that sub-make. A runner's `end` belongs to
   * its own sub-make (it finishes on the token the runner holds).
   */
  make: Int32Array;
  /** Edges dropped to break cycles, as `from → to` node ids. */
  cycles: Array<{ from: string; to: string }>;
}

export interface DagEdits {
  /** Edges to leave out, by index in graph.edges (normal and order-only ones only). */
  remove?: (edge: number) => boolean;
  /** Extra edges: `to` waits for `from`. */
  add?: readonly GraphEdge[];
}

/** The task that starts (or completes) a node, by id. */
export function taskOf(dag: SchedDag, id: string, which: 'start' | 'done' = 'start'): number | undefined {
  const i = dag.index.get(id);
  return i === undefined ? undefined : dag[which][i];
}

export function buildSchedDag(o: { graph: BuildGraph; timings?: Timings; edits?: DagEdits; rank?: Int32Array }): SchedDag {
  const { graph } = o;
  const gi = indexGraph(graph);
  const timings = o.timings ? listByIndex(gi, o.timings) : [];
  const n = gi.ids.length;
  const node = gi.ids.slice();
  const part = new Array<TaskPart>(n).fill('whole');
  const weight = new Array<number>(n).fill(0);
  const start = new Int32Array(n);
  const done = new Int32Array(n);
  const pairs = pairList(); // (task, dependency) in insertion order
  for (let i = 0; i < n; i++) {
    const t = timings[i];
    start[i] = i;
    done[i] = i;
    if (!gi.subContexts.has(i)) {
      weight[i] = Math.max(0, t?.duration ?? 0);
      continue;
    }
    const end = node.push(gi.ids[i]) - 1;
    part[i] = 'begin';
    part.push('end');
    weight[i] = Math.max(0, t ? (t.lead ?? t.duration) : 0);
    weight.push(Math.max(0, t && t.lead !== undefined ? (t.tail ?? 0) : 0));
    done[i] = end;
    pairs.add(end, i);
  }
  const remove = o.edits?.remove;
  for (let k = 0; k < gi.from.length; k++) {
    const a = gi.from[k];
    const b = gi.to[k];
    if (a < 0 || b < 0 || a === b) continue;
    if (gi.kind[k] === EDGE_SUBMAKE) pairs.add(done[b], done[a]);
    else if (!remove?.(k)) pairs.add(start[b], done[a]);
  }
  for (const e of o.edits?.add ?? []) {
    const a = gi.index.get(e.from);
    const b = gi.index.get(e.to);
    if (a !== undefined && b !== undefined && a !== b) pairs.add(start[b], done[a]);
  }
  // Everything a sub-make builds starts after the recipe that runs it.
  for (const [runner, contexts] of gi.subContexts) {
    for (const c of contexts) {
      for (const m of gi.members.get(c) ?? []) if (m !== runner) pairs.add(start[m], runner);
    }
  }
  const { offsets, values } = pairs.pack(node.length);
  const make = new Int32Array(node.length);
  for (let i = 0; i < n; i++) {
    make[i] = gi.context[i] === '' ? -1 : (gi.spawner.get(gi.context[i]) ?? -1);
    if (done[i] !== i) make[done[i]] = i;
  }
  const count = node.length;
  const dag: SchedDag = { node, part, weight, depStart: offsets, depList: values, rank: new Int32Array(count), topo: new Int32Array(count), index: gi.index, start, done, make, cycles: [] };
  rankAndCut(dag);
  for (let t = 0; t < count; t++) dag.topo[dag.rank[t]] = t;
  if (o.rank && o.rank.length === count) dag.rank = o.rank;
  return dag;
}

interface PairList {
  add(key: number, value: number): void;
  /** Values grouped by key, insertion order kept within a key (a counting sort). */
  pack(keyCount: number): { offsets: Int32Array; values: Int32Array };
}

/** Growable (key, value) pairs of small integers. */
function pairList(): PairList {
  let keys: Int32Array = new Int32Array(1024);
  let vals: Int32Array = new Int32Array(1024);
  let size = 0;
  const grow = (a: Int32Array): Int32Array => {
    const b = new Int32Array(a.length * 2);
    b.set(a);
    return b;
  };
  return {
    add(key, value) {
      if (size === keys.length) {
        keys = grow(keys);
        vals = grow(vals);
      }
      keys[size] = key;
      vals[size++] = value;
    },
    pack(keyCount) {
      const offsets = new Int32Array(keyCount + 1);
      for (let k = 0; k < size; k++) offsets[keys[k] + 1]++;
      for (let t = 0; t < keyCount; t++) offsets[t + 1] += offsets[t];
      const fill = offsets.slice(0, keyCount);
      const values = new Int32Array(size);
      for (let k = 0; k < size; k++) values[fill[keys[k]]++] = vals[k];
      return { offsets, values };
    },
  };
}

/** Depth-first post-order from the goals (tasks nothing waits for), cutting back edges. */
function rankAndCut(dag: SchedDag): void {
  const n = dag.node.length;
  const { depStart, depList } = dag;
  const hasDependents = new Uint8Array(n);
  for (let k = 0; k < depList.length; k++) hasDependents[depList[k]] = 1;
  const state = new Uint8Array(n); // 0 new, 1 on the walk's path, 2 done
  const stack = new Int32Array(n);
  const pos = new Int32Array(n);
  let next = 0;
  const visit = (root: number): void => {
    let top = 0;
    stack[0] = root;
    pos[0] = depStart[root];
    state[root] = 1;
    while (top >= 0) {
      const t = stack[top];
      if (pos[top] < depStart[t + 1]) {
        const k = pos[top]++;
        const d = depList[k];
        if (d < 0 || state[d] === 2) continue;
        if (state[d] === 1) {
          dag.cycles.push({ from: dag.node[d], to: dag.node[t] });
          depList[k] = -1;
          continue;
        }
        state[d] = 1;
        stack[++top] = d;
        pos[top] = depStart[d];
        continue;
      }
      state[t] = 2;
      dag.rank[t] = next++;
      top--;
    }
  };
  for (let t = 0; t < n; t++) if (!hasDependents[t] && state[t] === 0) visit(t);
  for (let t = 0; t < n; t++) if (state[t] === 0) visit(t);
}
