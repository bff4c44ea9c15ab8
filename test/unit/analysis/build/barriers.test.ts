import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findBarriers } from '../../../../server/src/analysis/build/barriers';
import { graphSpec, timingSpec } from './spec';

const GRAPH = graphSpec(`
  all!: vmlinux
  FORCE!:
  prepare!: gen/a.h gen/b.h
  gen/a.h:
  gen/b.h:
  x.o: prepare
  y.o: prepare
  z.o: prepare
  version.h: FORCE tools
  tools:
  p.o: version.h
  q.o: version.h
  lonely!: gen/a.h
  r.o: lonely
  obj.o: FORCE obj.c ;
  vmlinux: x.o y.o z.o p.o q.o r.o obj.o
  vmlinux.lds: obj.o
`);

test('phony and FORCE-driven umbrellas with several dependents are barriers', () => {
  const b = findBarriers({ graph: GRAPH });
  assert.deepEqual(
    b.map((x) => [x.node, x.fanIn, x.fanOut, x.waiting]),
    [
      ['prepare', 2, 3, ['x.o', 'y.o', 'z.o']],
      ['version.h', 1, 2, ['p.o', 'q.o']],
    ],
  );
  // FORCE itself (no prerequisites) is no barrier; `lonely` has one dependent;
  // obj.o is FORCE-driven with two dependents but has a recipe: a product.
  assert.equal(findBarriers({ graph: GRAPH, minFanOut: 1 }).some((x) => x.node === 'lonely'), true);
});

test('with durations: the cost is the wall time saved if nobody waited', () => {
  const timings = timingSpec({ 'gen/a.h': 0.1, 'gen/b.h': 1, 'x.o': 0.5, 'y.o': 0.5, 'z.o': 0.5, tools: 0.2, 'version.h': 0.1, 'p.o': 0.3, 'q.o': 0.3, 'r.o': 0.1, vmlinux: 0.2 });
  const unlimited = findBarriers({ graph: GRAPH, timings });
  // Longest path gen/b.h → prepare → x.o → vmlinux = 1.7; without the wait the
  // objects overlap gen/b.h, which then ends the build at 1.0.
  assert.deepEqual(
    unlimited.map((x) => [x.node, Math.round((x.cost ?? 0) * 1000) / 1000]),
    [
      ['prepare', 0.7],
      ['version.h', 0],
    ],
  );
  const twoJobs = findBarriers({ graph: GRAPH, timings, jobs: 2 });
  assert.ok((twoJobs[0].cost ?? 0) < 0.7, 'fewer jobs, less to win');
});

test('one dependent that runs a sub-make holds back all it builds (Kbuild 6.1: prepare → .)', () => {
  const graph = graphSpec(`
    all!: vmlinux
    prepare!: gen/a.h
    gen/a.h:
    dot!: prepare
    dot => [dot]__build
    [dot] [dot]__build!: init
    [dot] init!:
    init => [init]__build
    [init] [init]__build!: init/main.o init/version.o
    [init] init/main.o:
    [init] init/version.o:
    vmlinux: dot
  `);
  const [b] = findBarriers({ graph });
  assert.deepEqual([b.node, b.fanOut, b.held, b.waiting], ['prepare', 1, 6, ['dot']]);
});
