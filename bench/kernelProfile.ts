// The kernel half of issue 5's figures, on a bounded real build: a copy of
// the tinyconfig O= dir (build-bench, next to build-tiny, so Kbuild's
// relative paths hold; removed afterwards), where touching
// include/config/GENERIC_CLOCKEVENTS makes the 8 objects of kernel/time that
// test the option stale, and `make -j2 kernel/time/` rebuilds them behind
// the whole prepare chain (a full tinyconfig build is ~3 min on 2 busy cores).
//   - overhead: that build plain and under the wrapper, alternately: 2 pairs,
//     up to 5 while they fit in 100 s (a build takes 3–10 s on a quiet
//     machine, ~45 s at load 17: then only the 2 pairs run);
//   - the last profiled build of those pairs, analysed: the critical path over
//     the make -pnk graph, and what each barrier's wait costs;
//   - the issue's own figure last: the whole tinyconfig build after `make
//     clean`, plain and under the wrapper (1 pair, a second while the section
//     stays under ~7.5 min; a build is ~95 s on a quiet machine).
// cp -a keeps mtimes: the copy is as up to date as build-tiny, so every build,
// the first included, does the same work (271 wrapper records each).
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyzeBuild } from '../server/src/analysis/build/analyze';
import { graphFromDatabases } from '../server/src/analysis/build/makeGraph';
import { parseProfileLog } from '../server/src/analysis/build/profile';
import { buildTimeline } from '../server/src/analysis/build/timeline';
import { parseMakeDatabases } from '../server/src/eval/makeDatabase';
import { runMakeDatabase } from '../server/src/lsp/profileRunner';
import { kernelTinyBuild } from '../test/helpers/kernel';
import { measureOverhead, overheadRows, type Overhead } from './analysis';
import type { BenchRow } from './types';

const OPTION = 'include/config/GENERIC_CLOCKEVENTS';
const ARGS = ['-s', '-j2', 'kernel/time/'];
const LABEL = 'kernel 6.1 tinyconfig, `make -j2 kernel/time/` after touching include/config/GENERIC_CLOCKEVENTS (8 compiles + prepare)';
const FULL_LABEL = 'kernel 6.1 tinyconfig, the whole build after `make clean`, -j2';

export async function kernelProfileRows(): Promise<BenchRow[]> {
  const tiny = kernelTinyBuild();
  const dir = join(dirname(tiny), 'build-bench');
  try {
    copyTree(tiny, dir);
    const touch = (): void => {
      const now = new Date();
      utimesSync(join(dir, OPTION), now, now);
    };
    if (!existsSync(join(dir, OPTION))) throw new Error(`${OPTION} is not in the tinyconfig build`);
    const overhead = measureOverhead({ cwd: dir, args: ARGS, clean: touch, rounds: 2, maxRounds: 5, budgetMs: 100_000 });
    const rows = [...overheadRows(LABEL, overhead), ...(await measuredProfile(dir, overhead.last))];
    const clean = (): void => {
      const r = spawnSync('make', ['-s', 'clean'], { cwd: dir, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`make clean failed in ${dir}: ${r.stderr.slice(-300)}`);
    };
    const full = measureOverhead({ cwd: dir, args: ['-s', '-j2'], clean, rounds: 1, maxRounds: 2, budgetMs: 450_000 });
    return [...rows, ...overheadRows(FULL_LABEL, full)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** cp -a, again when it fails: tests running meanwhile may add and remove files in build-tiny. */
function copyTree(from: string, to: string): void {
  let error = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    rmSync(to, { recursive: true, force: true });
    const copy = spawnSync('cp', ['-a', from, to], { encoding: 'utf8' });
    if (copy.status === 0) return;
    error = copy.stderr.trim().split('\n').slice(-2).join('; ');
  }
  throw new Error(`cp -a ${from} ${to} failed: ${error}`);
}

async function measuredProfile(dir: string, last: Overhead['last']): Promise<BenchRow[]> {
  const t0 = performance.now();
  const db = await runMakeDatabase({ cwd: dir, args: ['kernel/time/'] });
  const { graph } = graphFromDatabases({ databases: parseMakeDatabases(db.text) });
  const dbMs = performance.now() - t0;
  const { profile } = parseProfileLog(last.log);
  const t1 = performance.now();
  const a = analyzeBuild({ graph, timeline: buildTimeline(profile), wall: last.wall });
  const analysisMs = performance.now() - t1;
  const path = a.criticalPath;
  const long = path.steps.filter((s) => s.duration >= 0.05);
  const chain = long.map((s) => `${s.label}${s.part === 'whole' ? '' : `(${s.part})`} ${s.duration.toFixed(2)}s`).join(' → ');
  const rows: BenchRow[] = [
    {
      name: `measured profile (the last profiled build above): ${profile.records.length} records, graph ${graph.nodes.length} nodes from make -pnk in ${(dbMs / 1000).toFixed(1)} s; wall`,
      value: last.wall / 1e6,
      unit: 's',
    },
    { name: 'measured profile: recipes (CPU-ish), parallelism ' + path.parallelism.toFixed(2), value: path.busy, unit: 's' },
    { name: `measured profile: critical path (graph, unlimited jobs), steps ≥ 50 ms: ${chain}`, value: path.length, unit: 's' },
    { name: `measured profile: analyzeBuild on it (${graph.nodes.length} nodes)`, value: analysisMs, unit: 'ms' },
  ];
  for (const b of a.graph.barriers.filter((x) => (x.cost ?? 0) > 0).slice(0, 5)) {
    rows.push({ name: `measured profile: barrier ${b.node} (fan-in ${b.fanIn}, fan-out ${b.fanOut}, holds ${b.held}) — wall saved if nothing waited for it`, value: b.cost ?? 0, unit: 's' });
  }
  return rows;
}
