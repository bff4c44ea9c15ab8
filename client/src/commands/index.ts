// Every command of the extension: id → factory. A factory gets what commands
// share and returns the callback to register (package.json lists the ids).
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { StatusBar } from '../statusBar';
import { showObjects, whatRebuilds, whyRebuild } from './builds';
import { restartServer } from './restartServer';
import { selectContext } from './selectContext';
import { showOutput } from './showOutput';
import { showEvaluatedVariables } from './showEvaluatedVariables';
import { showExpansion } from './showExpansion';
import { importProfile } from './importProfile';
import { profileBuild } from './profileBuild';
import { showBarrierGraph } from './showBarrierGraph';
import { showCriticalPath } from './showCriticalPath';

export interface CommandContext {
  client: LanguageClient;
  output: vscode.OutputChannel;
  statusBar: StatusBar;
  /** The extension's root (the graph view loads its page from dist/). */
  extensionUri: vscode.Uri;
}

export type CommandFactory = (ctx: CommandContext) => (...args: unknown[]) => unknown;

export const commands: Record<string, CommandFactory> = {
  'kbuild-analyzer.restartServer': restartServer,
  'kbuild-analyzer.showOutput': showOutput,
  'kbuild-analyzer.selectContext': selectContext,
  'kbuild-analyzer.showEvaluatedVariables': showEvaluatedVariables,
  'kbuild-analyzer.showExpansion': showExpansion,
  'kbuild-analyzer.whatRebuilds': whatRebuilds,
  'kbuild-analyzer.whyRebuild': whyRebuild,
  'kbuild-analyzer.showObjects': showObjects,
  'kbuild-analyzer.showBarrierGraph': showBarrierGraph,
  'kbuild-analyzer.showCriticalPath': showCriticalPath,
  'kbuild-analyzer.profileBuild': profileBuild,
  'kbuild-analyzer.importProfile': importProfile,
};
