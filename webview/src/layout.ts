// A deterministic layered layout, flowing left to right from prerequisites
// to the targets that wait for them (Sugiyama's scheme): break cycles,
// assign layers by longest path, insert dummies on long edges, reduce
// crossings (order.ts), place within layers (place.ts), route edges through
// their dummies. Same input → same positions. Linear-ish: a 5,000-node
// graph lays out in a fraction of a second.
//
// Nodes that share a block (an expanded group) stay together in every layer
// and get room for a box around them; the boxes are part of the result.

import { orderLayers } from './order';
import { placeLayers } from './place';

export interface LayoutNodeInput {
  id: string;
  width: number;
  height: number;
  /** The box it is drawn in ('' for none). */
  block: string;
}

export interface LayoutInput {
  nodes: readonly LayoutNodeInput[];
  edges: readonly { from: string; to: string }[];
  /** Waits that order layers like edges but are not drawn. */
  waits?: readonly { from: string; to: string }[];
}

export interface LaidNode {
  id: string;
  /** Centre. */
  x: number;
  y: number;
  width: number;
  height: number;
  layer: number;
}

export interface LaidEdge {
  from: string;
  to: string;
  /** From the prerequisite's right side to the target's left side. */
  points: [number, number][];
}

export interface LaidBox {
  block: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The leftmost piece of the block, where its header goes. */
  head: boolean;
}

export interface Layout {
  nodes: LaidNode[];
  edges: LaidEdge[];
  boxes: LaidBox[];
  width: number;
  height: number;
}

const GAP_X = 64;
const GAP_Y = 12;
const DUMMY_GAP = 6;
const BOX_PAD = 8;
export const BOX_HEADER = 18;

export function layout(input: LayoutInput): Layout {
  const n = input.nodes.length;
  const indexOf = new Map(input.nodes.map((v, i) => [v.id, i]));
  const pairs = uniquePairs(input.edges, indexOf, new Set());
  const hidden = uniquePairs(input.waits ?? [], indexOf, new Set(pairs.map(([u, v]) => `${u},${v}`)));
  const { layer, flipped } = assignLayers(n, [...pairs, ...hidden]);

  // The proper graph: real nodes, then one dummy per layer crossed.
  const block = input.nodes.map((v) => v.block);
  const width = input.nodes.map((v) => v.width);
  const height = input.nodes.map((v) => v.height);
  const preds: number[][] = input.nodes.map(() => []);
  const succs: number[][] = input.nodes.map(() => []);
  const lay = Array.from(layer);
  const chains = pairs.map(([u, v], e) => {
    const [a, b] = flipped[e] ? [v, u] : [u, v];
    const chain = [a];
    for (let l = lay[a] + 1; l < lay[b]; l++) {
      const d = block.length;
      block.push('');
      width.push(0);
      height.push(0);
      preds.push([]);
      succs.push([]);
      lay.push(l);
      chain.push(d);
    }
    chain.push(b);
    for (let i = 1; i < chain.length; i++) {
      succs[chain[i - 1]].push(chain[i]);
      preds[chain[i]].push(chain[i - 1]);
    }
    return chain;
  });

  const layers: number[][] = [];
  lay.forEach((l, v) => (layers[l] ??= []).push(v));
  for (let l = 0; l < layers.length; l++) layers[l] ??= [];
  orderLayers({ layers, preds, succs, block });

  const isDummy = (v: number) => v >= n;
  const separation = (a: number, b: number) => {
    const gap = isDummy(a) || isDummy(b) ? DUMMY_GAP : GAP_Y;
    const boxes = block[a] === block[b] ? 0 : (block[a] ? BOX_PAD : 0) + (block[b] ? BOX_PAD + BOX_HEADER : 0);
    return (height[a] + height[b]) / 2 + gap + boxes;
  };
  const weight = (v: number, nbrs: number) => Math.max(1, nbrs) * (isDummy(v) ? 2 : 1);
  const y = placeLayers({ layers, preds, succs, separation, weight });

  const colWidth = layers.map((l) => l.reduce((m, v) => Math.max(m, width[v]), 0));
  const colLeft: number[] = [];
  colWidth.reduce((x, w, l) => ((colLeft[l] = x), x + w + GAP_X), 0);
  const cx = (v: number) => colLeft[lay[v]] + colWidth[lay[v]] / 2;

  const boxes = blockBoxes({ layers, block, width, height, y, cx });
  let top = 0;
  let bottom = 0;
  for (let v = 0; v < y.length; v++) {
    top = Math.min(top, y[v] - height[v] / 2);
    bottom = Math.max(bottom, y[v] + height[v] / 2);
  }
  for (const b of boxes) {
    top = Math.min(top, b.y);
    bottom = Math.max(bottom, b.y + b.height);
  }
  const r = (x: number) => Math.round(x * 10) / 10;
  const ry = (v: number) => r(y[v] - top);

  const nodes = input.nodes.map((v, i) => ({ id: v.id, x: r(cx(i)), y: ry(i), width: v.width, height: v.height, layer: lay[i] }));
  const edges = chains.map((chain, e) => {
    const points: [number, number][] = [[r(cx(chain[0]) + width[chain[0]] / 2), ry(chain[0])]];
    for (const d of chain.slice(1, -1)) {
      points.push([r(colLeft[lay[d]]), ry(d)], [r(colLeft[lay[d]] + colWidth[lay[d]]), ry(d)]);
    }
    const last = chain[chain.length - 1];
    points.push([r(cx(last) - width[last] / 2), ry(last)]);
    if (flipped[e]) points.reverse();
    const [u, v] = pairs[e];
    return { from: input.nodes[u].id, to: input.nodes[v].id, points };
  });
  return {
    nodes,
    edges,
    boxes: boxes.map((b) => ({ ...b, x: r(b.x), y: r(b.y - top), width: r(b.width), height: r(b.height) })),
    width: r(colWidth.reduce((s, w) => s + w, 0) + GAP_X * Math.max(0, colWidth.length - 1)),
    height: r(bottom - top),
  };
}

