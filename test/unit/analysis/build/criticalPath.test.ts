import { test } from 'node:test';
import assert from 'node:assert/strict';
import { graphCriticalPath, timelineCriticalPath } from '../../../../server/src/analysis/build/criticalPath';
import { matchProfile } from '../../../../server/src/analysis/build/match';
import { parseProfileLog } from '../../../../server/src/analysis/build/profile';
import { buildTimeline } from '../../../../server/src/analysis/build/timeline';
import { PREPARE_GRAPH, graphSpec, logSpec } from './spec';

// The prepare fixture, by hand: a -j2 run as designed.
const GRAPH = graphSpec(PREPARE_GRAPH);

const LOG = logSpec(`
  gen/version.h 0.00 0.20
  gen/big.h     0.00 0.80
  a.o           0.80 1.10
  sub           0.80 1.32 pid=77
  c.o           0.81 1.31 make=2 parent=77 level=1 dir=/w/sub
  vmlinux       1.32 1.52
`);

const timeline = buildTimeline(parseProfileLog(LOG).profile);
const round = (x: number) => Math.round(x * 1000) / 1000;

test('profile steps match graph nodes by target and directory', () => {
  const m = matchProfile({ graph: GRAPH, timeline });
  assert.deepEqual(m.unmatched, []);
  assert.deepEqual(
    [...m.timings].map(([id, t]) => [id, t.duration / 1e6, t.lead !== undefined ? round(t.lead / 1e6) : null]).sort(),
    [
      ['a.o', 0.3, null],
      ['gen/big.h', 0.8, null],
      ['gen/version.h', 0.2, null],
      ['sub', 0.52, 0.01],
      ['sub/c.o', 0.5, null],
      ['vmlinux', 0.2, null],
    ],
  );
});

test('graph method: the longest path with measured durations, and the summary figures', () => {
  const r = graphCriticalPath({ graph: GRAPH, timeline });
  assert.deepEqual(
    r.steps.map((s) => [s.node, s.part, round(s.duration)]),
    [
      ['gen/big.h', 'whole', 0.8],
      ['prepare', 'whole', 0],
      ['sub', 'begin', 0.01],
      ['sub/c.o', 'whole', 0.5],
      ['sub/all', 'whole', 0],
      ['sub', 'end', 0.01],
      ['vmlinux', 'whole', 0.2],
      ['all', 'whole', 0],
    ],
  );
  assert.deepEqual([round(r.wall), round(r.length), round(r.busy), round(r.parallelism)], [1.52, 1.52, 2.02, 1.329]);
  assert.equal(r.jobs, null);
});

test('timeline method, no graph: last finisher back through what released each step', () => {
  const r = timelineCriticalPath({ timeline });
  assert.deepEqual(
    r.steps.map((s) => [s.label, s.part, round(s.start), round(s.duration)]),
    [
      ['gen/big.h', 'whole', 0, 0.8],
      ['sub', 'begin', 0.8, 0.01],
      ['c.o', 'whole', 0.81, 0.5],
      ['sub', 'end', 1.31, 0.01],
      ['vmlinux', 'whole', 1.32, 0.2],
    ],
  );
  assert.equal(round(r.length), 1.52);
});

test('timeline method takes a slot wait: the step that finished just before', () => {
  const tl = buildTimeline(
    parseProfileLog(
      logSpec(`
        x 0.0 1.0
        y 0.0 0.5
        z 0.5 2.0
        w 1.0 1.2
      `),
    ).profile,
  );
  assert.deepEqual(
    timelineCriticalPath({ timeline: tl }).steps.map((s) => s.label),
    ['y', 'z'],
  );
});
