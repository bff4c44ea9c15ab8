// Two status bar items. The index: "indexing N/M" while the server's
// "Indexing make files" work-done progress runs, then "N files" when it
// sends kbuild/indexState; a shield in Restricted Mode; a click shows the
// output channel. The build context: the context the server answers in for
// the current make file (kbuild/contexts), "no context" for other files; a
// click runs Kbuild: Select Build Context (commands/selectContext.ts).
import * as vscode from 'vscode';
import type { IndexStateParams } from '../../server/src/protocol/requests';
import type { ContextItem, ContextsResult } from '../../server/src/protocol/contexts';

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
  /** The server's contexts of the current file (undefined: not a make file). */
  setContexts(contexts: ContextsResult | undefined): void;
  contexts(): ContextsResult | undefined;
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
  let contexts: ContextsResult | undefined;
  const indexingTokens = new Set<string | number>();

  const render = () => {
    index.text = indexText(view, trusted);
    index.tooltip = indexTooltip(view, trusted);
    const active = contexts?.contexts.find((c) => c.id === contexts?.active);
    context.text = `$(symbol-namespace) context: ${active ? shortName(active) : 'none'}`;
    context.tooltip = active
      ? `Build context of this file: ${active.label}\nmake -f ${active.entry} ${active.commandLine.join(' ')}\nin ${active.cwd}` +
        `${active.configKnown ? '' : '\nNo configured build: CONFIG_ values are unknown.'}` +
        `${contexts?.shellAllowed ? '\n$(shell …) runs.' : '\n$(shell …) is not run: its output is unknown.'}` +
        `\n${contexts && contexts.contexts.length > 1 ? `${contexts.contexts.length} contexts read this file. ` : ''}Click to choose.`
      : 'Build context: open a make file to see the context it is evaluated in.';
  };
  render();
  index.show();
  context.show();
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
    contexts: () => contexts,
    setContexts(c) {
      contexts = c;
      render();
    },
    dispose() {
      index.dispose();
      context.dispose();
    },
  };
}

/** The status bar's word for a context: `top`, the directory (`kernel`), the tools program, the file name. */
export function shortName(c: ContextItem): string {
  if (c.kind === 'file') return c.id.slice(c.id.lastIndexOf('/') + 1);
  return c.id.replace(/^(dir|tools):/, '');
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
