// Draws a laid-out scene into an SVG with d3: group boxes, edges, the
// critical path overlay, nodes; zoom and pan; hover, click and keyboard.
// The DOM is touched here and in renderChrome.ts / renderExport.ts only.

import { curveBumpX, line, select, zoom, zoomIdentity, zoomTransform, type Selection, type ZoomTransform } from 'd3';
import type { LaidBox, LaidNode } from './layout';
import { BOX_HEADER } from './layout';
import type { ViewEdge, ViewNode } from './model';
import { nodeDetails, nodeText, type TooltipLine } from './nodeBox';
import type { Tooltip } from './renderChrome';
import type { Scene } from './scene';

export interface Transform {
  k: number;
  x: number;
  y: number;
}

/** Where the view goes after a draw: fit the graph, a saved transform, or stay (keeping `anchor.from`'s screen spot for `anchor.to`). */
export type Placement = { fit: true } | { transform: Transform } | { anchor?: { from: string; to: string } };

export interface RenderActions {
  /** Click or Enter on a node: open its rule, or expand a collapsed group. */
  activate(node: ViewNode): void;
  /** Click or Enter on an expanded group's header. */
  collapse(group: string): void;
  /** A zoom or pan ended. */
  zoomed(t: Transform): void;
}

export interface Renderer {
  draw(scene: Scene, placement: Placement): void;
  fit(): void;
  /** Centre a node (or `box:group` header) and focus it. */
  focus(key: string): void;
  svg(): SVGSVGElement;
}

type Div = Selection<HTMLDivElement, unknown, null, undefined>;
type Item = Scene['reading'][number];

/** Below this scale labels are unreadable and skipped. */
const FAR = 0.4;
/** With more edges than this, edges hide while the view moves (painting them all per frame is slow). */
const MANY_EDGES = 3000;
const MARGIN = 24;
const MARKERS = ['plain', 'barrier', 'critical', 'submake'] as const;

export const headKey = (group: string) => `box:${group}`;
const keyOf = (item: Item) => ('head' in item ? headKey(item.head.block) : item.node.id);

