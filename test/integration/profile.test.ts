// The engine of issue 5 end to end: the prepare fixture (recipes that sleep
// known amounts, see test/fixtures/profile/prepareTree.ts) built for real with
// make -j2 under the wrapper; the graph from make -pnk; the critical path,
// per-step durations, the barrier and the what-if saving as designed, within
// scheduling noise (2 shared cores: generous margins, sleeps never shorter).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseMakeDatabases } from '../../server/src/eval/makeDatabase';
import { findBarriers } from '../../server/src/analysis/build/barriers';
import { graphCriticalPath, timelineCriticalPath } from '../../server/src/analysis/build/criticalPath';
import { graphFromDatabases } from '../../server/src/analysis/build/makeGraph';
import { matchProfile } from '../../server/src/analysis/build/match';
import { buildTimeline } from '../../server/src/analysis/build/timeline';
import { fromTraceEvents, toTraceEvents } from '../../server/src/analysis/build/traceEvents';
import { whatIf } from '../../server/src/analysis/build/whatIf';
import { runMakeDatabase, runProfiledBuild } from '../../server/src/lsp/profileRunner';
import { DESIGN, prepareTree } from '../fixtures/profile/prepareTree';
import { writeTree } from '../fixtures/profile/writeTree';

/**
 * Scheduling noise allowed on a designed time: process start-ups on 2 shared
 * cores that other builds keep busy (seen: +0.42 s on the 1.5 s wall at load 7).
 */
const NOISE = 0.5;
/** … on a difference of measured sleeps (their overshoots partly cancel). */
const DIFF_NOISE = 0.2;

/** A measured sleep (or the sum of `steps` of them): never shorter than designed, at most NOISE longer each. */
function slept(actual: number, designed: number, what: string, steps = 1): void {
  assert.ok(actual >= designed - 0.005 * steps && actual <= designed + NOISE * steps, `${what}: ${actual.toFixed(3)} s, designed ${designed} s`);
}

