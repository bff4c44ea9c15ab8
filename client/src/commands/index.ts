// Every command of the extension: id → factory. A factory gets what commands
// share and returns the callback to register (package.json lists the ids).
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { restartServer } from './restartServer';

export interface CommandContext {
  client: LanguageClient;
  output: vscode.OutputChannel;
}

export type CommandFactory = (ctx: CommandContext) => (...args: unknown[]) => unknown;

export const commands: Record<string, CommandFactory> = {
  'kbuild-analyzer.restartServer': restartServer,
};
