// The $(shell) policy through the built server: with shell not allowed no
// process is spawned (a command that would create a file leaves none); with
// a trusted workspace that turned shell.enable on it runs, under a timeout,
// and its result is cached on disk so the next server does not run it again.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { removeTree, type TestClient } from './harness';
import { fixtureTree, hoverText, openFile, startOn } from './evalFixture';

const SHELL_ON = { settings: { shell: { enable: true, timeoutMs: 500 } }, trusted: true };

describe('$(shell) policy over stdio', { timeout: 60_000 }, () => {
  let root: string;
  let storage: string;
  const clients: TestClient[] = [];

  before(() => {
    root = fixtureTree();
    storage = mkdtempSync(join(tmpdir(), 'kbuild-storage-'));
  });

  after(() => {
    for (const c of clients) c.child.kill();
    removeTree(root);
    rmSync(storage, { recursive: true, force: true });
  });

  const start = async (options: unknown) => {
    const c = await startOn(root, options);
    clients.push(c);
    return c;
  };

  test('not allowed (no settings, enabled but untrusted): nothing is spawned, the value is «unknown»', async () => {
    for (const options of [{}, { settings: { shell: { enable: true } }, trusted: false, storagePath: storage }]) {
      const client = await start(options);
      const path = join(root, 'Makefile');
      const text = await openFile(client, path);
      const hover = await hoverText(client, { path, text, needle: 'MARKER :=' });
      assert.match(hover, /\*\*MARKER\*\* — simple/);
      assert.match(hover, /«unknown»/);
      const call = await hoverText(client, { path, text, needle: 'cc-option,-fno-PIE', within: 2 });
      assert.match(call, /Compiler command \(as make ran it while reading this line\):\n\n```sh\ngcc -Werror -O2 -fno-PIE -c -x c \/dev\/null -o \/dev\/null\n```/);
      assert.match(call, /Result: «unknown»/);
      assert.equal(existsSync(join(root, 'MARKER')), false, 'MARKER was created: a process ran');
      client.child.kill();
    }
    assert.equal(existsSync(join(storage, 'shell-cache')), false);
  });

  test('trusted and enabled: commands run, a slow one is stopped at the timeout, results are cached on disk', async () => {
    const client = await start({ ...SHELL_ON, storagePath: storage });
    const path = join(root, 'Makefile');
    const text = await openFile(client, path);
    const hover = await hoverText(client, { path, text, needle: 'MARKER :=' });
    assert.match(hover, /```\nmade\n```/);
    assert.equal(existsSync(join(root, 'MARKER')), true);
    const call = await hoverText(client, { path, text, needle: 'cc-option,-fno-PIE', within: 2 });
    assert.match(call, /Result: `-fno-PIE`/);
    const slow = await hoverText(client, { path, text, needle: 'SLOW :=' });
    assert.match(slow, /Value \(expanded when assigned\):\n\n```\n\n```/);
    await client.waitFor('window/logMessage', (p) => /timed out after 500 ms.*sleep 3/.test(p.message));
    assert.ok(readdirSync(join(storage, 'shell-cache')).length >= 2);
    client.child.kill();
  });

  test('a new server answers from the disk cache: the command is not run again', async () => {
    rmSync(join(root, 'MARKER'));
    const client = await start({ ...SHELL_ON, storagePath: storage });
    const path = join(root, 'Makefile');
    const text = await openFile(client, path);
    const hover = await hoverText(client, { path, text, needle: 'MARKER :=' });
    assert.match(hover, /```\nmade\n```/);
    assert.equal(existsSync(join(root, 'MARKER')), false, 'the cached result should have been used');
  });
});
