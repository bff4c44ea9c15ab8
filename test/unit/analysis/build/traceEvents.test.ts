import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProfileLog } from '../../../../server/src/analysis/build/profile';
import { fromTraceEvents, toTraceEvents } from '../../../../server/src/analysis/build/traceEvents';
import { logSpec } from './spec';

const LOG = logSpec(`
  -        0.00 0.01 make=1
  a.o      0.10 0.40 make=1
  b.o      0.12 0.30 make=1
  sub      0.11 0.90 make=1 pid=50
  c.o      0.20 0.80 make=2 parent=50 level=1 dir=/w/sub
  d.o      0.35 0.50 make=1 status=2
`);

test('trace events round-trip records exactly', () => {
  const { profile } = parseProfileLog(LOG);
  const trace = toTraceEvents(profile.records);
  const back = fromTraceEvents(JSON.stringify(trace));
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.profile.records, profile.records);
});

test('complete events in µs from the start, one process per make, lanes never overlap', () => {
  const { profile } = parseProfileLog(LOG);
  const trace = toTraceEvents(profile.records);
  const x = trace.traceEvents.filter((e) => e.ph === 'X');
  assert.equal(x.length, 6);
  assert.deepEqual(
    trace.traceEvents.filter((e) => e.ph === 'M').map((e) => [e.pid, e.args?.name]),
    [
      [1, 'make[0] /w'],
      [2, 'make[1] /w/sub'],
    ],
  );
  const a = x.find((e) => e.name === 'a.o');
  assert.deepEqual([a?.ts, a?.dur, a?.cat], [100000, 300000, 'recipe']);
  assert.equal(x.find((e) => e.cat === 'shell')?.name, '$(shell)');
  const lanes = new Map<string, Array<[number, number]>>();
  for (const e of x) {
    const key = `${e.pid}/${e.tid}`;
    const list = lanes.get(key) ?? [];
    for (const [s, t] of list) assert.ok((e.ts as number) >= t || (e.ts as number) + (e.dur as number) <= s, `overlap on ${key}`);
    list.push([e.ts as number, (e.ts as number) + (e.dur as number)]);
    lanes.set(key, list);
  }
});

test('foreign traces: a bare array, B/E pairs, names as targets', () => {
  const events = [
    { name: 'x.o', ph: 'B', pid: 7, tid: 3, ts: 10 },
    { name: 'x.o', ph: 'E', pid: 7, tid: 3, ts: 30 },
    { name: 'y.o', ph: 'X', pid: 7, tid: 4, ts: 5, dur: 2 },
    { name: 'meta', ph: 'M', pid: 7, tid: 0 },
  ];
  const { profile, problems } = fromTraceEvents(JSON.stringify(events));
  assert.deepEqual(problems, []);
  assert.deepEqual(
    profile.records.map((r) => [r.target, r.start, r.end, r.makePid, r.pid]),
    [
      ['y.o', 5, 7, 7, 4],
      ['x.o', 10, 30, 7, 3],
    ],
  );
});

test('not a trace: a problem, no records, no throw', () => {
  assert.equal(fromTraceEvents('{').problems.length, 1);
  assert.equal(fromTraceEvents('{"a":1}').problems[0].message, 'no traceEvents array');
  assert.equal(fromTraceEvents('[{"ph":"E","pid":1,"tid":1,"ts":1}]').problems.length, 1);
});
