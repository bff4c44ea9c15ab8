// Two status bar items. The index: "indexing N/M" while the server's
// "Indexing make files" work-done progress runs, then "N files" when it
// sends kbuild/indexState; a shield in Restricted Mode; a click shows the
// output channel. The build context: "context: top" (the workspace folder's
// top Makefile — the only context until build contexts land); a click picks
// among the workspace folders and opens the chosen one's top Makefile.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { IndexStateParams } from '../../server/src/protocol/requests';

/** The server's progress title for indexing (server/src/lsp/indexing.ts). */
export const INDEXING_TITLE = 'Indexing make files';
export const SHOW_OUTPUT_COMMAND = 'kbuild-analyzer.showOutput';
export const SELECT_CONTEXT_COMMAND = 'kbuild-analyzer.selectContext';

export type IndexView =
  | { kind: 'starting' }
  | { kind: 'indexing'; done?: number; total?: number }
  | { kind: 'ready'; files: number; ms: number }
  | { kind: 'stopped' };

export interface StatusBar extends vscode.Disposable {
  setIndex(view: IndexView): void;
  /** The last kbuild/indexState, for tests and the API. */
  lastIndexState(): IndexStateParams | undefined;
  onIndexState(params: IndexStateParams): void;
  /** Feeds `$/progress` of any token; only the indexing one is shown. */
  onProgress(token: string | number, value: { kind: string; title?: string; message?: string }): void;
  setTrusted(trusted: boolean): void;
  /** The folder whose top Makefile is the context (undefined: the first folder). */
  contextFolder(): vscode.WorkspaceFolder | undefined;
  setContextFolder(folder: vscode.WorkspaceFolder | undefined): void;
}

export function createStatusBar(): StatusBar {
  const index = vscode.window.createStatusBarItem('kbuild-analyzer.index', vscode.StatusBarAlignment.Left, 10);
  index.name = 'Kbuild Analyzer: index';
  index.command = SHOW_OUTPUT_COMMAND;
  const context = vscode.window.createStatusBarItem('kbuild-analyzer.context', vscode.StatusBarAlignment.Left, 9);
  context.name = 'Kbuild Analyzer: build context';
  context.command = SELECT_CONTEXT_COMMAND;

  let view: IndexView = { kind: 'starting' };
  let trusted = vscode.workspace.isTrusted;
  let last: IndexStateParams | undefined;
  let chosen: vscode.WorkspaceFolder | undefined;
  const indexingTokens = new Set<string | number>();

  const render = () => {
    index.text = indexText(view, trusted);
    index.tooltip = indexTooltip(view, trusted);
    const folder = currentFolder();
    const many = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    context.text = `$(symbol-namespace) context: top${many && folder ? ` (${folder.name})` : ''}`;
    context.tooltip = folder
      ? `Build context: the top Makefile of ${folder.uri.fsPath}. Click to choose a workspace folder.`
      : 'Build context: no workspace folder open.';
  };
  const currentFolder = () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    return chosen && folders.some((f) => f.uri.toString() === chosen?.uri.toString()) ? chosen : folders[0];
  };

  render();
  index.show();
  context.show();
  const foldersChanged = vscode.workspace.onDidChangeWorkspaceFolders(render);

  return {
    setIndex(v) {
      view = v;
      render();
    },
    lastIndexState: () => last,
    onIndexState(params) {
      last = params;
      view = params.state === 'ready' ? { kind: 'ready', files: params.files, ms: params.ms } : { kind: 'indexing', done: params.files };
      render();
    },
    onProgress(token, value) {
      if (value.kind === 'begin' && value.title === INDEXING_TITLE) indexingTokens.add(token);
      if (!indexingTokens.has(token)) return;
      if (value.kind === 'end') {
        indexingTokens.delete(token);
        return; // kbuild/indexState follows with the count
      }
      const m = /^(\d+)\/(\d+)$/.exec(value.message ?? '');
      view = m ? { kind: 'indexing', done: Number(m[1]), total: Number(m[2]) } : { kind: 'indexing' };
      render();
    },
    setTrusted(t) {
      trusted = t;
      render();
    },
    contextFolder: currentFolder,
    setContextFolder(folder) {
      chosen = folder;
      render();
    },
    dispose() {
      foldersChanged.dispose();
      index.dispose();
      context.dispose();
    },
  };
}

export function indexText(view: IndexView, trusted: boolean): string {
  const icon = trusted ? '' : '$(shield) ';
  switch (view.kind) {
    case 'starting':
      return `${icon}$(sync~spin) Kbuild: starting`;
    case 'indexing':
      return `${icon}$(sync~spin) Kbuild: indexing${view.done !== undefined && view.total !== undefined ? ` ${view.done}/${view.total}` : ''}…`;
    case 'ready':
      return `${icon}$(check) Kbuild: ${view.files} ${view.files === 1 ? 'file' : 'files'}`;
    case 'stopped':
      return `${icon}$(error) Kbuild: stopped`;
    default: {
      const unknown: never = view;
      return String(unknown);
    }
  }
}

function indexTooltip(view: IndexView, trusted: boolean): string {
  const state =
    view.kind === 'ready'
      ? `Indexed ${view.files} make files in ${(view.ms / 1000).toFixed(1)} s.`
      : view.kind === 'indexing'
        ? 'Indexing the make files of the workspace folders.'
        : view.kind === 'stopped'
          ? 'The language server is not running.'
          : 'Starting the language server.';
  const trust = trusted ? '' : '\nRestricted Mode: $(shell …) and builds are off until you trust this workspace.';
  return `${state}${trust}\nClick to show the output.`;
}

/** The Kbuild: Select Build Context quick pick over the workspace folders; opens the chosen top Makefile. */
export async function pickContext(bar: StatusBar): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage('Kbuild: open a folder to choose a build context.');
    return undefined;
  }
  const current = bar.contextFolder();
  const items = await Promise.all(
    folders.map(async (folder) => {
      const makefile = vscode.Uri.joinPath(folder.uri, 'Makefile');
      const exists = await vscode.workspace.fs.stat(makefile).then(
        () => true,
        () => false,
      );
      return {
        label: `top: ${folder.name}`,
        description: folder.uri.fsPath,
        detail: exists ? `${path.join(folder.name, 'Makefile')}` : 'no top Makefile in this folder',
        picked: folder === current,
        folder,
        makefile: exists ? makefile : undefined,
      };
    }),
  );
  const pick = await vscode.window.showQuickPick(items, {
    title: 'Kbuild: Select Build Context',
    placeHolder: 'The top Makefile of a workspace folder (sub-make contexts come later)',
  });
  if (!pick) return undefined;
  bar.setContextFolder(pick.folder);
  if (pick.makefile) await vscode.window.showTextDocument(pick.makefile, { preview: true });
  return pick.folder;
}
