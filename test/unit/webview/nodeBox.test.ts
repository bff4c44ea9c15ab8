import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { perfPrepareGraph } from '../../fixtures/graphs/perf';
import { buildView, clusterId } from '../../../webview/src/model';
import { formatSeconds, nodeDetails, nodeSize, nodeText, shorten } from '../../../webview/src/nodeBox';

const view = (collapsed: string[] = []) => buildView(perfPrepareGraph(), { collapsed: new Set(collapsed), query: '' });
const node = (id: string, collapsed: string[] = []) => {
  const n = view(collapsed).nodes.find((v) => v.id === id);
  assert.ok(n, id);
  return n;
};

describe('node boxes', () => {
  it('shortens long labels from the left, keeping the file name', () => {
    assert.equal(shorten('arch/x86/include/generated/asm/syscalls_64.c', 20), '…d/asm/syscalls_64.c');
    assert.equal(shorten('perf.o', 20), 'perf.o');
  });

  const seconds: [number, string][] = [
    [0.123, '0.12 s'],
    [17.44, '17.4 s'],
    [512.4, '512 s'],
  ];
  for (const [s, text] of seconds) it(`formats ${s} s as ${text}`, () => assert.equal(formatSeconds(s), text));

  it('a barrier says its fan-in, fan-out and cost on a second line', () => {
    assert.deepEqual(nodeText(node('prepare')), { title: 'prepare', badge: 'BARRIER · 17 in · 27 out · costs 17.4 s' });
  });

  it('a cluster says how many targets it holds', () => {
    assert.deepEqual(nodeText(node(clusterId('util'), ['util'])), { title: 'util/', badge: '⊞ 10 targets' });
  });

  it('boxes fit their text and barriers stand taller', () => {
    const plain = nodeSize(node('perf.o'));
    const barrier = nodeSize(node('prepare'));
    assert.ok(barrier.height > plain.height);
    assert.ok(barrier.width > plain.width);
  });

  it('hover details: target, rule, duration, barrier and critical path', () => {
    assert.deepEqual(
      nodeDetails(node('prepare')).map((l) => l.text),
      [
        'prepare',
        'phony',
        'rule: tools/perf/Makefile.perf:860',
        'barrier: waits for 17, 27 wait directly, 33 in all',
        'the wait costs 17.4 s',
        'on the critical path',
        'click or Enter: open the rule',
      ],
    );
    assert.deepEqual(
      nodeDetails(node('util/evsel.o')).map((l) => l.text),
      ['util/evsel.o', 'file · util', 'rule: tools/perf/util/Build:10', 'took 1.80 s', 'click or Enter: open the rule'],
    );
  });
});
