// The language client: dist/server.js (next to this bundle) over node IPC,
// for make and Kbuild files on disk. The settings (config.ts) reach the
// server as initializationOptions at each start — a function, so a restart
// sends the current ones — and as workspace/didChangeConfiguration after.
// The middleware hands `$/progress` to the status bar before VS Code shows it.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { currentConfiguration } from './config';

/** The make files the server indexes (server/src/lsp/discovery.ts names them). */
// .config and auto.conf: a reconfigured build changes what the contexts evaluate to.
const MAKE_FILES_GLOB = '**/{Makefile,makefile,GNUmakefile,Kbuild,Makefile.*,*.mk,*.include,Build,.config,auto.conf}';
/** Kbuild's saved commands and dependencies: a build in a terminal updates the rebuild index. */
const CMD_FILES_GLOB = '**/.*.cmd';

export type ProgressListener = (token: string | number, value: { kind: string; title?: string; message?: string }) => void;

export function createLanguageClient(args: {
  context: vscode.ExtensionContext;
  output: vscode.OutputChannel;
  onProgress?: ProgressListener;
}): LanguageClient {
  const module = args.context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const watchers = [MAKE_FILES_GLOB, CMD_FILES_GLOB].map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  args.context.subscriptions.push(...watchers);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'makefile' },
      { scheme: 'file', language: 'kbuild' },
      { scheme: 'file', language: 'kbuild-cmd' },
      // C sources and headers get the "rebuilds N objects" CodeLens only.
      { scheme: 'file', language: 'c' },
      { scheme: 'file', language: 'cpp' },
    ],
    synchronize: { fileEvents: watchers },
    // The shell cache lives in the extension's storage.
    initializationOptions: () => ({ ...currentConfiguration(), storagePath: args.context.globalStorageUri.fsPath }),
    // Hover's "Open the full expansion" link is a command link: only that command may run from hover markdown.
    markdown: { isTrusted: { enabledCommands: ['kbuild-analyzer.showExpansion'] } },
    outputChannel: args.output,
    middleware: {
      handleWorkDoneProgress(token, params, next) {
        args.onProgress?.(token, params);
        next(token, params);
      },
    },
  };
  return new LanguageClient('kbuild-analyzer', 'Kbuild Analyzer', serverOptions, clientOptions);
}