export function createRenderer(app: Div, actions: RenderActions, tooltip: Tooltip): Renderer {
  const svg = app.append('svg').attr('class', 'kg-canvas').attr('role', 'group').attr('aria-label', 'Build graph');
  addMarkers(svg);
  const world = svg.append('g').attr('class', 'kg-world');
  const boxLayer = world.append('g').attr('class', 'kg-boxes');
  const edgeLayer = world.append('g').attr('class', 'kg-edges');
  const critLayer = world.append('g').attr('class', 'kg-crits');
  const nodeLayer = world.append('g').attr('class', 'kg-nodes');
  const empty = app.append('div').attr('class', 'kg-empty').text('Waiting for a build graph…');
  let scene: Scene | undefined;
  let draws = 0;

  const zoomer = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.02, 4])
    .on('start', () => svg.classed('kg-moving', true))
    .on('zoom', (e: { transform: ZoomTransform }) => {
      world.attr('transform', e.transform.toString());
      svg.classed('kg-far', e.transform.k < FAR);
    })
    .on('end', (e: { transform: ZoomTransform }) => {
      svg.classed('kg-moving', false);
      actions.zoomed({ k: e.transform.k, x: e.transform.x, y: e.transform.y });
    });
  svg.call(zoomer).on('dblclick.zoom', null);
  const el = () => svg.node() as SVGSVGElement;
  const setTransform = (t: ZoomTransform) => svg.call(zoomer.transform, t);

  const fit = () => {
    if (!scene) return;
    const { width, height } = el().getBoundingClientRect();
    const w = scene.layout.width + 2 * MARGIN;
    const h = scene.layout.height + 2 * MARGIN;
    const k = Math.max(0.02, Math.min(1, width / w, height / h));
    setTransform(zoomIdentity.translate((width - k * scene.layout.width) / 2, (height - k * scene.layout.height) / 2).scale(k));
  };

  const place = (key: string): [number, number] | undefined => {
    if (!scene) return undefined;
    const head = key.startsWith('box:') ? scene.heads.get(key.slice(4)) : undefined;
    if (head) return [head.x + head.width / 2, head.y + BOX_HEADER / 2];
    const n = scene.at.get(key);
    return n ? [n.x, n.y] : undefined;
  };

  const element = (key: string) =>
    nodeLayer.selectAll<SVGGElement, Item>('g.kg-item').filter((d) => keyOf(d) === key).node() ?? undefined;

  /** Keep a focused item on screen: tabbing walks the whole graph. */
  const reveal = (key: string) => {
    const p = place(key);
    if (!p) return;
    const t = zoomTransform(el());
    const [sx, sy] = t.apply(p);
    const { width, height } = el().getBoundingClientRect();
    if (sx < MARGIN || sy < MARGIN || sx > width - MARGIN || sy > height - MARGIN) svg.call(zoomer.translateTo, p[0], p[1]);
  };

  const showTip = (item: Item, x: number, y: number) => tooltip.show(tipLines(item), x, y);
  const tipAt = (target: Element, item: Item) => {
    const r = target.getBoundingClientRect();
    showTip(item, r.left, r.bottom);
  };

  const activate = (item: Item) => ('head' in item ? actions.collapse(item.head.block) : actions.activate(item.node));

  const draw = (next: Scene, placement: Placement) => {
    const focused = (document.activeElement as Element | null)?.closest?.('.kg-item')?.getAttribute('data-key') ?? undefined;
    const anchor = 'anchor' in placement ? placement.anchor : undefined;
    const before = anchor ? place(anchor.from) : undefined;
    scene = next;
    empty.remove();
    svg.attr('data-draws', ++draws); // lets tests and the bench wait for a draw
    tooltip.hide();
    svg.classed('searching', next.view.query !== '').classed('kg-many', next.layout.edges.length > MANY_EDGES);
    drawBoxes(boxLayer, next.layout.boxes);
    drawEdges(edgeLayer, critLayer, next);
    const items = drawNodes(nodeLayer, next);
    items
      .on('click', (_e: MouseEvent, d) => activate(d))
      .on('keydown', (e: KeyboardEvent, d) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        activate(d);
      })
      .on('mouseenter', (e: MouseEvent, d) => showTip(d, e.clientX, e.clientY))
      .on('mouseleave', () => tooltip.hide())
      .on('focus', function (_e: FocusEvent, d) {
        reveal(keyOf(d));
        tipAt(this, d);
      })
      .on('blur', () => tooltip.hide());

    if ('fit' in placement) fit();
    else if ('transform' in placement) setTransform(zoomIdentity.translate(placement.transform.x, placement.transform.y).scale(placement.transform.k));
    else if (anchor && before) {
      const after = place(anchor.to);
      const t = zoomTransform(el());
      const [sx, sy] = t.apply(before);
      if (after) setTransform(zoomIdentity.translate(sx - t.k * after[0], sy - t.k * after[1]).scale(t.k));
    }
    const refocus = focused === undefined ? undefined : anchor && focused === anchor.from ? anchor.to : focused;
    if (refocus) element(refocus)?.focus({ preventScroll: true });
  };

  return {
    draw,
    fit,
    focus(key) {
      const p = place(key);
      if (p) svg.call(zoomer.translateTo, p[0], p[1]);
      element(key)?.focus({ preventScroll: true });
    },
    svg: el,
  };
}

function addMarkers(svg: Selection<SVGSVGElement, unknown, null, undefined>): void {
  svg
    .append('defs')
    .selectAll('marker')
    .data(MARKERS)
    .join('marker')
    .attr('id', (d) => `kg-arrow-${d}`)
    .attr('viewBox', '0 0 10 10')
    .attr('refX', 10)
    .attr('refY', 5)
    .attr('markerWidth', 8)
    .attr('markerHeight', 8)
    .attr('markerUnits', 'userSpaceOnUse')
    .attr('orient', 'auto')
    .append('path')
    .attr('d', 'M0,1L10,5L0,9z')
    .attr('class', (d) => `kg-arrow ${d}`);
}

type G = Selection<SVGGElement, unknown, null, undefined>;

function drawBoxes(layer: G, boxes: LaidBox[]): void {
  layer.selectAll('*').remove();
  const g = layer.selectAll('g').data(boxes).join('g');
  g.append('rect')
    .attr('class', 'kg-box')
    .attr('x', (b) => b.x)
    .attr('y', (b) => b.y)
    .attr('width', (b) => b.width)
    .attr('height', (b) => b.height)
    .attr('rx', 6);
  // Every piece of a group says which group it is; the head's label is its header button.
  g.filter((b) => !b.head)
    .append('text')
    .attr('class', 'kg-box-label')
    .attr('x', (b) => b.x + 7)
    .attr('y', (b) => b.y + 13)
    .text((b) => `${b.block}/`);
}

