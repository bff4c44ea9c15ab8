// Extension entry: an output channel, the language client, the commands.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './client';
import { commands } from './commands';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Kbuild Analyzer');
  context.subscriptions.push(output);
  const started = createLanguageClient({ context, output });
  client = started;
  for (const [id, factory] of Object.entries(commands)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, factory({ client: started, output })));
  }
  await started.start();
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
