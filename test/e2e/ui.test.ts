// E2E, part 1: the packaged extension in a real VS Code (code-server) driven
// through its UI by headless Chromium, like a person: open files from the
// explorer and quick open, F12, hovers, the status bar, the Problems panel,
// a command from the palette and its webview. Screenshots go to
// .test-output/e2e/ (a failing step leaves <step>-fail.png).
import { strict as assert } from 'node:assert';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { discoverMakeFiles } from '../../server/src/lsp/discovery';
import { openBrowser, type Browser } from './harness/browser';
import { makeRun, startCodeServer, type CodeServer, type RunDirs } from './harness/codeServer';
import { FIXTURE, ROOT, outDir, requireSetup } from './harness/env';
import { ensureVsix, installVsix } from './harness/vsix';
import { activeTab, goToLine, problemsText, quickOpen, runCommand, statusItem, waitForActivePath, waitForCursor, waitForWorkbench } from './harness/workbench';

const SHOTS = outDir();
let run: RunDirs;
let server: CodeServer | undefined;
let browser: Browser | undefined;
let page: Page;

/**
 * 1-based line and column of `needle` (plus `into` characters) in a fixture
 * file, the column counted as the status bar and Ctrl+G count it: a tab
 * moves to the next multiple of 8 (codeServer.ts sets editor.tabSize 8).
 */
