// A view laid out: what render.ts draws. Pure.

import { layout, type LaidBox, type LaidNode, type Layout } from './layout';
import type { ViewGraph, ViewNode } from './model';
import { nodeSize } from './nodeBox';

export interface Scene {
  view: ViewGraph;
  layout: Layout;
  /** Laid-out node of each view node id. */
  at: Map<string, LaidNode>;
  /** The header box of each expanded group. */
  heads: Map<string, LaidBox>;
  /** Nodes and group headers in reading order (column by column, top down): the tab order. */
  reading: ({ node: ViewNode; laid: LaidNode } | { head: LaidBox })[];
}

export function sceneOf(view: ViewGraph): Scene {
  const open = new Set(view.groups.filter((g) => !g.collapsed).map((g) => g.name));
  const laid = layout({
    nodes: view.nodes.map((n) => ({ id: n.id, ...nodeSize(n), block: open.has(n.group) ? n.group : '' })),
    edges: view.edges,
    waits: view.waits,
  });
  const at = new Map(laid.nodes.map((n) => [n.id, n]));
  const heads = new Map(laid.boxes.filter((b) => b.head).map((b) => [b.block, b]));
  const reading: Scene['reading'] = [
    ...view.nodes.map((node, i) => ({ node, laid: laid.nodes[i] })),
    ...[...heads.values()].map((head) => ({ head })),
  ];
  const key = (r: Scene['reading'][number]) =>
    'head' in r ? [r.head.x + r.head.width / 2, r.head.y] : [r.laid.x, r.laid.y - r.laid.height / 2];
  reading.sort((a, b) => {
    const [ax, ay] = key(a);
    const [bx, by] = key(b);
    return ax - bx || ay - by;
  });
  return { view, layout: laid, at, heads, reading };
}
