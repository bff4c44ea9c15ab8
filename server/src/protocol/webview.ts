// Messages between the extension (client/src/graphPanel.ts) and the graph
// webview (webview/src/main.ts). Types only: imported by client and webview.
//
// The theme needs no message: VS Code sets the --vscode-* CSS variables and
// the body's vscode-light / vscode-dark / vscode-high-contrast class itself.

import type { BuildGraph } from './graph';

/** Extension → webview. */
export type ToWebview = { type: 'graph'; graph: BuildGraph; title: string };

export type ExportFormat = 'svg' | 'png';

/** Webview → extension. */
export type FromWebview =
  /** The page is loaded and listening: (re)send the graph. */
  | { type: 'ready' }
  /** Open the rule's file at a 1-based line; a relative file is under `dir` (the node's make directory) or the workspace. */
  | { type: 'reveal'; file: string; line: number; dir?: string }
  /** Save the drawing: SVG source text, or a PNG as a `data:image/png;base64,` URL. */
  | { type: 'export'; format: ExportFormat; data: string };

/** What the webview keeps with vscode.setState, to come back to after it was hidden. */
export interface WebviewViewState {
  /** The graph's title, so state for another graph is not applied. */
  title: string;
  /** Groups drawn as one box. */
  collapsed: string[];
  query: string;
  /** The zoom: scale k, then translation x, y. */
  transform: { k: number; x: number; y: number };
}
