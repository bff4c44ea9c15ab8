// Issue 4's figures: the .cmd index of a real build (discover + read + parse +
// reverse indexes) against `cat` of the same files and against the kernel's
// own scripts/clang-tools/gen_compile_commands.py on the same build dir, one
// rewritten .cmd re-indexed, a why on a large object, peak RSS. tinyconfig
// always; defconfig too when its build exists. Each build is measured by
// bench/cmdfilesRun.ts: the server's code, bundled as it ships
// (bench/bundled.ts), in a process of its own. Runnable alone:
//   node --import tsx bench/cmdfiles.ts
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { kernelSource, kernelTinyBuild } from '../test/helpers/kernel';
import { bundleForBench, runBundled } from './bundled';
import { formatRows, type BenchRow } from './types';

export async function benchCmdfiles(): Promise<BenchRow[]> {
  const src = kernelSource();
  const script = bundleForBench(join(__dirname, 'cmdfilesRun.ts'));
  const rows = runBundled<BenchRow[]>(script, ['tinyconfig', kernelTinyBuild(), src]);
  const defconfig = join(src, 'build-defconfig');
  if (existsSync(join(defconfig, '.build-ok'))) rows.push(...runBundled<BenchRow[]>(script, ['defconfig', defconfig, src]));
  else rows.push({ name: `defconfig: not measured (no ${defconfig}/.build-ok; \`kernel.sh defconfig\` builds it)`, value: 0, unit: '' });
  return rows;
}

if (require.main === module) {
  benchCmdfiles().then(
    (rows) => console.log(formatRows('.cmd dependency index (kernel 6.1, issue 4)', rows)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
