// The server keeps its index between runs (lsp/indexSnapshot.ts): the first
// run writes the snapshot into storagePath, a restarted server starts from
// it (and, nothing having changed, does not write it again) and answers.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DefinitionRequest, type Location } from 'vscode-languageserver/node';
import { ageTree, removeTree, startOn, uriOf, writeTree, type TestClient } from './harness';

const clients: TestClient[] = [];
const dirs: string[] = [];
after(() => {
  clients.forEach((c) => c.child.kill());
  dirs.forEach(removeTree);
});

async function snapshotFile(storage: string): Promise<string> {
  const dir = join(storage, 'index');
  for (let i = 0; i < 100; i++) {
    const names = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.v8')) : [];
    if (names.length === 1) return join(dir, names[0]);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no snapshot under ${dir}`);
}

test('a restarted server starts from the snapshot of the first run and answers from it', { timeout: 60_000 }, async () => {
  const root = writeTree({ Makefile: 'include sub/inc.mk\nall:\n\t@echo $(FOO)\n', 'sub/inc.mk': 'FOO := 1\n' });
  const storage = mkdtempSync(join(tmpdir(), 'kbuild-restart-'));
  dirs.push(root, storage);
  ageTree(root);
  const ready = (c: TestClient) => c.waitFor('window/logMessage', (p) => /^Indexed 2 make files/.test(p.message), 30_000);

  const first = await startOn(root, { storagePath: storage });
  clients.push(first);
  await ready(first);
  const file = await snapshotFile(storage);
  const written = statSync(file);
  first.child.kill();

  const second = await startOn(root, { storagePath: storage });
  clients.push(second);
  await ready(second);
  const defs = (await second.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uriOf(join(root, 'Makefile')) }, position: { line: 2, character: 10 } })) as Location[];
  assert.deepEqual(defs.map((d) => [d.uri, d.range.start.line]), [[uriOf(join(root, 'sub/inc.mk')), 0]]);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const after = statSync(file);
  assert.equal(after.ino, written.ino, 'nothing changed: the snapshot is not written again');
  assert.ok(after.mtimeMs > written.mtimeMs, 'but marked as used');
});
