// Issue 2's figures: the whole kernel tree indexed by us vs merely parsed by
// the published tree-sitter-make grammar (same files, same run); definition
// latency on the top Makefile; peak RSS.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import { definition } from '../server/src/ide';
import { createIgnoreFilter } from '../server/src/lsp/discovery';
import { indexTree } from '../server/src/lsp/indexing';
import { createWorkspace } from '../server/src/workspace/workspace';
import { kernelMakeFiles, kernelSource } from '../test/helpers/kernel';
import type { BenchRow } from './types';

/** The build dirs inside the corpus tree, as test/helpers/kernel.ts excludes them. */
const KERNEL_EXCLUDE = ['build-*/**'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function benchIndex(): Promise<BenchRow[]> {
  const src = kernelSource();
  const t0 = performance.now();
  const files = await kernelMakeFiles(src);
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const readMs = performance.now() - t0;

  // Reference: tree-sitter-make, parse only (texts already in memory).
  await Parser.init();
  const language = await Language.load(require.resolve('tree-sitter-make/tree-sitter-make.wasm'));
  const parser = new Parser();
  parser.setLanguage(language);
  let errorFiles = 0;
  const t1 = performance.now();
  for (const text of texts) {
    const tree = parser.parse(text);
    if (tree?.rootNode.hasError) errorFiles++;
    tree?.delete();
  }
  const treeSitterMs = performance.now() - t1;

  // Ours: what the server does when it indexes a folder (lsp/indexing.ts):
  // walk, read, parse, occurrences, name indexes, from a cold parse cache.
  const t2 = performance.now();
  const ws = createWorkspace({ root: src });
  const indexed = await indexTree({ ws, root: src, isIgnored: await createIgnoreFilter({ root: src, exclude: KERNEL_EXCLUDE }) });
  const oursMs = performance.now() - t2;
  if (indexed !== files.length) throw new Error(`indexed ${indexed} files, discovered ${files.length}`);

  const top = join(src, 'Makefile');
  const entry = ws.files.get(top);
  const latencies: number[] = [];
  if (entry) {
    const occs = entry.occurrences.filter((o) => o.kind === 'varRef' || o.kind === 'prereq');
    const step = Math.max(1, Math.floor(occs.length / 400));
    for (let i = 0; i < occs.length; i += step) {
      const s = performance.now();
      definition(ws, { file: top, offset: occs[i].span.start });
      latencies.push(performance.now() - s);
    }
    latencies.sort((a, b) => a - b);
  }
  const rssMb = process.resourceUsage().maxRSS / 1024;
  return [
    { name: `files (tree-sitter-make leaves ERROR nodes in ${errorFiles})`, value: files.length, unit: 'files' },
    { name: 'discovery + read of every make file', value: readMs, unit: 'ms' },
    {
      name: 'our full index as the server runs it (lsp/indexing.ts indexTree: walk, read, parse, occurrences, name index)',
      value: oursMs,
      unit: 'ms',
      reference: { name: 'tree-sitter-make parse only', value: treeSitterMs },
      goal: '≤ 1/3 of reference',
      met: oursMs <= treeSitterMs / 3,
    },
    { name: `definition latency p50 on the top Makefile (${latencies.length} requests)`, value: percentile(latencies, 50), unit: 'ms' },
    { name: 'definition latency p95 on the top Makefile', value: percentile(latencies, 95), unit: 'ms', goal: 'p95 ≤ 5 ms', met: percentile(latencies, 95) <= 5 },
    { name: 'peak RSS of the bench process', value: rssMb, unit: 'MB' },
  ];
}
