import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProfileLog } from '../../../../server/src/analysis/build/profile';
import { buildTimeline } from '../../../../server/src/analysis/build/timeline';
import { logSpec } from './spec';

const timelineOf = (spec: string) => buildTimeline(parseProfileLog(logSpec(spec)).profile);

test('the lines of one recipe are one step; $(shell) calls are steps of their own', () => {
  const tl = timelineOf(`
    -    0.00 0.01
    -    0.02 0.03
    a.o  0.10 0.20
    a.o  0.20 0.30 status=1
    b.o  0.10 0.15
  `);
  assert.deepEqual(
    tl.steps.map((s) => [s.kind, s.target, s.lines, s.status, (s.end - s.start) / 1e6]),
    [
      ['shell', '', 1, 0, 0.01],
      ['shell', '', 1, 0, 0.01],
      ['recipe', 'a.o', 2, 1, 0.2],
      ['recipe', 'b.o', 1, 0, 0.05],
    ],
  );
  assert.equal(tl.runs.length, 1);
  assert.equal((tl.end - tl.start) / 1e6, 0.3);
});

test('sub-makes hang under the step whose line started them, even when pids are reused', () => {
  const tl = timelineOf(`
    d1    0.0 1.0 pid=50 make=1
    x.o   0.1 0.5 make=2 parent=50 level=1 dir=/w/d1
    d2    1.0 2.0 pid=50 make=1
    y.o   1.1 1.9 make=3 parent=50 level=1 dir=/w/d2
    z.o   1.2 1.8 make=4 parent=60 level=2 dir=/w/d2/z
    -     1.15 1.16 make=3 parent=50 level=1 dir=/w/d2
    d2z   1.15 1.85 make=3 pid=60 parent=50 level=1 dir=/w/d2
  `);
  const byTarget = new Map(tl.steps.map((s) => [s.target || `shell@${s.start}`, s]));
  const runOf = (t: string) => tl.runs[(byTarget.get(t) as { run: number }).run];
  assert.equal(tl.steps[runOf('x.o').parentStep as number].target, 'd1');
  assert.equal(tl.steps[runOf('y.o').parentStep as number].target, 'd2');
  assert.equal(tl.steps[runOf('z.o').parentStep as number].target, 'd2z');
  assert.deepEqual(
    ['d1', 'x.o', 'y.o', 'z.o'].map((t) => runOf(t).level),
    [0, 1, 1, 2],
  );
  assert.deepEqual(byTarget.get('d2')?.children, [runOf('y.o').id]);
});
