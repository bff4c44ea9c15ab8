// E2E, part 4: `npm start` (scripts/start.sh) as a person runs it — on the
// bundled example and on a folder of their own — serves a VS Code whose
// workbench shows the installed extension at work; Ctrl+C (SIGTERM to the
// script) stops the server. The package under test is handed over with
// KBUILD_E2E_VSIX instead of being built again.
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { discoverMakeFiles } from '../../server/src/lsp/discovery';
import { openBrowser } from './harness/browser';
import { freePort, sleep } from './harness/codeServer';
import { E2E, FIXTURE, ROOT, outDir, requireSetup } from './harness/env';
import { ensureVsix } from './harness/vsix';
import { statusItem, waitForWorkbench } from './harness/workbench';

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Runs `bash scripts/start.sh [PATH]` in its own process group; resolves with the URL it prints. */
async function start(port: number, folder?: string): Promise<Started> {
  const env = { ...process.env, PORT: String(port), KBUILD_E2E_VSIX: ensureVsix() };
  const child = spawn('bash', ['scripts/start.sh', ...(folder ? [folder] : [])], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout?.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (text += d.toString()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    const m = /open:\s+(http:\/\/127\.0\.0\.1:\d+\/\S+)/.exec(text);
    if (m) return { child, url: m[1], output: () => text };
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop({ child, url: '', output: () => text });
      throw new Error(`npm start printed no URL (exit ${child.exitCode}):\n${text}`);
    }
    await sleep(100);
  }
}

/** What Ctrl+C does: SIGTERM to the script, whose trap stops code-server. */
async function stop(s: Started): Promise<void> {
  if (s.child.exitCode !== null || s.child.pid === undefined) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await Promise.race([exited, sleep(15_000)]);
  try {
    process.kill(-s.child.pid, 'SIGKILL'); // anything left of the group
  } catch {
    /* all gone */
  }
}

async function healthy(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/healthz`).then(
    (r) => r.ok,
    () => false,
  );
}

/** Opens the printed URL; waits for the extension's index item; screenshot NAME.png. */
async function checkWorkbench(args: { url: string; files: number; shot: string; restricted: boolean }): Promise<void> {
  const runRoot = mkdtempSync(join(E2E, 'tmp', 'start-'));
  const browser = await openBrowser({ runRoot });
  try {
    const { page } = browser;
    await page.goto(args.url);
    await waitForWorkbench(page);
    await statusItem(page, `Kbuild: ${args.files} files`).waitFor({ timeout: 60_000 });
    const restricted = await statusItem(page, 'Restricted Mode').isVisible();
    assert.equal(restricted, args.restricted, `Restricted Mode in the status bar: ${restricted}`);
    await page.screenshot({ path: join(outDir(), `${args.shot}.png`) });
  } finally {
    await browser.close();
    rmSync(runRoot, { recursive: true, force: true });
  }
}

describe('npm start (scripts/start.sh)', { timeout: 300_000 }, () => {
  test('with no PATH: a trusted copy of examples/tiny-kernel, the extension indexing it; Ctrl+C stops it', async () => {
    requireSetup();
    const port = await freePort();
    const s = await start(port);
    try {
      assert.match(s.url, new RegExp(`^http://127\\.0\\.0\\.1:${port}/\\?folder=.*tiny-kernel$`));
      const files = (await discoverMakeFiles({ root: join(ROOT, 'examples', 'tiny-kernel') })).length;
      await checkWorkbench({ url: s.url, files, shot: 'start-example', restricted: false });
    } finally {
      await stop(s);
    }
    assert.equal(await healthy(port), false, 'code-server still answers after the script stopped');
  });

  test('with a PATH: that folder, in place, in Restricted Mode', async () => {
    requireSetup();
    const port = await freePort();
    const folder = mkdtempSync(join(E2E, 'tmp', 'start-folder-'));
    cpSync(FIXTURE, folder, { recursive: true });
    const s = await start(port, folder);
    try {
      assert.ok(s.url.endsWith(`?folder=${encodeURIComponent(folder)}`), s.url);
      const files = (await discoverMakeFiles({ root: folder })).length;
      await checkWorkbench({ url: s.url, files, shot: 'start-folder', restricted: true });
    } finally {
      await stop(s);
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
