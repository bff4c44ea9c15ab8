// Issue 7's figure: linting every make file under tools/ of kernel 6.1 (in a
// workspace holding the whole tree, as the editor has it), against reading
// and parsing the same files in the same run.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { createShellParser, lintFile } from '../server/src/analysis/lint';
import { lintSource } from '../server/src/ide/lint';
import { parseMakefile } from '../server/src/syntax';
import { createWorkspace, setFileText } from '../server/src/workspace/workspace';
import { kernelMakeFiles, kernelSource } from '../test/helpers/kernel';
import type { BenchRow } from './types';

export async function benchLint(): Promise<BenchRow[]> {
  const src = kernelSource();
  const files = await kernelMakeFiles(src);
  const tools = files.filter((f) => relative(src, f).startsWith('tools/'));

  // Reference: read and parse the tools/ files.
  const t0 = performance.now();
  for (const f of tools) parseMakefile(readFileSync(f, 'utf8'), f);
  const readParseMs = performance.now() - t0;

  const ws = createWorkspace({ root: src });
  for (const f of files) setFileText(ws, f, readFileSync(f, 'utf8'));

  const t1 = performance.now();
  const parser = await createShellParser({
    engine: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
    grammar: readFileSync(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm')),
  });
  const initMs = performance.now() - t1;

  const source = lintSource(ws);
  const lintAll = () => {
    let findings = 0;
    const start = performance.now();
    for (const file of tools) findings += lintFile({ src: source, file, parser }).length;
    return { ms: performance.now() - start, findings };
  };
  const cold = lintAll();
  const warm = lintAll();
  return [
    { name: `tools/ make files (${cold.findings} findings)`, value: tools.length, unit: 'files' },
    { name: 'shell parser start (web-tree-sitter + tree-sitter-bash wasm)', value: initMs, unit: 'ms' },
    {
      name: 'lint of every tools/ make file, first run (recipes parsed as shell)',
      value: cold.ms,
      unit: 'ms',
      reference: { name: 'read + parse of the same files', value: readParseMs },
      goal: '< 1000 ms',
      met: cold.ms < 1000,
    },
    { name: 'lint again (shell parses and file facts cached by content)', value: warm.ms, unit: 'ms', reference: { name: 'first run', value: cold.ms } },
  ];
}
