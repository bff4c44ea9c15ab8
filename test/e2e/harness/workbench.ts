// The VS Code UI through the DOM: waits, quick open, go to line, commands,
// the status bar, the Problems panel. Selectors are VS Code 1.139's.
import type { Locator, Page } from 'playwright-core';

const LONG = 60_000;

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.waitForSelector('.monaco-workbench', { timeout: LONG });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: LONG });
}

/** The status bar entry whose text contains `text`. */
export function statusItem(page: Page, text: string | RegExp): Locator {
  return page.locator('.statusbar-item', { hasText: text }).first();
}

export async function statusTexts(page: Page): Promise<string[]> {
  return page.locator('.statusbar-item').allInnerTexts();
}

/** "Ln 8, Col 1" of the active editor, as numbers. */
export async function cursor(page: Page): Promise<{ line: number; col: number }> {
  const text = await page.locator('#status\\.editor\\.selection').innerText();
  const m = /Ln (\d+), Col (\d+)/.exec(text);
  if (!m) throw new Error(`no cursor position in the status bar: ${JSON.stringify(text)}`);
  return { line: Number(m[1]), col: Number(m[2]) };
}

export async function waitForCursor(page: Page, want: { line: number; col: number }, timeout = 20_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = { line: 0, col: 0 };
  while (Date.now() < deadline) {
    last = await cursor(page).catch(() => last);
    if (last.line === want.line && last.col === want.col) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`cursor at Ln ${last.line}, Col ${last.col}; expected Ln ${want.line}, Col ${want.col}`);
}

/** The active editor tab's label (its aria-label: the file name). */
export async function activeTab(page: Page): Promise<string> {
  return ((await page.locator('.editor-group-container.active .tab.active').first().getAttribute('aria-label')) ?? '').trim();
}

export async function focusEditor(page: Page): Promise<void> {
  await page.locator('.editor-instance .monaco-editor textarea').first().focus();
}

async function quickInput(page: Page): Promise<Locator> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15_000 });
  return input;
}

/** The active editor's path from its breadcrumbs (`drivers/broken/Makefile`). */
export async function activePath(page: Page): Promise<string> {
  const items = await page.locator('.editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item').allInnerTexts();
  return items.map((s) => s.trim()).filter((s) => s && s !== '…').join('/');
}

/** Waits until the active editor shows `relPath` (by its breadcrumbs, which begin with the path). */
export async function waitForActivePath(page: Page, relPath: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await activePath(page).catch(() => '');
    if (last === relPath || last.startsWith(`${relPath}/`)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`active editor is ${JSON.stringify(last)}, expected ${relPath}`);
}

/**
 * Ctrl+P and the relative path; clicks the file result whose folder matches
 * (recently opened files with the same name come first and are skipped).
 * The first search of a session takes a few seconds.
 */
export async function quickOpen(page: Page, relPath: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = await quickInput(page);
  await input.fill(relPath);
  const parts = relPath.split('/');
  const name = parts.pop() as string;
  const dir = parts.join('/');
  const rows = page.locator('.quick-input-list .monaco-list-row');
  const row = (dir ? rows.filter({ hasText: dir }) : rows.filter({ hasText: new RegExp(`^${name}\\s*(file results|recently opened)?\\s*$`) })).first();
  await row.waitFor({ timeout: 30_000 });
  await row.click();
  await waitForActivePath(page, relPath);
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 15_000 });
}

/** Ctrl+G LINE:COL Enter (1-based, like the status bar). */
export async function goToLine(page: Page, line: number, col: number): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('Control+G');
  const input = await quickInput(page);
  await input.fill(`:${line}:${col}`);
  await page.keyboard.press('Enter');
  await waitForCursor(page, { line, col });
}

/** F1, the command's title, Enter. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = await quickInput(page);
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** Opens the Problems panel and returns its text once it contains `expect`. */
export async function problemsText(page: Page, expect: string | RegExp, timeout = 30_000): Promise<string> {
  await runCommand(page, 'View: Focus Problems');
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ timeout: 15_000 });
  const deadline = Date.now() + timeout;
  let text = '';
  while (Date.now() < deadline) {
    text = await panel.innerText().catch(() => '');
    if (typeof expect === 'string' ? text.includes(expect) : expect.test(text)) return text;
    await page.waitForTimeout(200);
  }
  throw new Error(`Problems panel never showed ${String(expect)}; it shows:\n${text}`);
}
