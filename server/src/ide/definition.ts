// Go to definition: variables (every definition site, += included, in the
// nearest scope tier that has one), targets (explicit and matching pattern
// rules), Kbuild indirections ($(call if_changed,x) → cmd_x, obj-y += foo.o
// → foo.c or the foo-y composite, $(build)=dir → dir's Kbuild/Makefile) and
// include lines.
import { dirname, join } from 'node:path/posix';
import { compositeVariables, DIRECTORY_MAKEFILES, objectSources } from '../kbuild/indirections';
import { kernelRoot, resolveInclude } from '../workspace/includes';
import type { Occurrence } from '../workspace/occurrences';
import { searchTiers } from '../workspace/scope';
import type { IndexedOccurrence, Workspace } from '../workspace/workspace';
import { occurrenceAt } from './locate';
import type { FileSpan } from './types';

export interface DefinitionQuery {
  file: string;
  offset: number;
}

export interface DefinitionOptions {
  /** Whether a path exists on disk (source files are not in the workspace). */
  exists?: (path: string) => boolean;
}

function toFileSpans(entries: IndexedOccurrence[]): FileSpan[] {
  return entries.map((e) => ({ file: e.file, span: e.occ.span }));
}

/** Entries of an index for some names, nearest scope tier first; all of the workspace as the last tier. */
export function lookupInTiers(ws: Workspace, file: string, found: IndexedOccurrence[]): IndexedOccurrence[] {
  if (found.length === 0) return [];
  for (const tier of searchTiers(ws, file)) {
    const set = new Set(tier);
    const inTier = found.filter((e) => set.has(e.file));
    if (inTier.length > 0) return inTier;
  }
  return found;
}

/**
 * A variable's value in a sub-make comes from its parent's environment and
 * from the files it reads, so the file's include closure and the contexts
 * that run it count together; the rest of the workspace only when they have none.
 */
export function variableDefinitionEntries(ws: Workspace, file: string, names: string[]): IndexedOccurrence[] {
  const found = names.flatMap((n) => ws.defs.get(n) ?? []);
  if (found.length === 0) return [];
  const scope = new Set(searchTiers(ws, file).flat());
  const inScope = found.filter((e) => scope.has(e.file));
  return dedupe(inScope.length > 0 ? inScope : found);
}

function variableDefinitions(ws: Workspace, file: string, names: string[]): FileSpan[] {
  return toFileSpans(variableDefinitionEntries(ws, file, names));
}

function dedupe(entries: IndexedOccurrence[]): IndexedOccurrence[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = `${e.file}:${e.occ.span.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function patternMatches(pattern: string, name: string): boolean {
  const i = pattern.indexOf('%');
  if (i === -1 || pattern.indexOf('%', i + 1) !== -1) return false;
  const prefix = pattern.slice(0, i);
  const suffix = pattern.slice(i + 1);
  return name.length >= prefix.length + suffix.length && name.startsWith(prefix) && name.endsWith(suffix);
}

export function targetDefinitions(ws: Workspace, file: string, name: string): FileSpan[] {
  const explicit = lookupInTiers(ws, file, ws.targets.get(name) ?? []);
  if (explicit.length > 0) return toFileSpans(explicit);
  const patterns: IndexedOccurrence[] = [];
  for (const [target, entries] of ws.targets) {
    if (target.includes('%') && patternMatches(target, name)) patterns.push(...entries);
  }
  return toFileSpans(lookupInTiers(ws, file, patterns));
}

function fileStart(path: string): FileSpan {
  return { file: path, span: { start: 0, end: 0 } };
}

function directoryMakefile(ws: Workspace, dir: string): FileSpan[] {
  for (const name of DIRECTORY_MAKEFILES) {
    const path = join(dir, name);
    if (ws.files.has(path)) return [fileStart(path)];
  }
  return [];
}

function objectDefinition(ws: Workspace, file: string, occ: Occurrence, options: DefinitionOptions): FileSpan[] {
  const dir = dirname(file);
  if (occ.name.endsWith('/')) return directoryMakefile(ws, join(dir, occ.name));
  const composite = variableDefinitions(ws, file, compositeVariables(occ.name)).filter((d) => d.file === file);
  if (composite.length > 0) return composite;
  const sources = objectSources(occ.name).map((s) => join(dir, s));
  const existing = options.exists ? sources.filter((s) => options.exists?.(s)) : [];
  return existing.map(fileStart);
}

function subdirDefinition(ws: Workspace, file: string, occ: Occurrence): FileSpan[] {
  const cleaned = occ.name.replace(/^\$\((srctree|objtree)\)\//, '');
  if (cleaned.includes('$')) return [];
  const bases = [kernelRoot(ws, file), dirname(file)].filter((b): b is string => !!b);
  for (const base of bases) {
    const found = directoryMakefile(ws, join(base, cleaned));
    if (found.length > 0) return found;
  }
  return [];
}

export function definitionOf(ws: Workspace, file: string, occ: Occurrence, options: DefinitionOptions = {}): FileSpan[] {
  switch (occ.kind) {
    case 'varRef':
    case 'varDef':
      return variableDefinitions(ws, file, [occ.name, ...(occ.aliases ?? [])]);
    case 'target':
    case 'prereq':
      return targetDefinitions(ws, file, occ.name);
    case 'include':
      return resolveInclude(ws, { includer: file, word: occ.name }).slice(0, 1).map(fileStart);
    case 'object':
      return objectDefinition(ws, file, occ, options);
    case 'subdir':
      return subdirDefinition(ws, file, occ);
    default: {
      const never: never = occ.kind;
      return never;
    }
  }
}

export function definition(ws: Workspace, query: DefinitionQuery, options: DefinitionOptions = {}): FileSpan[] {
  const entry = ws.files.get(query.file);
  if (!entry) return [];
  const occ = occurrenceAt(entry, query.offset);
  return occ ? definitionOf(ws, query.file, occ, options) : [];
}
