// A stable text form of a build graph: one line per node, then one per edge,
// sorted. What the CLI prints without --json and what tests compare against.

import type { BuildGraph, GraphEdge } from '../../protocol/graph';

export function printGraph(graph: BuildGraph): string {
  const nodes = graph.nodes.map((n) => {
    const where = n.loc ? ` @${n.loc.file}:${n.loc.line}` : '';
    const ctx = n.context ? ` [${n.context}]` : '';
    const time = n.duration !== undefined ? ` ${n.duration.toFixed(3)}s` : '';
    return `${n.kind} ${n.id}${ctx}${time}${where}`;
  });
  const edges = graph.edges.map((e) => `${e.from} -> ${e.to}${edgeMark(e)}`);
  return [...nodes.sort(), ...edges.sort()].map((l) => `${l}\n`).join('');
}

function edgeMark(e: GraphEdge): string {
  if (e.submake) return ' (sub-make)';
  return e.orderOnly ? ' (order-only)' : '';
}
