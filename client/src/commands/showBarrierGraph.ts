// kbuild-analyzer.showBarrierGraph: the build graph of the current make
// file's context (or of the whole tree) in the graph view, barriers marked
// with fan-in/fan-out, and with a loaded profile the seconds they cost and
// the critical path. The other graph commands refresh an open view through
// showGraph.
import * as vscode from 'vscode';
import { GRAPH_REQUEST, type GraphResult } from '../../../server/src/protocol/graph';
import { createOrShowGraphPanel, graphPanelOpen } from '../graphPanel';
import type { CommandContext, CommandFactory } from './index';

const MAKE_LANGUAGES = new Set(['makefile', 'kbuild']);

/** The make file the command is about: the one given (editor context menu), else the active editor's. */
export function makeFileUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const doc = vscode.window.activeTextEditor?.document;
  return doc && doc.uri.scheme === 'file' && MAKE_LANGUAGES.has(doc.languageId) ? doc.uri : undefined;
}

let lastUri: string | undefined;

export async function showGraph(ctx: CommandContext, uri: string | undefined): Promise<void> {
  lastUri = uri;
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Kbuild: evaluating the build graph' }, () =>
    ctx.client.sendRequest<GraphResult | null>(GRAPH_REQUEST, uri ? { uri } : {}),
  );
  if (!result) {
    void vscode.window.showWarningMessage('Kbuild: no build graph here (open a Makefile of a workspace folder).');
    return;
  }
  for (const p of result.problems) ctx.output.appendLine(`Build graph (${result.title}): ${p}`);
  const profiled = result.profile ? ', profiled' : '';
  createOrShowGraphPanel({ extensionUri: ctx.extensionUri, graph: result.graph, title: `Build graph: ${result.title}${profiled}` });
}

/** A new profile was loaded: redraw an open graph view with it. */
export async function refreshGraph(ctx: CommandContext): Promise<void> {
  if (graphPanelOpen()) await showGraph(ctx, lastUri);
}

export const showBarrierGraph: CommandFactory = (ctx) => (arg?: unknown) => showGraph(ctx, makeFileUri(arg)?.toString());
