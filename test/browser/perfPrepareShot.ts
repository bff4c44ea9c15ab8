// docs/images/perf-prepare-barrier.png: the static build graph of kernel
// 6.1's tools/perf/Makefile.perf (evaluated, sub-makes followed, $(shell)
// allowed with O= a temporary directory; see test/kernel/graph.test.ts) in
// the graph view, as the extension's Show Barrier Graph draws it.
//   node --import tsx test/browser/perfPrepareShot.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBarriers } from '../../server/src/analysis/build/barriers';
import { graphFromEvaluation } from '../../server/src/analysis/build/evalGraph';
import { createNodeHost } from '../../server/src/lsp/nodeHost';
import { kernelSource } from '../helpers/kernel';
import { ROOT, buildWebview, openBrowser, openGraphPage, postGraph } from './harness';

async function main(): Promise<void> {
  const src = kernelSource();
  const out = mkdtempSync(join(tmpdir(), 'perf-out-'));
  try {
    const r = graphFromEvaluation({
      input: { entry: 'Makefile.perf', cwd: join(src, 'tools/perf'), host: createNodeHost({ allowShell: true, shellTimeoutMs: 60_000 }), commandLine: [`O=${out}`], env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmpdir() } },
      maxMakes: 8,
    });
    // Show the object dir as make -C tools/perf O=build would name it.
    const graph = JSON.parse(JSON.stringify(r.graph).split(`${out}/`).join('').split(out).join('.')) as typeof r.graph;
    // What `make` builds by default: everything the FIXDEP=1 make's `all` needs (its help, doc and install targets
    // left out), and the pattern rules that wait for prepare.
    const needed = neededFor(graph, '.:all');
    for (const e of graph.edges) if (e.from === '.:prepare') needed.add(e.to);
    graph.nodes = graph.nodes.filter((n) => needed.has(n.id));
    graph.edges = graph.edges.filter((e) => needed.has(e.from) && needed.has(e.to));
    graph.barriers = findBarriers({ graph });
    console.log(`${graph.nodes.length} nodes, ${graph.edges.length} edges; barriers: ${graph.barriers.map((b) => b.node).join(' ')}`);
    await buildWebview();
    const browser = await openBrowser(2);
    try {
      const page = await openGraphPage(browser.context, { theme: process.argv[2] === 'light' ? 'light' : 'dark' });
      await page.setViewportSize({ width: Number(process.argv[3] ?? 1400), height: Number(process.argv[4] ?? 800) });
      await postGraph(page, graph, 'tools/perf/Makefile.perf (static)');
      await page.screenshot({ path: join(ROOT, 'docs/images/perf-prepare-barrier.png') });
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function neededFor(graph: { edges: Array<{ from: string; to: string }> }, goal: string): Set<string> {
  const into = new Map<string, string[]>();
  for (const e of graph.edges) into.set(e.to, [...(into.get(e.to) ?? []), e.from]);
  const seen = new Set<string>([goal]);
  const stack = [goal];
  while (stack.length) for (const p of into.get(stack.pop() as string) ?? []) if (!seen.has(p)) stack.push((seen.add(p), p));
  return seen;
}

void main();
