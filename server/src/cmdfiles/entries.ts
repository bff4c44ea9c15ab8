// Reading one .cmd file into a CmdObject with interned ids. The deps_ lines
// go through the store's EntryCache: first the lines predicted from the
// previous entry (fixdep writes headers in a few orders, much the same in
// every file: about nine lines in ten are predicted), checked a run at a
// time; then a hash lookup of the entry, and only new entries are classified.
import { detach, flatCopy, intern, internPath } from './intern';
import { scanCmdFile, type CmdDiagnostic, type CmdEntrySink, type EntryText } from './parse';
import { createRangeMap, rangeGet, rangeSet } from './rangeMap';
import type { CmdObject, CmdStore, EntryCache } from './types';

const ENTRY_DEP = 0;
const ENTRY_CONFIG = 1;
const ENTRY_LEGACY_CONFIG = 2;

export function createEntryCache(): EntryCache {
  return { codes: createRangeMap(), lines: [], next: new Int32Array(4096).fill(-1), previous: new Int32Array(4096).fill(-1) };
}

function grown(codes: Int32Array, size: number): Int32Array {
  const out = new Int32Array(size).fill(-1);
  out.set(codes);
  return out;
}

function setNext(cache: EntryCache, args: { code: number; next: number }): void {
  const { code } = args;
  if (code >= cache.next.length) {
    const size = Math.max(cache.next.length * 2, code + 1);
    cache.next = grown(cache.next, size);
    cache.previous = grown(cache.previous, size);
  }
  if (cache.next[code] === args.next) return;
  if (cache.next[code] >= 0) cache.previous[code] = cache.next[code];
  cache.next[code] = args.next;
}

function remember(cache: EntryCache, entry: { written: EntryText; code: number }): void {
  const { text, start, end } = entry.written;
  if (rangeGet(cache.codes, text, start, end) < 0) rangeSet(cache.codes, detach(text.slice(start, end)), entry.code);
}

/** Path id of an entry as written (a target, a source or a deps_ path). */
function entryPathId(store: CmdStore, entry: EntryText): number {
  const code = rangeGet(store.entries.codes, entry.text, entry.start, entry.end);
  if (code >= 0 && (code & 3) === ENTRY_DEP) return code >> 2;
  const id = internPath(store, entry.text.slice(entry.start, entry.end));
  remember(store.entries, { written: entry, code: id * 4 + ENTRY_DEP });
  return id;
}

/** Ids gathered for the file being read, copied out with one slice at its end. */
interface IdList {
  ids: Uint32Array;
  n: number;
}

function push(list: IdList, id: number): void {
  if (list.n === list.ids.length) {
    const bigger = new Uint32Array(list.n * 2);
    bigger.set(list.ids);
    list.ids = bigger;
  }
  list.ids[list.n++] = id;
}

// One sink for all scans, pointed at the file being read: a scan is
// synchronous, and a sink built per file made the callbacks polymorphic.
const file = {
  store: undefined as unknown as CmdStore,
  deps: { ids: new Uint32Array(1024), n: 0 } as IdList,
  configs: { ids: new Uint32Array(1024), n: 0 } as IdList,
  legacy: false,
  /** Code of the last entry recorded, -1 at the start of the list. */
  last: -1,
  /** Code of the entry before the current line, and how many entries the line gave. */
  before: -1,
  onLine: 0,
};

function record(code: number): void {
  const kind = code & 3;
  if (kind === ENTRY_DEP) push(file.deps, code >> 2);
  else push(file.configs, code >> 2);
  if (kind === ENTRY_LEGACY_CONFIG) file.legacy = true;
  file.last = code;
  file.onLine++;
}

/**
 * Whether `line` plausibly starts at text[at]: it ends there, and three of
 * its characters are the same (the middle, and two before the
 * extension of `  path.h \`, where paths differ most).
 */
function looksLike(text: string, at: number, line: string): boolean {
  const n = line.length;
  const end = at + n;
  return end <= text.length && text.charCodeAt(end - 1) === line.charCodeAt(n - 1)
    && text.charCodeAt(end - 6) === line.charCodeAt(n - 6) && text.charCodeAt(end - 7) === line.charCodeAt(n - 7)
    && text.charCodeAt(at + (n >> 1)) === line.charCodeAt(n >> 1);
}

/** What predictRun recorded: the file's state before, each line's code and end, and the lines' concatenation. */
const run = {
  deps: 0,
  configs: 0,
  legacy: false,
  last: -1,
  codes: new Int32Array(1024) as Int32Array,
  ends: new Int32Array(1024) as Int32Array,
  n: 0,
  text: '',
};

/**
 * Records the lines from `pos` on that look predicted: after each entry the
 * line of its latest successor, else of the one before (fixdep lists headers
 * in a few orders that alternate). Returns where it stopped; `run` holds
 * what it recorded, its `text` the lines' concatenation for one compare.
 */
