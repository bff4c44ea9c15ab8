// The webview's message pump: graphs in from the extension, reveal/export
// out; the view state (collapsed groups, search, zoom) kept with setState so
// the panel comes back as it was. Outside VS Code (no acquireVsCodeApi) it
// runs standalone: posts become `kbuild-analyzer:post` events on window and
// exports become downloads.

import './styles.css';
import type { BuildGraph } from '../../server/src/protocol/graph';
import type { ExportFormat, FromWebview, ToWebview, WebviewViewState } from '../../server/src/protocol/webview';
import { collapseGroup, defaultFolds, expandFold, initialFolds } from './folds';
import { buildView, clusterId, type ViewNode } from './model';
import { createRenderer, headKey, type Transform } from './render';
import { createLegend, createToolbar, createTooltip, selectApp } from './renderChrome';
import { download, pngDataUrl, svgSource } from './renderExport';
import { sceneOf, type Scene } from './scene';

interface Host {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare global {
  function acquireVsCodeApi(): Host;
}

function standaloneHost(): Host {
  let state: unknown;
  return {
    postMessage(message) {
      if (message.type === 'export') {
        download(`build-graph.${message.format}`, message.data, message.format === 'svg' ? 'image/svg+xml' : 'image/png');
      }
      window.dispatchEvent(new CustomEvent('kbuild-analyzer:post', { detail: message }));
    },
    getState: () => state,
    setState: (s) => (state = s),
  };
}

const host: Host = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : standaloneHost();

interface Current {
  graph: BuildGraph;
  title: string;
  collapsed: string[];
  query: string;
  transform?: Transform;
  scene?: Scene;
  hit: number;
}
let current: Current | undefined;

const app = selectApp(document.body);
const toolbar = createToolbar(app, {
  search(query) {
    if (!current) return;
    current.query = query;
    current.hit = -1;
    redraw({ anchor: undefined });
  },
  nextHit(step) {
    const hits = current?.scene?.view.hits ?? [];
    if (!current || hits.length === 0) return;
    current.hit = (current.hit + step + hits.length) % hits.length;
    renderer.focus(hits[current.hit]);
    toolbar.setFound(`${current.hit + 1} of ${hits.length}`);
  },
  fit: () => renderer.fit(),
  collapseAll(collapsed) {
    if (!current) return;
    current.collapsed = collapsed ? defaultFolds(current.graph) : [];
    redraw({ fit: true });
  },
  exportImage: (format) => void exportImage(format),
});
const renderer = createRenderer(
  app,
  {
    activate(node: ViewNode) {
      if (node.kind === 'cluster' && current) {
        const before = current.collapsed;
        current.collapsed = expandFold(current.graph, before, node.group);
        const opened = current.collapsed.find((e) => !before.includes(e));
        redraw({ anchor: { from: node.id, to: opened ? clusterId(opened) : headKey(node.group) } });
      } else if (node.loc) {
        const { file, line } = node.loc;
        host.postMessage(node.dir ? { type: 'reveal', file, line, dir: node.dir } : { type: 'reveal', file, line });
      }
    },
    collapse(group) {
      if (!current) return;
      current.collapsed = collapseGroup(current.collapsed, group);
      redraw({ anchor: { from: headKey(group), to: clusterId(group) } });
    },
    zoomed(t) {
      if (!current) return;
      current.transform = t;
      save();
    },
  },
  createTooltip(app),
);
createLegend(app);

function redraw(placement: Parameters<typeof renderer.draw>[1]): void {
  if (!current) return;
  const view = buildView(current.graph, { collapsed: new Set(current.collapsed), query: current.query });
  current.scene = sceneOf(view);
  const { graph } = current;
  const stats = `${graph.nodes.length} targets · ${graph.edges.length} edges · ${graph.barriers.length} barrier${graph.barriers.length === 1 ? '' : 's'}`;
  toolbar.setTitle(current.title, stats);
  toolbar.setFound(view.query ? `${view.hits.length} found` : '');
  renderer.draw(current.scene, placement);
  save();
}

function save(): void {
  if (!current) return;
  const { title, collapsed, query, transform = { k: 1, x: 0, y: 0 } } = current;
  const state: WebviewViewState = { title, collapsed, query, transform };
  host.setState(state);
}

function show(graph: BuildGraph, title: string): void {
  const saved = host.getState() as WebviewViewState | undefined;
  const same = saved?.title === title ? saved : undefined;
  current = { graph, title, collapsed: same?.collapsed ?? initialFolds(graph), query: same?.query ?? '', hit: -1 };
  toolbar.setQuery(current.query);
  redraw(same ? { transform: same.transform } : { fit: true });
}

async function exportImage(format: ExportFormat): Promise<void> {
  if (!current?.scene) return;
  const source = svgSource(renderer.svg(), current.scene.layout);
  const data = format === 'svg' ? source : await pngDataUrl(source, current.scene.layout);
  host.postMessage({ type: 'export', format, data });
}

window.addEventListener('message', (e: MessageEvent<ToWebview>) => {
  const m = e.data;
  if (m?.type === 'graph') show(m.graph, m.title);
});
host.postMessage({ type: 'ready' });
