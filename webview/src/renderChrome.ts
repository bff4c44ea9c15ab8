// The HTML around the drawing: toolbar, legend, tooltip. DOM code, like
// render.ts; text from the graph is only ever set as textContent.

import { select, type Selection } from 'd3';
import type { ExportFormat } from '../../server/src/protocol/webview';
import type { TooltipLine } from './nodeBox';

export interface ToolbarActions {
  search(query: string): void;
  /** Enter in the search box: the next hit (previous with Shift). */
  nextHit(step: 1 | -1): void;
  fit(): void;
  collapseAll(collapsed: boolean): void;
  exportImage(format: ExportFormat): void;
}

export interface Toolbar {
  setTitle(title: string, stats: string): void;
  setQuery(query: string): void;
  setFound(text: string): void;
}

type Div = Selection<HTMLDivElement, unknown, null, undefined>;

export function createToolbar(app: Div, actions: ToolbarActions): Toolbar {
  const bar = app.append('header').attr('class', 'kg-toolbar');
  const title = bar.append('span').attr('class', 'kg-title');
  const stats = bar.append('span').attr('class', 'kg-stats');
  bar.append('span').attr('class', 'kg-spacer');
  const input = bar
    .append('input')
    .attr('type', 'search')
    .attr('class', 'kg-search')
    .attr('placeholder', 'Search targets')
    .attr('aria-label', 'Search targets')
    .on('input', (e: Event) => actions.search((e.target as HTMLInputElement).value))
    .on('keydown', (e: KeyboardEvent) => {
      if (e.key === 'Enter') actions.nextHit(e.shiftKey ? -1 : 1);
    });
  const found = bar.append('span').attr('class', 'kg-found').attr('aria-live', 'polite');
  const button = (label: string, action: string, tip: string, run: () => void) =>
    bar.append('button').attr('type', 'button').attr('data-action', action).attr('title', tip).text(label).on('click', run);
  button('Fit', 'fit', 'Zoom to fit the whole graph', actions.fit);
  button('Expand all', 'expand', 'Show every target', () => actions.collapseAll(false));
  button('Collapse all', 'collapse', 'One box per directory group', () => actions.collapseAll(true));
  button('SVG', 'svg', 'Export as SVG', () => actions.exportImage('svg'));
  button('PNG', 'png', 'Export as PNG', () => actions.exportImage('png'));
  return {
    setTitle(t, s) {
      title.text(t);
      stats.text(s);
    },
    setQuery(q) {
      input.property('value', q);
    },
    setFound(text) {
      found.text(text);
    },
  };
}

/** Swatches reuse the drawing's own classes, so they follow the theme with it. */
const LEGEND: [markup: string, text: string][] = [
  ['<g class="kg-node barrier"><rect class="kg-shape" x="3" y="2" width="30" height="12" rx="3"/></g>', 'barrier: everything after it waits'],
  ['<path class="kg-crit" d="M3 8H33"/>', 'critical path (with a profile)'],
  ['<g class="kg-node kind-cluster"><rect class="kg-stack" x="6" y="1" width="27" height="11" rx="3"/><rect class="kg-shape" x="3" y="4" width="27" height="11" rx="3"/></g>', 'collapsed group: click to expand'],
  ['<g class="kg-node kind-submake"><rect class="kg-shape" x="3" y="2" width="30" height="12" rx="3"/><rect class="kg-bar" x="3" y="2" width="4" height="12"/></g>', 'runs a sub-make'],
  ['<g class="kg-node kind-phony"><rect class="kg-shape" x="3" y="2" width="30" height="12" rx="6"/></g>', 'phony target'],
  ['<path class="kg-edge" d="M3 8H33"/>', 'prerequisite → target'],
  ['<path class="kg-edge order-only" d="M3 8H33"/>', 'order-only prerequisite'],
  ['<path class="kg-edge submake" d="M3 8H33"/>', 'built inside the sub-make'],
];

export function createLegend(app: Div): void {
  const details = app.append('details').attr('class', 'kg-legend').property('open', true);
  details.append('summary').text('Legend');
  const items = details.append('ul').selectAll('li').data(LEGEND).join('li');
  items
    .append('svg')
    .attr('viewBox', '0 0 36 16')
    .attr('aria-hidden', 'true')
    .each(function ([markup]) {
      // Constant markup from this module, never graph text.
      this.innerHTML = markup;
    });
  items.append('span').text(([, text]) => text);
}

export interface Tooltip {
  show(lines: TooltipLine[], x: number, y: number): void;
  hide(): void;
}

export function createTooltip(app: Div): Tooltip {
  const tip = app.append('div').attr('class', 'kg-tooltip').attr('role', 'tooltip').property('hidden', true);
  return {
    show(lines, x, y) {
      tip.selectAll('div').remove();
      for (const l of lines) tip.append('div').attr('class', l.kind ? `kg-tip-${l.kind}` : null).text(l.text);
      tip.property('hidden', false);
      const el = tip.node() as HTMLDivElement;
      const left = Math.min(x + 14, window.innerWidth - el.offsetWidth - 8);
      const top = y + 16 + el.offsetHeight > window.innerHeight ? y - el.offsetHeight - 10 : y + 16;
      el.style.left = `${Math.max(4, left)}px`;
      el.style.top = `${Math.max(4, top)}px`;
    },
    hide() {
      tip.property('hidden', true);
    },
  };
}

export function selectApp(root: HTMLElement): Div {
  return select(root).append('div').attr('id', 'app');
}
