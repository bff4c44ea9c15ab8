// The built server on the real kernel 6.1 tree (skipped when the corpus is
// not extracted): indexing ~3,050 files in the background while answering
// requests, then cross-file navigation.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  DefinitionRequest,
  DidOpenTextDocumentNotification,
  InitializeRequest,
  InitializedNotification,
  WorkspaceSymbolRequest,
  type Location,
} from 'vscode-languageserver/node';
import { ensureBuilt, startServer, uriOf, type TestClient } from './harness';

const kernel = join(process.env.KBUILD_CORPUS ?? join(homedir(), '.cache/kbuild-corpus'), 'linux-6.1');

describe('language server on the kernel tree', { skip: !existsSync(join(kernel, 'Makefile')), timeout: 120_000 }, () => {
  let client: TestClient;

  before(async () => {
    ensureBuilt();
    client = startServer();
    await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: [{ uri: uriOf(kernel), name: 'linux' }],
      capabilities: { window: { workDoneProgress: true } },
      initializationOptions: { exclude: ['build-*/**'] },
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
  });

  after(() => {
    client?.child.kill();
  });

  test('answers requests while indexing', async () => {
    const started = performance.now();
    await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'KBUILD_CFLAGS' });
    const ms = performance.now() - started;
    assert.ok(ms < 2000, `${ms.toFixed(0)} ms`);
  });

  test('indexes about 3,050 make files', async () => {
    const end = await client.waitFor('$/progress', (p) => p.value.kind === 'end', 90_000);
    const count = Number(/^Indexed (\d+) make files/.exec(end.value.message)?.[1]);
    assert.ok(count > 3000 && count < 3100, end.value.message);
    const reports = client.notifications.filter((n) => n.method === '$/progress' && n.params.value.kind === 'report');
    assert.equal(reports.at(-1)?.params.value.message, `${count}/${count}`);
  });

  test('if_changed in arch/x86/boot/Makefile is defined in scripts/Kbuild.include', async () => {
    const file = join(kernel, 'arch/x86/boot/Makefile');
    const text = readFileSync(file, 'utf8');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: uriOf(file), languageId: 'makefile', version: 1, text },
    });
    const lines = text.slice(0, text.indexOf('if_changed') + 3).split('\n');
    const def = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: uriOf(file) },
      position: { line: lines.length - 1, character: lines[lines.length - 1].length },
    })) as Location[];
    assert.deepEqual(def.map((l) => l.uri), [uriOf(join(kernel, 'scripts/Kbuild.include'))]);
  });
});
