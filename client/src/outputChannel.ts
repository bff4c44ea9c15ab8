// The output channel "Kbuild Analyzer": the language client logs there (and
// traces there with kbuild-analyzer.trace.server); Kbuild: Show Output opens it.
import * as vscode from 'vscode';

export const OUTPUT_CHANNEL_NAME = 'Kbuild Analyzer';

export function createOutputChannel(): vscode.OutputChannel {
  return vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME);
}
