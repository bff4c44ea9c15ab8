// Go to definition through an evaluated build context: a variable's
// definition sites as make read them (files the static index cannot
// connect included), and computed names resolved in the context
// (`obj-$(CONFIG_X)` → the obj-y definitions when CONFIG_X=y). Anything
// else — targets, includes, objects, or a name the context does not
// define — goes to the static index (definition.ts).
import { expandInContext, type Evaluation } from '../eval';
import { hasUnknown } from '../eval/unknown';
import type { Location } from '../eval/types';
import type { Workspace } from '../workspace/workspace';
import { definitionOf, type DefinitionOptions } from './definition';
import { occurrenceAt } from './locate';
import type { FileSpan } from './types';

/** The name of the defining occurrence of a statement, else the statement's start. */
function spanOf(ws: Workspace, loc: Location & { offset: number }, name: string): FileSpan {
  const file = ws.files.get(loc.path);
  const occ = file?.occurrences.find((o) => o.kind === 'varDef' && o.stmtSpan.start === loc.offset && (o.name === name || o.aliases?.includes(name) || o.name.includes('$')));
  return { file: loc.path, span: occ ? occ.span : { start: loc.offset, end: loc.offset } };
}

/** Definition sites of `name` in the evaluation, in reading order, deduplicated. */
export function evaluatedDefinitionSites(ws: Workspace, ev: Evaluation, name: string): FileSpan[] {
  const v = ev.variables.get(name);
  if (!v) return [];
  const seen = new Set<string>();
  const out: FileSpan[] = [];
  for (const d of v.definitions) {
    const loc = d.loc;
    if (!loc || loc.offset === undefined || loc.inEval) continue;
    const key = `${loc.path}:${loc.offset}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(spanOf(ws, { ...loc, offset: loc.offset }, name));
  }
  return out;
}

export function evaluatedDefinition(ws: Workspace, q: { file: string; offset: number }, ev: Evaluation, options: DefinitionOptions = {}): FileSpan[] {
  const entry = ws.files.get(q.file);
  if (!entry) return [];
  const occ = occurrenceAt(entry, q.offset);
  if (!occ) return [];
  if (occ.kind === 'varRef' || occ.kind === 'varDef') {
    const name = occ.name.includes('$') ? expandInContext(ev, { text: occ.name }).value.trim() : occ.name;
    const sites = name !== '' && !hasUnknown(name) ? evaluatedDefinitionSites(ws, ev, name) : [];
    if (sites.length > 0) return sites;
  }
  return definitionOf(ws, q.file, occ, options);
}
