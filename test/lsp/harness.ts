// Drives the built server (`node dist/server.js --stdio`) like an editor:
// LSP framing over the child's stdio, answers to the server's requests,
// every notification recorded so tests can wait for one.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  InitializeRequest,
  InitializedNotification,
  StreamMessageReader,
  StreamMessageWriter,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  createProtocolConnection,
  type ProtocolConnection,
} from 'vscode-languageserver/node';

export const repoRoot = resolve(__dirname, '..', '..');

/**
 * A test file whose tests are all done must end. Twice in CI (of dozens of
 * runs, never reproduced alone) an LSP test file's process stayed alive
 * after its last test passed, with no server child left, until node:test's
 * 10-minute file timeout failed the run. If the process is still there 5 s
 * after the file's last hook, this says what keeps it alive and ends it
 * once its output is flushed (an unref'd timer: a file that ends by itself
 * never sees it). Only under the test runner: the bench imports this module.
 */
if (process.env.NODE_TEST_CONTEXT) {
  const { after } = require('node:test') as typeof import('node:test');
  after(() => {
    setTimeout(() => {
      process.stderr.write(`test file still running 5 s after its last test; alive: ${JSON.stringify(process.getActiveResourcesInfo())}; ending it\n`);
      process.stdout.write('', () => process.exit());
    }, 5000).unref();
  });
}
const serverJs = join(repoRoot, 'dist', 'server.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

const isStale = () =>
  (statSync(serverJs, { throwIfNoEntry: false })?.mtimeMs ?? 0) < newestMtime(join(repoRoot, 'server', 'src'));

/**
 * Builds dist/ when server.js is missing or older than a server source
 * (scripts/test.sh builds first). Test files run in parallel: a lock
 * directory keeps a second one from starting the server mid-build.
 */
export function ensureBuilt(): void {
  const lock = join(repoRoot, '.test-output', 'build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 100) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A build takes seconds: a lock this old was left by a killed run.
      if (waited > 60_000) rmSync(lock, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    if (!isStale()) return;
    const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`node esbuild.mjs failed:\n${r.stdout}${r.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Writes `{ 'dir/file': text }` under a new temp directory; returns its path. */
export function writeTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'kbuild-lsp-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

/** Sets the mtime of every file and directory of the tree `seconds` back: older than the index snapshot's racy window. */
export function ageTree(root: string, seconds = 120): void {
  const when = new Date(Date.now() - seconds * 1000);
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) utimesSync(join(entry.parentPath ?? entry.path, entry.name), when, when);
  utimesSync(root, when, when);
}

export function removeTree(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

export const uriOf = (path: string): string => pathToFileURL(path).href;

export interface Notification {
  method: string;
  params: any;
}

export interface TestClient {
  connection: ProtocolConnection;
  child: ChildProcess;
  notifications: Notification[];
  stderr: () => string;
  /** Resolves with the first notification (past or future) that matches. */
  waitFor(method: string, match?: (params: any) => boolean, timeoutMs?: number): Promise<any>;
  /** Resolves with the exit code once the process ends. */
  exited: Promise<number | null>;
}

export function startServer(): TestClient {
  const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const notifications: Notification[] = [];
  const waiters: Array<{ method: string; match: (p: any) => boolean; done: (p: any) => void }> = [];
  const record = (method: string, params: any) => {
    notifications.push({ method, params });
    for (const w of [...waiters]) {
      if (w.method === method && w.match(params)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.done(params);
      }
    }
  };
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => record(PublishDiagnosticsNotification.method, p));
  connection.onNotification(LogMessageNotification.type, (p) => record(LogMessageNotification.method, p));
  // Like an editor: a token the server created gets its $/progress values.
  connection.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
    connection.onProgress(WorkDoneProgress.type, token, (value) => record('$/progress', { token, value }));
    return null;
  });
  connection.listen();
  return {
    connection,
    child,
    notifications,
    stderr: () => stderr,
    exited,
    waitFor(method, match = () => true, timeoutMs = 10_000) {
      const seen = notifications.find((n) => n.method === method && match(n.params));
      if (seen) return Promise.resolve(seen.params);
      return new Promise((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no ${method} within ${timeoutMs} ms; stderr:\n${stderr}`)), timeoutMs);
        waiters.push({ method, match, done: (p) => (clearTimeout(timer), done(p)) });
      });
    },
  };
}

/** A built server, initialized on the folder `root` with these initializationOptions. */
export async function startOn(root: string, initializationOptions: unknown = {}): Promise<TestClient> {
  ensureBuilt();
  const client = startServer();
  await client.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: [{ uri: uriOf(root), name: basename(root) }],
    capabilities: {},
    initializationOptions,
  });
  await client.connection.sendNotification(InitializedNotification.type, {});
  return client;
}
