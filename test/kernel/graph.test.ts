// The static build graph (no make process) on kernel 6.1: tools/perf's
// `prepare` barrier and the top Makefile's prepare chain in front of the
// descent into the tree.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { findBarriers } from '../../server/src/analysis/build/barriers';
import { graphFromEvaluation } from '../../server/src/analysis/build/evalGraph';
import { createNodeHost } from '../../server/src/lsp/nodeHost';
import type { BuildGraph } from '../../server/src/protocol/graph';
import { kernelSource, kernelTinyBuild } from '../helpers/kernel';

const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmpdir() };

function edge(graph: BuildGraph, from: string, to: string): boolean {
  return graph.edges.some((e) => e.from === from && e.to === to && !e.submake);
}

// Makefile.perf's configuration (Makefile.config) is made of $(shell) probes;
// its first line is a bare `$(shell printf "" > $(OUTPUT).config-detected)`,
// which without shell is an unknown value on a line of its own, and the
// evaluator stops there ("missing separator"), or a tool check ends in
// $(error). So this test lets $(shell) run
// (feature detection included, ~15 s), with O= a temporary directory: the
// probes write only there.
test('tools/perf (make -C tools/perf O=DIR, $(shell) allowed): prepare is the barrier in front of perf-in.o and the $(OUTPUT)%.o rules', () => {
  const src = kernelSource();
  const out = mkdtempSync(join(tmpdir(), 'perf-out-'));
  try {
    const r = graphFromEvaluation({
      input: { entry: 'Makefile.perf', cwd: join(src, 'tools/perf'), host: createNodeHost({ allowShell: true, shellTimeoutMs: 60_000 }), commandLine: [`O=${out}`], env },
      maxMakes: 8,
    });
    // The first make only builds fixdep and restarts itself with FIXDEP=1: the rules are in that sub-make ('.').
    const fixdep = r.makes.find((m) => m.runner === 'sub-make');
    assert.ok(fixdep, `the FIXDEP=1 sub-make is followed: ${JSON.stringify(r.makes.map((m) => m.name))}`);
    assert.equal(fixdep.name, '.');
    assert.ok(r.graph.edges.some((e) => e.from === '.:all' && e.to === 'sub-make' && e.submake));

    const barriers = findBarriers({ graph: r.graph });
    const prepare = barriers.find((b) => b.node === '.:prepare');
    assert.ok(prepare, `prepare is a barrier; barriers: ${barriers.map((b) => b.node).join(' ')}`);
    const waiting = new Set(prepare.waiting);
    assert.ok(waiting.has(`${out}/perf-in.o`), `$(PERF_IN) waits: ${prepare.waiting.join(' ')}`);
    for (const pattern of ['%.o', '%.i', '%.s', '%-bison.o', '%-flex.o']) assert.ok(waiting.has(`${out}/${pattern}`), `$(OUTPUT)${pattern} waits`);
    // Objects named in Makefile.perf itself get the pattern rule instantiated.
    assert.ok(waiting.has(`${out}/dlfilters/dlfilter-show-cycles.o`));
    assert.ok(prepare.fanIn >= 20, `prepare gathers the generated headers and tables: fan-in ${prepare.fanIn}`);
    // perf-in.o runs the descent (tools/build/Makefile.build obj=perf): what it builds is held back too.
    const node = r.graph.nodes.find((n) => n.id === `${out}/perf-in.o`);
    assert.equal(node?.kind, 'submake');
    assert.ok((prepare.held ?? 0) > prepare.fanOut);
    const rule = r.graph.nodes.find((n) => n.id === '.:prepare')?.loc;
    assert.deepEqual(rule, { file: join(src, 'tools/perf/Makefile.perf'), line: 726 });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('tools/perf without $(shell): the top make, fixdep and its FIXDEP=1 restart still show', () => {
  const src = kernelSource();
  const r = graphFromEvaluation({ input: { entry: 'Makefile.perf', cwd: join(src, 'tools/perf'), host: createNodeHost(), env }, maxMakes: 8 });
  assert.ok(r.graph.edges.some((e) => e.to === 'sub-make' && e.submake), 'the FIXDEP=1 restart is a sub-make of `sub-make`');
  assert.ok(edge(r.graph, 'fixdep', 'sub-make'));
  assert.equal(r.makes[0].name, '', 'the top make');
});

test('top Makefile (tinyconfig O= dir): prepare → prepare0 → archprepare in front of the descent into .', () => {
  const build = kernelTinyBuild();
  const r = graphFromEvaluation({ input: { entry: 'Makefile', cwd: build, host: createNodeHost(), env: { ...env, ARCH: 'x86' } }, maxMakes: 16 });
  const g = r.graph;
  assert.ok(edge(g, 'archprepare', 'prepare0'));
  assert.ok(edge(g, 'prepare0', 'prepare'));
  assert.ok(edge(g, 'prepare', '.'));
  assert.ok(edge(g, 'outputmakefile', 'archprepare'));
  assert.ok(edge(g, 'include/generated/autoconf.h', 'archprepare'));
  const dot = g.nodes.find((n) => n.id === '.');
  assert.equal(dot?.kind, 'submake', '`.` runs $(MAKE) $(build)=.');
  assert.ok(edge(g, '.', 'built-in.a'), 'built-in.a waits for the descent');
  // The descent is followed: Makefile.build obj=. is a sub-make of `.`.
  const descent = r.makes.find((m) => m.runner === '.');
  assert.equal(descent?.obj, '.');
  assert.ok(g.edges.some((e) => e.to === '.' && e.submake));

  const barriers = findBarriers({ graph: g });
  const prepare = barriers.find((b) => b.node === 'prepare');
  assert.ok(prepare?.waiting.includes('.'), `prepare holds back the descent: ${JSON.stringify(prepare)}`);
  assert.ok((prepare?.held ?? 0) > 3, 'and what the descent builds');
  assert.ok(barriers.some((b) => b.node === 'archprepare' && b.waiting.includes('prepare0')));
});
