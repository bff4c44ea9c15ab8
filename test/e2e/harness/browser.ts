// Chromium (test/helpers/chromium.ts) with a fresh profile under the run
// directory. The browser console is kept: the extension host's console
// output reaches it.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../helpers/chromium';

export interface Browser {
  context: BrowserContext;
  page: Page;
  console: string[];
  close(): Promise<void>;
}

export async function openBrowser(args: { runRoot: string }): Promise<Browser> {
  const profile = mkdtempSync(join(args.runRoot, 'chromium-'));
  const context = await launchChromium(profile, { viewport: { width: 1400, height: 860 } });
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
