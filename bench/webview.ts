// The graph webview's speed in headless Chromium, as rows with goals:
// first render of a 500-node graph, of a 5,000-node graph (collapsed by
// directory), and of 20 zoom steps on it. A render is timed from posting
// the graph to the second animation frame after the draw (painted).
// Run alone: node --import tsx bench/webview.ts

import type { Page } from 'playwright-core';
import { browserAvailable, buildWebview, draws, openBrowser, openGraphPage, postGraph, waitForDraw } from '../test/browser/harness';
import { generatedGraph } from '../test/fixtures/graphs/generated';
import type { BuildGraph } from '../server/src/protocol/graph';
import { formatRows, type BenchRow } from './types';

const RUNS = 3;
export const TITLE = 'Graph webview in headless Chromium (issue 6)';

/** Median over RUNS fresh pages (the first render is what a user waits for). */
async function firstRender(open: () => Promise<Page>, graph: BuildGraph): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await open();
    try {
      const before = await draws(page);
      times.push(
        await page.evaluate(
          ([g, n]) =>
            new Promise<number>((done) => {
              const t0 = performance.now();
              const frame = () => new Promise((r) => requestAnimationFrame(r));
              const check = async () => {
                if (Number(document.querySelector('svg.kg-canvas')?.getAttribute('data-draws') ?? 0) > n) {
                  await frame();
                  await frame();
                  done(performance.now() - t0);
                } else setTimeout(check, 1);
              };
              window.postMessage({ type: 'graph', graph: g, title: 'bench' }, '*');
              void check();
            }),
          [graph, before] as const,
        ),
      );
    } finally {
      await page.close();
    }
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/** Wheel steps, half in and half out, each waited for until painted. */
async function zoomSteps(page: Page, steps: number): Promise<number> {
  return page.evaluate(async (n) => {
    const svg = document.querySelector('svg.kg-canvas') as SVGSVGElement;
    const r = svg.getBoundingClientRect();
    const frame = () => new Promise((done) => requestAnimationFrame(done));
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const deltaY = i < n / 2 ? -120 : 120;
      svg.dispatchEvent(new WheelEvent('wheel', { deltaY, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, bubbles: true, cancelable: true }));
      await frame();
    }
    return performance.now() - t0;
  }, steps);
}

export async function benchWebview(): Promise<BenchRow[]> {
  if (!browserAvailable()) return [];
  await buildWebview();
  const browser = await openBrowser(1);
  try {
    const open = () => openGraphPage(browser.context, { theme: 'dark' });
    const g500 = generatedGraph(500);
    const g5000 = generatedGraph(5000);
    const rows: [string, number, number][] = [
      ['first render, 500 nodes (collapsed by directory), median of 3', await firstRender(open, g500), 500],
      ['first render, 5,000 nodes (collapsed by directory tree), median of 3', await firstRender(open, g5000), 2000],
    ];
    const page = await open();
    try {
      await postGraph(page, g5000, 'bench');
      rows.push(['20 wheel zoom steps, each painted, 5,000 nodes collapsed', await zoomSteps(page, 20), 20 * 50]);
      const n = await draws(page);
      await page.click('button[data-action="expand"]');
      await waitForDraw(page, n);
      rows.push(['20 wheel zoom steps, each painted, 5,000 nodes expanded', await zoomSteps(page, 20), 20 * 100]);
    } finally {
      await page.close();
    }
    return rows.map(([name, value, goalMs]) => ({ name, value, unit: 'ms', goal: `≤ ${goalMs} ms`, met: value <= goalMs }));
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  void benchWebview().then((rows) =>
    console.log(rows.length > 0 ? formatRows(TITLE, rows) : `## ${TITLE}\n- not measured: no /usr/bin/chromium (scripts/setup-browser.sh)`),
  );
}
