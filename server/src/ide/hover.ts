// Hover: for a variable, its definition sites in the scope make reads it in
// (operator and raw value each); inside `$(call fn,…)` of a user function,
// the call unfolded step by step down to the command a try-run executes.
import type { ExprNode } from '../syntax/ast';
import type { IndexedOccurrence, Workspace, WorkspaceFile } from '../workspace/workspace';
import { objectHover, type BuildIndex } from './builds';
import { callAt } from './callAt';
import { unfoldCall } from './callChain';
import { variableDefinitionEntries } from './definition';
import { occurrenceAt } from './locate';
import type { HoverInfo } from './types';

const MAX_SITES = 12;
const MAX_VALUE = 240;

function clip(s: string, n = MAX_VALUE): string {
  const one = s.replace(/\s*\n\s*/g, ' ⏎ ');
  return one.length > n ? `${one.slice(0, n)}…` : one;
}

function code(s: string): string {
  const fence = s.includes('`') ? '``' : '`';
  return `${fence}${s}${fence}`;
}

function relativeTo(root: string, file: string): string {
  return file.startsWith(root + '/') ? file.slice(root.length + 1) : file;
}

function siteLine(ws: Workspace, e: IndexedOccurrence): string {
  const entry = ws.files.get(e.file);
  const line = entry ? entry.lines.positionAt(e.occ.span.start).line + 1 : 0;
  const op = e.occ.detail ?? '=';
  const value = e.occ.value ?? '';
  return `- ${relativeTo(ws.root, e.file)}:${line} ${code(`${e.occ.name} ${op} ${clip(value)}`)}`;
}

function functionBody(ws: Workspace, file: string, name: string): string | undefined {
  const defs = variableDefinitionEntries(ws, file, [name]).filter((e) => e.occ.name === name);
  // The last recursive definition is what a call expands (a := body is already expanded text).
  const last = defs[defs.length - 1];
  return last?.occ.value;
}

function callHover(ws: Workspace, entry: WorkspaceFile, call: Extract<ExprNode, { kind: 'call' }>): HoverInfo | undefined {
  const text = entry.text.slice(call.span.start, call.span.end);
  const chain = unfoldCall(text, (name) => functionBody(ws, entry.path, name));
  if (chain.steps.length === 0) return undefined;
  const lines = [`**${code(clip(text, 120))}** unfolds in ${chain.steps.length} step${chain.steps.length > 1 ? 's' : ''}:`, ''];
  chain.steps.forEach((step, i) => {
    const def = variableDefinitionEntries(ws, entry.path, [step.fn]).filter((e) => e.occ.name === step.fn).pop();
    const where = def ? ` (${relativeTo(ws.root, def.file)}:${(ws.files.get(def.file)?.lines.positionAt(def.occ.span.start).line ?? 0) + 1})` : '';
    lines.push(`${i + 1}. **${step.fn}**${where}: ${code(clip(step.text, 400))}`);
  });
  const tryRun = chain.steps.find((s) => s.fn === 'try-run');
  if (tryRun) lines.push('', `Runs the compiler: ${code(clip(tryRun.args[0]?.trim() ?? '', 400))}`);
  else if (chain.shell) lines.push('', `Runs: ${code(clip(chain.shell, 400))}`);
  lines.push('', '_Values of other variables are shown as written: nothing was run._');
  return { contents: lines.join('\n'), span: call.span };
}

export function hover(ws: Workspace, query: { file: string; offset: number }, options: { builds?: BuildIndex[] } = {}): HoverInfo | undefined {
  const entry = ws.files.get(query.file);
  if (!entry) return undefined;
  const at = occurrenceAt(entry, query.offset);
  if (at?.kind === 'object') {
    for (const build of options.builds ?? []) {
      const text = objectHover(build, query.file, at.name);
      if (text) return { contents: text, span: at.span };
    }
  }
  const call = callAt(entry.parse.stmts, query.offset);
  const occ = occurrenceAt(entry, query.offset);
  if (call && (!occ || occ.kind !== 'varRef' || occ.detail === undefined)) {
    const h = callHover(ws, entry, call);
    if (h) return h;
  }
  if (!occ || (occ.kind !== 'varRef' && occ.kind !== 'varDef')) return undefined;
  const names = [occ.name, ...(occ.aliases ?? [])];
  const sites = variableDefinitionEntries(ws, query.file, names);
  const title = occ.detail && occ.kind === 'varRef' ? `**${names.join('** / **')}** (run by ${code(`$(call ${occ.detail},…)`)})` : `**${occ.name}**`;
  if (sites.length === 0) return { contents: `${title}: no definition in the workspace (environment, command line, or make's defaults).`, span: occ.span };
  const lines = [`${title}: ${sites.length} definition site${sites.length > 1 ? 's' : ''} in scope`, ''];
  for (const s of sites.slice(0, MAX_SITES)) lines.push(siteLine(ws, s));
  if (sites.length > MAX_SITES) lines.push(`- … ${sites.length - MAX_SITES} more`);
  return { contents: lines.join('\n'), span: occ.span };
}
