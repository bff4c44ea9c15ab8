// The build-graph panel: one webview at a time, created or brought forward
// with a new graph. The page (dist/webview.js) says 'ready' whenever it
// loads — first, and again each time it comes back after being hidden
// (retainContextWhenHidden is off; it restores its own view state with
// getState) — and is answered with the current graph. Clicks reveal rules;
// exports are saved where the user says.

import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BuildGraph } from '../../server/src/protocol/graph';
import type { ExportFormat, FromWebview, ToWebview } from '../../server/src/protocol/webview';

export const GRAPH_VIEW_TYPE = 'kbuild-analyzer.graph';

interface Shown {
  panel: vscode.WebviewPanel;
  message: ToWebview;
}

let current: Shown | undefined;

export interface GraphPanelOptions {
  /** The extension's root: the page loads from its dist/ only. */
  extensionUri: vscode.Uri;
  graph: BuildGraph;
  title: string;
}

export function createOrShowGraphPanel({ extensionUri, graph, title }: GraphPanelOptions): vscode.WebviewPanel {
  const message: ToWebview = { type: 'graph', graph, title };
  if (current) {
    current.message = message;
    current.panel.title = title;
    current.panel.reveal(current.panel.viewColumn);
    void current.panel.webview.postMessage(message);
    return current.panel;
  }
  const dist = vscode.Uri.joinPath(extensionUri, 'dist');
  const panel = vscode.window.createWebviewPanel(GRAPH_VIEW_TYPE, title, vscode.ViewColumn.Beside, {
    enableScripts: true,
    retainContextWhenHidden: false,
    localResourceRoots: [dist],
  });
  panel.webview.html = pageHtml(panel.webview, dist);
  const shown: Shown = { panel, message };
  current = shown;
  panel.onDidDispose(() => {
    if (current === shown) current = undefined;
  });
  panel.webview.onDidReceiveMessage((m: FromWebview) => handle(shown, m).catch((e: unknown) => void vscode.window.showErrorMessage(`Build graph: ${String(e)}`)));
  return panel;
}

export function graphPanelOpen(): boolean {
  return current !== undefined;
}

export function disposeGraphPanel(): void {
  current?.panel.dispose();
}

async function handle(shown: Shown, m: FromWebview): Promise<void> {
  switch (m.type) {
    case 'ready':
      await shown.panel.webview.postMessage(shown.message);
      return;
    case 'reveal':
      await reveal(m.file, m.line, m.dir);
      return;
    case 'export':
      await save(m.format, m.data);
      return;
    default: {
      const unknown: never = m;
      throw new Error(`unknown message ${JSON.stringify(unknown)}`);
    }
  }
}

function resolveFile(file: string, dir: string | undefined): vscode.Uri | undefined {
  if (path.isAbsolute(file)) return vscode.Uri.file(file);
  if (dir) return vscode.Uri.file(path.join(dir, file));
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  return root && vscode.Uri.joinPath(root, file);
}

async function reveal(file: string, line: number, dir: string | undefined): Promise<void> {
  const uri = resolveFile(file, dir);
  if (!uri) throw new Error(`cannot find ${file}: no workspace folder`);
  const at = new vscode.Position(Math.max(0, line - 1), 0);
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(at, at), viewColumn: vscode.ViewColumn.One });
}

async function save(format: ExportFormat, data: string): Promise<void> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `build-graph.${format}`;
  const uri = await vscode.window.showSaveDialog({
    defaultUri: root ? vscode.Uri.joinPath(root, name) : undefined,
    filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
  });
  if (!uri) return;
  const bytes = format === 'svg' ? Buffer.from(data, 'utf8') : Buffer.from(data.slice(data.indexOf(',') + 1), 'base64');
  await vscode.workspace.fs.writeFile(uri, bytes);
}

function pageHtml(webview: vscode.Webview, dist: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css'));
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Build graph</title>
</head>
<body>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
