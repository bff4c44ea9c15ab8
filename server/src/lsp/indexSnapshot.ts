// The workspace index kept on disk between runs of the server: opening a tree
// indexed before costs a stat of its directories and make files instead of a
// walk, reads and parses. What is kept is checked the way make checks its
// targets: a directory's listing is reused while the directory's mtime is the
// one recorded (adding, removing or renaming an entry changes it), a file's
// text and occurrences while its size and mtime are. An entry modified within
// RACY_MS before the run that read it is not kept: a change in the same clock
// tick as the read would go unseen (git's "racily clean" entries).
//
// The snapshot is only good for the code that wrote it (FORMAT, and the
// running script's size and mtime: a new build of the server starts over),
// the same root and the same ignore filter.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { StringTable, type EncodedOccurrences } from '../workspace/encoded';
import { encodeFile, type WorkspaceFile } from '../workspace/workspace';
import { classifyListing, type DirListing, type IgnoreFilter } from './discovery';

const FORMAT = 3;
const RACY_MS = 2000;
/** Snapshots of folders not opened for this long are deleted when another is written. */
const UNUSED_MS = 30 * 24 * 3600 * 1000;

export interface SnapshotPlace {
  file: string;
  /** Everything the snapshot's validity depends on besides the files themselves. */
  key: string;
}

interface KeptDir {
  mtimeMs: number;
  subdirs: string[];
  makeFiles: string[];
}

interface KeptFile {
  size: number;
  mtimeMs: number;
  text: string;
  occurrences: EncodedOccurrences;
}

export interface IndexSnapshot {
  dirs: Map<string, KeptDir>;
  files: Map<string, KeptFile>;
}

/**
 * What is written. v8.deserialize makes one object per array and string it
 * reads, and the garbage collector then copies them: the files' texts are
 * one string and their occurrences one Int32Array, each file a slice of
 * both (positions in `numbers`).
 */
interface SnapshotData {
  key: string;
  strings: string[];
  dirs: Array<[rel: string, mtimeMs: number, subdirs: string[], makeFiles: string[]]>;
  paths: string[];
  /** Per file: size, mtimeMs, text start and end (in `texts[0]` if positive, else `texts[1]`, negated), occurrences start and end. */
  numbers: Float64Array;
  /**
   * Texts of one-byte characters only (nearly all), then the others: one
   * character outside Latin-1 would make V8 store the whole string in two
   * bytes a character.
   */
  texts: [narrow: string, wide: string];
  occurrences: Int32Array;
}

const PER_FILE = 6;

function codeIdentity(): string {
  const script = require.main?.filename ?? process.argv[1] ?? '';
  try {
    const st = statSync(script);
    return `${script}:${st.size}:${st.mtimeMs}`;
  } catch {
    return script;
  }
}

/** Where the snapshot of `root` lives under the server's storage directory; none for a filter without a key. */
export function snapshotPlace(storageDir: string, root: string, isIgnored: IgnoreFilter): SnapshotPlace | undefined {
  if (isIgnored.key === undefined) return undefined;
  const name = createHash('sha1').update(root).digest('hex').slice(0, 16);
  return { file: join(storageDir, 'index', `${name}.v8`), key: JSON.stringify([FORMAT, codeIdentity(), root, isIgnored.key]) };
}

