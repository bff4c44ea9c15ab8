import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatedGraph } from '../../fixtures/graphs/generated';
import { kernelTopGraph } from '../../fixtures/graphs/kernel';
import { perfPrepareGraph } from '../../fixtures/graphs/perf';
import type { BuildGraph } from '../../../server/src/protocol/graph';
import { assignLayers, layout, type Layout, type LayoutInput } from '../../../webview/src/layout';
import { initialFolds } from '../../../webview/src/folds';
import { buildView } from '../../../webview/src/model';
import { isotonic } from '../../../webview/src/place';
import { sceneOf } from '../../../webview/src/scene';

const sceneFor = (graph: BuildGraph, collapsed = initialFolds(graph)) => sceneOf(buildView(graph, { collapsed: new Set(collapsed), query: '' }));

/** Properties every layout must have: edges flow right, nothing overlaps in a column, boxes hold their nodes. */
function checkLayout(l: Layout, input: LayoutInput): void {
  const at = new Map(l.nodes.map((n) => [n.id, n]));
  for (const e of l.edges) {
    const [from, to] = [at.get(e.from), at.get(e.to)];
    assert.ok(from && to);
    assert.ok(from.layer < to.layer, `${e.from} → ${e.to} flows right`);
    assert.deepEqual(e.points[0], [from.x + from.width / 2, from.y]);
    assert.deepEqual(e.points[e.points.length - 1], [to.x - to.width / 2, to.y]);
    e.points.slice(1).forEach(([x], i) => assert.ok(x >= e.points[i][0], 'points go left to right'));
  }
  const columns = new Map<number, typeof l.nodes>();
  for (const n of l.nodes) columns.set(n.layer, [...(columns.get(n.layer) ?? []), n]);
  for (const col of columns.values()) {
    col.sort((a, b) => a.y - b.y);
    col.slice(1).forEach((b, i) => assert.ok(b.y - col[i].y >= (b.height + col[i].height) / 2 - 1e-6, `${col[i].id} / ${b.id} overlap`));
  }
  const blockOf = new Map(input.nodes.map((n) => [n.id, n.block]));
  for (const n of l.nodes) {
    const inside = l.boxes.filter((b) => n.x >= b.x && n.x <= b.x + b.width && n.y >= b.y && n.y <= b.y + b.height);
    assert.deepEqual(inside.map((b) => b.block), blockOf.get(n.id) ? [blockOf.get(n.id)] : [], `${n.id} boxes`);
  }
  assert.ok(l.nodes.every((n) => n.y - n.height / 2 >= 0 && n.y + n.height / 2 <= l.height + 1e-6));
}

const inputOf = (graph: BuildGraph, collapsed?: string[]): LayoutInput => {
  const s = sceneFor(graph, collapsed);
  const open = new Set(s.view.groups.filter((g) => !g.collapsed).map((g) => g.name));
  return {
    nodes: s.layout.nodes.map((n, i) => ({ id: n.id, width: n.width, height: n.height, block: open.has(s.view.nodes[i].group) ? s.view.nodes[i].group : '' })),
    edges: s.view.edges,
    waits: s.view.waits,
  };
};

describe('layout', () => {
  const cases: [string, () => LayoutInput][] = [
    ['perf prepare', () => inputOf(perfPrepareGraph())],
    ['kernel top level', () => inputOf(kernelTopGraph())],
    ['500 nodes, collapsed', () => inputOf(generatedGraph(500))],
    ['500 nodes, expanded', () => inputOf(generatedGraph(500), [])],
    ['5,000 nodes, collapsed', () => inputOf(generatedGraph(5000))],
  ];
  for (const [name, input] of cases) {
    it(`${name}: same input, same positions`, () => {
      const a = layout(input());
      const b = layout(structuredClone(input()));
      assert.deepEqual(a, b);
    });
    it(`${name}: edges flow right, columns do not overlap, boxes hold their group`, () => {
      const i = input();
      checkLayout(layout(i), i);
    });
  }

  it('puts a long edge through one bend per layer crossed', () => {
    const l = layout({
      nodes: ['a', 'b', 'c'].map((id) => ({ id, width: 40, height: 20, block: '' })),
      edges: [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'a', to: 'c' },
      ],
    });
    assert.deepEqual(l.nodes.map((n) => n.layer), [0, 1, 2]);
    assert.equal(l.edges.find((e) => e.from === 'a' && e.to === 'c')?.points.length, 4);
  });

  it('moves a prerequisite next to the targets that wait for it', () => {
    // s → x → y → z and h → z: h sits in z's previous column, not column 0.
    const l = layout({
      nodes: ['s', 'x', 'y', 'z', 'h'].map((id) => ({ id, width: 40, height: 20, block: '' })),
      edges: [
        { from: 's', to: 'x' },
        { from: 'x', to: 'y' },
        { from: 'y', to: 'z' },
        { from: 'h', to: 'z' },
      ],
    });
    assert.equal(l.nodes.find((n) => n.id === 'h')?.layer, 2);
  });

  it('lays out cycles by reversing an edge, drawn backwards', () => {
    const l = layout({
      nodes: ['a', 'b', 'c'].map((id) => ({ id, width: 40, height: 20, block: '' })),
      edges: [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'a' },
      ],
    });
    const back = l.edges.find((e) => e.from === 'c');
    assert.ok(back && back.points[0][0] > back.points[back.points.length - 1][0]);
  });

  it('orders layers by hidden waits too', () => {
    const s = sceneFor(kernelTopGraph());
    const layer = (id: string) => s.at.get(id)?.layer ?? -1;
    assert.ok(layer('kernel/fork.o') > layer('prepare'));
    assert.ok(layer('kernel/built-in.a') < layer('kernel'));
  });

  it('ignores self loops, duplicates and unknown ends', () => {
    const l = layout({
      nodes: [{ id: 'a', width: 10, height: 10, block: '' }],
      edges: [
        { from: 'a', to: 'a' },
        { from: 'a', to: 'zz' },
      ],
    });
    assert.deepEqual(l.edges, []);
  });
});

describe('assignLayers', () => {
  it('gives each node its longest path from a source', () => {
    const { layer, flipped } = assignLayers(4, [
      [0, 1],
      [1, 2],
      [0, 3],
      [3, 2],
      [1, 3],
    ]);
    assert.deepEqual([...layer], [0, 1, 3, 2]);
    assert.deepEqual(flipped, [false, false, false, false, false]);
  });
});

describe('isotonic placement', () => {
  const cases: [string, number[], number[], number[], number[]][] = [
    ['free targets stay', [0, 50, 100], [1, 1, 1], [10, 10], [0, 50, 100]],
    ['a clash splits evenly', [10, 10], [1, 1], [20], [0, 20]],
    ['the heavier moves less', [10, 10], [3, 1], [20], [5, 25]],
    ['order and spacing hold', [30, 0, 0], [1, 1, 1], [10, 10], [0, 10, 20]],
  ];
  for (const [name, want, w, sep, expected] of cases) {
    it(name, () => assert.deepEqual(isotonic(want, w, sep), expected));
  }
});
