// The shapes of the dependency store. Plain data: the functions that fill
// and query it live in store.ts, entries.ts, reverseIndex.ts and query.ts.
import type { CmdDiagnostic } from './parse';
import type { RangeMap } from './rangeMap';

export interface CmdObject {
  /** Path id of the target (absolute, normalized). */
  target: number;
  /** Absolute path of the .cmd file it came from. */
  cmdFile: string;
  commandVariable?: 'cmd' | 'savedcmd';
  /** Saved command as make reads it back; undefined when the file has none. */
  command?: string;
  /** Path id of source_X. */
  source?: number;
  /** Path ids of deps_X file entries, in file order. */
  deps: Uint32Array;
  /** Config ids of the `$(wildcard include/config/…)` entries. */
  configs: Uint32Array;
  /** Path ids of `X: $(wildcard FILE)` lines (objtool's): prerequisites while they exist. */
  optionalPrereqs: number[];
  /** Spelling of the config entries: `include/config/FOO` (≥ 5.13) or `include/config/foo/bar.h` (older). */
  configStyle: 'name' | 'legacy';
  hasDeps: boolean;
}

/** Strings ↔ dense ints. */
export interface InternTable {
  ids: Map<string, number>;
  names: string[];
}

/**
 * Reverse index: key id → target ids, without duplicates, in no particular
 * order. After a bulk load the lists sit in two typed arrays (the targets of
 * key k at `targets[offsets[k] .. offsets[k + 1]]`): 4 bytes an entry and no
 * array per key. A key changed since gets an array of its own in `changed`.
 * Read it with reverseGet (reverseIndex.ts).
 */
export interface ReverseIndex {
  offsets: Uint32Array;
  targets: Uint32Array;
  changed: Map<number, number[]>;
}

/**
 * The deps_ lines of one file read recently: line k is
 * text[starts[k], starts[k + 1]) with entry code codes[k] (-1: a line not
 * kept, which no run copies), for k < n.
 */
export interface SeenLines {
  text: string;
  starts: Int32Array;
  codes: Int32Array;
  n: number;
}

/**
 * What the store knows about deps_ entries as written, so that a load reads
 * each occurrence without making strings. An entry's code is id × 4 + kind
 * (ENTRY_* in entries.ts).
 */
export interface EntryCache {
  /** Entry text (a path, or a whole `$(wildcard include/config/X)`) → code. */
  codes: RangeMap;
  /** Code → code of the entry that followed it on the last line read the slow way after it (-1: none yet). */
  next: Int32Array;
  /** Code → the code that followed it before `next` did (-1: none). */
  previous: Int32Array;
  /**
   * Where each code's line was last seen whole: the number of the file
   * (files are numbered as they are read) and the line in its SeenLines.
   */
  seenFile: Int32Array;
  seenLine: Int32Array;
  /** Files read so far (the next file's number). */
  filesRead: number;
  /** Lines of the last RECENT_TEXTS files read, file number f at f % RECENT_TEXTS. */
  recent: SeenLines[];
}

export interface CmdStore {
  /** Absolute build dir (make's cwd, objtree): relative entries resolve against it. */
  buildDir: string;
  /** Absolute normalized paths. */
  paths: InternTable;
  /** CONFIG_ names. */
  configs: InternTable;
  entries: EntryCache;
  /** Target path id → object. */
  objects: Map<number, CmdObject>;
  /** Every .cmd file read → its target path id, or -1 when it names none. */
  byCmdFile: Map<string, number>;
  /** Path id of a source or dep → targets that list it. */
  dependents: ReverseIndex;
  /** Config id → targets. */
  configUsers: ReverseIndex;
  /** Diagnostics per .cmd file (only files that have some). */
  diagnostics: Map<string, CmdDiagnostic[]>;
  /** False only while a bulk load defers the reverse indexes (see buildIndexes). */
  indexed: boolean;
}
