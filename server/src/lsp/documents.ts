// Open documents: their text overrides the disk while open; on close the
// disk text comes back (or the file leaves the workspace when it is not a
// make file of an indexed folder). Single files are read synchronously so
// that every later request sees the change.
import { readFileSync } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import type { TextDocumentChangeEvent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { removeFile, setFileText } from '../workspace/workspace';
import { uriToPath } from './conversions';
import { isIgnoredFile, isMakeFileName } from './discovery';
import { clearDiagnostics } from './handlers/diagnostics';
import { findFolder, folderOf, type Folder, type ServerState } from './state';

/** Language ids whose documents are make text (VS Code's and ours). */
const MAKE_LANGUAGES = new Set(['makefile', 'kbuild']);

export function isMakeDocument(languageId: string): boolean {
  return MAKE_LANGUAGES.has(languageId);
}

export function onDocumentContent(state: ServerState, event: TextDocumentChangeEvent<TextDocument>): void {
  const path = uriToPath(event.document.uri);
  // C files and headers are opened for their CodeLens only: they are not make text.
  if (path === undefined || !isMakeDocument(event.document.languageId)) return;
  setFileText(folderOf(state, path).ws, path, event.document.getText());
}

export function onDocumentClose(state: ServerState, event: TextDocumentChangeEvent<TextDocument>): void {
  clearDiagnostics(state, event.document.uri);
  const path = uriToPath(event.document.uri);
  const folder = path === undefined ? undefined : findFolder(state, path);
  if (path === undefined || !folder) return;
  if (isIndexedMakeFile(folder, path)) loadFromDisk(folder, path);
  else removeFile(folder.ws, path);
}

/** Puts the disk text of path into the folder's workspace, or removes it when unreadable. */
export function loadFromDisk(folder: Folder, path: string): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    removeFile(folder.ws, path);
    return;
  }
  setFileText(folder.ws, path, text);
}

/** Whether indexing would load this path into the folder's workspace. */
export function isIndexedMakeFile(folder: Folder, path: string): boolean {
  if (!folder.indexed) return false;
  const rel = relative(folder.root, path).split(sep).join('/');
  return isMakeFileName(basename(path), rel) && !isIgnoredFile(folder.isIgnored, rel);
}
