// The server's folder indexer on the kernel 6.1 tree: the same workspace as
// setting every discovered make file in path order (test/helpers/kernel.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createIgnoreFilter } from '../../server/src/lsp/discovery';
import { indexTree } from '../../server/src/lsp/indexing';
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
