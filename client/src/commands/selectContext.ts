// kbuild-analyzer.selectContext: choose, among the build contexts the server
// says read the current make file, the one hover and definition answer in
// (kbuild/setContext); and trackContexts, which keeps the status bar showing
// the current file's context as editors change.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CONTEXTS_REQUEST, SET_CONTEXT_REQUEST, type ContextsResult, type SetContextParams } from '../../../server/src/protocol/contexts';
import type { StatusBar } from '../statusBar';
import type { CommandFactory } from './index';

const MAKE_LANGUAGES = new Set(['makefile', 'kbuild']);

function makeDocument(editor: vscode.TextEditor | undefined): vscode.TextDocument | undefined {
  const doc = editor?.document;
  return doc && doc.uri.scheme === 'file' && MAKE_LANGUAGES.has(doc.languageId) ? doc : undefined;
}

async function contextsOf(client: LanguageClient, doc: vscode.TextDocument | undefined): Promise<ContextsResult | undefined> {
  if (!doc || !client.isRunning()) return undefined;
  return client.sendRequest<ContextsResult>(CONTEXTS_REQUEST, { uri: doc.uri.toString() }).then(
    (r) => (r.active === null ? undefined : r),
    () => undefined,
  );
}

/** Keeps the status bar on the active make file's context. */
export function trackContexts(args: { client: LanguageClient; statusBar: StatusBar }): vscode.Disposable {
  const refresh = async () => args.statusBar.setContexts(await contextsOf(args.client, makeDocument(vscode.window.activeTextEditor)));
  void refresh();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(() => void refresh()),
    args.client.onDidChangeState(() => void refresh()),
  );
}

export const selectContext: CommandFactory = (ctx) => async () => {
  const doc = makeDocument(vscode.window.activeTextEditor);
  const result = await contextsOf(ctx.client, doc);
  if (!doc || !result) {
    void vscode.window.showInformationMessage('Kbuild: open a make file (Makefile, Kbuild, *.mk) to choose its build context.');
    return undefined;
  }
  const items = result.contexts.map((c) => ({
    label: c.label,
    description: c.id === result.active ? 'active' : c.kind,
    detail: `make -f ${c.entry} ${c.commandLine.join(' ')} (in ${c.cwd})${c.configKnown ? '' : ' — no configuration: CONFIG_ values unknown'}`,
    id: c.id,
  }));
  const pick = await vscode.window.showQuickPick(items, { title: 'Kbuild: Select Build Context', placeHolder: 'The context hover and definition answer in for this file' });
  if (!pick) return undefined;
  const params: SetContextParams = { uri: doc.uri.toString(), id: pick.id };
  const updated = await ctx.client.sendRequest<ContextsResult>(SET_CONTEXT_REQUEST, params);
  ctx.statusBar.setContexts(updated);
  return pick.id;
};
