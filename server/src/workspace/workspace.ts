// The ground state: file texts in memory with their occurrences (shared by
// distinct content: scripts/Kbuild.include is the same text in every
// folder), plus name indexes kept up to date file by file. A file's syntax
// tree is parsed again on first use and kept from then on: the index needs
// only the occurrences, and the trees of a whole kernel tree, kept from the
// start, would all survive into the old generation (GC time and memory).
// No IO: the lsp layer and the CLI feed texts in.
import type { ParseResult } from '../syntax/ast';
import { LineIndex } from '../syntax/lineIndex';
import { parseMakefile } from '../syntax/reader';
import { aliasesAt, decodeOccurrences, encodeOccurrences, FIELDS, kindAt, nameAt, reencode, type EncodedOccurrences, type StringTable } from './encoded';
import { type Occurrence, type OccurrenceKind, collectOccurrences } from './occurrences';

export interface WorkspaceFile {
  readonly path: string;
  readonly text: string;
  /** Parsed on first use, then kept. */
  readonly parse: ParseResult;
  /** Computed on first use, then kept. */
  readonly lines: LineIndex;
  readonly occurrences: Occurrence[];
}

class LoadedFile implements WorkspaceFile {
  #parse: ParseResult | undefined;
  #lines: LineIndex | undefined;
  #occurrences: Occurrence[] | undefined;
  /** A restored file's occurrences until they are first asked for. */
  encoded: EncodedOccurrences | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
    occurrences: Occurrence[] | EncodedOccurrences,
  ) {
    if (Array.isArray(occurrences)) this.#occurrences = occurrences;
    else this.encoded = occurrences;
  }

  get occurrences(): Occurrence[] {
    if (!this.#occurrences) {
      this.#occurrences = decodeOccurrences(this.encoded as EncodedOccurrences);
      this.encoded = undefined;
    }
    return this.#occurrences;
  }

  get parse(): ParseResult {
    return (this.#parse ??= parseMakefile(this.text, this.path));
  }

  get lines(): LineIndex {
    return (this.#lines ??= new LineIndex(this.text));
  }
}

export interface IndexedOccurrence {
  readonly file: string;
  readonly occ: Occurrence;
}

/** An index entry of a restored file: its occurrence is made on first use. */
class RestoredEntry implements IndexedOccurrence {
  constructor(
    private readonly source: WorkspaceFile,
    private readonly position: number,
  ) {}

  get file(): string {
    return this.source.path;
  }

  get occ(): Occurrence {
    return this.source.occurrences[this.position];
  }
}

export interface Workspace {
  root: string;
  files: Map<string, WorkspaceFile>;
  /** name → occurrences, per kind family; rebuilt per changed file. */
  defs: Map<string, IndexedOccurrence[]>;
  refs: Map<string, IndexedOccurrence[]>;
  targets: Map<string, IndexedOccurrence[]>;
  prereqs: Map<string, IndexedOccurrence[]>;
  /** Bumped on every change; caches above the workspace key on it. */
  revision: number;
}

/**
 * Occurrences by file text, shared across workspaces; bounded so an editing
 * session cannot grow it forever. Keyed by the text itself: V8 hashes a
 * string key natively, and equal hashes are told apart by comparing texts.
 */
const occurrenceCache = new Map<string, Occurrence[]>();
const OCCURRENCE_CACHE_LIMIT = 20_000;

function occurrencesOf(path: string, text: string): Occurrence[] {
  const hit = occurrenceCache.get(text);
  if (hit) return hit;
  const occurrences = collectOccurrences(parseMakefile(text, path));
  if (occurrenceCache.size >= OCCURRENCE_CACHE_LIMIT) occurrenceCache.delete(occurrenceCache.keys().next().value as string);
  occurrenceCache.set(text, occurrences);
  return occurrences;
}

export function createWorkspace(options: { root: string }): Workspace {
  return { root: options.root, files: new Map(), defs: new Map(), refs: new Map(), targets: new Map(), prereqs: new Map(), revision: 0 };
}

function indexFor(ws: Workspace, kind: OccurrenceKind): Map<string, IndexedOccurrence[]> | undefined {
  switch (kind) {
    case 'varDef':
      return ws.defs;
    case 'varRef':
      return ws.refs;
    case 'target':
      return ws.targets;
    case 'prereq':
      return ws.prereqs;
    default:
      return undefined;
  }
}

function names(occ: Occurrence): string[] {
  return occ.aliases && occ.aliases.length > 0 ? [occ.name, ...occ.aliases] : [occ.name];
}

function unindex(ws: Workspace, file: WorkspaceFile): void {
  for (const occ of file.occurrences) {
    const index = indexFor(ws, occ.kind);
    if (!index) continue;
    for (const name of names(occ)) {
      const list = index.get(name);
      if (!list) continue;
      const kept = list.filter((e) => e.file !== file.path);
      if (kept.length > 0) index.set(name, kept);
      else index.delete(name);
    }
  }
}

function indexUnder(index: Map<string, IndexedOccurrence[]>, name: string, entry: IndexedOccurrence): void {
  const list = index.get(name);
  if (list) list.push(entry);
  else index.set(name, [entry]);
}

// Runs for every occurrence of a kernel tree: no array per occurrence for its names.
function addToIndex(ws: Workspace, file: WorkspaceFile): void {
  if (file instanceof LoadedFile && file.encoded) {
    addEncodedToIndex(ws, file, file.encoded);
    return;
  }
  for (const occ of file.occurrences) {
    const index = indexFor(ws, occ.kind);
    if (!index) continue;
    const entry = { file: file.path, occ };
    indexUnder(index, occ.name, entry);
    if (occ.aliases) for (const alias of occ.aliases) indexUnder(index, alias, entry);
  }
}

function addEncodedToIndex(ws: Workspace, file: WorkspaceFile, encoded: EncodedOccurrences): void {
  for (let at = 0, position = 0; at < encoded.data.length; at += FIELDS, position++) {
    const index = indexFor(ws, kindAt(encoded, at));
    if (!index) continue;
    const entry = new RestoredEntry(file, position);
    indexUnder(index, nameAt(encoded, at), entry);
    const aliases = aliasesAt(encoded, at);
    if (aliases) for (const alias of aliases) indexUnder(index, alias, entry);
  }
}

/**
 * A file parsed and ready to join a workspace (no workspace is touched): the
 * indexer prepares files as their reads complete and adds them in path order.
 */
export function prepareFile(path: string, text: string): WorkspaceFile {
  return new LoadedFile(path, text, occurrencesOf(path, text));
}

/** A file as an index snapshot kept it: the same as prepareFile would make of the text, without parsing it. */
export function restoredFile(path: string, text: string, occurrences: EncodedOccurrences): WorkspaceFile {
  return new LoadedFile(path, text, occurrences);
}

/** A file's occurrences in the compact form, with their strings in `table` (a restored file's without decoding them). */
export function encodeFile(file: WorkspaceFile, table: StringTable): Int32Array {
  if (file instanceof LoadedFile && file.encoded) return reencode(file.encoded, table);
  return encodeOccurrences(file.occurrences, table);
}

/** Puts a prepared file in the workspace, replacing the path's old version unless its text is the same. */
export function addFile(ws: Workspace, file: WorkspaceFile): WorkspaceFile {
  const old = ws.files.get(file.path);
  if (old && old.text === file.text) return old;
  if (old) unindex(ws, old);
  ws.files.set(file.path, file);
  addToIndex(ws, file);
  ws.revision++;
  return file;
}

export function setFileText(ws: Workspace, path: string, text: string): WorkspaceFile {
  const old = ws.files.get(path);
  if (old && old.text === text) return old;
  return addFile(ws, prepareFile(path, text));
}

export function removeFile(ws: Workspace, path: string): void {
  const old = ws.files.get(path);
  if (!old) return;
  unindex(ws, old);
  ws.files.delete(path);
  ws.revision++;
}

export function getFile(ws: Workspace, path: string): WorkspaceFile | undefined {
  return ws.files.get(path);
}

export function allFiles(ws: Workspace): string[] {
  return [...ws.files.keys()];
}
