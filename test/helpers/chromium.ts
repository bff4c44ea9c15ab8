// Debian's Chromium (scripts/setup-browser.sh installs it) under playwright-core,
// headless, with a fresh profile: the graph-view browser tests and the E2E
// suite launch it the same way. launchPersistentContext because passing
// --user-data-dir as an argument is refused.
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export function launchChromium(profile: string, o: { viewport: { width: number; height: number }; deviceScaleFactor?: number }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: o.viewport,
    deviceScaleFactor: o.deviceScaleFactor,
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
}
