// The language client: dist/server.js (next to this bundle) over node IPC,
// for make and Kbuild files on disk. files.exclude reaches the server as its
// initial exclude list and, on change, as workspace/didChangeConfiguration.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** The make files the server indexes (server/src/lsp/discovery.ts names them). */
const MAKE_FILES_GLOB = '**/{Makefile,makefile,GNUmakefile,Kbuild,Makefile.*,*.mk,*.include,Build}';

export function createLanguageClient(args: { context: vscode.ExtensionContext; output: vscode.OutputChannel }): LanguageClient {
  const module = args.context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher(MAKE_FILES_GLOB);
  args.context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'makefile' },
      { scheme: 'file', language: 'kbuild' },
    ],
    synchronize: { fileEvents: watcher, configurationSection: 'files.exclude' },
    initializationOptions: { exclude: enabledExcludes() },
    outputChannel: args.output,
  };
  return new LanguageClient('kbuild-analyzer', 'Kbuild Analyzer', serverOptions, clientOptions);
}

function enabledExcludes(): string[] {
  const exclude = vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude') ?? {};
  return Object.keys(exclude).filter((glob) => exclude[glob] === true);
}
