import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseMakeDatabases } from '../../../../server/src/eval/makeDatabase';
import { findBarriers } from '../../../../server/src/analysis/build/barriers';
import { graphFromDatabases } from '../../../../server/src/analysis/build/makeGraph';
import { printGraph } from '../../../../server/src/analysis/build/printGraph';
import { graphTree, runnerTree } from '../../../fixtures/profile/graphTree';

function makeDatabaseOf(files: Record<string, string>): { text: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kbgraph-'));
  for (const [p, t] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), t);
  }
  // As lsp/profileRunner runs it: -k, since on a clean tree a sub-make misses
  // the headers the barrier would have generated (-n generates nothing).
  const r = spawnSync('make', ['-pnk', '-j1'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C', MAKEFLAGS: '' }, maxBuffer: 64 << 20 });
  return { text: r.stdout, dir };
}

// Locations are make's: the first recipe line.
test('make -pn of a Kbuild-shaped tree: nodes, edges, sub-makes, locations', (t) => {
  const { text, dir } = makeDatabaseOf(graphTree());
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const dbs = parseMakeDatabases(text);
  assert.equal(dbs.length, 4, 'top, sub, and two Makefile.build runs');
  const { graph, problems } = graphFromDatabases({ databases: dbs });
  assert.deepEqual(problems, []);
  const mk = (line: number) => `@${dir}/Makefile:${line}`;
  const mb = (line: number) => `@${dir}/scripts/Makefile.build:${line}`;
  assert.equal(
    printGraph(graph),
    [
      'file d1/built-in.a [obj=d1] ' + mb(5),
      'file d1/x.o [obj=d1] ' + mb(8),
      'file d2/built-in.a [obj=d2] ' + mb(5),
      'file d2/x.o [obj=d2] ' + mb(8),
      'file gen/h.h ' + mk(11),
      'file outdir ' + mk(8),
      'file sub/all [sub]',
      'file sub/c.o [sub] ' + `@${dir}/sub/Makefile:4`,
      'file vmlinux ' + mk(20),
      'phony FORCE',
      'phony all',
      'phony obj=d1:__build [obj=d1]',
      'phony obj=d2:__build [obj=d2]',
      'phony prepare',
      'submake d1 ' + mk(14),
      'submake d2 ' + mk(14),
      'submake sub ' + mk(17),
      'FORCE -> gen/h.h',
      'd1 -> vmlinux',
      'd1/built-in.a -> obj=d1:__build',
      'd1/x.o -> d1/built-in.a',
      'd2 -> vmlinux',
      'd2/built-in.a -> obj=d2:__build',
      'd2/x.o -> d2/built-in.a',
      'gen/h.h -> d1/x.o',
      'gen/h.h -> d2/x.o',
      'gen/h.h -> prepare',
      'obj=d1:__build -> d1 (sub-make)',
      'obj=d2:__build -> d2 (sub-make)',
      'outdir -> prepare (order-only)',
      'prepare -> d1',
      'prepare -> d2',
      'prepare -> sub',
      'sub -> vmlinux',
      'sub/all -> sub (sub-make)',
      'sub/c.o -> sub/all',
      'vmlinux -> all',
      '',
    ].join('\n'),
  );
  const node = graph.nodes.find((n) => n.id === 'd1/x.o');
  assert.deepEqual([node?.label, node?.dir, node?.group], ['d1/x.o', dir, 'd1']);
});

// gen/h.h is FORCE-driven with three dependents, but it gathers nothing: no barrier.
test('barriers of that graph: prepare only', (t) => {
  const { text, dir } = makeDatabaseOf(graphTree());
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const { graph } = graphFromDatabases({ databases: parseMakeDatabases(text) });
  assert.deepEqual(
    findBarriers({ graph }).map((b) => [b.node, b.fanIn, b.fanOut]),
    [['prepare', 2, 3]],
  );
});

test('a sub-make no recipe of its parent explains is a problem, not a throw', () => {
  const { text, dir } = makeDatabaseOf({ Makefile: 'all:\n\t$(MAKE) -C elsewhere\n', 'other/Makefile': 'x:\n\ttouch x\n', 'elsewhere/Makefile': 'all:\n\t@:\n' });
  rmSync(dir, { recursive: true, force: true });
  const dbs = parseMakeDatabases(text);
  // Pretend the sub-make ran in another directory than the recipe says.
  const cur = dbs[0].variables.find((v) => v.name === 'CURDIR');
  if (cur) cur.value = '/nowhere';
  const { problems } = graphFromDatabases({ databases: dbs });
  assert.deepEqual(problems, ['sub-make in /nowhere: no recipe of its parent runs it']);
});

test('which recipe ran a sub-make: goals and command-line variables break ties; a `+` line runs a script\'s make', (t) => {
  const { text, dir } = makeDatabaseOf(runnerTree());
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const { graph, problems } = graphFromDatabases({ databases: parseMakeDatabases(text) });
  assert.deepEqual(problems, []);
  assert.deepEqual(
    graph.edges.filter((e) => e.submake).map((e) => `${e.from} -> ${e.to}`).sort(),
    ['init/version.o -> vmlinux', 'obj=. #2:__build -> .', 'obj=.:prepare -> prepare0'],
  );
});