function drawEdges(layer: G, critLayer: G, scene: Scene): void {
  const byKey = new Map(scene.view.edges.map((e) => [`${e.from}\u0000${e.to}`, e]));
  const path = line<[number, number]>().curve(curveBumpX);
  const drawn = scene.layout.edges.flatMap((l) => {
    const edge = byKey.get(`${l.from}\u0000${l.to}`);
    return edge ? [{ edge, d: path(l.points) ?? '' }] : [];
  });
  layer
    .selectAll('path')
    .data(drawn)
    .join('path')
    .attr('class', ({ edge }) => edgeClass(edge))
    .attr('d', ({ d }) => d)
    .attr('marker-end', ({ edge }) => `url(#kg-arrow-${edge.fromBarrier ? 'barrier' : edge.submake ? 'submake' : 'plain'})`)
    .style('stroke-width', ({ edge }) => `${Math.min(4, 1.2 + Math.log2(edge.count))}px`);
  critLayer
    .selectAll('path')
    .data(drawn.filter(({ edge }) => edge.critical))
    .join('path')
    .attr('class', 'kg-crit')
    .attr('d', ({ d }) => d)
    .attr('marker-end', 'url(#kg-arrow-critical)');
}

function edgeClass(e: ViewEdge): string {
  const c = ['kg-edge'];
  if (e.orderOnly) c.push('order-only');
  if (e.submake) c.push('submake');
  if (e.fromBarrier) c.push('from-barrier');
  return c.join(' ');
}

function drawNodes(layer: G, scene: Scene): Selection<SVGGElement, Item, SVGGElement, unknown> {
  layer.selectAll('*').remove();
  const items = layer
    .selectAll<SVGGElement, Item>('g.kg-item')
    .data(scene.reading)
    .join('g')
    .attr('tabindex', 0)
    .attr('role', 'button')
    .attr('data-key', keyOf)
    .attr('aria-label', ariaLabel);
  items.each(function (d) {
    const g = select<SVGGElement, Item>(this);
    if ('head' in d) drawHead(g, d.head);
    else drawNode(g, d.node, d.laid);
  });
  return items;
}

function drawHead(g: Selection<SVGGElement, Item, null, undefined>, head: LaidBox): void {
  g.attr('class', 'kg-item kg-head').attr('transform', `translate(${head.x},${head.y})`);
  g.append('rect').attr('width', head.width).attr('height', BOX_HEADER).attr('rx', 4);
  g.append('text').attr('x', 7).attr('y', 13).text(`⊟ ${head.block}/`);
}

function drawNode(g: Selection<SVGGElement, Item, null, undefined>, n: ViewNode, at: LaidNode): void {
  const { width: w, height: h } = at;
  const cls = ['kg-item', 'kg-node', `kind-${n.kind}`];
  if (n.barrier) cls.push('barrier');
  if (n.critical) cls.push('critical');
  if (n.hits > 0) cls.push('hit');
  g.attr('class', cls.join(' ')).attr('transform', `translate(${at.x - w / 2},${at.y - h / 2})`);
  if (n.barrier) g.append('rect').attr('class', 'kg-halo').attr('x', -5).attr('y', -5).attr('width', w + 10).attr('height', h + 10).attr('rx', 9);
  if (n.kind === 'cluster') g.append('rect').attr('class', 'kg-stack').attr('x', 4).attr('y', -4).attr('width', w).attr('height', h).attr('rx', 4);
  g.append('rect').attr('class', 'kg-shape').attr('width', w).attr('height', h).attr('rx', n.kind === 'phony' && !n.barrier ? h / 2 : 4);
  if (n.kind === 'submake') g.append('rect').attr('class', 'kg-bar').attr('width', 5).attr('height', h).attr('rx', 2);
  g.append('rect').attr('class', 'kg-focus').attr('x', -3).attr('y', -3).attr('width', w + 6).attr('height', h + 6).attr('rx', 6);
  const t = nodeText(n);
  g.append('text').attr('class', 'kg-label').attr('x', 12).attr('y', t.badge ? h / 2 - 4 : h / 2 + 4).text(t.title);
  if (t.badge) g.append('text').attr('class', 'kg-badge').attr('x', 12).attr('y', h - 9).text(t.badge);
}

function ariaLabel(d: Item): string {
  if ('head' in d) return `group ${d.head.block}, expanded: Enter collapses it`;
  const n = d.node;
  const parts = [n.kind === 'cluster' ? `collapsed group ${n.group}, ${n.size} targets` : `${n.label}, ${n.kind}`];
  if (n.barrier) parts.push(`barrier, ${n.barrier.fanIn} in, ${n.barrier.fanOut} out`);
  if (n.critical) parts.push('on the critical path');
  return parts.join(', ');
}

function tipLines(d: Item): TooltipLine[] {
  if ('head' in d) return [{ text: `${d.head.block}/`, kind: 'title' }, { text: 'click or Enter: collapse', kind: 'hint' }];
  return nodeDetails(d.node);
}
