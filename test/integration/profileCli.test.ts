// The CLI handlers of server/src/cli/graph.ts on the prepare fixture: record
// a profile, then graph, barriers (with a what-if) and critical-path from the
// saved files, as text and as JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { barriersCommand, criticalPathCommand, graphCommand, profileCommand } from '../../server/src/cli/graph';
import { runMakeDatabase } from '../../server/src/lsp/profileRunner';
import type { BuildGraph } from '../../server/src/protocol/graph';
import { prepareTree } from '../fixtures/profile/prepareTree';
import { writeTree } from '../fixtures/profile/writeTree';

test('profile, then graph / barriers / critical-path from the saved files', async (t) => {
  const dir = writeTree(prepareTree());
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'db.txt');
  writeFileSync(db, (await runMakeDatabase({ cwd: dir, args: [] })).text);
  const trace = join(dir, 'trace.json');

  const p = await profileCommand(['-C', dir, '-o', trace, '--json', '--', '-s', '-j2']);
  assert.equal(p.exitCode, 0, p.stderr);
  const summary = JSON.parse(p.stdout) as { records: number; trace: string; parallelism: number };
  assert.deepEqual([summary.records, summary.trace], [6, trace]);

  const cp = await criticalPathCommand(['--profile', trace, '--db', db]);
  assert.equal(cp.exitCode, 0, cp.stderr);
  assert.match(cp.stdout, /^critical path \(graph, unlimited jobs\):/);
  assert.match(cp.stdout, /gen\/big\.h .*Makefile:14\n.*prepare\n.*sub \(until its sub-make starts\)/);
  assert.match(cp.stdout, /wall [\d.]+ s, recipes [\d.]+ s \(parallelism [\d.]+\), critical path [\d.]+ s\n$/);

  const timelineOnly = await criticalPathCommand(['--profile', trace, '--json']);
  assert.equal(JSON.parse(timelineOnly.stdout).method, 'timeline');

  const uses = join(dir, 'uses.json');
  writeFileSync(uses, JSON.stringify({ 'a.o': ['gen/version.h'], 'sub/c.o': ['gen/version.h'] }));
  const b = await barriersCommand(['--db', db, '--profile', trace, '--uses', uses, '-j', '2']);
  assert.equal(b.exitCode, 0, b.stderr);
  assert.match(b.stdout, /^prepare: fan-in 2, fan-out 3, costs up to [\d.]+ s; waiting: a\.o all sub\n  what-if \(only what they use\): [\d.]+ s → [\d.]+ s, saves [\d.]+ s\n$/);

  const g = await graphCommand(['--db', db, '--profile', trace, '--json']);
  const graph = JSON.parse(g.stdout) as BuildGraph;
  assert.deepEqual(graph.criticalPath, ['gen/big.h', 'prepare', 'sub', 'sub/c.o', 'sub/all', 'sub', 'vmlinux', 'all']);
  assert.ok((graph.nodes.find((n) => n.id === 'gen/big.h')?.duration ?? 0) >= 0.8);
  assert.deepEqual(
    graph.barriers.map((x) => x.node),
    ['prepare'],
  );
});

test('usage errors: exit 2 and a message, no throw', async () => {
  const r = await criticalPathCommand([]);
  assert.equal(r.exitCode, 2);
  assert.match(r.stderr ?? '', /critical-path needs --profile/);
  assert.equal((await graphCommand([])).exitCode, 2);
  assert.equal((await barriersCommand(['--db', '/nonexistent/db'])).exitCode, 2);
  assert.match((await graphCommand(['--bogus'])).stderr ?? '', /bogus/);
});