function predictRun(text: string, pos: number): number {
  const { lines, next, previous } = file.store.entries;
  run.deps = file.deps.n;
  run.configs = file.configs.n;
  run.legacy = file.legacy;
  run.last = file.last;
  let joined = '';
  let at = pos;
  let n = 0;
  for (let last = file.last; last >= 0 && last < next.length; last = file.last) {
    let code = next[last];
    if (code < 0 || !looksLike(text, at, lines[code] as string)) {
      code = previous[last];
      if (code < 0 || !looksLike(text, at, lines[code] as string)) break;
    }
    const line = lines[code] as string;
    joined = joined === '' ? line : joined + line;
    record(code);
    at += line.length;
    if (n === run.codes.length) {
      run.codes = grown(run.codes, n * 2);
      run.ends = grown(run.ends, n * 2);
    }
    run.codes[n] = code;
    run.ends[n++] = at;
  }
  run.n = n;
  run.text = joined;
  return at;
}

/** The one line at text[at…] after the last entry recorded, by a full compare; returns its end, or `at`. */
function exactStep(text: string, at: number): number {
  const { lines, next, previous } = file.store.entries;
  const last = file.last;
  if (last < 0 || last >= next.length) return at;
  let code = next[last];
  if (code < 0 || text.substring(at, at + (lines[code] as string).length) !== lines[code]) {
    code = previous[last];
    if (code < 0 || text.substring(at, at + (lines[code] as string).length) !== lines[code]) return at;
  }
  record(code);
  return at + (lines[code] as string).length;
}

/**
 * A run that looked right but was not: takes back what it recorded, keeps
 * its longest prefix of whole lines that is there (found by halving), and
 * returns where that prefix ends.
 */
function keepMatchingPrefix(text: string, pos: number): number {
  file.deps.n = run.deps;
  file.configs.n = run.configs;
  file.legacy = run.legacy;
  file.last = run.last;
  const { ends, codes } = run;
  // The whole run is not there, so at most its first run.n - 1 lines are; lines [0, lo) are.
  let lo = 0;
  let hi = run.n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (text.substring(pos, ends[mid - 1]) === run.text.substring(0, ends[mid - 1] - pos)) lo = mid;
    else hi = mid - 1;
  }
  for (let i = 0; i < lo; i++) record(codes[i]);
  return lo > 0 ? ends[lo - 1] : pos;
}

const sink: CmdEntrySink = {
  lines(text, pos) {
    let at = pos;
    for (;;) {
      const end = predictRun(text, at);
      // One compare for the whole run: a compare per line cost more than the rest of the line's reading.
      if (end === at || text.substring(at, end) === run.text) {
        at = end;
        break;
      }
      at = keepMatchingPrefix(text, at);
      const next = exactStep(text, at);
      if (next === at) break;
      at = next;
    }
    run.text = '';
    file.before = file.last;
    file.onLine = 0;
    return at;
  },
  known(text, start, end) {
    const code = rangeGet(file.store.entries.codes, text, start, end);
    if (code < 0) return false;
    record(code);
    return true;
  },
  dep: (entry) => record(entryPathId(file.store, entry) * 4 + ENTRY_DEP),
  config(entry) {
    const code = intern(file.store.configs, `CONFIG_${entry.name}`) * 4 + (entry.legacy ? ENTRY_LEGACY_CONFIG : ENTRY_CONFIG);
    remember(file.store.entries, { written: entry.written, code });
    record(code);
  },
  lineDone(text, start, end) {
    // Only one-entry lines (all of fixdep's) are learned.
    if (file.onLine !== 1) return;
    const { entries } = file.store;
    if (entries.lines[file.last] === undefined) entries.lines[file.last] = flatCopy(text.slice(start, end));
    if (file.before >= 0) setNext(entries, { code: file.before, next: file.last });
  },
};

export function readObject(store: CmdStore, args: { text: string; cmdFile: string }): { obj?: CmdObject; diagnostics: CmdDiagnostic[] } {
  file.store = store;
  file.legacy = false;
  file.last = file.before = -1;
  file.onLine = 0;
  file.deps.n = 0;
  file.configs.n = 0;
  const header = scanCmdFile(args.text, sink);
  if (header.target === undefined) return { diagnostics: header.diagnostics };
  const path = (raw: string): number => entryPathId(store, { text: raw, start: 0, end: raw.length });
  const obj: CmdObject = {
    target: path(header.target),
    cmdFile: args.cmdFile,
    commandVariable: header.commandVariable,
    command: header.command === undefined ? undefined : detach(header.command),
    source: header.source === undefined ? undefined : path(header.source),
    deps: file.deps.ids.slice(0, file.deps.n),
    configs: file.configs.ids.slice(0, file.configs.n),
    configStyle: file.legacy ? 'legacy' : 'name',
    hasDeps: header.hasDeps,
  };
  return { obj, diagnostics: header.diagnostics };
}
