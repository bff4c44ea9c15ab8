// Reading one .cmd file into a CmdObject with interned ids. The deps_ lines
// go through the store's EntryCache. fixdep writes headers in much the same
// order in every file, but leaves out the CONFIG lines an object listed
// already, so the runs of lines shared with earlier files are short (seven
// lines on average in an x86_64 defconfig build). The lines of the last
// files read are kept as line starts and entry codes. At each line the
// reader looks for a run that goes on from there in one of them: where the
// last entry's successors were seen, the run it was copying (at the line
// expected or a few further on), the run before the last slow line. A run
// is told by where its lines' newlines fall and one character of each,
// checked with one compare of the whole stretch, and its codes copied. A
// line no run has is read the slow way (a hash lookup of its entry) and
// points at where it was seen.
import { detach, intern, internPath } from './intern';
import { scanCmdFile, type CmdDiagnostic, type CmdEntrySink, type EntryText } from './parse';
import { createRangeMap, rangeGet, rangeSet } from './rangeMap';
import type { CmdObject, CmdStore, EntryCache, SeenLines } from './types';

const ENTRY_DEP = 0;
const ENTRY_CONFIG = 1;
const ENTRY_LEGACY_CONFIG = 2;

/**
 * Files whose lines (and texts) are kept to copy runs from: the last ones
 * read, by a load or by updates (1–3 MB of text for a kernel build; a
 * rebuild rewriting files one by one finds its runs there too).
 */
const RECENT_TEXTS = 32;

/**
 * How many lines past the expected one a source is searched: a line missing
 * here is mostly a CONFIG line this object listed under an earlier header.
 */
const SKIP_AHEAD = 8;

function seenLines(): SeenLines {
  return { text: '', starts: new Int32Array(1024), codes: new Int32Array(1024), n: 0 };
}

export function createEntryCache(): EntryCache {
  return {
    codes: createRangeMap(),
    next: new Int32Array(4096).fill(-1),
    previous: new Int32Array(4096).fill(-1),
    seenFile: new Int32Array(4096).fill(-1),
    seenLine: new Int32Array(4096),
    filesRead: 0,
    recent: Array.from({ length: RECENT_TEXTS }, seenLines),
  };
}

function grown(codes: Int32Array, size: number, fill: number): Int32Array {
  const out = new Int32Array(size).fill(fill);
  out.set(codes);
  return out;
}

/** Makes the per-code arrays long enough for `code`. */
function ensureCode(cache: EntryCache, code: number): void {
  if (code < cache.seenFile.length) return;
  const size = Math.max(cache.seenFile.length * 2, code + 1);
  cache.next = grown(cache.next, size, -1);
  cache.previous = grown(cache.previous, size, -1);
  cache.seenFile = grown(cache.seenFile, size, -1);
  cache.seenLine = grown(cache.seenLine, size, 0);
}

