// Debian's Chromium under playwright-core, headless, with a fresh profile
// (launchPersistentContext: passing --user-data-dir as an argument is
// refused). The browser console is kept: the extension host's console
// output reaches it.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM } from './env';

export interface Browser {
  context: BrowserContext;
  page: Page;
  console: string[];
  close(): Promise<void>;
}

export async function openBrowser(args: { runRoot: string }): Promise<Browser> {
  const profile = mkdtempSync(join(args.runRoot, 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 860 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const lines: string[] = [];
  page.on('console', (m) => lines.push(m.text().replace(/%c/g, '')));
  return {
    context,
    page,
    console: lines,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
