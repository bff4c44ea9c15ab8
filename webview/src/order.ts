// Crossing reduction for a proper layered graph (every edge spans one
// layer): barycenter sweeps down and up, a fixed number of times, ties
// broken by the previous order, so the same input gives the same order.
//
// Nodes of one block (an expanded group, drawn as a box) stay next to each
// other in every layer: a block sorts by the mean barycenter of its members.

export interface OrderInput {
  /** Item indices per layer, in their current order; sorted in place. */
  layers: number[][];
  preds: readonly (readonly number[])[];
  succs: readonly (readonly number[])[];
  /** Block of each item; '' for none. */
  block: readonly string[];
  sweeps?: number;
}

export function orderLayers({ layers, preds, succs, block, sweeps = 5 }: OrderInput): void {
  const pos = new Float64Array(block.length);
  const index = (layer: readonly number[]) => layer.forEach((v, i) => (pos[v] = i));
  layers.forEach(index);
  for (let s = 0; s < sweeps; s++) {
    const down = s % 2 === 0;
    const from = down ? 1 : layers.length - 2;
    for (let l = from; l >= 0 && l < layers.length; l += down ? 1 : -1) {
      sortLayer(layers[l], down ? preds : succs, block, pos);
      index(layers[l]);
    }
  }
}

function sortLayer(layer: number[], nbrs: OrderInput['preds'], block: readonly string[], pos: Float64Array): void {
  const bary = new Map<number, number>();
  const blockSum = new Map<string, { sum: number; n: number }>();
  for (const v of layer) {
    const ns = nbrs[v];
    let b = pos[v];
    if (ns.length > 0) {
      let sum = 0;
      for (const u of ns) sum += pos[u];
      b = sum / ns.length;
    }
    bary.set(v, b);
    if (block[v] !== '') {
      const acc = blockSum.get(block[v]) ?? { sum: 0, n: 0 };
      acc.sum += b;
      acc.n += 1;
      blockSum.set(block[v], acc);
    }
  }
  const key = (v: number) => {
    const acc = blockSum.get(block[v]);
    return acc ? acc.sum / acc.n : (bary.get(v) ?? 0);
  };
  const keys = new Map(layer.map((v) => [v, key(v)]));
  layer.sort(
    (a, b) =>
      (keys.get(a) ?? 0) - (keys.get(b) ?? 0) ||
      compareStrings(block[a], block[b]) ||
      (bary.get(a) ?? 0) - (bary.get(b) ?? 0) ||
      pos[a] - pos[b],
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