function where(rel: string, needle: string, into = 0): { line: number; col: number } {
  const text = readFileSync(join(FIXTURE, rel), 'utf8');
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} in ${rel}`);
  const lines = text.slice(0, offset + into).split('\n');
  let col = 0;
  for (const c of lines[lines.length - 1]) col = c === '\t' ? col + 8 - (col % 8) : col + 1;
  return { line: lines.length, col: col + 1 };
}

/** The screenshots the docs show, as docs/images/e2e-NAME.png. */
const DOC_IMAGES = new Set(['status-bar', 'definition', 'hover', 'hover-evaluated', 'output-lint', 'context-pick', 'barrier-graph']);

/**
 * A screenshot of the page (or the clip) in .test-output/e2e/NAME.png; with
 * KBUILD_E2E_DOC_IMAGES=1 the DOC_IMAGES also go to docs/images/e2e-NAME.png
 * (look at them before committing).
 */
async function shot(name: string, clip?: { x: number; y: number; width: number; height: number }): Promise<void> {
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, clip });
  if (process.env.KBUILD_E2E_DOC_IMAGES === '1' && DOC_IMAGES.has(name)) copyFileSync(path, join(ROOT, 'docs', 'images', `e2e-${name}.png`));
}

/** Runs a UI step; on failure leaves a screenshot named after it. */
async function step(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    await page?.screenshot({ path: join(SHOTS, `${name}-fail.png`) }).catch(() => undefined);
    throw e;
  }
}

/** The top Makefile, clicked in the explorer (quick open may rank samples/Makefile first). */
async function openTopMakefile(): Promise<void> {
  await page.locator('.explorer-folders-view .monaco-list-row[aria-level="1"]', { hasText: /^Makefile$/ }).first().click();
  await waitForActivePath(page, 'Makefile');
}

async function closeEditors(): Promise<void> {
  await page.keyboard.press('Escape');
  await runCommand(page, 'View: Close All Editors');
  await page.locator('.tab').first().waitFor({ state: 'detached', timeout: 15_000 });
}

describe('VS Code UI (code-server + Chromium, installed .vsix)', { timeout: 300_000 }, () => {
  before(async () => {
    requireSetup();
    // try-run-toplevel (an information on the cc-option line) off: the setting works, and the hover shows the unfolding alone.
    run = makeRun({ name: 'ui', workspaceSettings: { 'kbuild-analyzer.diagnostics.severity': { 'try-run-toplevel': 'off' } } });
    installVsix({ vsix: ensureVsix(), extensionsDir: run.extensionsDir, userDataDir: run.userDataDir, env: run.env });
    server = await startCodeServer({ run });
    browser = await openBrowser({ runRoot: run.root });
    page = browser.page;
    await page.goto(server.url());
    await waitForWorkbench(page);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the status bar shows the indexed file count and a build context item', async () => {
    const files = (await discoverMakeFiles({ root: FIXTURE })).length;
    await step('status-bar', async () => {
      await statusItem(page, `Kbuild: ${files} files`).waitFor({ timeout: 60_000 });
      await statusItem(page, 'context:').waitFor({ timeout: 5_000 });
    });
    await shot('status-bar', { x: 0, y: 830, width: 1400, height: 30 });
  });

  test('F12 on $(build) in the top Makefile (opened from the explorer) jumps to its definition', async () => {
    await step('definition', async () => {
      await openTopMakefile();
      const use = where('Makefile', '$(build)=kernel', 2);
      await goToLine(page, use.line, use.col);
      await page.keyboard.press('F12');
      await waitForActivePath(page, 'scripts/Kbuild.include');
      assert.match(await activeTab(page), /^Kbuild\.include\b/);
      await waitForCursor(page, where('scripts/Kbuild.include', 'build :='));
      await page.waitForTimeout(300); // the selection highlight fades in
    });
    await shot('definition');
  });

  test('the Problems panel shows "missing separator" for drivers/broken/Makefile (quick open)', async () => {
    await step('problems', async () => {
      await closeEditors();
      await quickOpen(page, 'drivers/broken/Makefile');
      const text = await problemsText(page, 'missing separator');
      const at = where('drivers/broken/Makefile', 'this line is neither');
      assert.match(text, new RegExp(`missing separator[\\s\\S]*\\[Ln ${at.line}, Col ${at.col}\\]`));
    });
    await shot('problems');
  });

  test('the top Makefile is in context "top"; clicking it lists the contexts, the active one marked', async () => {
    await step('context', async () => {
      await closeEditors();
      await openTopMakefile();
      await statusItem(page, 'context: top').click({ timeout: 30_000 });
      await page.locator('.quick-input-list .monaco-list-row', { hasText: /top[\s\S]*active/ }).first().waitFor({ timeout: 15_000 });
    });
    await shot('context-pick');
    await page.keyboard.press('Escape');
  });

  test('hover on $(call cc-option,-fno-PIE) unfolds it down to the compiler command', async () => {
    await step('hover', async () => {
      await closeEditors();
      await runCommand(page, 'View: Hide Panel');
      await openTopMakefile();
      const at = where('Makefile', 'cc-option,-fno-PIE', 3);
      await goToLine(page, at.line, at.col);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      // The static unfolding shows `$(CC) -Werror $(KBUILD_CFLAGS) -fno-PIE …`, the evaluated one the flags expanded.
      const hover = page.locator('.monaco-hover', { hasText: /-Werror [^\n]*-fno-PIE -c -x c \/dev\/null/ }).first();
      await hover.waitFor({ timeout: 15_000 });
      assert.doesNotMatch(await hover.innerText(), /try-run-toplevel/, 'kbuild-analyzer.diagnostics.severity turned it off');
    });
    await shot('hover');
    await page.keyboard.press('Escape');
  });

  test('hover on $(KERNELRELEASE) shows its evaluated value 6.1.0', async () => {
    await step('hover-evaluated', async () => {
      await closeEditors();
      await openTopMakefile();
      const at = where('Makefile', 'export KERNELRELEASE', 8);
      await goToLine(page, at.line, at.col);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      await page.locator('.monaco-hover', { hasText: '6.1.0' }).waitFor({ timeout: 15_000 });
    });
    await shot('hover-evaluated');
    await page.keyboard.press('Escape');
  });

  test('the Problems panel shows the missing $(OUTPUT) prefix of gen.h in tools/foo/Makefile', async () => {
    await step('output-lint', async () => {
      await closeEditors();
      await quickOpen(page, 'tools/foo/Makefile');
      const text = await problemsText(page, /Target `gen\.h` has no \$\(OUTPUT\) prefix/);
      const at = where('tools/foo/Makefile', 'gen.h:');
      assert.match(text, new RegExp(`has no \\$\\(OUTPUT\\) prefix[\\s\\S]*?\\[Ln ${at.line}, Col ${at.col}\\]`));
    });
    await shot('output-lint');
  });

  test('Kbuild: Show Barrier Graph (from the palette) opens the webview and draws the graph', async () => {
    await step('barrier-graph', async () => {
      await closeEditors();
      await runCommand(page, 'View: Hide Panel');
      await openTopMakefile();
      await runCommand(page, 'Kbuild: Show Barrier Graph');
      // The webview's page sits in nested iframes; wait for a frame holding drawn SVG nodes.
      const deadline = Date.now() + 30_000;
      let graph: Frame | undefined;
      while (!graph && Date.now() < deadline) {
        for (const frame of page.frames()) {
          if ((await frame.locator('svg.kg-canvas .kg-nodes g.kg-item').count().catch(() => 0)) > 0) graph = frame;
        }
        if (!graph) await page.waitForTimeout(250);
      }
      assert.ok(graph, 'no graph node (svg.kg-canvas .kg-nodes g.kg-item) in any webview frame');
      // For the picture: the graph's group (beside the Makefile) gets the whole window, the graph fits it.
      await runCommand(page, 'View: Toggle Maximize Editor Group');
      await page.waitForTimeout(500);
      await graph.getByRole('button', { name: 'Fit' }).click();
      await page.waitForTimeout(500);
    });
    await shot('barrier-graph');
  });
});
