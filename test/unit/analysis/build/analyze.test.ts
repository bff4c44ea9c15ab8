import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeBuild } from '../../../../server/src/analysis/build/analyze';
import { buildTimeline } from '../../../../server/src/analysis/build/timeline';
import { whatIf } from '../../../../server/src/analysis/build/whatIf';
import { syntheticBuild } from '../../../fixtures/profile/synthetic';

// A profile made by replaying the graph at -j8 (test/fixtures/profile/synthetic.ts).
const synth = syntheticBuild({ dirs: 4, objects: 12, headers: 6, seed: 7, jobs: 8 });
const timeline = buildTimeline({ records: synth.records });

test('every step of a Kbuild-shaped profile finds its node, sub-makes included', () => {
  const r = analyzeBuild({ graph: synth.graph, timeline });
  assert.deepEqual(r.match.unmatched, []);
  assert.equal(r.match.timings.size, synth.records.length);
  assert.equal(timeline.runs.length, 5, 'the top-level make and four Makefile.build runs');
});

test('replaying the graph with the jobs the profile was recorded with gives the profile back', () => {
  const r = analyzeBuild({ graph: synth.graph, timeline, jobs: 8 });
  assert.equal(Math.round(r.criticalPath.length * 1e6), timeline.end - timeline.start);
  const unlimited = analyzeBuild({ graph: synth.graph, timeline });
  assert.ok(unlimited.criticalPath.length <= r.criticalPath.length, 'no -j beats the longest path');
});

test('the analysed graph: durations in seconds, the critical path, prepare as the barrier', () => {
  const r = analyzeBuild({ graph: synth.graph, timeline });
  const big = r.graph.nodes.find((n) => n.id === 'include/generated/h0.h');
  assert.ok((big?.duration ?? 0) > 0);
  assert.equal(synth.graph.nodes.find((n) => n.id === big?.id)?.duration, undefined, 'the input graph is left alone');
  assert.deepEqual(r.graph.criticalPath?.slice(0, 2), [r.criticalPath.steps[0].node, r.criticalPath.steps[1].node]);
  const [b] = r.graph.barriers;
  assert.deepEqual([b.node, b.fanIn, b.held], ['prepare', 6, 1 + 4 + 4 * 14], 'all, the four directories and what their sub-makes build');
  // The cost is the what-if with every waiting target freed.
  const free = whatIf({ graph: synth.graph, timings: r.match.timings, barrier: 'prepare', uses: new Map(), unknown: 'free' });
  assert.equal(b.cost, free.saving);
  // Objects waiting only for the headers they read save no more than that;
  // the archives read no generated file.
  const uses = new Map([...synth.uses, ...[0, 1, 2, 3].map((d): [string, string[]] => [`d${d}/built-in.a`, []])]);
  const used = whatIf({ graph: synth.graph, timings: r.match.timings, barrier: 'prepare', uses });
  assert.ok(used.saving >= 0 && used.saving <= free.saving + 1e-9);
  assert.deepEqual(used.stillWaiting, []);
});
