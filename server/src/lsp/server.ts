// Wires the LSP connection to the handlers: capabilities, document sync,
// background indexing on `initialized`, watched files, configuration and
// workspace-folder changes. Each request handler is one file in handlers/.
import {
  CodeActionKind,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import packageJson from '../../../package.json';
import { uriToPath } from './conversions';
import { onDocumentClose, onDocumentContent } from './documents';
import { enabledGlobs } from './glob';
import { onDefinition } from './handlers/definition';
import { diagnosticsScheduler } from './handlers/diagnostics';
import { onDocumentSymbol } from './handlers/documentSymbol';
import { isCmdDocument, onCmdDefinition, onCmdDocumentSymbol } from './handlers/cmdFile';
import { onHover } from './handlers/hover';
import { onCodeAction } from './handlers/codeAction';
import { loadShellParser } from './shellParser';
import { localDocsBase } from './docs';
import { applySettings, settingsSection } from './settings';
import { defaultSettings, type InitializationOptions as ClientInitializationOptions } from '../protocol/settings';
import { onCodeLens, onWhatRebuilds, onWhyRebuild } from './handlers/builds';
import { WHAT_REBUILDS_REQUEST, WHY_REBUILD_REQUEST, type WhatRebuildsParams, type WhyRebuildParams } from '../protocol/builds';
import { onReferences } from './handlers/references';
import { onWorkspaceSymbol } from './handlers/workspaceSymbol';
import { loadBuilds } from './builds';
import { indexFolders, renewWorkspace } from './indexing';
import { newFolder, type Folder, type ServerState } from './state';
import { onWatchedFilesChange } from './watchedFiles';
import { onMakeDocumentChange, onWatchedChangesForEvaluation, setupEvaluation } from './evaluation';
import { onContexts, onEvaluatedVariables, onExpansion, onSetContext } from './handlers/contexts';
import { onCriticalPath, onGraph, onImportProfile, onProfileBuild } from './handlers/graph';
import {
  CRITICAL_PATH_REQUEST,
  GRAPH_REQUEST,
  IMPORT_PROFILE_REQUEST,
  PROFILE_BUILD_REQUEST,
  type CriticalPathParams,
  type GraphParams,
  type ImportProfileParams,
  type ProfileBuildParams,
} from '../protocol/graph';
import {
  CONTEXTS_REQUEST,
  EVALUATED_VARIABLES_REQUEST,
  EXPANSION_REQUEST,
  SET_CONTEXT_REQUEST,
  type ContextsParams,
  type EvaluatedVariablesParams,
  type ExpansionParams,
  type SetContextParams,
} from '../protocol/contexts';

/** What a client may pass as initializationOptions: any part may be missing (other editors send nothing). */
type InitializationOptions = Partial<ClientInitializationOptions>;

export function startServer(connection: Connection): void {
  const state: ServerState = {
    connection,
    documents: new TextDocuments(TextDocument),
    folders: [],
    exclude: [],
    workDoneProgress: false,
    lint: { docsBase: localDocsBase() },
    settings: defaultSettings(),
    trusted: false,
    settingsListeners: [],
  };
  let foldersChangeable = false;
  const republish = diagnosticsScheduler(state);
  const log = (what: string) => (error: unknown) => connection.console.error(`${what}: ${String(error)}`);
  const reindex = (folders: Folder[]) =>
    void indexFolders(state, folders)
      .then(() => folders.forEach((f) => loadBuilds(state, f)))
      .then(republish, log('indexing failed'));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    state.exclude = enabledGlobs(options.exclude);
    setupEvaluation(state, params.initializationOptions);
    applySettings(state, options.settings, options.trusted);
    state.workDoneProgress = params.capabilities.window?.workDoneProgress === true;
    foldersChangeable = params.capabilities.workspace?.workspaceFolders === true;
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    state.folders = pathsOf(uris).map((root) => newFolder(root, true));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        definitionProvider: true,
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        referencesProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'kbuild-analyzer', version: packageJson.version },
    };
  });

  connection.onInitialized(() => {
    // The lint rules that read recipes need the shell grammar; diagnostics are republished once it is there.
    loadShellParser().then((parser) => {
      state.shellParser = parser;
      republish();
    }, log('loading the shell grammar failed'));
    reindex(state.folders.filter((f) => f.indexed));
    if (foldersChangeable) connection.workspace.onDidChangeWorkspaceFolders((event) => reindex(changeFolders(state, event)));
  });

  connection.onDidChangeConfiguration((params) => {
    const settings = params.settings as { files?: { exclude?: unknown }; trusted?: unknown } | null;
    if (settingsSection(settings) !== undefined) {
      const before = state.settings.buildDirectory;
      applySettings(state, settingsSection(settings), settings?.trusted);
      if (state.settings.buildDirectory !== before) state.folders.filter((f) => f.indexed).forEach((f) => loadBuilds(state, f));
      republish();
    }
    const exclude = enabledGlobs(settings?.files?.exclude);
    if (settings?.files?.exclude === undefined || sameList(exclude, state.exclude)) return;
    state.exclude = exclude;
    const folders = state.folders.filter((f) => f.indexed);
    for (const folder of folders) renewWorkspace(state, folder);
    reindex(folders);
  });

  state.documents.onDidChangeContent((event) => {
    onDocumentContent(state, event);
    onMakeDocumentChange(state, event.document);
    republish();
  });
  state.documents.onDidClose((event) => {
    onDocumentClose(state, event);
    republish();
  });
  connection.onDidChangeWatchedFiles((params) => {
    onWatchedFilesChange(state, params);
    onWatchedChangesForEvaluation(state, params.changes.map((c) => c.uri));
    republish();
  });

  connection.onDefinition((params) => (isCmdDocument(params.textDocument.uri) ? onCmdDefinition(state, params) : onDefinition(state, params)));
  connection.onHover((params) => onHover(state, params));
  connection.onCodeLens((params) => onCodeLens(state, params));
  connection.onCodeAction((params) => onCodeAction(state, params));
  connection.onRequest(WHAT_REBUILDS_REQUEST, (params: WhatRebuildsParams) => onWhatRebuilds(state, params));
  connection.onRequest(WHY_REBUILD_REQUEST, (params: WhyRebuildParams) => onWhyRebuild(state, params));
  connection.onRequest(CONTEXTS_REQUEST, (params: ContextsParams) => onContexts(state, params));
  connection.onRequest(SET_CONTEXT_REQUEST, (params: SetContextParams) => onSetContext(state, params));
  connection.onRequest(EVALUATED_VARIABLES_REQUEST, (params: EvaluatedVariablesParams) => onEvaluatedVariables(state, params));
  connection.onRequest(EXPANSION_REQUEST, (params: ExpansionParams) => onExpansion(state, params));
  connection.onRequest(GRAPH_REQUEST, (params: GraphParams) => onGraph(state, params));
  connection.onRequest(CRITICAL_PATH_REQUEST, (params: CriticalPathParams) => onCriticalPath(state, params));
  connection.onRequest(PROFILE_BUILD_REQUEST, (params: ProfileBuildParams) => onProfileBuild(state, params));
  connection.onRequest(IMPORT_PROFILE_REQUEST, (params: ImportProfileParams) => onImportProfile(state, params));
  connection.onReferences((params) => onReferences(state, params));
  connection.onDocumentSymbol((params) => (isCmdDocument(params.textDocument.uri) ? onCmdDocumentSymbol(state, params) : onDocumentSymbol(state, params)));
  connection.onWorkspaceSymbol((params) => onWorkspaceSymbol(state, params));

  state.documents.listen(connection);
  connection.listen();
}

function pathsOf(uris: readonly string[]): string[] {
  return uris.map(uriToPath).filter((p): p is string => p !== undefined);
}

/** Applies a folder change; returns the added folders, to index. */
function changeFolders(state: ServerState, event: WorkspaceFoldersChangeEvent): Folder[] {
  const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
  state.folders = state.folders.filter((f) => !(f.indexed && removed.has(f.root)));
  const added = pathsOf(event.added.map((f) => f.uri)).map((root) => newFolder(root, true));
  state.folders.push(...added);
  return added;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
