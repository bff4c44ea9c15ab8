// kbuild/buildsState: the signal that a folder's .cmd indexes are loaded,
// after its make files are indexed and again when buildDirectory changes.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DidChangeConfigurationNotification, InitializeRequest, InitializedNotification } from 'vscode-languageserver/node';
import { BUILDS_STATE_NOTIFICATION, INDEX_STATE_NOTIFICATION, type BuildsStateParams } from '../../server/src/protocol/requests';
import { ensureBuilt, removeTree, startServer, uriOf, writeTree, type TestClient } from './harness';

const CMD = ['cmd_foo.o := gcc -c -o foo.o foo.c', '', 'source_foo.o := foo.c', '', 'deps_foo.o := \\', '  foo.h \\', '', 'foo.o: $(deps_foo.o)', ''].join('\n');

/** A started server with every kbuild/indexState and kbuild/buildsState it sent, in order. */
interface Recorded {
  client: TestClient;
  seen: Array<{ method: string; params: any }>;
  /** Resolves once `count` notifications of `method` have come. */
  until(method: string, count: number): Promise<BuildsStateParams>;
}

async function start(root: string, settings: Record<string, unknown>): Promise<Recorded> {
  ensureBuilt();
  const client = startServer();
  const seen: Recorded['seen'] = [];
  const waiters: Array<() => void> = [];
  for (const method of [INDEX_STATE_NOTIFICATION, BUILDS_STATE_NOTIFICATION]) {
    // Registered before initialize: nothing sent after it can be missed.
    client.connection.onNotification(method, (params) => {
      seen.push({ method, params });
      for (const wake of waiters.splice(0)) wake();
    });
  }
  const until = async (method: string, count: number): Promise<BuildsStateParams> => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const matching = seen.filter((n) => n.method === method);
      if (matching.length >= count) return matching[count - 1].params;
      if (Date.now() > deadline) throw new Error(`${count} × ${method} not seen; stderr:\n${client.stderr()}`);
      await new Promise<void>((wake) => (waiters.push(wake), setTimeout(wake, 500)));
    }
  };
  await client.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: [{ uri: uriOf(root), name: 'tree' }],
    capabilities: {},
    initializationOptions: { exclude: [], settings, trusted: false },
  });
  await client.connection.sendNotification(InitializedNotification.type, {});
  return { client, seen, until };
}

describe('kbuild/buildsState over stdio', { timeout: 60_000 }, () => {
  const roots: string[] = [];
  const clients: TestClient[] = [];
  after(() => {
    clients.forEach((c) => c.child.kill());
    roots.forEach(removeTree);
  });

  test('follows the indexing run with the build dir and its .cmd counts; again when buildDirectory changes', async () => {
    const root = writeTree({
      Makefile: 'obj-y += foo.o\n',
      'build/.config': 'CONFIG_FOO=y\n',
      'build/include/config/auto.conf': 'CONFIG_FOO=y\n',
      'build/.foo.o.cmd': CMD,
      'build/.bar.o.cmd': CMD.replaceAll('foo', 'bar'),
      'empty/Makefile': 'all:\n',
    });
    roots.push(root);
    const r = await start(root, { buildDirectory: 'build' });
    clients.push(r.client);

    const loaded = await r.until(BUILDS_STATE_NOTIFICATION, 1);
    assert.equal(loaded.folder, uriOf(root));
    assert.deepEqual(loaded.builds, [{ buildDir: join(root, 'build'), cmdFiles: 2, objects: 2 }]);
    assert.deepEqual(
      r.seen.map((n) => n.method),
      [INDEX_STATE_NOTIFICATION, BUILDS_STATE_NOTIFICATION],
      'the .cmd index is loaded after the make files are indexed',
    );
    assert.equal(r.seen[0].params.state, 'ready');

    // A directory that is not a configured build dir: no build, said all the same.
    await r.client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { 'kbuild-analyzer': { buildDirectory: 'empty' }, trusted: false },
    });
    const none = await r.until(BUILDS_STATE_NOTIFICATION, 2);
    assert.deepEqual(none.builds, []);
  });

  test('a folder with no build dir gets one with no builds', async () => {
    const root = writeTree({ Makefile: 'all:\n' });
    roots.push(root);
    const r = await start(root, {});
    clients.push(r.client);
    const loaded = await r.until(BUILDS_STATE_NOTIFICATION, 1);
    assert.deepEqual(loaded.builds, []);
  });
});
