// Reading one .cmd file into a CmdObject with interned ids. The deps_ lines
// go through the store's EntryCache: first the lines predicted from the
// previous entry (fixdep writes headers in a few orders, much the same in
// every file: about nine lines in ten are predicted), checked a run at a
// time against where those lines were last seen; then a hash lookup of the
// entry, and only new entries are classified.
import { detach, flatCopy, intern, internPath } from './intern';
import { scanCmdFile, type CmdDiagnostic, type CmdEntrySink, type EntryText } from './parse';
import { createRangeMap, rangeGet, rangeSet } from './rangeMap';
import type { CmdObject, CmdStore, EntryCache } from './types';

const ENTRY_DEP = 0;
const ENTRY_CONFIG = 1;
const ENTRY_LEGACY_CONFIG = 2;

/** Texts kept to check predicted lines against (a few MB at most while a load runs). */
const RECENT_TEXTS = 32;

export function createEntryCache(): EntryCache {
  const size = 4096;
  const codes = (): Int32Array => new Int32Array(size).fill(-1);
  return { codes: createRangeMap(), lines: [], next: codes(), previous: codes(), seenFile: codes(), seenAt: codes(), filesRead: 0, recent: new Array<string>(RECENT_TEXTS).fill('') };
}

function grown(codes: Int32Array, size: number): Int32Array {
  const out = new Int32Array(size).fill(-1);
  out.set(codes);
  return out;
}

/** Makes the per-code arrays long enough for `code`. */
function ensureCode(cache: EntryCache, code: number): void {
  if (code < cache.next.length) return;
  const size = Math.max(cache.next.length * 2, code + 1);
  cache.next = grown(cache.next, size);
  cache.previous = grown(cache.previous, size);
  cache.seenFile = grown(cache.seenFile, size);
  cache.seenAt = grown(cache.seenAt, size);
}

function setNext(cache: EntryCache, args: { code: number; next: number }): void {
  const { code } = args;
  ensureCode(cache, code);
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
  /** This file's number in the EntryCache's seenFile. */
  number: 0,
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

/** Line `code` is at text[at…] of the file being read (its content checked). */
function seen(code: number, at: number): void {
  const { entries } = file.store;
  entries.seenFile[code] = file.number;
  entries.seenAt[code] = at;
}

/**
 * Drops the texts kept, so that the store keeps no file text alive once a
 * load or an update is done: the numbers of the files read so far leave
 * the window of recent ones, and their lines are checked one by one.
 */
export function releaseTexts(cache: EntryCache): void {
  cache.recent.fill('');
  cache.filesRead += RECENT_TEXTS;
}

/** What predictRun recorded: the file's state before, and each line's code and end. */
const run = {
  deps: 0,
  configs: 0,
  legacy: false,
  last: -1,
  codes: new Int32Array(1024) as Int32Array,
  ends: new Int32Array(1024) as Int32Array,
  n: 0,
};

/**
 * Records the lines from `pos` on that look predicted: after each entry the
 * line of its latest successor, else of the one before (fixdep lists headers
 * in a few orders that alternate). Returns where it stopped; `run` holds
 * what it recorded, to be checked by linesThere.
 */
function predictRun(text: string, pos: number): number {
  const { lines, next, previous } = file.store.entries;
  run.deps = file.deps.n;
  run.configs = file.configs.n;
  run.legacy = file.legacy;
  run.last = file.last;
  let at = pos;
  let n = 0;
  for (let last = file.last; last >= 0 && last < next.length; last = file.last) {
    let code = next[last];
    if (code < 0 || !looksLike(text, at, lines[code] as string)) {
      code = previous[last];
      if (code < 0 || !looksLike(text, at, lines[code] as string)) break;
    }
    record(code);
    at += (lines[code] as string).length;
    if (n === run.codes.length) {
      run.codes = grown(run.codes, n * 2);
      run.ends = grown(run.ends, n * 2);
    }
    run.codes[n] = code;
    run.ends[n++] = at;
  }
  run.n = n;
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
  seen(code, at);
  return at + (lines[code] as string).length;
}

/**
 * How many of the run's first lines are there. Lines last seen one after
 * the other in one text are compared with that stretch of it at once, a
 * compare of two slices: no string is built (concatenating the predicted
 * lines and flattening them for the compare was a quarter of a load). A
 * stretch that differs is halved to find its longest prefix of whole lines
 * that is there. The same result as comparing every line.
 */
function linesThere(text: string, pos: number): number {
  const { seenFile, seenAt, recent, lines, filesRead } = file.store.entries;
  const { codes, ends, n } = run;
  const oldest = Math.max(0, filesRead - RECENT_TEXTS);
  for (let i = 0; i < n; ) {
    const from = i === 0 ? pos : ends[i - 1];
    const source = seenFile[codes[i]];
    let j = i + 1;
    // A line whose file is no longer kept is compared with itself.
    let other = lines[codes[i]] as string;
    // Where the stretch was seen, relative to where it is now.
    let shift = -from;
    if (source >= oldest) {
      other = recent[source % RECENT_TEXTS];
      shift = seenAt[codes[i]] - from;
      while (j < n && seenFile[codes[j]] === source && seenAt[codes[j]] === ends[j - 1] + shift) j++;
    }
    if (text.substring(from, ends[j - 1]) !== other.substring(from + shift, ends[j - 1] + shift)) {
      // Lines [i, lo) are there; line j - 1 at most is not.
      let lo = i;
      let hi = j - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (text.substring(from, ends[mid - 1]) === other.substring(from + shift, ends[mid - 1] + shift)) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    }
    i = j;
  }
  return n;
}

/** Notes where the run's first `count` lines (checked) are, for the next file's runs. */
function runSeen(pos: number, count: number): void {
  const { ends, codes } = run;
  for (let i = 0; i < count; i++) seen(codes[i], i === 0 ? pos : ends[i - 1]);
}

/**
 * A run that looked right but was not: takes back what it recorded, keeps
 * its first `count` lines (those that are there), and returns where they end.
 */
function keepPrefix(pos: number, count: number): number {
  file.deps.n = run.deps;
  file.configs.n = run.configs;
  file.legacy = run.legacy;
  file.last = run.last;
  for (let i = 0; i < count; i++) record(run.codes[i]);
  runSeen(pos, count);
  return count > 0 ? run.ends[count - 1] : pos;
}

const sink: CmdEntrySink = {
  lines(text, pos) {
    let at = pos;
    for (;;) {
      const end = predictRun(text, at);
      if (end === at) break;
      // Few compares for the whole run: a compare per line cost more than the rest of the line's reading.
      const there = linesThere(text, at);
      if (there === run.n) {
        runSeen(at, there);
        at = end;
        break;
      }
      at = keepPrefix(at, there);
      const next = exactStep(text, at);
      if (next === at) break;
      at = next;
    }
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
    if (entries.lines[file.last] === undefined) {
      ensureCode(entries, file.last);
      entries.lines[file.last] = flatCopy(text.slice(start, end));
      seen(file.last, start);
    }
    if (file.before >= 0) setNext(entries, { code: file.before, next: file.last });
  },
};

export function readObject(store: CmdStore, args: { text: string; cmdFile: string }): { obj?: CmdObject; diagnostics: CmdDiagnostic[] } {
  file.store = store;
  file.number = store.entries.filesRead++;
  store.entries.recent[file.number % RECENT_TEXTS] = args.text;
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
    optionalPrereqs: header.optionalPrereqs.map(path),
    configStyle: file.legacy ? 'legacy' : 'name',
    hasDeps: header.hasDeps,
  };
  return { obj, diagnostics: header.diagnostics };
}
