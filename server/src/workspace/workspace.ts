// The ground state: file texts in memory, each parsed once per distinct
// content (scripts/Kbuild.include is the same text in every context), plus
// name indexes kept up to date file by file. No IO: the lsp layer and the
// CLI feed texts in.
import type { ParseResult } from '../syntax/ast';
import { LineIndex } from '../syntax/lineIndex';
import { parseMakefile } from '../syntax/reader';
import { type Occurrence, collectOccurrences } from './occurrences';

export interface WorkspaceFile {
  path: string;
  text: string;
  parse: ParseResult;
  lines: LineIndex;
  occurrences: Occurrence[];
}

export interface IndexedOccurrence {
  file: string;
  occ: Occurrence;
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

interface CachedParse {
  text: string;
  parse: Omit<ParseResult, 'file'>;
  occurrences: Occurrence[];
}

/** Parses shared by content across workspaces; bounded so an editing session cannot grow it forever. */
const parseCache = new Map<string, CachedParse>();
const PARSE_CACHE_LIMIT = 20_000;

function contentKey(text: string): string {
  // FNV-1a over UTF-16 units, plus the length; the text is compared on a hit.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(36)}:${text.length}`;
}

function parseCached(path: string, text: string): { parse: ParseResult; occurrences: Occurrence[] } {
  const key = contentKey(text);
  const hit = parseCache.get(key);
  if (hit && hit.text === text) return { parse: { ...hit.parse, file: path }, occurrences: hit.occurrences };
  const parse = parseMakefile(text, path);
  const occurrences = collectOccurrences(parse);
  if (parseCache.size >= PARSE_CACHE_LIMIT) parseCache.delete(parseCache.keys().next().value as string);
  parseCache.set(key, { text, parse: { text: parse.text, stmts: parse.stmts, diagnostics: parse.diagnostics }, occurrences });
  return { parse, occurrences };
}

export function createWorkspace(options: { root: string }): Workspace {
  return { root: options.root, files: new Map(), defs: new Map(), refs: new Map(), targets: new Map(), prereqs: new Map(), revision: 0 };
}

function indexFor(ws: Workspace, occ: Occurrence): Map<string, IndexedOccurrence[]> | undefined {
  switch (occ.kind) {
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
    const index = indexFor(ws, occ);
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

function addToIndex(ws: Workspace, file: WorkspaceFile): void {
  for (const occ of file.occurrences) {
    const index = indexFor(ws, occ);
    if (!index) continue;
    for (const name of names(occ)) {
      const list = index.get(name);
      if (list) list.push({ file: file.path, occ });
      else index.set(name, [{ file: file.path, occ }]);
    }
  }
}

/**
 * A file parsed and ready to join a workspace (no workspace is touched): the
 * indexer prepares files as their reads complete and adds them in path order.
 */
export function prepareFile(path: string, text: string): WorkspaceFile {
  const { parse, occurrences } = parseCached(path, text);
  return { path, text, parse, lines: new LineIndex(text), occurrences };
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
