// Cross-layer coordinates (y in a left-to-right drawing) for ordered layers.
// Each pass moves a layer's items towards the mean of their neighbours in
// the layer before it (then after it), keeping the order and the minimum
// separations: a weighted isotonic regression, solved exactly by
// pool-adjacent-violators in linear time. Deterministic.

export interface PlaceInput {
  layers: readonly (readonly number[])[];
  preds: readonly (readonly number[])[];
  succs: readonly (readonly number[])[];
  /** Minimum distance between the centres of two neighbours in a layer. */
  separation: (a: number, b: number) => number;
  /** How strongly an item wants to sit at its neighbours' mean. */
  weight: (v: number, neighbours: number) => number;
  passes?: number;
}

export function placeLayers({ layers, preds, succs, separation, weight, passes = 8 }: PlaceInput): Float64Array {
  const size = layers.reduce((m, l) => l.reduce((mm, v) => Math.max(mm, v + 1), m), 0);
  const y = new Float64Array(size);
  for (const layer of layers) {
    let at = 0;
    layer.forEach((v, i) => {
      if (i > 0) at += separation(layer[i - 1], v);
      y[v] = at;
    });
  }
  for (let p = 0; p < passes; p++) {
    const down = p % 2 === 0;
    const nbrs = down ? preds : succs;
    const from = down ? 1 : layers.length - 2;
    for (let l = from; l >= 0 && l < layers.length; l += down ? 1 : -1) {
      const layer = layers[l];
      const want = layer.map((v) => mean(nbrs[v], y) ?? y[v]);
      const w = layer.map((v) => weight(v, nbrs[v].length));
      const sep = layer.slice(1).map((v, i) => separation(layer[i], v));
      isotonic(want, w, sep).forEach((yy, i) => (y[layer[i]] = yy));
    }
  }
  return y;
}

function mean(vs: readonly number[], y: Float64Array): number | undefined {
  if (vs.length === 0) return undefined;
  let sum = 0;
  for (const v of vs) sum += y[v];
  return sum / vs.length;
}

/**
 * Minimises Σ w[i]·(y[i] − want[i])² subject to y[i+1] − y[i] ≥ sep[i].
 * With z[i] = y[i] − Σ_{j<i} sep[j] the constraints become z non-decreasing.
 */
export function isotonic(want: readonly number[], w: readonly number[], sep: readonly number[]): number[] {
  const offset: number[] = [0];
  for (let i = 0; i < sep.length; i++) offset.push(offset[i] + sep[i]);
  const blocks: { start: number; weight: number; mean: number }[] = [];
  want.forEach((d, i) => {
    let b = { start: i, weight: w[i], mean: d - offset[i] };
    while (blocks.length > 0 && blocks[blocks.length - 1].mean >= b.mean) {
      const prev = blocks.pop() as (typeof blocks)[number];
      const weight = prev.weight + b.weight;
      b = { start: prev.start, weight, mean: (prev.mean * prev.weight + b.mean * b.weight) / weight };
    }
    blocks.push(b);
  });
  const out = new Array<number>(want.length);
  blocks.forEach((b, k) => {
    const end = k + 1 < blocks.length ? blocks[k + 1].start : want.length;
    for (let i = b.start; i < end; i++) out[i] = b.mean + offset[i];
  });
  return out;
}
