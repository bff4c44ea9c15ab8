// Which nodes fold into which cluster. Pure.
//
// The view state keeps a list of fold entries. An entry `util` folds the
// nodes of group `util`; an entry ending in '/' (`drivers/`) folds a whole
// directory tree: group `drivers` and every `drivers/…` group. Barriers
// never fold. A graph with hundreds of directories (a kernel) starts with
// one cluster per top-level tree; expanding a tree opens the next level.

import type { BuildGraph } from '../../server/src/protocol/graph';

/** Graphs larger than this start collapsed. */
export const COLLAPSE_THRESHOLD = 300;
/** More directories than this start as top-level trees. */
export const MAX_CLUSTERS = 40;

export const isTree = (entry: string) => entry.endsWith('/');

/** The entry a group folds into: the outermost tree covering it, else its own entry. */
export function foldOf(group: string, entries: ReadonlySet<string>): string | undefined {
  if (group === '' || entries.size === 0) return undefined;
  for (let i = group.indexOf('/'); i >= 0; i = group.indexOf('/', i + 1)) {
    const tree = group.slice(0, i + 1);
    if (entries.has(tree)) return tree;
  }
  if (entries.has(`${group}/`)) return `${group}/`;
  return entries.has(group) ? group : undefined;
}

/** Nodes that can fold, per group. */
export function groupCounts(graph: BuildGraph): Map<string, number> {
  const pinned = new Set(graph.barriers.map((b) => b.node));
  const counts = new Map<string, number>();
  for (const n of graph.nodes) {
    if (n.group === '' || pinned.has(n.id)) continue;
    counts.set(n.group, (counts.get(n.group) ?? 0) + 1);
  }
  return counts;
}

/** Groups worth a box: named, with at least two nodes that can fold. */
export function collapsibleGroups(graph: BuildGraph): string[] {
  return [...groupCounts(graph)].filter(([, c]) => c >= 2).map(([g]) => g).sort();
}

/** "Collapse all": a cluster per directory, or per top-level tree when that would be too many. */
export function defaultFolds(graph: BuildGraph): string[] {
  const groups = collapsibleGroups(graph);
  return groups.length <= MAX_CLUSTERS ? groups : openTree(groupCounts(graph), '');
}

/** Large graphs start collapsed, small ones expanded. */
export function initialFolds(graph: BuildGraph, threshold = COLLAPSE_THRESHOLD): string[] {
  return graph.nodes.length > threshold ? defaultFolds(graph) : [];
}

/** Expands a cluster: a group opens; a tree opens one level (further while it holds a single tree). */
export function expandFold(graph: BuildGraph, entries: readonly string[], entry: string): string[] {
  const rest = entries.filter((e) => e !== entry);
  return isTree(entry) ? [...rest, ...openTree(groupCounts(graph), entry)].sort() : rest;
}

/** Collapses an open group into its cluster. */
export function collapseGroup(entries: readonly string[], group: string): string[] {
  return entries.includes(group) ? [...entries] : [...entries, group].sort();
}

function openTree(counts: Map<string, number>, tree: string): string[] {
  let next = children(counts, tree);
  while (next.length === 1 && isTree(next[0])) next = children(counts, next[0]);
  return next;
}

/** The entries one level below a tree ('' for the root): a tree where deeper groups exist, else the group; none for a single node. */
function children(counts: Map<string, number>, tree: string): string[] {
  const own = tree.slice(0, -1);
  const below = new Map<string, { nodes: number; deeper: boolean }>();
  for (const [group, n] of counts) {
    if (tree !== '' && group !== own && !group.startsWith(tree)) continue;
    const rest = group === own ? '' : group.slice(tree.length);
    const slash = rest.indexOf('/');
    const key = rest === '' ? own : tree + (slash < 0 ? rest : rest.slice(0, slash));
    const acc = below.get(key) ?? { nodes: 0, deeper: false };
    acc.nodes += n;
    acc.deeper ||= rest !== '' && slash >= 0;
    below.set(key, acc);
  }
  return [...below]
    .filter(([, a]) => a.nodes >= 2)
    .map(([key, a]) => (a.deeper ? `${key}/` : key))
    .sort();
}
