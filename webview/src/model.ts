// The view model: what is drawn, derived from a BuildGraph and the view
// options (collapsed groups, search query). Pure: no DOM, no layout.
//
// Collapsing a group (or a directory tree, folds.ts) replaces its nodes by
// one cluster node and merges the edges that cross its border. Barriers are
// never folded away: they are what the view is for.

import type { Barrier, BuildGraph, GraphEdge, NodeKind } from '../../server/src/protocol/graph';
import { collapsibleGroups, foldOf, isTree } from './folds';

export type ViewNodeKind = NodeKind | 'cluster';

export interface ViewNode {
  id: string;
  label: string;
  /** What its box says: the label, less its group's directory when drawn inside the group's box. */
  name: string;
  kind: ViewNodeKind;
  /** The directory group or sub-make context it belongs to ('' for top level); a cluster's fold entry. */
  group: string;
  /** Graph nodes it stands for: 1, or the size of a collapsed group. */
  size: number;
  loc?: { file: string; line: number };
  /** The make's working directory, which a relative `loc.file` is under. */
  dir?: string;
  /** Seconds: its recipe's, or the sum over a collapsed group. */
  duration?: number;
  barrier?: Barrier;
  /** On the critical path (a cluster: one of its members is). */
  critical: boolean;
  /** Search hits it stands for; 0 without a query. */
  hits: number;
}

export interface ViewEdge {
  from: string;
  to: string;
  /** Graph edges merged into this one. */
  count: number;
  orderOnly: boolean;
  submake: boolean;
  /** Joins two consecutive steps of the critical path. */
  critical: boolean;
  /** Leaves a barrier: its target waits for the barrier. */
  fromBarrier: boolean;
}

export interface ViewGroup {
  name: string;
  collapsed: boolean;
}

export interface ViewGraph {
  nodes: ViewNode[];
  edges: ViewEdge[];
  /** Groups that can be collapsed, by name; open ones are drawn as boxes. */
  groups: ViewGroup[];
  query: string;
  /** Nodes with search hits, in graph order. */
  hits: string[];
  /**
   * Waits that no edge shows: what a sub-make's target waits for, the
   * sub-make's own first targets wait for too (make starts it only then).
   * For layering, not drawn.
   */
  waits: { from: string; to: string }[];
}

export interface ViewOptions {
  /** Fold entries (folds.ts). */
  collapsed: ReadonlySet<string>;
  query: string;
}

export function clusterId(entry: string): string {
  return `group:${entry}`;
}

export function buildView(graph: BuildGraph, options: ViewOptions): ViewGraph {
  const query = options.query.trim().toLowerCase();
  const barriers = new Map(graph.barriers.map((b) => [b.node, b]));
  const groups = collapsibleGroups(graph);
  const foldable = new Set(groups);
  const folds = new Map<string, string | undefined>();
  const fold = (group: string) => {
    if (!folds.has(group)) folds.set(group, foldOf(group, options.collapsed));
    return folds.get(group);
  };
  const viewOf = new Map<string, string>();
  const nodes: ViewNode[] = [];
  const clusters = new Map<string, ViewNode>();
  const onPath = new Set(graph.criticalPath ?? []);
  const hits: string[] = [];

  for (const n of graph.nodes) {
    const hit = query !== '' && n.label.toLowerCase().includes(query) ? 1 : 0;
    const critical = onPath.has(n.id);
    const entry = barriers.has(n.id) ? undefined : fold(n.group);
    if (entry !== undefined && (foldable.has(n.group) || isTree(entry))) {
      const id = clusterId(entry);
      viewOf.set(n.id, id);
      const c = clusters.get(id) ?? addCluster(nodes, clusters, entry);
      c.size += 1;
      c.hits += hit;
      c.critical ||= critical;
      if (n.duration !== undefined) c.duration = (c.duration ?? 0) + n.duration;
    } else {
      viewOf.set(n.id, n.id);
      const { id, label, kind, group, loc, dir, duration } = n;
      const name = foldable.has(group) && label.startsWith(`${group}/`) ? label.slice(group.length + 1) : label;
      nodes.push({ id, label, name, kind, group, size: 1, loc, dir, duration, barrier: barriers.get(id), critical, hits: hit });
    }
  }
  for (const n of nodes) if (n.hits > 0) hits.push(n.id);

  return {
    nodes,
    edges: mergeEdges(graph, viewOf, barriers),
    groups: groups.map((name) => ({ name, collapsed: fold(name) !== undefined })),
    query,
    hits,
    waits: impliedWaits(graph, viewOf),
  };
}

