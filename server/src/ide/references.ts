// Find references: for a variable, every use and (optionally) every
// definition across the workspace, Kbuild indirections included (a use of
// cmd_foo through $(call if_changed,foo) counts); for a target, every rule
// naming it and every prerequisite list that waits on it.
import type { Workspace } from '../workspace/workspace';
import { occurrenceAt } from './locate';
import type { FileSpan } from './types';

export interface ReferencesQuery {
  file: string;
  offset: number;
  includeDeclaration: boolean;
}

export function references(ws: Workspace, query: ReferencesQuery): FileSpan[] {
  const entry = ws.files.get(query.file);
  if (!entry) return [];
  const occ = occurrenceAt(entry, query.offset);
  if (!occ) return [];
  const names = [occ.name, ...(occ.aliases ?? [])];
  const isTarget = occ.kind === 'target' || occ.kind === 'prereq';
  const uses = isTarget ? ws.prereqs : ws.refs;
  const decls = isTarget ? ws.targets : ws.defs;
  const out: FileSpan[] = [];
  const seen = new Set<string>();
  const add = (file: string, span: { start: number; end: number }) => {
    const key = `${file}:${span.start}:${span.end}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ file, span });
    }
  };
  for (const name of names) {
    if (query.includeDeclaration) for (const e of decls.get(name) ?? []) add(e.file, e.occ.span);
    for (const e of uses.get(name) ?? []) add(e.file, e.occ.span);
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.span.start - b.span.start));
}
