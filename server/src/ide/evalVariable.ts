// A variable as make sees it at the end of reading, in one build context:
// flavor, origin, every definition site in order (operator, effective or
// ignored), the raw value and the expanded value. Data first, then markdown.
import { variableValue, type Evaluation } from '../eval';
import type { Definition, Flavor, Location, Origin } from '../eval/types';
import { hasUnknown } from '../eval/unknown';
import { block, code, placeLink, readable, valueBlock, type ExpansionTarget } from './evalFormat';

export interface DefinitionSite {
  loc: Location | null;
  op: Definition['op'];
  origin: Origin;
  value: string;
  effective: boolean;
}

export interface VariableView {
  name: string;
  flavor: Flavor;
  origin: Origin;
  definitions: DefinitionSite[];
  /** As stored: unexpanded for recursive variables. */
  raw: string;
  /** As `$(NAME)` at the end of reading; may hold the unknown marker. */
  expanded: string;
  exported: boolean;
}

const MAX_SITES = 15;

export function variableView(ev: Evaluation, name: string): VariableView | undefined {
  const v = ev.variables.get(name);
  if (!v) return undefined;
  return {
    name,
    flavor: v.flavor,
    origin: v.origin,
    definitions: v.definitions.map((d) => ({ loc: d.loc, op: d.op, origin: d.origin, value: d.value, effective: d.effective })),
    raw: v.value,
    expanded: variableValue(ev, name).value,
    exported: v.exported,
  };
}

function siteLine(root: string, d: DefinitionSite, i: number): string {
  const ignored = d.effective ? '' : ' — *ignored by make*';
  const value = readable(d.value).replace(/\s*\n\s*/g, ' ');
  const clipped = value.length > 120 ? `${value.slice(0, 120)}…` : value;
  return `${i + 1}. ${placeLink(root, d.loc)} ${code(d.op)} ${clipped === '' ? '' : code(clipped)}${ignored}`;
}

export function variableMarkdown(view: VariableView, opts: { root: string; context: string; link?: ExpansionTarget }): string {
  const lines = [
    `**${view.name}** — ${view.flavor}, origin *${view.origin}*${view.exported ? ', exported' : ''}`,
    '',
    `In context ${code(opts.context)}.`,
    '',
  ];
  const shown = view.definitions.slice(0, MAX_SITES);
  if (shown.length > 0) {
    lines.push(`Definitions, in the order make reads them (${view.definitions.length}):`, '');
    shown.forEach((d, i) => lines.push(siteLine(opts.root, d, i)));
    if (view.definitions.length > MAX_SITES) lines.push(`- … ${view.definitions.length - MAX_SITES} more`);
    lines.push('');
  }
  if (view.flavor === 'recursive' && view.raw !== view.expanded) {
    lines.push('Raw value:', '', block(readable(view.raw).slice(0, 600) + (view.raw.length > 600 ? '…' : '')), '');
  }
  lines.push(view.flavor === 'simple' ? 'Value (expanded when assigned):' : 'Expanded value:', '', valueBlock({ value: view.expanded, link: opts.link }));
  if (hasUnknown(view.expanded)) lines.push('', unknownNote());
  return lines.join('\n');
}

export function unknownNote(): string {
  return '_«unknown»: the output of a `$(shell …)` that was not run (running commands needs a trusted workspace and `kbuild-analyzer.shell.enable`), or a value that depends on one._';
}
