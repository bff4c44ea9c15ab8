// The settings as the server gets them: read from VS Code through the one
// schema (server/src/protocol/settings.ts), restricted settings reset when
// the workspace is not trusted, `files.exclude` and `kbuild-analyzer.exclude`
// merged into one exclude list. Sent as initializationOptions at each start
// and as workspace/didChangeConfiguration on every change — including the
// moment the user grants trust.
import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, type LanguageClient } from 'vscode-languageclient/node';
import {
  SECTION,
  applyTrust,
  readSettings,
  type ConfigurationChange,
  type InitializationOptions,
} from '../../server/src/protocol/settings';

/** The configuration to send now (initializationOptions shape). */
export function currentConfiguration(): InitializationOptions {
  const trusted = vscode.workspace.isTrusted;
  const settings = applyTrust(readSettings(vscode.workspace.getConfiguration(SECTION)), trusted);
  const filesExclude = vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude') ?? {};
  const fromFiles = Object.keys(filesExclude).filter((glob) => filesExclude[glob] === true);
  const exclude = [...new Set([...fromFiles, ...settings.exclude])];
  return { exclude, settings, trusted };
}

/** The didChangeConfiguration payload: files.exclude's shape, which the server already reads. */
export function configurationChange(config: InitializationOptions = currentConfiguration()): ConfigurationChange {
  return {
    files: { exclude: Object.fromEntries(config.exclude.map((glob) => [glob, true])) },
    [SECTION]: config.settings,
    trusted: config.trusted,
  } as ConfigurationChange;
}

/**
 * Sends the configuration to the server whenever our settings, files.exclude
 * or the workspace trust change; `onChange` hears it too (the status bar).
 */
export function watchConfiguration(args: {
  client: LanguageClient;
  onChange?: (config: InitializationOptions) => void;
}): vscode.Disposable {
  const send = () => {
    const config = currentConfiguration();
    args.onChange?.(config);
    if (args.client.isRunning()) {
      void args.client.sendNotification(DidChangeConfigurationNotification.type, { settings: configurationChange(config) });
    }
  };
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION) || e.affectsConfiguration('files.exclude')) send();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(send),
  );
}
