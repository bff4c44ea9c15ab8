// Every command of the extension: id → factory. A factory gets what commands
// share and returns the callback to register (package.json lists the ids).
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { StatusBar } from '../statusBar';
import { showObjects, whatRebuilds, whyRebuild } from './builds';
import { restartServer } from './restartServer';
import { selectContext } from './selectContext';
import { showOutput } from './showOutput';

export interface CommandContext {
  client: LanguageClient;
  output: vscode.OutputChannel;
  statusBar: StatusBar;
}

export type CommandFactory = (ctx: CommandContext) => (...args: unknown[]) => unknown;

export const commands: Record<string, CommandFactory> = {
  'kbuild-analyzer.restartServer': restartServer,
  'kbuild-analyzer.showOutput': showOutput,
  'kbuild-analyzer.selectContext': selectContext,
  'kbuild-analyzer.whatRebuilds': whatRebuilds,
  'kbuild-analyzer.whyRebuild': whyRebuild,
  'kbuild-analyzer.showObjects': showObjects,
};
