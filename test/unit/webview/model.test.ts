import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatedGraph } from '../../fixtures/graphs/generated';
import { kernelTopGraph } from '../../fixtures/graphs/kernel';
import { PERF_CRITICAL, perfPrepareGraph } from '../../fixtures/graphs/perf';
import { collapseGroup, collapsibleGroups, expandFold, initialFolds } from '../../../webview/src/folds';
import { buildView, clusterId, type ViewGraph } from '../../../webview/src/model';

const view = (graph = perfPrepareGraph(), collapsed: string[] = [], query = '') => buildView(graph, { collapsed: new Set(collapsed), query });
const ids = (v: ViewGraph) => v.nodes.map((n) => n.id);
const edge = (v: ViewGraph, from: string, to: string) => v.edges.find((e) => e.from === from && e.to === to);

describe('model: expanded view', () => {
  it('draws every node and edge of a small graph', () => {
    const g = perfPrepareGraph();
    const v = view(g);
    assert.equal(v.nodes.length, g.nodes.length);
    assert.equal(v.edges.length, g.edges.length);
    assert.ok(v.groups.every((gr) => !gr.collapsed));
  });

  it('marks the barrier with its figures', () => {
    const prepare = view().nodes.find((n) => n.id === 'prepare');
    assert.deepEqual(
      { fanIn: prepare?.barrier?.fanIn, fanOut: prepare?.barrier?.fanOut, cost: prepare?.barrier?.cost },
      { fanIn: 17, fanOut: 27, cost: 17.4 },
    );
    assert.ok(view().edges.filter((e) => e.fromBarrier).every((e) => e.from === 'prepare'));
  });

  it('marks the critical path: its nodes and the edges between consecutive steps', () => {
    const v = view();
    assert.deepEqual(
      v.nodes.filter((n) => n.critical).map((n) => n.id).sort(),
      [...PERF_CRITICAL].sort(),
    );
    const steps = v.edges.filter((e) => e.critical).map((e) => `${e.from} → ${e.to}`);
    const expected = PERF_CRITICAL.slice(1).map((to, i) => `${PERF_CRITICAL[i]} → ${to}`);
    assert.deepEqual(steps.sort(), expected.sort());
  });

  it('without a profile nothing is critical', () => {
    const v = view(perfPrepareGraph(false));
    assert.equal(v.nodes.filter((n) => n.critical).length, 0);
    assert.equal(v.nodes.find((n) => n.id === 'prepare')?.barrier?.cost, undefined);
  });

  it('names a boxed node without its group directory', () => {
    const v = view();
    const name = (id: string) => v.nodes.find((n) => n.id === id)?.name;
    assert.equal(name('util/evsel.o'), 'evsel.o');
    assert.equal(name('util/bpf_skel/.tmp/off_cpu.bpf.o'), 'off_cpu.bpf.o');
    assert.equal(name('perf-in.o'), 'perf-in.o');
    assert.equal(view(perfPrepareGraph(), ['util']).nodes.find((n) => n.id === clusterId('util'))?.name, 'util/');
  });
});

describe('model: collapse and expand', () => {
  const g = perfPrepareGraph();
  const utilSize = g.nodes.filter((n) => n.group === 'util').length;

  it('folds a group into one cluster node', () => {
    const v = view(g, ['util']);
    assert.equal(v.nodes.length, g.nodes.length - utilSize + 1);
    const c = v.nodes.find((n) => n.id === clusterId('util'));
    assert.deepEqual({ kind: c?.kind, size: c?.size, critical: c?.critical }, { kind: 'cluster', size: utilSize, critical: true });
    assert.ok(!ids(v).some((id) => id.startsWith('util/') && !id.startsWith('util/bpf_skel')));
  });

  it('merges the edges that cross the group border, keeping their marks', () => {
    const v = view(g, ['util']);
    const fromPrepare = edge(v, 'prepare', clusterId('util'));
    assert.deepEqual({ count: fromPrepare?.count, critical: fromPrepare?.critical, fromBarrier: fromPrepare?.fromBarrier }, { count: 9, critical: true, fromBarrier: true });
    assert.equal(edge(v, clusterId('util'), 'perf-in.o')?.submake, true);
    assert.equal(edge(v, clusterId('util'), 'perf-in.o')?.critical, true);
    assert.ok(v.edges.every((e) => e.from !== e.to));
  });

  it('expanding again gives the view back', () => {
    const collapsed = expandFold(g, collapseGroup([], 'util'), 'util');
    assert.deepEqual(collapsed, []);
    assert.deepEqual(view(g, collapsed), view(g));
  });

  it('never folds a barrier away', () => {
    const k = kernelTopGraph();
    const v = view(k, collapsibleGroups(k));
    for (const b of ['archprepare', 'prepare0', 'prepare']) assert.ok(ids(v).includes(b), b);
  });

  it('large graphs start collapsed by directory, small ones expanded', () => {
    assert.deepEqual(initialFolds(perfPrepareGraph()), []);
    const g500 = generatedGraph(500);
    assert.deepEqual(initialFolds(g500), collapsibleGroups(g500));
    const v = view(g500, initialFolds(g500));
    const clusters = v.nodes.filter((n) => n.kind === 'cluster');
    assert.equal(clusters.length, collapsibleGroups(g500).length);
    assert.equal(clusters.reduce((s, c) => s + c.size, 0) + v.nodes.length - clusters.length, g500.nodes.length);
    assert.ok(ids(v).includes('prepare'));
  });

  it('expanding one group of a collapsed large graph adds just its nodes', () => {
    const big = generatedGraph(500);
    const collapsed = initialFolds(big);
    const before = view(big, collapsed);
    const after = view(big, expandFold(big, collapsed, 'kernel'));
    const size = big.nodes.filter((n) => n.group === 'kernel').length;
    assert.equal(after.nodes.length, before.nodes.length - 1 + size);
  });
});

