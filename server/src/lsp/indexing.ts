// Loads every make file of the given folders into their Workspaces in the
// background, with a work-done progress report. Open documents keep their
// editor text. A folder re-indexed meanwhile (new Workspace) stops the old run.
//
// The walk and the parsing overlap: the directory listings run on libuv's
// threads while the main thread reads and parses the files found so far.
// Files join the workspace in path order (the order the name indexes list
// definitions in), each as soon as it and every path before it is parsed.
//
// With a snapshot of an earlier run (indexSnapshot.ts), the unchanged
// directories are not read and the unchanged files not parsed; a run that
// read anything writes the snapshot again.
import { readFileSync } from 'node:fs';
import { INDEX_STATE_NOTIFICATION, type IndexStateParams } from '../protocol/requests';
import { addFile, createWorkspace, prepareFile, restoredFile, setFileText, type Workspace, type WorkspaceFile } from '../workspace/workspace';
import { uriToPath } from './conversions';
import { createIgnoreFilter, walkMakeFiles, type DirListing, type IgnoreFilter } from './discovery';
import { keptFile, loadSnapshot, markUsed, saveSnapshot, snapshotPlace, walkWithSnapshot, type IndexSnapshot, type SnapshotPlace } from './indexSnapshot';
import { beginProgress } from './progress';
import { isMakeDocument } from './documents';
import { isUnder, openPaths, type Folder, type ServerState } from './state';

/** How long one turn of reading and parsing may hold the event loop before directory listings and requests get theirs. */
const TURN_MS = 8;

export interface TreeIndexOptions {
  ws: Workspace;
  root: string;
  isIgnored: IgnoreFilter;
  /**
   * Gives the test of whether a file may still join the workspace (not while
   * its document is open, not once the run is stale); asked once per batch of
   * files that join together.
   */
  admitter?: () => (path: string) => boolean;
  /** Whether the run is stale: then nothing more is read or parsed. */
  stopped?: () => boolean;
  /** Called once the walk is done, with the number of make files found. */
  onFound?: (count: number) => void;
  /** Called after files joined the workspace (or were passed over), with how many so far. */
  onAdded?: (done: number) => void;
  /** Where the snapshot of this tree is kept between runs; none: every run walks and parses everything. */
  snapshot?: SnapshotPlace;
  /** Called once the snapshot is written (after the run resolved, so as not to delay it), with how long that took. */
  onSnapshotSaved?: (ms: number) => void;
}

/** What a run read from disk: the directory listings and the files as read (for the snapshot). */
interface TreeRun {
  count: number;
  listings: DirListing[];
  files: WorkspaceFile[];
  /** Whether anything was read that the snapshot did not hold (or some of it is gone). */
  changed: boolean;
}

/**
 * Indexes every make file under root into ws; resolves with the number of
 * make files found. Then writes the snapshot, if one is asked for and the
 * run read anything it did not hold.
 */
export async function indexTree(options: TreeIndexOptions): Promise<number> {
  const startedAt = Date.now();
  const snapshot = options.snapshot && loadSnapshot(options.snapshot);
  const run = snapshot ? await restoreTree(options, snapshot) : await walkAndParse(options);
  const place = options.snapshot;
  if (place && !run.changed) markUsed(place);
  else if (place) {
    setImmediate(() => {
      if (options.stopped?.()) return;
      const t = performance.now();
      try {
        saveSnapshot(place, { startedAt, root: options.root, listings: run.listings, files: run.files });
      } catch {
        return; // A read-only or full storage directory: the next run walks again.
      }
      options.onSnapshotSaved?.(performance.now() - t);
    });
  }
  return run.count;
}

/**
 * The run with a snapshot: stats, and reads only for what changed. In turns
 * of TURN_MS like the run without one, so that a tree where much changed
 * (another branch checked out) does not hold requests up.
 */
async function restoreTree(options: TreeIndexOptions, snapshot: IndexSnapshot): Promise<TreeRun> {
  const { listings, paths, reread } = walkWithSnapshot(options.root, options.isIgnored, snapshot);
  paths.sort();
  options.onFound?.(paths.length);
  const files: WorkspaceFile[] = [];
  let parsed = 0;
  for (let next = 0; next < paths.length && !options.stopped?.(); ) {
    const admit = options.admitter?.();
    const until = performance.now() + TURN_MS;
    for (; next < paths.length && performance.now() < until; next++) {
      const path = paths[next];
      const kept = keptFile(snapshot, path);
      const file = kept ? restoredFile(path, kept.text, kept.occurrences) : readAndPrepare(path);
      if (!kept) parsed++;
      if (!file) continue;
      files.push(file);
      if (!admit || admit(path)) addFile(options.ws, file);
    }
    options.onAdded?.(next);
    if (next < paths.length) await new Promise((resolve) => setImmediate(resolve));
  }
  return { count: paths.length, listings, files, changed: reread > 0 || parsed > 0 || files.length !== snapshot.files.size };
}

