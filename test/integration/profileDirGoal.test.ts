// A single-directory goal, `make -j2 kernel/time/` on a Kbuild-shaped tree
// (test/fixtures/profile/dirGoalTree.ts), built for real under the wrapper:
// the critical path over the make -pnk graph goes down the descent — `.`,
// then `kernel`, then `kernel/time`, each split at its sub-make — to the
// slow object, instead of stopping at `.` as one long step. Needs make to
// read `./kernel/time/` as the goal `kernel/time/` (subMake.ts) and the
// directory goal of each make to be a node of its own (makeGraph.ts).
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { analyzeBuild } from '../../server/src/analysis/build/analyze';
import { graphFromDatabases } from '../../server/src/analysis/build/makeGraph';
import { buildTimeline } from '../../server/src/analysis/build/timeline';
import { parseMakeDatabases } from '../../server/src/eval/makeDatabase';
import { runMakeDatabase, runProfiledBuild } from '../../server/src/lsp/profileRunner';
import { DIR_GOAL, dirGoalTree } from '../fixtures/profile/dirGoalTree';
import { writeTree } from '../fixtures/profile/writeTree';

/** Process start-ups on 2 shared cores (see profile.test.ts). */
const NOISE = 0.5;

test('make -j2 kernel/time/: the measured critical path descends into the sub-makes', async (t) => {
  const dir = writeTree(dirGoalTree());
  t.after(() => rmSync(dir, { recursive: true, force: true }));

  const db = await runMakeDatabase({ cwd: dir, args: ['kernel/time/'] });
  const { graph, problems } = graphFromDatabases({ databases: parseMakeDatabases(db.text) });
  assert.deepEqual(problems, [], 'every sub-make tied to the recipe that runs it');
  for (const id of DIR_GOAL.descent) assert.equal(graph.nodes.find((n) => n.id === id)?.kind, 'submake', id);

  const run = await runProfiledBuild({ cwd: dir, args: DIR_GOAL.args });
  assert.equal(run.exitCode, 0, run.stderrTail);
  const timeline = buildTimeline(run.profile);
  assert.equal(timeline.runs.length, 4, 'the top make and three nested sub-makes');
  const a = analyzeBuild({ graph, timeline, wall: run.endMicros - run.startMicros });
  assert.deepEqual(a.match.unmatched, []);

  const steps = a.criticalPath.steps;
  const where = steps.map((s) => `${s.node}${s.part === 'whole' ? '' : `(${s.part})`}`).join(' → ');
  for (const id of DIR_GOAL.descent) {
    assert.ok(steps.some((s) => s.node === id && s.part === 'begin'), `${id} (begin) on the path: ${where}`);
    assert.ok(!steps.some((s) => s.node === id && s.part === 'whole'), `${id} not one whole step: ${where}`);
  }
  const slow = steps.find((s) => s.node === 'kernel/time/slow.o');
  assert.ok(slow, `the slow object is on the path: ${where}`);
  assert.ok(slow.duration >= DIR_GOAL.sleep.slow - 0.005 && slow.duration <= DIR_GOAL.sleep.slow + NOISE, `slow.o ${slow.duration} s`);
  assert.ok(steps.findIndex((s) => s.node === 'gen/h.h') < steps.indexOf(slow), `the header comes first: ${where}`);
  assert.ok(!steps.some((s) => s.node === 'kernel/time/fast.o'), 'the fast object runs beside it');
  assert.ok(Math.abs(a.criticalPath.length - DIR_GOAL.wall) <= NOISE, `path ${a.criticalPath.length} s`);
});
