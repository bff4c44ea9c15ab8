// Issue 5's figures. (1) Critical path + barrier analysis (with each
// barrier's cost) on a 10,000-node synthetic Kbuild-shaped profile, against a
// plain topological sort of the same graph in the same run. (2) The profiling
// wrapper's overhead on real builds: the same tree built plain and under the
// wrapper, alternately, same run — fixture trees, and a bounded kernel build
// (bench/kernelProfile.ts). (3) A measured kernel build's critical path and
// barrier costs. Runnable alone:
//   node --import tsx bench/analysis.ts
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { analyzeBuild } from '../server/src/analysis/build/analyze';
import { graphCriticalPath } from '../server/src/analysis/build/criticalPath';
import { buildTimeline } from '../server/src/analysis/build/timeline';
import { wrapperInvocation } from '../server/src/lsp/profileRunner';
import type { BuildGraph } from '../server/src/protocol/graph';
import { syntheticBuild } from '../test/fixtures/profile/synthetic';
import { compileTree, touchTree } from '../test/fixtures/profile/tinyRecipes';
import { writeTree } from '../test/fixtures/profile/writeTree';
import { kernelProfileRows } from './kernelProfile';
import { formatRows, type BenchRow } from './types';

/** The middle value; of an even count, the mean of the middle two (2 pairs: not the slower one). */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

const RUNS = 30;
const WARM = 5;

/** Median and fastest ms of `runs` calls after `warm` unmeasured ones (the JIT's warm-up). */
function timeIt(run: () => void, runs = RUNS, warm = WARM): { median: number; min: number } {
  for (let k = 0; k < warm; k++) run();
  const ms: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    run();
    ms.push(performance.now() - t);
  }
  return { median: median(ms), min: Math.min(...ms) };
}

/** The reference: Kahn's topological sort over the same string ids. */
function topoSort(graph: BuildGraph): string[] {
  const indeg = new Map<string, number>(graph.nodes.map((n) => [n.id, 0]));
  const out = new Map<string, string[]>();
  for (const e of graph.edges) {
    indeg.set(e.to, (indeg.get(e.to) ?? 0) + 1);
    const list = out.get(e.from);
    if (list) list.push(e.to);
    else out.set(e.from, [e.to]);
  }
  const queue = [...indeg].filter(([, d]) => d === 0).map(([id]) => id);
  for (let k = 0; k < queue.length; k++) {
    for (const to of out.get(queue[k]) ?? []) {
      const d = (indeg.get(to) as number) - 1;
      indeg.set(to, d);
      if (d === 0) queue.push(to);
    }
  }
  return queue;
}

export function benchAnalysisCompute(): BenchRow[] {
  const synth = syntheticBuild({ dirs: 40, objects: 245 });
  const { graph, records } = synth;
  // A new graph object each run: the analyses index a graph once (graphIndex.ts
  // caches by object), and that indexing is part of analysing a new graph.
  const fresh = (): BuildGraph => ({ ...graph, nodes: graph.nodes.slice() });
  const analyse = (): void => {
    analyzeBuild({ graph: fresh(), timeline: buildTimeline({ records }) });
  };
  const topo = timeIt(() => topoSort(graph));
  const all = timeIt(analyse);
  const pathOnly = timeIt(() => {
    const timeline = buildTimeline({ records });
    graphCriticalPath({ graph: fresh(), timeline });
  });
  const what = `analyzeBuild on a new graph object (index, timeline, profile→graph match, critical path both ways, barriers with cost), ${WARM} warm-up runs`;
  return [
    { name: `synthetic build: ${graph.nodes.length} nodes, ${graph.edges.length} edges, ${records.length} profile records`, value: graph.nodes.length, unit: 'nodes' },
    {
      name: `${what}, median of ${RUNS}`,
      value: all.median,
      unit: 'ms',
      reference: { name: 'topological sort of the same graph', value: topo.median },
      goal: '≤ 50 ms',
      met: all.median <= 50,
    },
    { name: `${what}, fastest of ${RUNS}`, value: all.min, unit: 'ms', reference: { name: 'topological sort, fastest', value: topo.min } },
    { name: `timeline + critical path alone, median of ${RUNS}`, value: pathOnly.median, unit: 'ms' },
  ];
}

export interface MakeInvocation {
  cwd: string;
  /** make's arguments (goals, -jN, …). */
  args: string[];
  make?: string;
  /** Brings the tree back to the state before the build (run before every build). */
  clean: () => void;
}

export interface Overhead {
  plainMs: number[];
  profiledMs: number[];
  /** CPU seconds (user + sys) of make and everything under it, per build. */
  plainCpu: number[];
  profiledCpu: number[];
  /** Wrapper records of the last profiled build. */
  records: number;
  /** The last profiled build: its wrapper log and wall time (µs), for an analysis of the same run. */
  last: { log: string; wall: number };
}

export interface Rounds {
  /** Alternating pairs always run (default 2). */
  rounds?: number;
  /** More pairs while another one, as slow as the slowest so far, fits in budgetMs (default: none). */
  maxRounds?: number;
  budgetMs?: number;
}

