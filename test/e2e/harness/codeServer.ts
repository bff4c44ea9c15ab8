// One code-server (a real VS Code 1.139 in the browser) per test file: a
// fresh run directory with its own user data, extensions, XDG dirs and a
// copy of the fixture workspace; started in its own process group on a free
// loopback port, stopped by that group. Workspace trust is on only when a
// test asks for it (untrusted runs).
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CODE_SERVER, E2E, FIXTURE, NODE24_BIN } from './env';

export interface RunDirs {
  root: string;
  userDataDir: string;
  extensionsDir: string;
  workspace: string;
  env: NodeJS.ProcessEnv;
}

/** User settings for every run: quiet, offline, no AI, no git scanning, no trust prompt. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'git.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'editor.hover.delay': 300,
  // Columns as the status bar and Ctrl+G count them: a tab is 8, whatever the file's indentation looks like.
  'editor.detectIndentation': false,
  'editor.tabSize': 8,
  '[makefile]': { 'editor.detectIndentation': false, 'editor.tabSize': 8 },
};

/**
 * A fresh run directory under the cache: `name` is the test's, the
 * workspace is a copy of test/fixtures/e2e-workspace plus `workspaceSettings`
 * as its .vscode/settings.json.
 */
export function makeRun(args: { name: string; workspaceSettings?: Record<string, unknown> }): RunDirs {
  const root = join(E2E, 'runs', args.name);
  rmSync(root, { recursive: true, force: true });
  const dirs = {
    root,
    userDataDir: join(root, 'ud'),
    extensionsDir: join(root, 'exts'),
    workspace: join(root, 'workspace'),
  };
  for (const d of [join(dirs.userDataDir, 'User'), dirs.extensionsDir, join(root, 'xdg'), join(root, 'tmp')]) mkdirSync(d, { recursive: true });
  writeFileSync(join(dirs.userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  cpSync(FIXTURE, dirs.workspace, { recursive: true });
  if (args.workspaceSettings) {
    mkdirSync(join(dirs.workspace, '.vscode'));
    writeFileSync(join(dirs.workspace, '.vscode', 'settings.json'), JSON.stringify(args.workspaceSettings, null, 2));
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${NODE24_BIN}:${process.env.PATH}`,
    XDG_CONFIG_HOME: join(root, 'xdg', 'config'),
    XDG_DATA_HOME: join(root, 'xdg', 'data'),
    XDG_CACHE_HOME: join(root, 'xdg', 'cache'),
    TMPDIR: join(root, 'tmp'),
    NODE_DISABLE_COMPILE_CACHE: '1',
  };
  // The test runner's own loader must not leak into code-server's Node.
  delete env.NODE_OPTIONS;
  return { ...dirs, env };
}

export interface CodeServer {
  base: string;
  /** The workbench URL opening `folder` (the run's workspace by default). */
  url(folder?: string): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function startCodeServer(args: {
  run: RunDirs;
  /** Extensions dir to load (default: the run's). */
  extensionsDir?: string;
  /** Leave workspace trust on (default: --disable-workspace-trust). */
  workspaceTrust?: boolean;
  /** --vscode-option enable-smoke-test-driver: needed for the extensionTestsPath payload; hides toasts. */
  smokeTestDriver?: boolean;
  env?: NodeJS.ProcessEnv;
}): Promise<CodeServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { run } = args;
  const flags = [
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', run.userDataDir,
    '--extensions-dir', args.extensionsDir ?? run.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...(args.workspaceTrust ? [] : ['--disable-workspace-trust']),
    ...(args.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    run.workspace,
  ];
  const log = openSync(join(run.root, 'server.log'), 'a');
  const child: ChildProcess = spawn(CODE_SERVER, flags, { detached: true, stdio: ['ignore', log, log], env: { ...run.env, ...args.env } });
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    const group = -child.pid;
    try {
      process.kill(group, 'SIGTERM');
    } catch {
      return;
    }
    for (let i = 0; i < 50 && !exited; i++) await sleep(100);
    try {
      process.kill(group, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited at start; see ${join(run.root, 'server.log')}`);
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer /healthz within 60 s; see ${join(run.root, 'server.log')}`);
    }
    await sleep(100);
  }
  return {
    base,
    url: (folder = run.workspace) => `${base}/?folder=${encodeURIComponent(folder)}`,
    stop,
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
