// The kernel half of issue 5's figures, on a bounded real build: a copy of
// the tinyconfig O= dir (build-bench, next to build-tiny, so Kbuild's
// relative paths hold; removed afterwards), where touching
// include/config/GENERIC_CLOCKEVENTS makes the 8 objects of kernel/time that
// test the option stale, and `make -j2 kernel/time/` rebuilds them behind
// the whole prepare chain (a full tinyconfig build is ~3 min on 2 busy cores).
//   - overhead: that build plain and under the wrapper, alternately, 3 pairs;
//   - a measured profile of it: the critical path over the make -pnk graph,
//     and what each barrier's wait costs.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyzeBuild } from '../server/src/analysis/build/analyze';
import { graphFromDatabases } from '../server/src/analysis/build/makeGraph';
import { buildTimeline } from '../server/src/analysis/build/timeline';
import { parseMakeDatabases } from '../server/src/eval/makeDatabase';
import { runMakeDatabase, runProfiledBuild } from '../server/src/lsp/profileRunner';
import { kernelTinyBuild } from '../test/helpers/kernel';
import { measureOverhead, overheadRows } from './analysis';
import type { BenchRow } from './types';

const OPTION = 'include/config/GENERIC_CLOCKEVENTS';
const ARGS = ['-s', '-j2', 'kernel/time/'];
const LABEL = 'kernel 6.1 tinyconfig, `make -j2 kernel/time/` after touching include/config/GENERIC_CLOCKEVENTS (8 compiles + prepare)';

export async function kernelProfileRows(): Promise<BenchRow[]> {
  const tiny = kernelTinyBuild();
  const dir = join(dirname(tiny), 'build-bench');
  rmSync(dir, { recursive: true, force: true });
  const copy = spawnSync('cp', ['-a', tiny, dir]);
  if (copy.status !== 0) throw new Error(`cp -a ${tiny} ${dir} failed`);
  try {
    const touch = (): void => {
      const now = new Date();
      utimesSync(join(dir, OPTION), now, now);
    };
    if (!existsSync(join(dir, OPTION))) throw new Error(`${OPTION} is not in the tinyconfig build`);
    // Once up to date, so every build below does the same work.
    touch();
    spawnSync('make', ARGS, { cwd: dir, stdio: 'ignore' });
    const rows = overheadRows(LABEL, measureOverhead({ cwd: dir, args: ARGS, clean: touch, rounds: 3 }));
    return [...rows, ...(await measuredProfile(dir, touch))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measuredProfile(dir: string, touch: () => void): Promise<BenchRow[]> {
  const t0 = performance.now();
  const db = await runMakeDatabase({ cwd: dir, args: ['kernel/time/'] });
  const { graph } = graphFromDatabases({ databases: parseMakeDatabases(db.text) });
  const dbMs = performance.now() - t0;
  touch();
  const run = await runProfiledBuild({ cwd: dir, args: ARGS });
  if (run.exitCode !== 0) throw new Error(`profiled build failed: ${run.stderrTail.slice(-300)}`);
  const wall = run.endMicros - run.startMicros;
  const t1 = performance.now();
  const a = analyzeBuild({ graph, timeline: buildTimeline(run.profile), wall });
  const analysisMs = performance.now() - t1;
  const path = a.criticalPath;
  const long = path.steps.filter((s) => s.duration >= 0.05);
  const chain = long.map((s) => `${s.label}${s.part === 'whole' ? '' : `(${s.part})`} ${s.duration.toFixed(2)}s`).join(' → ');
  const rows: BenchRow[] = [
    { name: `measured profile (${LABEL}): ${run.profile.records.length} records, graph ${graph.nodes.length} nodes from make -pnk in ${(dbMs / 1000).toFixed(1)} s; wall`, value: wall / 1e6, unit: 's' },
    { name: 'measured profile: recipes (CPU-ish), parallelism ' + path.parallelism.toFixed(2), value: path.busy, unit: 's' },
    { name: `measured profile: critical path (graph, unlimited jobs), steps ≥ 50 ms: ${chain}`, value: path.length, unit: 's' },
    { name: `measured profile: analyzeBuild on it (${graph.nodes.length} nodes)`, value: analysisMs, unit: 'ms' },
  ];
  for (const b of a.graph.barriers.filter((x) => (x.cost ?? 0) > 0).slice(0, 5)) {
    rows.push({ name: `measured profile: barrier ${b.node} (fan-in ${b.fanIn}, fan-out ${b.fanOut}, holds ${b.held}) — wall saved if nothing waited for it`, value: b.cost ?? 0, unit: 's' });
  }
  return rows;
}
