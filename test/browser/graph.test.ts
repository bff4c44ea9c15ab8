// The graph webview in headless Chromium: what is drawn, what clicks and
// keys do, what is posted to the extension, and screenshots of both themes
// in .test-output/screenshots/ for a person to look at.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { FromWebview, WebviewViewState } from '../../server/src/protocol/webview';
import { collapsibleGroups, initialFolds } from '../../webview/src/folds';
import { generatedGraph } from '../fixtures/graphs/generated';
import { kernelTopGraph } from '../fixtures/graphs/kernel';
import { PERF_CRITICAL, perfPrepareGraph } from '../fixtures/graphs/perf';
import {
  browserAvailable,
  buildWebview,
  cspViolations,
  draws,
  keys,
  OUT,
  openBrowser,
  openGraphPage,
  postGraph,
  posts,
  screenshot,
  waitForDraw,
  type Browser,
} from './harness';

const PERF_TITLE = 'tools/perf — make -C tools/perf';
const MK = 'tools/perf/Makefile.perf';
const count = (page: Page, selector: string) => page.locator(selector).count();
const fill = (page: Page, selector: string) => page.$eval(selector, (el) => getComputedStyle(el).fill);
const active = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-key') ?? null);

/** Runs an action that redraws, and waits for the redraw. */
async function redraws(page: Page, action: () => Promise<unknown>): Promise<void> {
  const n = await draws(page);
  await action();
  await waitForDraw(page, n);
}

async function waitForPost(page: Page, type: FromWebview['type']): Promise<FromWebview> {
  await page.waitForFunction((t) => (window as unknown as { posts: { type: string }[] }).posts.some((p) => p.type === t), type);
  return (await posts(page)).find((p) => p.type === type) as FromWebview;
}