/**
 * The run without a snapshot. Files are read synchronously in turns of
 * TURN_MS between the walk's callbacks: a promise readFile costs the main
 * thread several times what readFileSync does, and the main thread is what
 * the index waits for.
 */
async function walkAndParse(options: TreeIndexOptions): Promise<TreeRun> {
  const { ws, admitter, stopped } = options;
  const prepared = new Map<string, WorkspaceFile | null>();
  const read: WorkspaceFile[] = [];
  const listings: DirListing[] = [];
  const queue: string[] = [];
  let sorted: string[] | undefined;
  let added = 0;
  let turnPending = false;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));

  // In path order, every file whose predecessors are all parsed.
  const addReady = (): void => {
    if (!sorted) return;
    const start = added;
    let admit: ((path: string) => boolean) | undefined;
    while (added < sorted.length && prepared.has(sorted[added])) {
      const path = sorted[added];
      const file = prepared.get(path);
      prepared.delete(path);
      if (file && (!admitter || (admit ??= admitter())(path))) addFile(ws, file);
      added++;
    }
    if (added > start) options.onAdded?.(added);
    if (added === sorted.length) finish();
  };
  const turn = (): void => {
    turnPending = false;
    const until = performance.now() + TURN_MS;
    while (queue.length > 0 && performance.now() < until) {
      const path = queue.pop() as string;
      const file = stopped?.() ? null : readAndPrepare(path);
      if (file) read.push(file);
      prepared.set(path, file);
    }
    addReady();
    if (queue.length > 0) scheduleTurn();
  };
  const scheduleTurn = (): void => {
    if (turnPending) return;
    turnPending = true;
    setImmediate(turn);
  };

  const found: string[] = [];
  await walkMakeFiles({
    root: options.root,
    isIgnored: options.isIgnored,
    onFile: (path) => {
      found.push(path);
      queue.push(path);
      scheduleTurn();
    },
    onDir: (listing) => listings.push(listing),
  });
  sorted = found.sort();
  options.onFound?.(sorted.length);
  addReady();
  await finished;
  return { count: sorted.length, listings, files: read, changed: true };
}

function readAndPrepare(path: string): WorkspaceFile | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  return prepareFile(path, text);
}

export async function indexFolders(state: ServerState, folders: readonly Folder[]): Promise<void> {
  const started = Date.now();
  const progress = await beginProgress({
    connection: state.connection,
    enabled: state.workDoneProgress,
    title: 'Indexing make files',
  });
  // Progress counts every folder's files, so it starts once every walk is done.
  let total = 0;
  let walked = 0;
  const addedBy = new Map<Folder, number>();
  const report = (): void => {
    if (walked < folders.length) return;
    let done = 0;
    for (const n of addedBy.values()) done += n;
    progress.report(done, total);
  };
  const runs = folders.map(async (folder) => {
    const ws = folder.ws;
    folder.isIgnored = await createIgnoreFilter({ root: folder.root, exclude: state.exclude });
    await indexTree({
      ws,
      root: folder.root,
      isIgnored: folder.isIgnored,
      admitter: () => {
        const open = openPaths(state);
        return (path) => folder.ws === ws && !open.has(path);
      },
      stopped: () => folder.ws !== ws,
      snapshot: state.evaluation && snapshotPlace(state.evaluation.storageDir, folder.root, folder.isIgnored),
      onFound: (count) => {
        total += count;
        walked++;
        report();
      },
      onAdded: (done) => {
        addedBy.set(folder, done);
        report();
      },
    });
    return { folder, ws };
  });
  const finished = await Promise.all(runs);
  if (finished.some(({ folder, ws }) => folder.ws !== ws)) {
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
    // Only make text: C files and .cmd files are opened for their CodeLens and hovers (documents.ts).
    if (path !== undefined && isUnder(folder.root, path) && isMakeDocument(doc.languageId)) setFileText(folder.ws, path, doc.getText());
  }
}
