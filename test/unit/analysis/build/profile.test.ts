import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEpochMicros, parseProfileLog } from '../../../../server/src/analysis/build/profile';

test('wrapper log lines become records; $(shell) calls have no target', () => {
  const text = [
    '1700000000.000100\t1700000000.250100\t11\t10\t0\t1\t0\ta.o\t/w',
    '1700000000.000000\t1700000000.000050\t12\t10\t0\t0\t0\t\t/w',
    '',
  ].join('\n');
  const { profile, problems } = parseProfileLog(text);
  assert.deepEqual(problems, []);
  assert.deepEqual(profile.records, [
    { kind: 'shell', target: '', start: 1700000000000000, end: 1700000000000050, pid: 12, makePid: 10, parent: 0, makelevel: 0, status: 0, dir: '/w' },
    { kind: 'recipe', target: 'a.o', start: 1700000000000100, end: 1700000000250100, pid: 11, makePid: 10, parent: 0, makelevel: 1, status: 0, dir: '/w' },
  ]);
});

test('bad lines are problems with their line number, the rest is read', () => {
  const text = ['garbage', '1.0\t2.0\t1\t1\t0\t1\t0\tt\t/w', 'x\t2.0\t1\t1\t0\t1\t0\tt\t/w', '1.0\t2.0\tp\t1\t0\t1\t0\tt\t/w'].join('\n');
  const { profile, problems } = parseProfileLog(text);
  assert.equal(profile.records.length, 1);
  assert.deepEqual(
    problems.map((p) => p.line),
    [1, 3, 4],
  );
});

test('EPOCHREALTIME in a comma locale, short fractions, a tab in the directory', () => {
  assert.equal(parseEpochMicros('12,5'), 12_500_000);
  assert.equal(parseEpochMicros('12.000001'), 12_000_001);
  assert.equal(parseEpochMicros('12'), 12_000_000);
  assert.equal(parseEpochMicros('1e3'), undefined);
  const { profile } = parseProfileLog('1.0\t2.0\t1\t1\t0\t1\t0\tt\t/odd\tdir\n');
  assert.equal(profile.records[0].dir, '/odd\tdir');
});
