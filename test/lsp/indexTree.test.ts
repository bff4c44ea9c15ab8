// The server's folder indexer (lsp/indexing.ts indexTree): walking, reading
// and parsing overlap, yet the workspace comes out as if every discovered
// file had been set in path order — same files, same order, same name indexes.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createIgnoreFilter, discoverMakeFiles, walkMakeFiles } from '../../server/src/lsp/discovery';
import { indexTree } from '../../server/src/lsp/indexing';
import { createWorkspace, setFileText, type Workspace } from '../../server/src/workspace/workspace';
import { readFileSync } from 'node:fs';
import { removeTree, writeTree } from './harness';

/** Everything about a workspace that answers depend on, in order. */
function workspaceShape(ws: Workspace): unknown {
  const index = (m: Workspace['defs']) => [...m].map(([name, list]) => [name, list.map((e) => `${e.file}:${e.occ.span.start}-${e.occ.span.end}`)]);
  return {
    files: [...ws.files.keys()],
    occurrences: [...ws.files.values()].map((f) => f.occurrences.length),
    defs: index(ws.defs),
    refs: index(ws.refs),
    targets: index(ws.targets),
    prereqs: index(ws.prereqs),
  };
}

// Names chosen so that walk order, directory order and path order differ
// ('-' and '.' sort before '/'), and many files so reads overlap the walk.
const files: Record<string, string> = {
  Makefile: 'FOO := 1\nall: sub/built.o\ninclude scripts/Kbuild.include\n',
  'scripts/Kbuild.include': 'helper = $(1)\nFOO += 2\n',
  'a/Makefile': 'obj-y += a.o\nFOO = a\n',
  'a-b/Makefile': 'obj-y += ab.o\nFOO = ab\n',
  'a.b/Kbuild': 'obj-$(CONFIG_X) += x.o\n',
  'tools/perf/Build': 'perf-y += builtin.o\n',
  'notes.txt': 'FOO = not make\n',
  'ignored/Makefile': 'FOO = ignored\n',
};
for (let i = 0; i < 150; i++) files[`d${i % 7}/s${i}/Makefile`] = `FOO${i % 3} := ${i}\nt${i}: FOO\n\t@echo $(FOO) $(FOO${i % 3})\n`;

describe('indexTree', () => {
  const root = writeTree(files);
  after(() => removeTree(root));
  const isIgnored = () => createIgnoreFilter({ root, exclude: ['ignored/**'] });

  test('gives the workspace of setFileText over the sorted discovery', async () => {
    const expected = createWorkspace({ root });
    const paths = await discoverMakeFiles({ root, isIgnored: await isIgnored() });
    for (const p of paths) setFileText(expected, p, readFileSync(p, 'utf8'));

    const ws = createWorkspace({ root });
    let found = -1;
    const counts: number[] = [];
    const n = await indexTree({ ws, root, isIgnored: await isIgnored(), onFound: (c) => (found = c), onAdded: (d) => counts.push(d) });
    assert.equal(n, paths.length);
    assert.equal(found, paths.length);
    assert.equal(counts[counts.length - 1], paths.length);
    assert.deepEqual(counts, [...counts].sort((a, b) => a - b));
    assert.deepEqual(workspaceShape(ws), workspaceShape(expected));
    assert.ok(!ws.files.has(join(root, 'ignored/Makefile')) && !ws.files.has(join(root, 'notes.txt')));
  });

  test('leaves out what the admitter refuses, and reads nothing once stopped', async () => {
    const open = join(root, 'a/Makefile');
    const ws = createWorkspace({ root });
    const n = await indexTree({ ws, root, isIgnored: await isIgnored(), admitter: () => (p) => p !== open });
    assert.equal(ws.files.size, n - 1);
    assert.ok(!ws.files.has(open));

    const stale = createWorkspace({ root });
    assert.equal(await indexTree({ ws: stale, root, isIgnored: await isIgnored(), stopped: () => true }), n);
    assert.equal(stale.files.size, 0);
  });

  test('walkMakeFiles finds the files discoverMakeFiles lists', async () => {
    const seen: string[] = [];
    await walkMakeFiles({ root, isIgnored: await isIgnored(), onFile: (p) => seen.push(p) });
    assert.deepEqual(seen.sort(), await discoverMakeFiles({ root, isIgnored: await isIgnored() }));
  });
});