/**
 * The same build, plain and under the wrapper, alternately: `rounds` pairs,
 * then more up to `maxRounds` while the time budget allows (a quiet machine
 * gets more samples, a busy one keeps the bench section short).
 */
export function measureOverhead(o: MakeInvocation & Rounds): Overhead {
  const result: Overhead = { plainMs: [], profiledMs: [], plainCpu: [], profiledCpu: [], records: 0, last: { log: '', wall: 0 } };
  const w = wrapperInvocation({});
  const min = o.rounds ?? 2;
  const max = Math.max(min, o.maxRounds ?? min);
  const started = performance.now();
  let slowest = 0;
  for (let k = 0; k < max; k++) {
    const elapsed = performance.now() - started;
    if (k >= min && elapsed + slowest > (o.budgetMs ?? 0)) break;
    const pairStart = performance.now();
    for (const profiled of [false, true]) {
      o.clean();
      if (profiled) rmSync(w.env.KBPROF_LOG, { force: true });
      const args = profiled ? [...o.args, w.shellArg] : o.args;
      const env = profiled ? { ...process.env, ...w.env } : process.env;
      const t = performance.now();
      // bash's `times` gives the CPU of make and all it ran.
      const r = spawnSync('bash', ['-c', '"$@" >/dev/null || exit 1; times', 'bash', o.make ?? 'make', ...args], { cwd: o.cwd, env, encoding: 'utf8' });
      const ms = performance.now() - t;
      if (r.status !== 0) throw new Error(`make ${args.join(' ')} failed in ${o.cwd}: ${r.stderr.slice(-300)}`);
      const cpu = childCpu(r.stdout);
      (profiled ? result.profiledMs : result.plainMs).push(ms);
      (profiled ? result.profiledCpu : result.plainCpu).push(cpu);
      if (profiled) result.last = { log: readFileSync(w.env.KBPROF_LOG, 'utf8'), wall: ms * 1000 };
    }
    slowest = Math.max(slowest, performance.now() - pairStart);
  }
  result.records = result.last.log.split('\n').filter(Boolean).length;
  o.clean();
  return result;
}

/** The children line of bash's `times`: "0m1.234s 0m0.456s". */
function childCpu(times: string): number {
  const line = times.trim().split('\n').pop() ?? '';
  return [...line.matchAll(/(\d+)m([\d.]+)s/g)].reduce((s, m) => s + Number(m[1]) * 60 + Number(m[2]), 0);
}

export function overheadRows(label: string, r: Overhead): BenchRow[] {
  const wall = median(r.profiledMs) / median(r.plainMs);
  const fastest = Math.min(...r.profiledMs) / Math.min(...r.plainMs);
  const perRecord = ((median(r.profiledCpu) - median(r.plainCpu)) / r.records) * 1000;
  return [
    {
      name: `${label}: wall under the wrapper, median of ${r.plainMs.length} alternating pairs (${r.records} records)`,
      value: median(r.profiledMs),
      unit: 'ms',
      reference: { name: 'plain build', value: median(r.plainMs) },
      goal: 'ratio ≤ 1.10',
      met: wall <= 1.1,
    },
    {
      name: `${label}: fastest build under the wrapper (least disturbed by other load)`,
      value: Math.min(...r.profiledMs),
      unit: 'ms',
      reference: { name: 'fastest plain build', value: Math.min(...r.plainMs) },
      goal: 'ratio ≤ 1.10',
      met: fastest <= 1.1,
    },
    { name: `${label}: CPU (user+sys) under the wrapper`, value: median(r.profiledCpu), unit: 's', reference: { name: 'plain build', value: median(r.plainCpu) } },
    { name: `${label}: wrapper CPU per record`, value: perRecord, unit: 'ms' },
  ];
}

function treeOverhead(o: { label: string; files: Record<string, string>; args: string[] } & Rounds): BenchRow[] {
  const dir = writeTree(o.files, 'kbprof-bench-');
  try {
    const clean = (): void => void spawnSync('make', ['-s', 'clean'], { cwd: dir });
    return overheadRows(o.label, measureOverhead({ cwd: dir, args: o.args, clean, rounds: o.rounds, maxRounds: o.maxRounds, budgetMs: o.budgetMs }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchAnalysis(): Promise<BenchRow[]> {
  return [
    ...benchAnalysisCompute(),
    ...treeOverhead({ label: '120 tiny gcc compiles, 3 sub-makes, -j2', files: compileTree({ objects: 120 }), args: ['-s', '-j2'], maxRounds: 5, budgetMs: 20_000 }),
    ...treeOverhead({ label: '300 `touch` recipes (worst case), -j2', files: touchTree({ targets: 300 }), args: ['-s', '-j2'], maxRounds: 5, budgetMs: 10_000 }),
    ...(await kernelProfileRows()),
  ];
}

if (require.main === module) {
  benchAnalysis().then(
    (rows) => console.log(formatRows('Build profile analysis (issue 5)', rows)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