function setNext(cache: EntryCache, args: { code: number; next: number }): void {
  const { code } = args;
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

/** Makes room for `count` more ids. */
function reserve(list: IdList, count: number): void {
  if (list.n + count <= list.ids.length) return;
  const bigger = new Uint32Array(Math.max(list.ids.length * 2, list.n + count));
  bigger.set(list.ids);
  list.ids = bigger;
}

function push(list: IdList, id: number): void {
  reserve(list, 1);
  list.ids[list.n++] = id;
}

// One sink for all scans, pointed at the file being read: a scan is
// synchronous, and a sink built per file made the callbacks polymorphic.
const file = {
  store: undefined as unknown as CmdStore,
  /** This file's number (files are numbered as they are read). */
  number: 0,
  /** This file's learned lines, kept for the files read after it. */
  own: undefined as unknown as SeenLines,
  deps: { ids: new Uint32Array(1024), n: 0 } as IdList,
  configs: { ids: new Uint32Array(1024), n: 0 } as IdList,
  legacy: false,
  /** Code of the last entry recorded, and how many entries the current line gave. */
  last: -1,
  onLine: 0,
  /** Code of the entry before the line being read the slow way (-1: none). */
  before: -1,
  /** Where the next line is expected: line `srcLine` of file `srcFile` (-1: nowhere). */
  srcFile: -1,
  srcLine: 0,
  /** The expectation before the last line read the slow way: that line may be one this file has and its source not. */
  altFile: -1,
  altLine: 0,
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
 * Where this file's next kept line, starting at `start`, goes, with room
 * for `count` lines from there. A line not kept (several entries, a
 * diagnostic) between the last one and this one becomes a line with code
 * -1, which no run copies.
 */
function nextLineSlot(start: number, count: number): number {
  const own = file.own;
  let n = own.n;
  if (n + count + 2 > own.starts.length) {
    const size = (n + count + 2) * 2;
    own.starts = grown(own.starts, size, 0);
    own.codes = grown(own.codes, size, 0);
  }
  if (n === 0) own.starts[0] = start;
  else if (own.starts[n] !== start) {
    own.codes[n++] = -1;
    own.starts[n] = start;
    own.n = n;
  }
  return n;
}

/** Keeps text[start, end) as this file's next line, with entry `code`. */
function keepLine(start: number, end: number, code: number): void {
  const own = file.own;
  const n = nextLineSlot(start, 1);
  own.codes[n] = code;
  own.starts[n + 1] = end;
  own.n = n + 1;
  const { entries } = file.store;
  entries.seenFile[code] = file.number;
  entries.seenLine[code] = n;
}

/**
 * How many lines of `source` from line `i` on are in `text` at `at`. Lines
 * are first told by where their newline falls and by their sixth character
 * from the end (in `  dir/name.h \` and `$(wildcard include/config/NAME) \`,
 * near the end of the name, where lines of one length differ most: without
 * it a fifth of the runs failed their compare), then the whole run is
 * compared at once; a run that differs is halved to find its longest
 * prefix of whole lines that is there.
 */
function matchRun(text: string, at: number, source: SeenLines, i: number): number {
  const { starts, codes, n } = source;
  const src = source.text;
  const shift = at - starts[i];
  let j = i;
  for (; j < n && codes[j] >= 0; j++) {
    const end = starts[j + 1];
    if (text.charCodeAt(end + shift - 1) !== 10 || text.charCodeAt(end + shift - 6) !== src.charCodeAt(end - 6)) break;
  }
  if (j === i) return 0;
  const from = starts[i];
  if (text.substring(at, starts[j] + shift) === src.substring(from, starts[j])) return j - i;
  // Lines [i, lo) are there; line hi - 1 at most is not.
  let lo = i;
  let hi = j - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (text.substring(at, starts[mid] + shift) === src.substring(from, starts[mid])) lo = mid;
    else hi = mid - 1;
  }
  return lo - i;
}

/**
 * Records lines [i, i + count) of `source`, found at text[at…], and keeps
 * them as this file's next lines (as record and keepLine would, line by
 * line: this is the loop a load spends its time in). Returns where they end.
 */
function copyRun(at: number, source: SeenLines, i: number, count: number): number {
  // Read from these: the source may be this file's own lines, whose arrays grow below.
  const { starts, codes } = source;
  const shift = at - starts[i];
  const end = starts[i + count] + shift;
  const own = file.own;
  let n = nextLineSlot(at, count);
  reserve(file.deps, count);
  reserve(file.configs, count);
  const { seenFile, seenLine } = file.store.entries;
  const { number } = file;
  const ownStarts = own.starts;
  const ownCodes = own.codes;
  const deps = file.deps.ids;
  const configs = file.configs.ids;
  let nDeps = file.deps.n;
  let nConfigs = file.configs.n;
  let legacy = false;
  for (let j = i; j < i + count; j++, n++) {
    const code = codes[j];
    const kind = code & 3;
    if (kind === ENTRY_DEP) deps[nDeps++] = code >> 2;
    else {
      configs[nConfigs++] = code >> 2;
      legacy ||= kind === ENTRY_LEGACY_CONFIG;
    }
    ownCodes[n] = code;
    ownStarts[n + 1] = starts[j + 1] + shift;
    seenFile[code] = number;
    seenLine[code] = n;
  }
  own.n = n;
  file.deps.n = nDeps;
  file.configs.n = nConfigs;
  file.legacy ||= legacy;
  file.last = codes[i + count - 1];
  return end;
}

/** Copies the run at line `i` of file `f`'s lines, when there is one; returns where it ends, or `at`. */
function tryRun(text: string, at: number, f: number, i: number): number {
  const source = file.store.entries.recent[f % RECENT_TEXTS];
  if (i >= source.n) return at;
  const count = matchRun(text, at, source, i);
  if (count === 0) return at;
  const end = copyRun(at, source, i, count);
  file.srcFile = f;
  file.srcLine = i + count;
  file.altFile = -1;
  return end;
}

/**
 * Copies the run of lines at text[at…], from the first place that has it:
 * where the last entry's latest and previous successors were seen, then
 * the expected source from the expected line or a few further on, then
 * the source expected before the last slow line. Returns where the run
 * ends, or `at` when none matched.
 */
function followRun(text: string, at: number): number {
  const { next, previous, seenFile, seenLine, filesRead } = file.store.entries;
  const oldest = Math.max(0, filesRead - RECENT_TEXTS);
  const code = file.last;
  if (code >= 0 && code < next.length) {
    for (let k = 0; k < 2; k++) {
      const successor = k === 0 ? next[code] : previous[code];
      if (successor < 0 || seenFile[successor] < oldest) continue;
      const end = tryRun(text, at, seenFile[successor], seenLine[successor]);
      if (end !== at) return end;
    }
  }
  const f = file.srcFile;
  if (f >= oldest) {
    // Lines of another length are passed over without a look at the text.
    const { starts, n } = file.store.entries.recent[f % RECENT_TEXTS];
    const length = text.indexOf('\n', at) + 1 - at;
    for (let i = file.srcLine; i < n && i <= file.srcLine + SKIP_AHEAD; i++) {
      if (starts[i + 1] - starts[i] !== length) continue;
      const end = tryRun(text, at, f, i);
      if (end !== at) return end;
    }
  }
  return file.altFile >= oldest ? tryRun(text, at, file.altFile, file.altLine) : at;
}

const sink: CmdEntrySink = {
  lines(text, pos) {
    let at = pos;
    for (let next = followRun(text, at); next !== at; next = followRun(text, at)) at = next;
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
  lineDone(_text, start, end) {
    // Only one-entry lines (all of fixdep's) are kept.
    if (file.onLine !== 1) return;
    const { entries } = file.store;
    const code = file.last;
    ensureCode(entries, code);
    const seenIn = entries.seenFile[code];
    const seenAt = entries.seenLine[code];
    keepLine(start, end, code);
    if (file.before >= 0) setNext(entries, { code: file.before, next: code });
    file.altFile = file.srcFile;
    file.altLine = file.srcLine;
    file.srcFile = seenIn;
    file.srcLine = seenAt + 1;
  },
};

export function readObject(store: CmdStore, args: { text: string; cmdFile: string }): { obj?: CmdObject; diagnostics: CmdDiagnostic[] } {
  file.store = store;
  file.number = store.entries.filesRead++;
  file.own = store.entries.recent[file.number % RECENT_TEXTS];
  file.own.text = args.text;
  file.own.n = 0;
  file.legacy = false;
  file.last = file.before = -1;
  file.onLine = 0;
  file.srcFile = file.altFile = -1;
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
