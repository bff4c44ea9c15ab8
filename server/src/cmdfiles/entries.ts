// Reading one .cmd file into a CmdObject with interned ids. The deps_ lines
// go through the store's EntryCache: first the line predicted from the
// previous entry (fixdep writes headers in much the same order in every
// file: four lines in five are recognized with a single string compare), then
// a hash lookup of the entry, and only new entries are classified.
import { detach, intern, internPath } from './intern';
import { scanCmdFile, type CmdDiagnostic, type CmdEntrySink, type EntryText } from './parse';
import { createRangeMap, rangeGet, rangeSet } from './rangeMap';
import type { CmdObject, CmdStore, EntryCache } from './types';

const ENTRY_DEP = 0;
const ENTRY_CONFIG = 1;
const ENTRY_LEGACY_CONFIG = 2;

export function createEntryCache(): EntryCache {
  return { codes: createRangeMap(), lines: [], next: new Int32Array(4096).fill(-1) };
}

function setNext(cache: EntryCache, args: { code: number; next: number }): void {
  if (args.code >= cache.next.length) {
    const grown = new Int32Array(Math.max(cache.next.length * 2, args.code + 1)).fill(-1);
    grown.set(cache.next);
    cache.next = grown;
  }
  cache.next[args.code] = args.next;
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

// One sink for all scans, pointed at the file being read: a scan is
// synchronous, and a sink built per file made the callbacks polymorphic.
const file = {
  store: undefined as unknown as CmdStore,
  deps: [] as number[],
  configs: [] as number[],
  legacy: false,
  /** Code of the last entry recorded, -1 at the start of the list. */
  last: -1,
  /** Code of the entry before the current line, and how many entries the line gave. */
  before: -1,
  onLine: 0,
};

function record(code: number): void {
  const kind = code & 3;
  if (kind === ENTRY_DEP) file.deps.push(code >> 2);
  else file.configs.push(code >> 2);
  if (kind === ENTRY_LEGACY_CONFIG) file.legacy = true;
  file.last = code;
  file.onLine++;
}

const sink: CmdEntrySink = {
  lines(text, pos) {
    const { entries } = file.store;
    const { lines, next } = entries;
    let at = pos;
    let last = file.last;
    for (let code = last < 0 ? -1 : next[last]; code >= 0; code = next[code]) {
      const line = lines[code] as string;
      if (text.substring(at, at + line.length) !== line) break;
      record(code);
      at += line.length;
      last = code;
    }
    file.before = last;
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
    if (entries.lines[file.last] === undefined) entries.lines[file.last] = detach(text.slice(start, end));
    if (file.before >= 0) setNext(entries, { code: file.before, next: file.last });
  },
};

export function readObject(store: CmdStore, args: { text: string; cmdFile: string }): { obj?: CmdObject; diagnostics: CmdDiagnostic[] } {
  file.store = store;
  file.legacy = false;
  file.last = file.before = -1;
  file.onLine = 0;
  file.deps.length = 0;
  file.configs.length = 0;
  const header = scanCmdFile(args.text, sink);
  if (header.target === undefined) return { diagnostics: header.diagnostics };
  const path = (raw: string): number => entryPathId(store, { text: raw, start: 0, end: raw.length });
  const obj: CmdObject = {
    target: path(header.target),
    cmdFile: args.cmdFile,
    commandVariable: header.commandVariable,
    command: header.command === undefined ? undefined : detach(header.command),
    source: header.source === undefined ? undefined : path(header.source),
    deps: new Uint32Array(file.deps),
    configs: new Uint32Array(file.configs),
    configStyle: file.legacy ? 'legacy' : 'name',
    hasDeps: header.hasDeps,
  };
  return { obj, diagnostics: header.diagnostics };
}