describe('model: directory trees', () => {
  const big = generatedGraph(5000);
  const folds = initialFolds(big);

  it('with too many directories, starts with one cluster per top-level tree', () => {
    assert.deepEqual(folds, ['arch/', 'block/', 'crypto/', 'drivers/', 'fs/', 'include/', 'kernel/', 'lib/', 'mm/', 'net/', 'security/', 'sound/']);
    const v = view(big, folds);
    assert.equal(v.nodes.length, folds.length + big.nodes.filter((n) => n.group === '').length);
    assert.equal(v.nodes.find((n) => n.id === clusterId('kernel/'))?.label, 'kernel/…');
  });

  it('expanding a tree opens the next level; a lone subtree opens too', () => {
    const kernel = expandFold(big, folds, 'kernel/');
    assert.deepEqual(kernel.filter((e) => e.startsWith('kernel')), ['kernel', ...collapsibleGroups(big).filter((g) => g.startsWith('kernel/'))]);
    const arch = expandFold(big, folds, 'arch/');
    assert.ok(arch.includes('arch/x86') && !arch.includes('arch/x86/'), 'arch/ holds only arch/x86/: opened at once');
    const v = view(big, kernel);
    assert.ok(v.nodes.some((n) => n.id === clusterId('kernel')) && !v.nodes.some((n) => n.id === clusterId('kernel/')));
  });

  it('collapsing a group inside an open tree and expanding it again', () => {
    const kernel = expandFold(big, folds, 'kernel/');
    const open = expandFold(big, kernel, 'kernel');
    assert.ok(!open.includes('kernel'));
    assert.deepEqual(collapseGroup(open, 'kernel'), kernel);
  });
});

describe('model: search', () => {
  it('finds nodes by a case-insensitive part of their name', () => {
    const v = view(perfPrepareGraph(), [], 'SKEL.H');
    assert.deepEqual(v.hits, v.nodes.filter((n) => n.label.endsWith('.skel.h')).map((n) => n.id));
    assert.equal(v.hits.length, 6);
  });

  it('counts hits inside a collapsed group on its cluster', () => {
    const v = view(perfPrepareGraph(), ['util'], 'bpf_');
    assert.equal(v.nodes.find((n) => n.id === clusterId('util'))?.hits, 4);
    assert.ok(v.hits.includes(clusterId('util')));
  });

  it('an empty query finds nothing', () => {
    assert.deepEqual(view(perfPrepareGraph(), [], '  ').hits, []);
  });
});

describe('model: implied waits of sub-makes', () => {
  it("a sub-make's first targets wait for what the sub-make waits for", () => {
    const v = view(kernelTopGraph());
    const waits = v.waits.map((w) => `${w.from} → ${w.to}`);
    assert.ok(waits.includes('prepare → kernel/fork.o'));
    assert.ok(waits.includes('prepare → drivers/char/mem.o'));
    assert.ok(!waits.some((w) => w.endsWith('built-in.a')), 'only the context sources');
  });

  it('follow collapsed groups', () => {
    const v = view(kernelTopGraph(), ['kernel']);
    assert.ok(v.waits.some((w) => w.from === 'prepare' && w.to === clusterId('kernel')));
  });
});