/** The snapshot at `place`, if there is one written for the same key; anything unreadable counts as none. */
export function loadSnapshot(place: SnapshotPlace): IndexSnapshot | undefined {
  let data: SnapshotData;
  try {
    data = deserialize(readFileSync(place.file)) as SnapshotData;
  } catch {
    return undefined;
  }
  if (data?.key !== place.key || !Array.isArray(data.dirs) || !Array.isArray(data.paths)) return undefined;
  const dirs = new Map<string, KeptDir>();
  for (const [rel, mtimeMs, subdirs, makeFiles] of data.dirs) dirs.set(rel, { mtimeMs, subdirs, makeFiles });
  const files = new Map<string, KeptFile>();
  const n = data.numbers;
  data.paths.forEach((path, i) => {
    const at = i * PER_FILE;
    files.set(path, {
      size: n[at],
      mtimeMs: n[at + 1],
      text: n[at + 3] > 0 ? data.texts[0].slice(n[at + 2], n[at + 3]) : data.texts[1].slice(-n[at + 2], -n[at + 3]),
      occurrences: { data: data.occurrences.subarray(n[at + 4], n[at + 5]), strings: data.strings },
    });
  });
  return { dirs, files };
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The walk of discovery.ts with the snapshot's listings: a directory whose
 * mtime is the recorded one is not read again. Synchronous: a stat per
 * directory is cheaper than the round trip to libuv's threads.
 */
export function walkWithSnapshot(root: string, isIgnored: IgnoreFilter, snapshot: IndexSnapshot): { listings: DirListing[]; paths: string[]; reread: number } {
  const listings: DirListing[] = [];
  const paths: string[] = [];
  let reread = 0;
  const pending = [''];
  while (pending.length > 0) {
    const rel = pending.pop() as string;
    const abs = rel === '' ? root : join(root, rel);
    const st = statOf(abs);
    if (!st?.isDirectory()) continue;
    const kept = snapshot.dirs.get(rel);
    let listing: DirListing;
    if (kept && kept.mtimeMs === st.mtimeMs) listing = { rel, subdirs: kept.subdirs, makeFiles: kept.makeFiles };
    else {
      reread++;
      let entries: Dirent[];
      try {
        entries = readdirSync(abs, { withFileTypes: true });
      } catch {
        entries = [];
      }
      listing = classifyListing(rel, entries, isIgnored);
    }
    listings.push(listing);
    for (const dir of listing.subdirs) pending.push(rel === '' ? dir : `${rel}/${dir}`);
    for (const file of listing.makeFiles) paths.push(join(abs, file));
  }
  return { listings, paths, reread };
}

/** A file of the snapshot still as it was kept, else undefined. */
export function keptFile(snapshot: IndexSnapshot, path: string): KeptFile | undefined {
  const kept = snapshot.files.get(path);
  if (!kept) return undefined;
  const st = statOf(path);
  return st && st.size === kept.size && st.mtimeMs === kept.mtimeMs ? kept : undefined;
}

/**
 * Writes what a run read: its directory listings and the files as read from
 * disk (not an editor's text). `startedAt` is when the run began (Date.now()).
 */
export function saveSnapshot(place: SnapshotPlace, run: { startedAt: number; listings: readonly DirListing[]; root: string; files: readonly WorkspaceFile[] }): void {
  const fresh = (st: Stats | undefined): st is Stats => st !== undefined && st.mtimeMs < run.startedAt - RACY_MS;
  const table = new StringTable();
  const dirs: SnapshotData['dirs'] = [];
  for (const l of run.listings) {
    const st = statOf(l.rel === '' ? run.root : join(run.root, l.rel));
    if (fresh(st)) dirs.push([l.rel, st.mtimeMs, l.subdirs, l.makeFiles]);
  }
  const paths: string[] = [];
  const numbers: number[] = [];
  const texts: [string[], string[]] = [[], []];
  const textAt = [0, 0];
  const encoded: Int32Array[] = [];
  let occAt = 0;
  for (const f of run.files) {
    const st = statOf(f.path);
    // Kept only if the file still has the size of the text read (a cheap check that it is the same text).
    if (!fresh(st) || st.size !== Buffer.byteLength(f.text)) continue;
    const occurrences = encodeFile(f, table);
    const wide = /[^\0-\xff]/.test(f.text) ? 1 : 0;
    const sign = wide ? -1 : 1;
    paths.push(f.path);
    numbers.push(st.size, st.mtimeMs, sign * textAt[wide], sign * (textAt[wide] + f.text.length), occAt, occAt + occurrences.length);
    texts[wide].push(f.text);
    encoded.push(occurrences);
    textAt[wide] += f.text.length;
    occAt += occurrences.length;
  }
  const occurrences = new Int32Array(occAt);
  encoded.reduce((at, e) => (occurrences.set(e, at), at + e.length), 0);
  const data: SnapshotData = { key: place.key, strings: table.strings, dirs, paths, numbers: Float64Array.from(numbers), texts: [texts[0].join(''), texts[1].join('')], occurrences };
  const dir = join(place.file, '..');
  mkdirSync(dir, { recursive: true });
  const temporary = `${place.file}.${process.pid}.tmp`;
  writeFileSync(temporary, serialize(data));
  renameSync(temporary, place.file);
  pruneUnused(dir);
}

/** A run that used the snapshot as it was: its mtime says it is in use (see pruneUnused). */
export function markUsed(place: SnapshotPlace): void {
  try {
    const now = new Date();
    utimesSync(place.file, now, now);
  } catch {
    // Gone meanwhile: the next run starts over.
  }
}

/** Every folder ever opened leaves a snapshot: those neither written nor used (markUsed) for UNUSED_MS go. */
function pruneUnused(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statOf(path);
    if (st && Date.now() - st.mtimeMs > UNUSED_MS) {
      try {
        unlinkSync(path);
      } catch {
        // Another server may have removed it first.
      }
    }
  }
}