describe('graph webview in Chromium', { skip: browserAvailable() ? false : 'no /usr/bin/chromium: run scripts/setup-browser.sh' }, () => {
  let browser: Browser;
  before(async () => {
    await buildWebview();
    browser = await openBrowser(2);
  });
  after(async () => browser?.close());

  describe('the perf prepare barrier (dark theme)', () => {
    let page: Page;
    before(async () => {
      page = await openGraphPage(browser.context, { theme: 'dark' });
      await postGraph(page, perfPrepareGraph(), PERF_TITLE);
    });
    after(async () => page?.close());

    it('says it is ready first', async () => {
      assert.deepEqual((await posts(page))[0], { type: 'ready' });
    });

    it('draws every node and edge of a small graph, groups expanded', async () => {
      const g = perfPrepareGraph();
      assert.equal(await count(page, '.kg-nodes g.kg-node'), g.nodes.length);
      assert.equal(await count(page, '.kg-edges path'), g.edges.length);
      assert.equal(await count(page, 'g.kg-head'), collapsibleGroups(g).length);
      assert.equal(await page.textContent('.kg-title'), PERF_TITLE);
    });

    it('highlights the barrier', async () => {
      assert.deepEqual(await keys(page, '.kg-nodes g.kg-node.barrier'), ['prepare']);
      const barrier = await fill(page, '.kg-nodes g.kg-node.barrier .kg-shape');
      assert.notEqual(barrier, await fill(page, '.kg-nodes g.kg-node[data-key="perf.o"] .kg-shape'));
      assert.match((await page.textContent('.kg-nodes g.kg-node.barrier')) ?? '', /BARRIER · 17 in · 27 out · costs 17\.4 s/);
      assert.equal(await count(page, '.kg-edges path.from-barrier'), 27);
    });

    it('overlays the critical path on the right nodes', async () => {
      assert.deepEqual((await keys(page, '.kg-nodes g.kg-node.critical')).sort(), [...PERF_CRITICAL].sort());
      assert.equal(await count(page, '.kg-crits path'), PERF_CRITICAL.length - 1);
    });

    it('screenshot', async () => {
      await screenshot(page, 'perf-prepare-dark');
    });

    it('clicking a node asks the extension to open its rule', async () => {
      await page.click('.kg-nodes g.kg-node[data-key="perf"]');
      assert.deepEqual((await posts(page)).at(-1), { type: 'reveal', file: MK, line: 757 });
    });

    it('collapses a group from its header and expands it from its cluster', async () => {
      const total = perfPrepareGraph().nodes.length;
      const util = perfPrepareGraph().nodes.filter((n) => n.group === 'util').length;
      await redraws(page, () => page.click('g.kg-head[data-key="box:util"]'));
      assert.equal(await count(page, '.kg-nodes g.kg-node'), total - util + 1);
      assert.equal(await count(page, '.kg-nodes g.kg-node.kind-cluster[data-key="group:util"].critical'), 1);
      assert.match((await page.textContent('g[data-key="group:util"]')) ?? '', /10 targets/);
      await redraws(page, () => page.click('g[data-key="group:util"]'));
      assert.equal(await count(page, '.kg-nodes g.kg-node'), total);
    });

    it('works from the keyboard: Enter collapses, expands, reveals; Tab walks the nodes', async () => {
      await page.focus('g[data-key="box:ui"]');
      await redraws(page, () => page.keyboard.press('Enter'));
      assert.equal(await active(page), 'group:ui', 'focus follows the group');
      assert.equal(await count(page, 'g[data-key="group:ui"]'), 1);
      await redraws(page, () => page.keyboard.press('Enter'));
      assert.equal(await active(page), 'box:ui');
      await page.keyboard.press('Tab');
      const next = await active(page);
      assert.ok(next && next !== 'box:ui', 'Tab moves to another node');
      await page.focus('g[data-key="prepare"]');
      await page.keyboard.press('Enter');
      assert.deepEqual((await posts(page)).at(-1), { type: 'reveal', file: MK, line: 860 });
    });

    it('searches by name, and Enter goes to the hits', async () => {
      await redraws(page, () => page.fill('input.kg-search', 'skel.h'));
      assert.equal(await count(page, '.kg-nodes g.kg-node.hit'), 6);
      assert.equal(await count(page, 'svg.kg-canvas.searching'), 1);
      assert.equal(await page.textContent('.kg-found'), '6 found');
      await page.press('input.kg-search', 'Enter');
      assert.match((await active(page)) ?? '', /\.skel\.h$/);
      await screenshot(page, 'perf-search-dark');
      await redraws(page, () => page.fill('input.kg-search', ''));
      assert.equal(await count(page, '.kg-nodes g.kg-node.hit'), 0);
    });

    it('exports SVG and PNG', async () => {
      await page.click('button[data-action="svg"]');
      const svg = await waitForPost(page, 'export');
      assert.ok(svg.type === 'export' && svg.format === 'svg');
      assert.match(svg.data, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      assert.match(svg.data, />prepare</);
      await page.evaluate(() => ((window as unknown as { posts: unknown[] }).posts.length = 0));
      await page.click('button[data-action="png"]');
      const png = await waitForPost(page, 'export');
      assert.ok(png.type === 'export' && png.format === 'png');
      assert.match(png.data, /^data:image\/png;base64,/);
      writeFileSync(join(OUT, 'export-perf.svg'), svg.data);
      writeFileSync(join(OUT, 'export-perf.png'), Buffer.from(png.data.split(',')[1], 'base64'));
    });

    it('comes back as it was after being hidden (setState)', async () => {
      await redraws(page, () => page.click('g.kg-head[data-key="box:util"]'));
      const state = (await page.evaluate(() => (window as unknown as { vscodeState: unknown }).vscodeState)) as WebviewViewState;
      assert.deepEqual(state.collapsed, ['util']);
      const again = await openGraphPage(browser.context, { theme: 'dark', state });
      try {
        await postGraph(again, perfPrepareGraph(), PERF_TITLE);
        assert.equal(await count(again, 'g[data-key="group:util"]'), 1);
        const transform = await again.getAttribute('g.kg-world', 'transform');
        assert.equal(transform, `translate(${state.transform.x},${state.transform.y}) scale(${state.transform.k})`);
      } finally {
        await again.close();
      }
    });

    it("breaks none of the panel's content security policy", async () => {
      assert.deepEqual(await cspViolations(page), []);
    });
  });

  it('light theme follows the VS Code colour variables', async () => {
    const page = await openGraphPage(browser.context, { theme: 'light', htmlStyle: '--vscode-charts-orange: rgb(214, 110, 0)' });
    try {
      await postGraph(page, perfPrepareGraph(), PERF_TITLE);
      assert.equal(await fill(page, '.kg-nodes g.kg-node.barrier .kg-shape'), 'rgb(214, 110, 0)');
      assert.equal(await page.$eval('svg.kg-canvas', (el) => getComputedStyle(el).backgroundColor), 'rgb(255, 255, 255)');
      await screenshot(page, 'perf-prepare-light');
    } finally {
      await page.close();
    }
  });

  it('kernel top level: the archprepare → prepare0 → prepare chain, no profile', async () => {
    const page = await openGraphPage(browser.context, { theme: 'dark' });
    try {
      await postGraph(page, kernelTopGraph(), 'linux — make vmlinux');
      assert.deepEqual((await keys(page, '.kg-nodes g.kg-node.barrier')).sort(), ['archprepare', 'prepare', 'prepare0']);
      assert.equal(await count(page, '.kg-crits path'), 0);
      assert.equal(await count(page, '.kg-nodes g.kg-node.kind-submake'), 12);
      await screenshot(page, 'kernel-dark');
    } finally {
      await page.close();
    }
  });

  it('large graphs start collapsed by directory and expand on click', async () => {
    const page = await openGraphPage(browser.context, { theme: 'light' });
    try {
      const g = generatedGraph(500);
      await postGraph(page, g, 'generated, 500 targets');
      const groups = collapsibleGroups(g);
      assert.equal(await count(page, '.kg-nodes g.kg-node.kind-cluster'), groups.length);
      const before = await count(page, '.kg-nodes g.kg-node');
      assert.ok(before < 300);
      await redraws(page, () => page.click('g[data-key="group:kernel"]'));
      const size = g.nodes.filter((n) => n.group === 'kernel').length;
      assert.equal(await count(page, '.kg-nodes g.kg-node'), before - 1 + size);
      assert.equal(await active(page), 'box:kernel');

      const big = generatedGraph(5000);
      await postGraph(page, big, 'generated, 5,000 targets');
      assert.equal(await count(page, '.kg-nodes g.kg-node.kind-cluster'), initialFolds(big).length);
      assert.deepEqual(await keys(page, '.kg-nodes g.kg-node.barrier'), ['prepare']);
      await screenshot(page, 'generated-5000-light');
      await redraws(page, () => page.click('g[data-key="group:drivers/"]'));
      assert.equal(await count(page, '.kg-nodes g.kg-node[data-key="group:drivers"]'), 1, 'drivers/ opened one level');
      assert.equal(await active(page), 'group:drivers');
      await screenshot(page, 'generated-5000-drivers-light');
    } finally {
      await page.close();
    }
  });
});
