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
  const index = new Map(ids.map((id, i) => [id, i]));
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
  graph.edges.forEach((e, k) => {
    from[k] = index.get(e.from) ?? -1;
    to[k] = index.get(e.to) ?? -1;
    kind[k] = e.submake ? EDGE_SUBMAKE : e.orderOnly ? EDGE_ORDER_ONLY : EDGE_NORMAL;
    if (e.submake && from[k] >= 0 && to[k] >= 0) {
      const c = context[from[k]];
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
