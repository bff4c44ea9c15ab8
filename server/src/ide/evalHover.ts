// Hover from an evaluated build context: what make sees. A variable (or a
// computed name such as `obj-$(CONFIG_X)`, resolved in the context) shows
// flavor, origin, definition sites and values (evalVariable.ts); a
// `$(call …)` the chain of expansions down to the command it runs
// (evalCall.ts). Without a configuration, `obj-$(CONFIG_X)` says when it is
// built rather than guessing. What the context cannot answer falls back to
// the static hover (hover.ts), saying so.
import type { Evaluation } from '../eval';
import { expandInContext } from '../eval';
import { hasUnknown } from '../eval/unknown';
import type { Location } from '../eval/types';
import type { Workspace, WorkspaceFile } from '../workspace/workspace';
import { callAt, statementAt, type CallNode } from './callAt';
import { callMarkdown, callView, type CallView } from './evalCall';
import { code, readable } from './evalFormat';
import { variableMarkdown, variableView } from './evalVariable';
import { hover as staticHover } from './hover';
import type { BuildIndex } from './builds';
import { occurrenceAt } from './locate';
import type { HoverInfo } from './types';
import type { Occurrence } from '../workspace/occurrences';

/** The build context a file is evaluated in, as hover needs it. */
export interface HoverContext {
  id: string;
  label: string;
  /** False without a configured build: CONFIG_ values are unknown. */
  configKnown: boolean;
  ev: Evaluation;
  shellAllowed: boolean;
}

export interface HoverQuery {
  file: string;
  offset: number;
  /** The document's URI, for the show-expansion link. */
  uri: string;
}

const CONFIG_REF = /\$\((CONFIG_[A-Za-z0-9_]+)\)/g;

/** The place of the statement holding the offset, as the evaluator records places (its first line). */
function locOf(entry: WorkspaceFile, file: string, offset: number): Location {
  const start = statementAt(entry.parse.stmts, offset)?.span.start ?? offset;
  return { file, path: file, line: entry.lines.positionAt(start).line + 1, offset: start };
}

type Target =
  | { kind: 'call'; call: CallNode; text: string }
  | { kind: 'variable'; occ: Occurrence; name: string; template?: string }
  | { kind: 'unconfigured'; occ: Occurrence; configs: string[] };

/** What the cursor is on, with computed names resolved in the context. */
function targetAt(entry: WorkspaceFile, q: { offset: number; cx: HoverContext }): Target | undefined {
  const occ = occurrenceAt(entry, q.offset);
  const call = callAt(entry.parse.stmts, q.offset);
  // Inside a call, a reference other than the called function's name is hovered as itself ($(CC) in the arguments).
  const onArgument = occ?.kind === 'varRef' && call !== undefined && occ.span.start > (call.args[0]?.span.end ?? 0);
  if (call && !onArgument && (occ?.kind !== 'varRef' || occ.detail === undefined)) {
    return { kind: 'call', call, text: entry.text.slice(call.span.start, call.span.end) };
  }
  if (!occ || (occ.kind !== 'varRef' && occ.kind !== 'varDef')) return undefined;
  if (!occ.name.includes('$')) return { kind: 'variable', occ, name: occ.name };
  const configs = [...occ.name.matchAll(CONFIG_REF)].map((m) => m[1]);
  if (!q.cx.configKnown && configs.length > 0) return { kind: 'unconfigured', occ, configs };
  const name = expandInContext(q.cx.ev, { text: occ.name }).value.trim();
  return hasUnknown(name) || name === '' ? undefined : { kind: 'variable', occ, name, template: occ.name };
}

function unconfiguredMarkdown(occ: Occurrence, configs: string[], context: string): string {
  const when = configs.map((c) => `${c}=y/m`).join(' and ');
  const objects = occ.kind === 'varDef' && occ.value ? ` ${code(occ.value.trim())}` : '';
  return [
    `**${occ.name}**: built when ${when}`,
    '',
    `${objects ? `Adds${objects}: ` : ''}\`=y\` links it into the kernel (\`obj-y\`), \`=m\` builds a module (\`obj-m\`), unset it is not built.`,
    '',
    `_Context ${code(context)} has no configuration (no configured build directory): CONFIG_ values are unknown, not guessed._`,
  ].join('\n');
}

export function evaluatedHover(ws: Workspace, q: HoverQuery, cx: HoverContext, options: { builds?: BuildIndex[] } = {}): HoverInfo | undefined {
  const entry = ws.files.get(q.file);
  if (!entry) return undefined;
  const target = targetAt(entry, { offset: q.offset, cx });
  const link = { uri: q.uri, offset: q.offset, contextId: cx.id };
  const fallback = (why: string) => {
    const h = staticHover(ws, q, options);
    return h && { contents: `${h.contents}\n\n_${why}_`, span: h.span };
  };
  switch (target?.kind) {
    case undefined:
      return fallback(`Static view: nothing here is evaluated in context ${code(cx.label)}.`);
    case 'call': {
      const view = callView(cx.ev, { text: target.text, loc: locOf(entry, q.file, target.call.span.start), shellAllowed: cx.shellAllowed });
      return { contents: callMarkdown(view, { root: ws.root, context: cx.label, shellAllowed: cx.shellAllowed }), span: target.call.span };
    }
    case 'unconfigured':
      return { contents: unconfiguredMarkdown(target.occ, target.configs, cx.label), span: target.occ.span };
    case 'variable': {
      const view = variableView(cx.ev, target.name);
      if (!view) return fallback(`${code(target.name)} is not defined in context ${code(cx.label)}: make expands it to nothing there.`);
      const head = target.template ? `${code(target.template)} is ${code(target.name)} in this context.\n\n` : '';
      return { contents: head + variableMarkdown(view, { root: ws.root, context: cx.label, link }), span: target.occ.span };
    }
    default: {
      const never: never = target;
      return never;
    }
  }
}

function callText(view: CallView): string {
  const out = [`# ${view.text.replace(/\s+/g, ' ')}`, ''];
  view.steps.forEach((s, i) => out.push(`# ${i + 1}. ${s.fn}`, readable(s.substituted.trim()), ''));
  if (view.compilerCommand) out.push('# compiler command', readable(view.compilerCommand), '');
  else if (view.shellCommand !== undefined) out.push('# command', readable(view.shellCommand.trim()), '');
  out.push('# result', readable(view.value));
  return out.join('\n');
}

/** The whole expansion behind a hover, as plain text for an editor ("Open the full expansion"). */
export function fullExpansion(ws: Workspace, q: { file: string; offset: number }, cx: HoverContext): { title: string; text: string } | undefined {
  const entry = ws.files.get(q.file);
  if (!entry) return undefined;
  const target = targetAt(entry, { offset: q.offset, cx });
  if (target?.kind === 'call') {
    const view = callView(cx.ev, { text: target.text, loc: locOf(entry, q.file, target.call.span.start), shellAllowed: cx.shellAllowed });
    return { title: target.call.args[0] ? entry.text.slice(target.call.args[0].span.start, target.call.args[0].span.end).trim() : 'call', text: callText(view) };
  }
  if (target?.kind !== 'variable') return undefined;
  const view = variableView(cx.ev, target.name);
  if (!view) return undefined;
  const words = readable(view.expanded).split(/[ \t\n]+/).filter((w) => w !== '');
  return { title: target.name, text: `# ${target.name} in context ${cx.label} (${view.flavor}, ${view.origin})\n${words.join('\n')}\n` };
}
