import { test } from 'node:test';
import assert from 'node:assert/strict';
import { whatIf } from '../../../../server/src/analysis/build/whatIf';
import { PREPARE_GRAPH, graphSpec, timingSpec } from './spec';

// The prepare fixture by hand, with its designed durations (no make overhead).
const GRAPH = graphSpec(PREPARE_GRAPH);
const TIMINGS = timingSpec({
  'gen/version.h': 0.2,
  'gen/big.h': 0.8,
  'a.o': 0.3,
  sub: { duration: 0.5, lead: 0, tail: 0 },
  'sub/c.o': 0.5,
  vmlinux: 0.2,
});
const USES = new Map([
  ['a.o', ['gen/version.h']],
  ['sub/c.o', ['gen/version.h']],
]);
const r3 = (x: number) => Math.round(x * 1000) / 1000;

test('-j2: waiting only for gen/version.h saves 0.3 s (1.5 → 1.2)', () => {
  const r = whatIf({ graph: GRAPH, timings: TIMINGS, barrier: 'prepare', uses: USES, jobs: 2 });
  assert.deepEqual([r3(r.before), r3(r.after), r3(r.saving)], [1.5, 1.2, 0.3]);
  // The sub-make's recipe waited for a.o's job token; c.o runs on that token.
  assert.deepEqual(r.pathAfter, ['gen/version.h', 'a.o', 'sub', 'sub/c.o', 'sub/all', 'sub', 'vmlinux', 'all']);
  assert.deepEqual([r.removedEdges, r.stillWaiting, r.unknownFiles], [3, [], []]);
});

test('unlimited jobs: the longest path drops to 0.9 s (version.h → c.o → vmlinux)', () => {
  const r = whatIf({ graph: GRAPH, timings: TIMINGS, barrier: 'prepare', uses: USES });
  assert.deepEqual([r3(r.before), r3(r.after), r3(r.saving), r.jobs], [1.5, 0.9, 0.6, null]);
});

test('a recipe with no uses entry keeps waiting, unless unknown = free', () => {
  const partial = new Map([['a.o', ['gen/version.h', 'not/in/graph.h']]]);
  const wait = whatIf({ graph: GRAPH, timings: TIMINGS, barrier: 'prepare', uses: partial });
  assert.deepEqual(wait.stillWaiting, ['sub/c.o']);
  assert.deepEqual(wait.unknownFiles, ['not/in/graph.h']);
  assert.equal(r3(wait.saving), 0);
  const free = whatIf({ graph: GRAPH, timings: TIMINGS, barrier: 'prepare', uses: partial, unknown: 'free' });
  // c.o and a.o start at once; the path is gen/big.h (0.8) → all.
  assert.equal(r3(free.after), 0.8);
});
