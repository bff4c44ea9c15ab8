// Drives the built webview in headless Debian Chromium (/usr/bin/chromium,
// scripts/setup-browser.sh) through playwright-core: a small HTML page loads
// dist/webview.js and dist/webview.css, stubs acquireVsCodeApi to record what
// the webview posts, and fixture graphs arrive by window.postMessage as they
// would from the extension. Used by the browser tests and bench/webview.ts.

import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import type { BuildGraph } from '../../server/src/protocol/graph';
import type { FromWebview } from '../../server/src/protocol/webview';
import { CHROMIUM, launchChromium } from '../helpers/chromium';

/** The repository: tests and the bench run from its top (npm scripts do). */
export const ROOT = resolve('.');
export const OUT = join(ROOT, '.test-output');
export const SCREENSHOTS = join(OUT, 'screenshots');

export type Theme = 'dark' | 'light';

export function browserAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/** Builds only the webview entry, as esbuild.mjs does: other bundles may be mid-work. */
export async function buildWebview(): Promise<void> {
  await esbuild.build({
    entryPoints: { webview: join(ROOT, 'webview/src/main.ts') },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: true,
    outdir: join(ROOT, 'dist'),
    logLevel: 'warning',
  });
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** @param deviceScaleFactor 2 for crisp screenshots; 1 for timings */
export async function openBrowser(deviceScaleFactor = 1): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'kbuild-analyzer-chromium-'));
  const context = await launchChromium(profile, { viewport: { width: 1600, height: 900 }, deviceScaleFactor });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PageOptions {
  theme: Theme;
  /** What getState() returns at load, as after the panel was hidden. */
  state?: unknown;
  /** Extra CSS on <html>, set as VS Code sets its --vscode-* variables. */
  htmlStyle?: string;
}

/** A page like the panel's: the webview bundle with a recording acquireVsCodeApi. */
export async function openGraphPage(context: BrowserContext, options: PageOptions): Promise<Page> {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `webview-${options.theme}.html`);
  const dist = `file://${join(ROOT, 'dist')}`;
  writeFileSync(
    file,
    `<!doctype html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src file:; script-src 'nonce-test'">
<link rel="stylesheet" href="${dist}/webview.css"></head>
<body class="vscode-${options.theme}">
<script nonce="test">
  // The panel's policy (client/src/graphPanel.ts), with file: for VS Code's resource origin: violations are recorded.
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
  document.documentElement.style.cssText = ${JSON.stringify(options.htmlStyle ?? '')}; // as VS Code sets its variables
  // tsx compiles functions passed to page.evaluate with esbuild's keepNames helper.
  window.__name = (f) => f;
  window.posts = [];
  window.vscodeState = ${JSON.stringify(options.state ?? null)} ?? undefined;
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => window.posts.push(m),
    getState: () => window.vscodeState,
    setState: (s) => { window.vscodeState = s; },
  });
</script>
<script nonce="test" src="${dist}/webview.js"></script>
</body></html>`,
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`file://${file}`);
  await page.waitForSelector('svg.kg-canvas');
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return page;
}

/** Posts a graph as the extension would and waits until it is drawn. */
export async function postGraph(page: Page, graph: BuildGraph, title: string): Promise<void> {
  const before = await draws(page);
  await page.evaluate(([g, t]) => window.postMessage({ type: 'graph', graph: g, title: t }, '*'), [graph, title] as const);
  await waitForDraw(page, before);
}

export async function draws(page: Page): Promise<number> {
  return Number((await page.getAttribute('svg.kg-canvas', 'data-draws')) ?? 0);
}

export async function waitForDraw(page: Page, before: number): Promise<void> {
  await page.waitForFunction((n) => Number(document.querySelector('svg.kg-canvas')?.getAttribute('data-draws') ?? 0) > n, before);
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

export async function posts(page: Page): Promise<FromWebview[]> {
  return page.evaluate(() => (window as unknown as { posts: FromWebview[] }).posts);
}

export async function keys(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (els) => els.map((e) => e.getAttribute('data-key') ?? ''));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
