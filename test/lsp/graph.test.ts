// The graph view's requests over stdio on the prepare fixture (a `prepare`
// umbrella every compile waits for, and a sub-make): kbuild/graph finds the
// barrier from the evaluated make files alone; an imported trace gives the
// critical path; Profile Build is refused unless the workspace is trusted,
// and in a trusted one builds, saves and loads a profile. The static graph is
// cached until a make file its evaluations read changes (an edited document,
// a sub-make's file on disk), apart from the profile overlaid on it.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  InitializeRequest,
  InitializedNotification,
} from 'vscode-languageserver/node';
import { toTraceEvents } from '../../server/src/analysis/build/traceEvents';
import {
  CRITICAL_PATH_REQUEST,
  GRAPH_REQUEST,
  IMPORT_PROFILE_REQUEST,
  PROFILE_BUILD_REQUEST,
  type CriticalPathResult,
  type GraphResult,
  type ImportProfileResult,
  type ProfileBuildResult,
} from '../../server/src/protocol/graph';
import { prepareRecords } from '../fixtures/profile/prepareTrace';
import { DESIGN, SLEEP, prepareTree } from '../fixtures/profile/prepareTree';
import { ensureBuilt, removeTree, startServer, uriOf, writeTree, type TestClient } from './harness';

async function start(root: string, trusted: boolean, makeArgs: string[] = []): Promise<TestClient> {
  const client = startServer();
  await client.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: [{ uri: uriOf(root), name: 'prepare' }],
    capabilities: {},
    initializationOptions: { exclude: [], trusted, settings: { profile: { makeArgs } } },
  });
  await client.connection.sendNotification(InitializedNotification.type, {});
  return client;
}

function lineOf(text: string, start: string): number {
  return text.split('\n').findIndex((l) => l.startsWith(start)) + 1;
}

