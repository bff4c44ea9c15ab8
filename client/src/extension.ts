// Extension entry: the output channel, the status bar, the language client,
// the settings watcher, the commands. The returned API (configuration and
// index state) is what the extension-host tests read.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/protocol/settings';
import { INDEX_STATE_NOTIFICATION, type IndexStateParams } from '../../server/src/protocol/requests';
import { createLanguageClient } from './client';
import { commands } from './commands';
import { trackContexts } from './commands/selectContext';
import { currentConfiguration, watchConfiguration } from './config';
import { createOutputChannel } from './outputChannel';
import { registerReadOnlyDocuments } from './readOnlyDocument';
import { createStatusBar } from './statusBar';

export interface KbuildAnalyzerApi {
  /** What the server was last sent: exclude list, settings (restricted ones reset when untrusted), trust. */
  configuration(): InitializationOptions;
  /** The last kbuild/indexState from the server. */
  indexState(): IndexStateParams | undefined;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<KbuildAnalyzerApi> {
  const output = createOutputChannel();
  const statusBar = createStatusBar();
  context.subscriptions.push(output, statusBar, registerReadOnlyDocuments());
  const started = createLanguageClient({ context, output, onProgress: (token, value) => statusBar.onProgress(token, value) });
  client = started;
  context.subscriptions.push(
    started.onDidChangeState((e) => {
      if (e.newState === State.Stopped) statusBar.setIndex({ kind: 'stopped' });
      if (e.newState === State.Starting) statusBar.setIndex({ kind: 'starting' });
    }),
    watchConfiguration({ client: started, onChange: (config) => statusBar.setTrusted(config.trusted) }),
  );
  for (const [id, factory] of Object.entries(commands)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, factory({ client: started, output, statusBar, extensionUri: context.extensionUri })));
  }
  context.subscriptions.push(trackContexts({ client: started, statusBar }));
  // Before start: the first indexing run may end before start() returns; the handler survives restarts.
  context.subscriptions.push(started.onNotification(INDEX_STATE_NOTIFICATION, (params: IndexStateParams) => statusBar.onIndexState(params)));
  await started.start();
  return { configuration: currentConfiguration, indexState: () => statusBar.lastIndexState() };
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
