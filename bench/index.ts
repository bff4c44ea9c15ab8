// Issue 2's figures: the whole kernel tree indexed by us vs merely parsed by
// the published tree-sitter-make grammar (same files, same run); definition
// latency on the top Makefile; peak RSS.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import { definition } from '../server/src/ide';
import { createWorkspace, setFileText } from '../server/src/workspace/workspace';
import { kernelMakeFiles, kernelSource } from '../test/helpers/kernel';
import type { BenchRow } from './types';

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

  // Ours: discovery + read + parse + occurrences + name indexes, from a cold cache
  // (the content cache is process-wide, so index a second workspace to show the warm case too).
  const t2 = performance.now();
  const files2 = await kernelMakeFiles(src);
  const ws = createWorkspace({ root: src });
  for (const f of files2) setFileText(ws, f, readFileSync(f, 'utf8'));
  const oursMs = performance.now() - t2;

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
      name: 'our full index (discover, read, parse, occurrences, name index)',
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
