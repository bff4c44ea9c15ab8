import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSchedDag, taskOf } from '../../../../server/src/analysis/build/schedDag';
import { criticalChain, simulate } from '../../../../server/src/analysis/build/simulate';
import { graphSpec, timingSpec } from './spec';

const sec = (us: number) => Math.round(us) / 1e6;

function run(spec: string, durations: Parameters<typeof timingSpec>[0], jobs?: number) {
  const dag = buildSchedDag({ graph: graphSpec(spec), timings: timingSpec(durations) });
  const schedule = simulate({ dag, jobs });
  const chain = criticalChain({ dag, schedule }).map((t) => (dag.part[t] === 'whole' ? dag.node[t] : `${dag.node[t]}:${dag.part[t]}`));
  return { dag, schedule, chain, makespan: sec(schedule.makespan) };
}

const DIAMOND = `
  top!: l r
  l: base
  r: base
`;

test('unlimited jobs: the longest path', () => {
  const r = run(DIAMOND, { base: 1, l: 2, r: 3 });
  assert.equal(r.makespan, 4);
  assert.deepEqual(r.chain, ['base', 'r', 'top']);
});

test('one job: the sum; the slot wait shows in the chain', () => {
  const r = run(DIAMOND, { base: 1, l: 2, r: 3 }, 1);
  assert.equal(r.makespan, 6);
  // make's order: l before r (prerequisite order), so r waits for l's slot.
  assert.deepEqual(r.chain, ['base', 'l', 'r', 'top']);
  const rTask = taskOf(r.dag, 'r') as number;
  assert.equal(r.schedule.slotWait[rTask], true);
});

test('two jobs: list scheduling in make order; recipe-less targets take no slot', () => {
  const r = run(
    `
    all!: a b c
    a: gen
    b: gen
    c: gen
    gen!: h
  `,
    { h: 1, a: 1, b: 1, c: 1 },
    2,
  );
  // h (0–1), then a and b (1–2), then c (2–3); gen and all finish instantly.
  assert.equal(r.makespan, 3);
  const at = (id: string) => sec(r.schedule.start[taskOf(r.dag, id) as number]);
  assert.deepEqual(['h', 'gen', 'a', 'b', 'c', 'all'].map(at), [0, 1, 1, 1, 2, 3]);
});

test('a sub-make: its targets start after the recipe that runs it begins', () => {
  const r = run(
    `
    all!: prep d
    prep: 
    d!: prep
    d => d/all
    [d] d/all: d/x.o
    [d] d/x.o:
  `,
    { prep: 1, d: { duration: 2.6, lead: 0.1, tail: 0.5 }, 'd/x.o': 2 },
  );
  assert.deepEqual(r.chain, ['prep', 'd:begin', 'd/x.o', 'd/all', 'd:end', 'all']);
  assert.equal(r.makespan, 3.6);
});

test('cycles are cut at the back edge, as make drops them', () => {
  const r = run(
    `
    a: b
    b: a
  `,
    { a: 1, b: 1 },
  );
  assert.equal(r.dag.cycles.length, 1);
  assert.equal(r.makespan, 2);
});

test('-j1 with nested sub-makes: each runs on the token its recipe holds, one job at a time', () => {
  const r = run(
    `
    all!: d x
    d!:
    d => d/all
    [d] d/all!: d/a.o e
    [d] d/a.o:
    [d] e!:
    e => e/all
    [e] e/all: e/b.o
    [e] e/b.o:
    x:
  `,
    { d: { duration: 1.4, lead: 0.1, tail: 0.1 }, 'd/a.o': 0.5, e: { duration: 0.5, lead: 0.1, tail: 0.1 }, 'e/b.o': 0.3, x: 1 },
    1,
  );
  // Everything in sequence: 0.1 + 0.5 + (0.1 + 0.3 + 0.1) + 0.1 + 1.
  assert.equal(r.makespan, 2.2);
  const overlaps = r.dag.node.map((_, t) => [r.schedule.start[t], r.schedule.end[t], r.dag.weight[t]]).filter(([, , w]) => w > 0);
  for (const [s1, e1] of overlaps) assert.equal(overlaps.filter(([s2, e2]) => s2 < e1 && s1 < e2).length, 1, 'one job at a time');
});