describe('build graph requests over stdio', { timeout: 60_000 }, () => {
  let root: string;
  let client: TestClient;

  before(async () => {
    ensureBuilt();
    root = writeTree(prepareTree());
    client = await start(root, false);
  });

  after(() => {
    client?.child.kill();
    if (root) removeTree(root);
  });

  test('kbuild/graph: the whole tree, prepare is a barrier in front of a.o and the sub-make', async () => {
    const r = await client.connection.sendRequest<GraphResult | null>(GRAPH_REQUEST, {});
    assert.ok(r);
    assert.equal(r.makes, 2, 'the top make and `$(MAKE) -C sub`');
    const prepare = r.graph.barriers.find((b) => b.node === 'prepare');
    assert.ok(prepare, JSON.stringify(r.graph.barriers));
    assert.deepEqual([...prepare.waiting].sort(), ['a.o', 'all', 'sub']);
    assert.equal(prepare.fanIn, 2);
    assert.equal(r.graph.nodes.find((n) => n.id === 'sub')?.kind, 'submake');
    assert.ok(r.graph.edges.some((e) => e.from === 'sub/all' && e.to === 'sub' && e.submake));
    const makefile = prepareTree().Makefile;
    assert.deepEqual(r.graph.nodes.find((n) => n.id === 'gen/big.h')?.loc, { file: join(root, 'Makefile'), line: lineOf(makefile, 'gen/big.h:') });
    assert.equal(r.graph.criticalPath, undefined, 'no profile yet');
  });

  test('kbuild/criticalPath without a profile says what to do', async () => {
    const r = await client.connection.sendRequest<CriticalPathResult>(CRITICAL_PATH_REQUEST, {});
    assert.equal(r.ok, false);
    assert.match(r.message, /Profile Build|Import Profile/);
  });

  test('kbuild/importProfile of a trace, then the critical path and the barrier cost', async () => {
    const trace = join(root, 'trace.json');
    writeFileSync(trace, JSON.stringify(toTraceEvents(prepareRecords(root))));
    const imported = await client.connection.sendRequest<ImportProfileResult>(IMPORT_PROFILE_REQUEST, { path: trace });
    assert.equal(imported.ok, true, imported.message);
    assert.equal(imported.summary?.records, 6);

    const path = await client.connection.sendRequest<CriticalPathResult>(CRITICAL_PATH_REQUEST, {});
    assert.equal(path.ok, true, path.message);
    assert.equal(path.method, 'graph');
    const long = path.steps.filter((s) => s.seconds > 0.1).map((s) => s.target);
    assert.deepEqual(long, DESIGN.path.map(([target]) => target.replace(/^sub\//, '')));
    assert.ok(Math.abs(path.totals.path - DESIGN.longestPath) < 0.01, `path ${path.totals.path}`);
    assert.ok(Math.abs(path.totals.wall - DESIGN.wall) < 0.01, `wall ${path.totals.wall}`);
    const big = path.steps.find((s) => s.target === 'gen/big.h');
    assert.equal(big?.location?.line, lineOf(prepareTree().Makefile, 'gen/big.h:'));

    const g = await client.connection.sendRequest<GraphResult | null>(GRAPH_REQUEST, {});
    assert.equal(g?.profile, trace);
    assert.deepEqual(g?.graph.criticalPath?.slice(0, 2), ['gen/big.h', 'prepare']);
    // Nothing waiting for prepare, unlimited jobs: the build ends with gen/big.h (0.8 s) instead of 1.5 s.
    const cost = g?.graph.barriers.find((b) => b.node === 'prepare')?.cost ?? 0;
    assert.ok(Math.abs(cost - (DESIGN.longestPath - SLEEP.big)) < 0.01, `prepare costs ${cost} s with unlimited jobs`);
    assert.equal(g?.graph.nodes.find((n) => n.id === 'gen/big.h')?.duration, 0.8);
  });

  test('kbuild/profileBuild is refused in an untrusted workspace, and nothing runs', async () => {
    const r = await client.connection.sendRequest<ProfileBuildResult>(PROFILE_BUILD_REQUEST, { args: ['-j2'] });
    assert.equal(r.ok, false);
    assert.match(r.message, /trusted/);
    assert.equal(existsSync(join(root, 'vmlinux')), false);
    assert.equal(existsSync(join(root, '.kbuild-analyzer')), false);
  });

  test('kbuild/profileBuild in a trusted workspace builds, saves the trace and loads it', async () => {
    const trusted = await start(root, true, ['-s']);
    try {
      const r = await trusted.connection.sendRequest<ProfileBuildResult>(PROFILE_BUILD_REQUEST, { args: [`-j${DESIGN.jobs}`] });
      assert.equal(r.ok, true, r.message);
      assert.equal(r.summary?.records, 6);
      assert.ok(r.summary && existsSync(r.summary.trace) && r.summary.trace.startsWith(join(root, '.kbuild-analyzer', 'profiles')));
      assert.ok(existsSync(join(root, 'vmlinux')));
      const path = await trusted.connection.sendRequest<CriticalPathResult>(CRITICAL_PATH_REQUEST, {});
      assert.equal(path.method, 'graph');
      assert.equal(path.steps.find((s) => s.seconds > 0.1)?.target, 'gen/big.h');
    } finally {
      trusted.child.kill();
    }
  });
});

describe('kbuild/graph cache', { timeout: 60_000 }, () => {
  let root: string;
  let client: TestClient;
  const graph = async (): Promise<GraphResult> => {
    const r = await client.connection.sendRequest<GraphResult | null>(GRAPH_REQUEST, {});
    assert.ok(r);
    return r;
  };
  const ids = (r: GraphResult): string[] => r.graph.nodes.map((n) => n.id);

  before(async () => {
    ensureBuilt();
    root = writeTree(prepareTree());
    client = await start(root, false);
    // Indexing reads the make files into the workspace, which the evaluations then read.
    await client.waitFor('window/logMessage', (p) => /^Indexed /.test(p.message));
  });

  after(() => {
    client?.child.kill();
    if (root) removeTree(root);
  });

  test('a second request is served from the cache; a loaded profile changes the overlay, not the graph', async () => {
    const first = await graph();
    assert.equal(first.cached, false);
    assert.equal(first.graph.criticalPath, undefined);
    const second = await graph();
    assert.equal(second.cached, true);
    assert.deepEqual(second.graph, first.graph);

    const trace = join(root, 'trace.json');
    writeFileSync(trace, JSON.stringify(toTraceEvents(prepareRecords(root))));
    const imported = await client.connection.sendRequest<ImportProfileResult>(IMPORT_PROFILE_REQUEST, { path: trace });
    assert.equal(imported.ok, true, imported.message);
    const profiled = await graph();
    assert.equal(profiled.cached, true, 'the static graph is the same');
    assert.equal(profiled.profile, trace);
    assert.deepEqual(profiled.graph.criticalPath?.slice(0, 2), ['gen/big.h', 'prepare']);
    assert.equal(profiled.graph.nodes.find((n) => n.id === 'gen/big.h')?.duration, 0.8);
  });

  test("an edit of a sub-make's file on disk invalidates the graph", async () => {
    assert.equal((await graph()).cached, true);
    const sub = join(root, 'sub/Makefile');
    writeFileSync(sub, readFileSync(sub, 'utf8').replace('all: c.o', 'all: c.o d.o'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(sub), type: FileChangeType.Changed }] });
    const r = await graph();
    assert.equal(r.cached, false);
    assert.ok(ids(r).includes('sub/d.o'), ids(r).join(' '));
    assert.equal((await graph()).cached, true);
  });

  test('an edit of the top Makefile in the editor invalidates the graph', async () => {
    const path = join(root, 'Makefile');
    const uri = uriOf(path);
    let text = readFileSync(path, 'utf8');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'makefile', version: 1, text } });
    text = text.replace('all: prepare vmlinux', 'all: prepare vmlinux modules\nmodules:\n\ttouch $@');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
    const r = await graph();
    assert.equal(r.cached, false);
    assert.ok(ids(r).includes('modules'), ids(r).join(' '));
    assert.equal(r.profile, join(root, 'trace.json'), 'the loaded profile stays');
    assert.equal((await graph()).cached, true);
  });
});
