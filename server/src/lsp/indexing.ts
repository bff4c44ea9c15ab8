// Loads every make file of the given folders into their Workspaces in the
// background, with a work-done progress report. Open documents keep their
// editor text. A folder re-indexed meanwhile (new Workspace) stops the old run.
import { readFile } from 'node:fs/promises';
import { INDEX_STATE_NOTIFICATION, type IndexStateParams } from '../protocol/requests';
import { createWorkspace, setFileText } from '../workspace/workspace';
import { uriToPath } from './conversions';
import { createIgnoreFilter, discoverMakeFiles } from './discovery';
import { beginProgress } from './progress';
import { isUnder, openPaths, type Folder, type ServerState } from './state';

/** Files read at once between two yields to the event loop. */
const BATCH = 64;

export async function indexFolders(state: ServerState, folders: readonly Folder[]): Promise<void> {
  const started = Date.now();
  const progress = await beginProgress({
    connection: state.connection,
    enabled: state.workDoneProgress,
    title: 'Indexing make files',
  });
  const found = await Promise.all(
    folders.map(async (folder) => {
      folder.isIgnored = await createIgnoreFilter({ root: folder.root, exclude: state.exclude });
      return { folder, ws: folder.ws, files: await discoverMakeFiles({ root: folder.root, isIgnored: folder.isIgnored }) };
    }),
  );
  const total = found.reduce((n, f) => n + f.files.length, 0);
  progress.report(0, total);
  let done = 0;
  for (const { folder, ws, files } of found) {
    for (let i = 0; i < files.length && folder.ws === ws; i += BATCH) {
      const batch = files.slice(i, i + BATCH);
      const texts = await Promise.all(batch.map((path) => readFile(path, 'utf8').catch(() => undefined)));
      const open = openPaths(state);
      batch.forEach((path, j) => {
        const text = texts[j];
        if (text !== undefined && !open.has(path) && folder.ws === ws) setFileText(ws, path, text);
      });
      done += batch.length;
      progress.report(done, total);
    }
  }
  if (found.some(({ folder, ws }) => folder.ws !== ws)) {
    progress.end('Restarted');
    return;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const summary = `Indexed ${total} make files in ${seconds} s`;
  progress.end(summary);
  const indexed: IndexStateParams = { state: 'ready', files: state.folders.reduce((n, f) => n + (f.indexed ? f.ws.files.size : 0), 0), ms: Date.now() - started };
  void state.connection.sendNotification(INDEX_STATE_NOTIFICATION, indexed);
  state.connection.console.info(`${summary} (${folders.map((f) => f.root).join(', ')})`);
}

/** Gives a folder an empty Workspace (before indexing it again), keeping the open documents' text. */
export function renewWorkspace(state: ServerState, folder: Folder): void {
  folder.ws = createWorkspace({ root: folder.root });
  for (const doc of state.documents.all()) {
    const path = uriToPath(doc.uri);
    if (path !== undefined && isUnder(folder.root, path)) setFileText(folder.ws, path, doc.getText());
  }
}