/** A figure derived from several measured steps: their noise adds up either way. */
function near(actual: number, expected: number, what: string, tolerance = NOISE): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual.toFixed(3)} s, expected ${expected.toFixed(3)} s`);
}

function clean(dir: string): void {
  for (const p of ['a.o', 'vmlinux', 'gen', 'sub/c.o']) rmSync(join(dir, p), { recursive: true, force: true });
}

test('prepare fixture, make -j2, profiled: critical path, durations, barrier, what-if', async (t) => {
  const dir = writeTree(prepareTree());
  t.after(() => rmSync(dir, { recursive: true, force: true }));

  const db = await runMakeDatabase({ cwd: dir, args: [] });
  const { graph, problems } = graphFromDatabases({ databases: parseMakeDatabases(db.text) });
  assert.deepEqual(problems, []);

  const run = await runProfiledBuild({ cwd: dir, args: ['-s', `-j${DESIGN.jobs}`] });
  assert.equal(run.exitCode, 0, run.stderrTail);
  assert.deepEqual(run.problems, []);
  const wall = run.endMicros - run.startMicros;
  slept(wall / 1e6, DESIGN.wall, 'wall');
  const timeline = buildTimeline(run.profile);
  assert.equal(timeline.runs.length, 2, 'the top make and the sub-make, stitched');
  const c = timeline.steps.find((s) => s.target === 'c.o');
  assert.equal(timeline.steps[timeline.runs[c?.run ?? 0].parentStep ?? 0].target, 'sub');
  assert.deepEqual(matchProfile({ graph, timeline }).unmatched, []);

  // The critical path over the graph (unlimited jobs: the longest path).
  const cp = graphCriticalPath({ graph, timeline, wall });
  assert.deepEqual(
    cp.steps.map((s) => s.node),
    DESIGN.pathNodes,
  );
  for (const [id, designed] of DESIGN.path) {
    const step = cp.steps.find((s) => s.node === id);
    slept(step?.duration ?? -1, designed, id);
  }
  slept(cp.length, DESIGN.longestPath, 'critical path length');
  assert.equal(cp.steps.find((s) => s.node === 'gen/big.h')?.loc?.file, join(dir, 'Makefile'));
  const sumOfSleeps = 0.2 + 0.8 + 0.3 + 0.5 + 0.2;
  // Five recipes, each with its own start-up noise (a CI run under load measured 2.578 s).
  slept(cp.busy, sumOfSleeps, 'busy (sum of recipe times)', 5);
  assert.ok(cp.parallelism > 1.2 && cp.parallelism <= 2, `parallelism ${cp.parallelism}`);

  // From the profile alone: the same chain.
  const tcp = timelineCriticalPath({ timeline, wall });
  assert.deepEqual(
    tcp.steps.map((s) => `${s.label}${s.part === 'whole' ? '' : `:${s.part}`}`),
    ['gen/big.h', 'sub:begin', 'c.o', 'sub:end', 'vmlinux'],
  );

  // The barrier and what it costs at -j2.
  const { timings } = matchProfile({ graph, timeline });
  const barriers = findBarriers({ graph, timings, jobs: DESIGN.jobs });
  assert.deepEqual(
    barriers.map((b) => [b.node, b.fanIn, b.waiting]),
    [['prepare', 2, ['a.o', 'all', 'sub']]],
  );
  const d = (id: string) => (timings.get(id)?.duration ?? 0) / 1e6;
  const sub = timings.get('sub');
  const subLead = (sub?.lead ?? 0) / 1e6;
  // At -j2 the model replays: with the barrier gen/big.h → sub → c.o → vmlinux;
  // without it gen/version.h → a.o → sub → c.o → vmlinux (a.o takes the slot
  // first, in make's order). The saving is big.h − version.h − a.o, whatever
  // the machine did to the sleeps; and about the designed 0.3 s.
  const modelSaving = d('gen/big.h') - d('gen/version.h') - d('a.o');
  near(barriers[0].cost ?? -1, modelSaving, 'barrier cost at -j2 (model)', 0.02 + subLead);
  near(barriers[0].cost ?? -1, DESIGN.whatIfSaving, 'barrier cost at -j2', DIFF_NOISE);

  // What if a.o and c.o waited only for gen/version.h?
  const w2 = whatIf({ graph, timings, barrier: 'prepare', uses: DESIGN.uses, jobs: DESIGN.jobs });
  near(w2.saving, modelSaving, 'what-if saving at -j2 (model)', 0.02 + subLead);
  near(w2.saving, DESIGN.whatIfSaving, 'what-if saving at -j2', DIFF_NOISE);
  near(w2.after, DESIGN.whatIfWall, 'what-if wall at -j2');
  // Unlimited jobs: gen/version.h → c.o → vmlinux against the longest path.
  const wInf = whatIf({ graph, timings, barrier: 'prepare', uses: DESIGN.uses });
  near(wInf.saving, DESIGN.whatIfSavingUnlimited, 'what-if saving, unlimited jobs', DIFF_NOISE);
  const pathAfter = Math.max(subLead, d('gen/version.h')) + d('sub/c.o') + (sub?.tail ?? 0) / 1e6 + d('vmlinux');
  near(wInf.after, Math.max(pathAfter, d('gen/big.h')), 'what-if longest path (model)', 0.001);

  // The trace file reads back to the same analysis.
  const back = buildTimeline(fromTraceEvents(JSON.stringify(toTraceEvents(run.profile.records))).profile);
  assert.deepEqual(graphCriticalPath({ graph, timeline: back, wall }), cp);

  // And the prediction holds for the real thing: BARRIER=0 is that build.
  // Its chain is the one the what-if predicted, and its wall time is close.
  clean(dir);
  const variant = await runProfiledBuild({ cwd: dir, args: ['-s', `-j${DESIGN.jobs}`, 'BARRIER=0'] });
  assert.equal(variant.exitCode, 0, variant.stderrTail);
  const real = buildTimeline(variant.profile);
  assert.deepEqual(
    timelineCriticalPath({ timeline: real }).steps.map((s) => s.label),
    ['gen/version.h', 'a.o', 'sub', 'c.o', 'sub', 'vmlinux'],
  );
  const recipes = (ids: string[]) => ids.filter((id) => (timings.get(id)?.duration ?? 0) > 0);
  assert.deepEqual(recipes(w2.pathAfter), ['gen/version.h', 'a.o', 'sub', 'sub/c.o', 'sub', 'vmlinux']);
  const predicted = wall / 1e6 - w2.saving;
  const measured = (variant.endMicros - variant.startMicros) / 1e6;
  assert.ok(Math.abs(measured - predicted) <= NOISE, `BARRIER=0 build: ${measured.toFixed(3)} s, predicted ${predicted.toFixed(3)} s`);
});
