// The build graph with integer ids, computed once per graph object and reused
// by every analysis on it (critical path, each barrier's cost, what-ifs).
// Analyses treat a BuildGraph as a value: build a new one to change it.

import type { BuildGraph } from '../../protocol/graph';
import { pushTo } from './collections';

export const EDGE_NORMAL = 0;
export const EDGE_ORDER_ONLY = 1;
export const EDGE_SUBMAKE = 2;

export interface GraphIndex {
  ids: string[];
  index: Map<string, number>;
  /** Per edge of graph.edges: node indices (-1 when the edge names an unknown node) and kind. */
  from: Int32Array;
  to: Int32Array;
  kind: Uint8Array;
  /** Context of each node ('' top level). */
  context: string[];
  /** Context → its nodes. */
  members: Map<string, number[]>;
  /** Runner node (the `to` of submake edges) → the contexts of its sub-makes (top level excluded). */
  subContexts: Map<number, string[]>;
  /** Label → nodes, for matching profile steps. */
  byLabel: Map<string, number[]>;
  /** Context → the runner whose sub-make it is. */
  spawner: Map<string, number>;
}

const cache = new WeakMap<BuildGraph, GraphIndex>();

export function indexGraph(graph: BuildGraph): GraphIndex {
  const known = cache.get(graph);
  if (known) return known;
  const ids = graph.nodes.map((n) => n.id);
  const index = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) index.set(ids[i], i);
  const context = graph.nodes.map((n) => n.context ?? '');
  const m = graph.edges.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const kind = new Uint8Array(m);
  const members = new Map<string, number[]>();
  context.forEach((c, i) => pushTo(members, c, i));
  const subContexts = new Map<number, string[]>();
  const byLabel = new Map<string, number[]>();
  graph.nodes.forEach((n, i) => pushTo(byLabel, n.label, i));
  const spawner = new Map<string, number>();
  // Graphs list a target's edges together: its index is looked up once per run of them.
  let lastTo: string | undefined;
  let lastToIndex = -1;
  graph.edges.forEach((e, k) => {
    from[k] = index.get(e.from) ?? -1;
    if (e.to !== lastTo) {
      lastTo = e.to;
      lastToIndex = index.get(e.to) ?? -1;
    }
    to[k] = lastToIndex;
    kind[k] = e.submake ? EDGE_SUBMAKE : e.orderOnly ? EDGE_ORDER_ONLY : EDGE_NORMAL;
    if (e.submake && from[k] >= 0 && to[k] >= 0) {
      const c = e.context ?? context[from[k]];
      const list = subContexts.get(to[k]) ?? [];
      if (c !== '' && !list.includes(c)) list.push(c);
      subContexts.set(to[k], list);
      spawner.set(c, to[k]);
    }
  });
  const gi: GraphIndex = { ids, index, from, to, kind, context, members, subContexts, byLabel, spawner };
  cache.set(graph, gi);
  return gi;
}

const byIndex = new WeakMap<ReadonlyMap<string, unknown>, { gi: GraphIndex; list: unknown[] }>();

/**
 * A per-node map (timings by node id) as a list by node index, made once per
 * map and graph: the DAG of every what-if and the overlay read it, and string
 * keys cost more than the arithmetic around them. Like graphs, such maps are
 * values: build a new one to change it.
 */
export function listByIndex<T>(gi: GraphIndex, map: ReadonlyMap<string, T>): ReadonlyArray<T | undefined> {
  const known = byIndex.get(map);
  if (known && known.gi === gi) return known.list as T[];
  const list = new Array<T | undefined>(gi.ids.length);
  for (const [id, value] of map) {
    const i = gi.index.get(id);
    if (i !== undefined) list[i] = value;
  }
  byIndex.set(map, { gi, list });
  return list;
}

/** Records a map's list by index made along with it (listByIndex then returns it). */
export function keepByIndex<T>(gi: GraphIndex, map: ReadonlyMap<string, T>, list: ReadonlyArray<T | undefined>): void {
  byIndex.set(map, { gi, list: list as unknown[] });
}