function uniquePairs(edges: LayoutInput['edges'], indexOf: Map<string, number>, seen: Set<string>): [number, number][] {
  const pairs: [number, number][] = [];
  for (const e of edges) {
    const u = indexOf.get(e.from);
    const v = indexOf.get(e.to);
    const key = `${u},${v}`;
    if (u === undefined || v === undefined || u === v || seen.has(key)) continue;
    seen.add(key);
    pairs.push([u, v]);
  }
  return pairs;
}

/**
 * Longest-path layers after reversing the edges that close cycles; then,
 * from the sinks back, a node with at least as many targets as
 * prerequisites moves right, next to its first target (shorter edges).
 */
export function assignLayers(n: number, pairs: readonly [number, number][]): { layer: Int32Array; flipped: boolean[] } {
  const out: number[][] = Array.from({ length: n }, () => []);
  pairs.forEach(([u], e) => out[u].push(e));
  const flipped = pairs.map(() => false);
  const state = new Uint8Array(n); // 0 new, 1 on the stack, 2 done
  for (let root = 0; root < n; root++) {
    if (state[root] !== 0) continue;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [v, i] = top;
      if (i === out[v].length) {
        state[v] = 2;
        stack.pop();
        continue;
      }
      top[1] = i + 1;
      const e = out[v][i];
      const w = pairs[e][1];
      if (state[w] === 1) flipped[e] = true;
      else if (state[w] === 0) {
        state[w] = 1;
        stack.push([w, 0]);
      }
    }
  }
  const preds: number[][] = Array.from({ length: n }, () => []);
  const succs: number[][] = Array.from({ length: n }, () => []);
  pairs.forEach(([u, v], e) => {
    const [a, b] = flipped[e] ? [v, u] : [u, v];
    succs[a].push(b);
    preds[b].push(a);
  });
  const indeg = preds.map((p) => p.length);
  const topo: number[] = [];
  for (let v = 0; v < n; v++) if (indeg[v] === 0) topo.push(v);
  for (let i = 0; i < topo.length; i++) for (const w of succs[topo[i]]) if (--indeg[w] === 0) topo.push(w);
  const layer = new Int32Array(n);
  for (const v of topo) for (const w of succs[v]) layer[w] = Math.max(layer[w], layer[v] + 1);
  for (let i = topo.length - 1; i >= 0; i--) {
    const v = topo[i];
    if (succs[v].length > 0 && succs[v].length >= preds[v].length) layer[v] = succs[v].reduce((m, w) => Math.min(m, layer[w]), Infinity) - 1;
  }
  return { layer, flipped };
}

interface BoxInput {
  layers: readonly (readonly number[])[];
  block: readonly string[];
  width: readonly number[];
  height: readonly number[];
  y: Float64Array;
  cx: (v: number) => number;
}

/** One box per run of a block's items in a layer. */
function blockBoxes({ layers, block, width, height, y, cx }: BoxInput): LaidBox[] {
  const boxes: LaidBox[] = [];
  const headed = new Set<string>();
  for (const layer of layers) {
    for (let i = 0; i < layer.length; ) {
      const name = block[layer[i]];
      let j = i;
      while (j < layer.length && block[layer[j]] === name) j++;
      if (name !== '') {
        const run = layer.slice(i, j);
        const w = run.reduce((m, v) => Math.max(m, width[v]), 0);
        const top = y[run[0]] - height[run[0]] / 2 - BOX_PAD - BOX_HEADER;
        const bottom = y[run[run.length - 1]] + height[run[run.length - 1]] / 2 + BOX_PAD;
        boxes.push({ block: name, x: cx(run[0]) - w / 2 - BOX_PAD, y: top, width: w + 2 * BOX_PAD, height: bottom - top, head: !headed.has(name) });
        headed.add(name);
      }
      i = j;
    }
  }
  return boxes;
}
