// The server's folder indexer on the kernel 6.1 tree: the same workspace as
// setting every discovered make file in path order (test/helpers/kernel.ts),
// and the same again when restored from the index snapshot.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createIgnoreFilter } from '../../server/src/lsp/discovery';
import { indexTree } from '../../server/src/lsp/indexing';
import { snapshotPlace, type SnapshotPlace } from '../../server/src/lsp/indexSnapshot';
import { createWorkspace, type Workspace } from '../../server/src/workspace/workspace';
import { kernelWorkspace } from '../helpers/kernel';

function shape(ws: Workspace): string {
  const index = (m: Workspace['defs']) => [...m].map(([name, list]) => `${name}=${list.map((e) => `${e.file}:${e.occ.span.start}`).join(',')}`).join('\n');
  return [[...ws.files.keys()].join('\n'), index(ws.defs), index(ws.refs), index(ws.targets), index(ws.prereqs)].join('\n--\n');
}

test('indexTree on the kernel tree equals the path-ordered workspace', async () => {
  const { src, ws: expected } = await kernelWorkspace();
  const ws = createWorkspace({ root: src });
  const n = await indexTree({ ws, root: src, isIgnored: await createIgnoreFilter({ root: src, exclude: ['build-*/**'] }) });
  assert.equal(n, expected.files.size);
  assert.ok(shape(ws) === shape(expected), 'files, order and name indexes differ');
});

test('a restart restores the kernel workspace from the snapshot, every occurrence equal', async () => {
  const { src, ws: expected } = await kernelWorkspace();
  const storage = mkdtempSync(join(tmpdir(), 'kbuild-snapshot-'));
  try {
    const isIgnored = await createIgnoreFilter({ root: src, exclude: ['build-*/**'] });
    const place = snapshotPlace(storage, src, isIgnored) as SnapshotPlace;
    const first = createWorkspace({ root: src });
    let saved = false;
    await indexTree({ ws: first, root: src, isIgnored, snapshot: place, onSnapshotSaved: () => (saved = true) });
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(saved);
    const ws = createWorkspace({ root: src });
    await indexTree({ ws, root: src, isIgnored, snapshot: place });
    assert.ok(shape(ws) === shape(expected), 'files, order and name indexes differ');
    for (const [path, file] of expected.files) assert.deepEqual(ws.files.get(path)?.occurrences, file.occurrences, path);
  } finally {
    rmSync(storage, { recursive: true, force: true });
  }
});
