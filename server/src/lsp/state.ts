// The server's ground state: one Workspace per workspace folder (plus loose
// folders for files opened outside every folder), the open documents, the
// settings. Handlers look files up here and hand the Workspace to ide/.
import { dirname, sep } from 'node:path';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createWorkspace, getFile, type Workspace, type WorkspaceFile } from '../workspace/workspace';
import { uriToPath, type LinesOf } from './conversions';
import type { IgnoreFilter } from './discovery';
import type { BuildIndex } from '../ide/builds';
import type { ShellParser } from '../analysis/lint';
import type { LintSettings } from '../ide/lint';
import type { Settings } from '../protocol/settings';
import type { SettingsListener } from './settings';
import type { EvaluationState } from './evaluation';

export interface Folder {
  root: string;
  ws: Workspace;
  /** False for a folder made up for a file opened outside every workspace folder. */
  indexed: boolean;
  /** Root .gitignore + exclude globs, over root-relative paths; set when indexing. */
  isIgnored: IgnoreFilter;
  /** Configured build dirs found in the folder, with their .cmd indexes. */
  builds: BuildIndex[];
}

export interface ServerState {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  folders: Folder[];
  /** Exclude globs (files.exclude keys), relative to each folder root. */
  exclude: string[];
  /** The client shows server-initiated `$/progress`. */
  workDoneProgress: boolean;
  /** The recipe shell parser for the lint rules, once its wasm is loaded. */
  shellParser?: ShellParser;
  /** Lint severities per code, variables never reported as undefined. */
  lint: LintSettings;
  /** The client's `kbuild-analyzer.*` settings (lsp/settings.ts); restricted ones hold defaults when untrusted. */
  settings: Settings;
  /** The workspace is trusted: only then may anything run (shell, make). */
  trusted: boolean;
  settingsListeners: SettingsListener[];
  /** Build contexts and their evaluations per folder (lsp/evaluation.ts); set up at initialize. */
  evaluation?: EvaluationState;
}

export function newFolder(root: string, indexed: boolean): Folder {
  return { root, ws: createWorkspace({ root }), indexed, isIgnored: () => false, builds: [] };
}

export function isUnder(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** The indexed folder holding path (the innermost one), if any. */
export function indexedFolderOf(state: ServerState, path: string): Folder | undefined {
  let best: Folder | undefined;
  for (const f of state.folders) {
    if (f.indexed && isUnder(f.root, path) && (!best || f.root.length > best.root.length)) best = f;
  }
  return best;
}

/** The folder a path belongs to: an indexed one, else the loose folder at its directory. */
export function findFolder(state: ServerState, path: string): Folder | undefined {
  const dir = dirname(path);
  return indexedFolderOf(state, path) ?? state.folders.find((f) => !f.indexed && f.root === dir);
}

/** Like findFolder, making a loose folder when no folder holds the path (a file opened on its own). */
export function folderOf(state: ServerState, path: string): Folder {
  const found = findFolder(state, path);
  if (found) return found;
  const created = newFolder(dirname(path), false);
  state.folders.push(created);
  return created;
}

export interface FileContext {
  folder: Folder;
  path: string;
  file: WorkspaceFile;
}

/** The workspace file behind a document URI, when the workspace has it. */
export function fileContext(state: ServerState, uri: string): FileContext | undefined {
  const path = uriToPath(uri);
  if (path === undefined) return undefined;
  const folder = findFolder(state, path);
  if (!folder) return undefined;
  const file = getFile(folder.ws, path);
  return file && { folder, path, file };
}

/** Paths of the open documents: their text overrides the disk. */
export function openPaths(state: ServerState): Set<string> {
  const paths = state.documents.all().map((d) => uriToPath(d.uri));
  return new Set(paths.filter((p): p is string => p !== undefined));
}

export function linesIn(ws: Workspace): LinesOf {
  return (path) => getFile(ws, path)?.lines;
}
