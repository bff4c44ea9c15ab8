// Issue 3's figures: the top-level context of the kernel 6.1 tinyconfig build
// evaluated by us against `make -pq` of the same invocation in the same run
// ($(shell) allowed on both sides; ours without $(shell) too), and every
// directory context of the build (each directory with a built-in.a or a
// .*.cmd file) evaluated through the context set, with the count.
// Runnable alone:  node --import tsx bench/eval.ts
import { spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { basename } from 'node:path';
import { createContextSet } from '../server/src/kbuild/contexts';
import { createNodeHost } from '../server/src/lsp/nodeHost';
import { kernelTinyBuild } from '../test/helpers/kernel';
import { formatRows, type BenchRow } from './types';

const RUNS = 3;
const env = { PATH: '/usr/bin:/bin', LC_ALL: 'C', HOME: homedir() };

function best(runs: number, run: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    run();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

export async function benchEval(): Promise<BenchRow[]> {
  const build = kernelTinyBuild();
  const src = `${build}/..`;
  const options = { root: src, env, buildDir: basename(build) };
  const topSpec = createContextSet({ ...options, host: createNodeHost() }).spec('top');
  if (!topSpec) throw new Error('no top context');
  const makeMs = best(RUNS, () => {
    const r = spawnSync('make', ['-pq', '-f', topSpec.entry, ...topSpec.commandLine], { cwd: topSpec.cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
    if (r.status === null) throw new Error('make -pq did not finish');
  });
  // A new set each run: nothing cached but parsed files (as for make, the page cache).
  const withShell = best(RUNS, () => {
    const set = createContextSet({ ...options, host: createNodeHost({ allowShell: true }) });
    set.evaluate(set.spec('top')!);
  });
  const withoutShell = best(RUNS + 2, () => {
    const set = createContextSet({ ...options, host: createNodeHost() });
    set.evaluate(set.spec('top')!);
  });

  const set = createContextSet({ ...options, host: createNodeHost() });
  let dirs = 0;
  let stopped = 0;
  const allMs = best(1, () => {
    for (const spec of set.list()) {
      if (spec.kind !== 'directory') continue;
      dirs++;
      if (set.evaluate(spec).result.stopped) stopped++;
    }
  });
  const goal = 'faster than make (ratio < 1)';
  return [
    { name: 'top context, $(shell) run', value: withShell, unit: 'ms', reference: { name: 'make -pq', value: makeMs }, goal, met: withShell < makeMs },
    { name: 'top context, no $(shell)', value: withoutShell, unit: 'ms', reference: { name: 'make -pq', value: makeMs }, goal, met: withoutShell < makeMs },
    { name: `every directory context of the build, no $(shell) (${dirs} directories, ${stopped} stopped early)`, value: allMs, unit: 'ms' },
    { name: 'per directory context', value: allMs / Math.max(dirs, 1), unit: 'ms' },
  ];
}

if (require.main === module) benchEval().then((rows) => console.log(formatRows('Evaluator and build contexts (kernel 6.1, issue 3)', rows)));