/** A cluster's group is its fold entry; a tree's label ends in '/…'. */
function addCluster(nodes: ViewNode[], clusters: Map<string, ViewNode>, entry: string): ViewNode {
  const label = isTree(entry) ? `${entry}…` : `${entry}/`;
  const c: ViewNode = { id: clusterId(entry), label, name: label, kind: 'cluster', group: entry, size: 0, critical: false, hits: 0 };
  clusters.set(c.id, c);
  nodes.push(c);
  return c;
}

function mergeEdges(graph: BuildGraph, viewOf: Map<string, string>, barriers: Map<string, Barrier>): ViewEdge[] {
  const steps = criticalSteps(graph.criticalPath ?? []);
  const merged = new Map<string, ViewEdge>();
  for (const e of graph.edges) {
    const from = viewOf.get(e.from);
    const to = viewOf.get(e.to);
    if (from === undefined || to === undefined || from === to) continue;
    const key = `${from}\u0000${to}`;
    const critical = steps.has(`${e.from}\u0000${e.to}`);
    const m = merged.get(key);
    if (m) {
      m.count += 1;
      m.orderOnly &&= e.orderOnly === true;
      m.submake ||= e.submake === true;
      m.critical ||= critical;
    } else {
      merged.set(key, {
        from,
        to,
        count: 1,
        orderOnly: e.orderOnly === true,
        submake: e.submake === true,
        critical,
        fromBarrier: barriers.has(from),
      });
    }
  }
  return [...merged.values()];
}

/** Sub-make edge x → S: the first targets of x's context (group) wait for S's other prerequisites. */
function impliedWaits(graph: BuildGraph, viewOf: Map<string, string>): { from: string; to: string }[] {
  const preds = new Map<string, GraphEdge[]>();
  for (const e of graph.edges) {
    const list = preds.get(e.to);
    if (list) list.push(e);
    else preds.set(e.to, [e]);
  }
  const groupOf = new Map(graph.nodes.map((n) => [n.id, n.group]));
  const waits = new Map<string, { from: string; to: string }>();
  for (const e of graph.edges) {
    if (!e.submake) continue;
    const before = (preds.get(e.to) ?? []).filter((p) => !p.submake).map((p) => p.from);
    if (before.length === 0) continue;
    const group = groupOf.get(e.from);
    const seen = new Set<string>();
    const todo = [e.from];
    while (todo.length > 0) {
      const v = todo.pop() as string;
      if (seen.has(v)) continue;
      seen.add(v);
      const inside = (preds.get(v) ?? []).filter((p) => !p.submake && groupOf.get(p.from) === group).map((p) => p.from);
      todo.push(...inside);
      if (inside.length > 0) continue;
      for (const b of before) {
        const from = viewOf.get(b);
        const to = viewOf.get(v);
        if (from !== undefined && to !== undefined && from !== to) waits.set(`${from}\u0000${to}`, { from, to });
      }
    }
  }
  return [...waits.values()];
}

function criticalSteps(path: readonly string[]): Set<string> {
  const steps = new Set<string>();
  for (let i = 1; i < path.length; i++) steps.add(`${path[i - 1]}\u0000${path[i]}`);
  return steps;
}

