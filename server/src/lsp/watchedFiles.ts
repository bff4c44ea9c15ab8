// workspace/didChangeWatchedFiles: created/changed make files are (re)read,
// deleted ones (or everything under a deleted directory) leave the
// workspace. Open documents keep their editor text. Reads are synchronous so
// that a request sent after the notification sees the change.
import { FileChangeType, type DidChangeWatchedFilesParams } from 'vscode-languageserver/node';
import { allFiles, removeFile } from '../workspace/workspace';
import { uriToPath } from './conversions';
import { isCmdFile, onCmdFileChange } from './builds';
import { isIndexedMakeFile, loadFromDisk } from './documents';
import { indexedFolderOf, isUnder, openPaths, type ServerState } from './state';

export function onWatchedFilesChange(state: ServerState, params: DidChangeWatchedFilesParams): void {
  const open = openPaths(state);
  for (const change of params.changes) {
    const path = uriToPath(change.uri);
    const folder = path === undefined ? undefined : indexedFolderOf(state, path);
    if (path === undefined || !folder || open.has(path)) continue;
    if (isCmdFile(path)) {
      onCmdFileChange(folder, path, change.type === FileChangeType.Deleted);
      continue;
    }
    if (change.type === FileChangeType.Deleted) {
      for (const file of allFiles(folder.ws)) if (isUnder(path, file) && !open.has(file)) removeFile(folder.ws, file);
    } else if (isIndexedMakeFile(folder, path)) {
      loadFromDisk(folder, path);
    }
  }
}
