// Compares our evaluation with make's run of the same fixture copy and lists
// the differences as readable lines (empty when they agree).
import { variableValue } from '../../../server/src/eval/context';
import type { Evaluation } from '../../../server/src/eval/evaluate';
import type { DbVariable } from '../../../server/src/eval/makeDatabase';
import { formatMakeMessage } from '../../../server/src/eval/state';
import { displayValue } from '../../../server/src/eval/unknown';
import type { Location, TargetVariable, Variable } from '../../../server/src/eval/types';
import { DUMP_BEGIN, NOTHING_GOAL } from './fixtureSpec';
import type { MakeRun } from './runMake';

const COMPARED_ORIGINS = new Set(['file', 'command line', 'override', 'environment', 'environment override']);
/** make rewrites these after reading, and so do we: the dump (taken while reading) does not compare. */
const REWRITTEN_AFTER_READING = new Set(['MAKEFLAGS', 'MFLAGS', 'GNUMAKEFLAGS']);
/** make's own lines after reading, not about reading. */
const AFTER_READING = [/^make: \*\*\* No rule to make target/, /^make: Nothing to be done/, /^make: \*\*\* No targets/];

const q = (s: string | null | undefined) => (s === null || s === undefined ? '∅' : JSON.stringify(displayValue(s)));
const where = (l: { file: string; line: number } | null) => (l ? `${l.file}:${l.line}` : '∅');

function undouble(s: string): string {
  return s.replace(/\$\$/g, '$');
}

/** The value as make -p prints it, in our terms: simple values have `$` doubled in the data base. */
function dbRaw(v: DbVariable): string {
  // make prints an all-blank value (newlines too) as $(subst ,,BLANKS) so it survives reading back.
  const blank = /^\$\(subst ,,(\s*)\)$/.exec(v.value);
  if (blank) return blank[1];
  return v.flavor === 'simple' ? undouble(v.value) : v.value;
}

/** Both sides of one comparison and where differences go. */
interface Sides {
  ev: Evaluation;
  make: MakeRun;
  out: string[];
}

function compareVariables({ ev, make, out }: Sides): void {
  const theirs = new Map(make.db.variables.filter((v) => COMPARED_ORIGINS.has(v.origin) && !v.name.startsWith('__kbe')).map((v) => [v.name, v]));
  const ours = new Map<string, Variable>();
  for (const [name, v] of ev.variables) if (COMPARED_ORIGINS.has(v.origin) && !name.startsWith('__kbe')) ours.set(name, v);
  for (const [name, t] of theirs) {
    const o = ours.get(name);
    if (!o) {
      out.push(`variable ${name}: only in make (${t.origin}, ${t.flavor}, ${q(dbRaw(t))})`);
      continue;
    }
    if (o.flavor !== t.flavor) out.push(`variable ${name}: flavor make ${t.flavor} ≠ ours ${o.flavor}`);
    if (o.origin !== t.origin) out.push(`variable ${name}: origin make ${t.origin} ≠ ours ${o.origin}`);
    if (where(t.loc) !== where(o.loc)) out.push(`variable ${name}: defined at make ${where(t.loc)} ≠ ours ${where(o.loc)}`);
    // Remaking a missing include runs without -q; make then prints MAKEFLAGS as it was for that.
    const remade = REWRITTEN_AFTER_READING.has(name) && make.stderr.some((l) => l.includes('No rule to make target'));
    if (!remade && dbRaw(t) !== o.value) out.push(`variable ${name}: raw value make ${q(dbRaw(t))} ≠ ours ${q(o.value)}`);
  }
  for (const [name, o] of ours) if (!theirs.has(name)) out.push(`variable ${name}: only in ours (${o.origin}, ${o.flavor}, ${q(o.value)})`);
  if (!make.dump) return;
  for (const [name, d] of make.dump) {
    if (REWRITTEN_AFTER_READING.has(name)) continue;
    const o = ev.variables.get(name);
    if (!o) {
      out.push(`dump ${name}: only in make's dump`);
      continue;
    }
    const value = variableValue(ev, name).value;
    if (value !== d.value) out.push(`variable ${name}: expanded make ${q(d.value)} ≠ ours ${q(value)}`);
    if (d.flavor !== o.flavor || d.origin !== o.origin) {
      out.push(`variable ${name}: while reading make ${d.flavor}/${d.origin} ≠ ours ${o.flavor}/${o.origin}`);
    }
  }
}

/** How make -p prints a target-specific variable's operator. */
function targetVarOp(v: TargetVariable): string {
  return v.append ? '+=' : v.flavor === 'simple' ? ':=' : '=';
}

function compareTargetVariables({ ev, make, out }: Sides): void {
  const theirs = new Map<string, string>();
  for (const t of make.db.targets) {
    for (const v of t.vars) {
      theirs.set(`${t.name}: ${v.name}`, `${v.append ? '+=' : v.flavor === 'simple' ? ':=' : '='} ${q(dbRaw(v))} ${v.origin} ${where(v.loc)}`);
    }
  }
  const ours = new Map<string, string>();
  for (const [target, set] of ev.targetVariables) {
    for (const v of set.values()) ours.set(`${target}: ${v.name}`, `${targetVarOp(v)} ${q(v.value)} ${v.origin} ${where(v.loc)}`);
  }
  diffMaps({ what: 'target variable', theirs, ours, out });
  // make -p prints every pattern variable with ':=' (its flag for recursion is never set there): no operator to compare.
  const theirPattern = make.db.patternVariables.map((p) => `${p.pattern}: ${p.variable.name} ${q(dbRaw(p.variable))} ${p.variable.origin} ${where(p.variable.loc)}`);
  const ourPattern = ev.patternVariables.map((p) => `${p.pattern}: ${p.variable.name} ${q(p.variable.value)} ${p.variable.origin} ${where(p.variable.loc)}`);
  diffLists({ what: 'pattern variables', theirs: theirPattern, ours: ourPattern, out });
}

function diffMaps(d: { what: string; theirs: Map<string, string>; ours: Map<string, string>; out: string[] }): void {
  const { what, theirs, ours, out } = d;
  for (const [k, t] of theirs) {
    const o = ours.get(k);
    if (o === undefined) out.push(`${what} ${k}: only in make (${t})`);
    else if (o !== t) out.push(`${what} ${k}: make ${t} ≠ ours ${o}`);
  }
  for (const [k, o] of ours) if (!theirs.has(k)) out.push(`${what} ${k}: only in ours (${o})`);
}

function diffLists(d: { what: string; theirs: string[]; ours: string[]; out: string[] }): void {
  const { what, theirs, ours, out } = d;
  if (theirs.join('\n') === ours.join('\n')) return;
  out.push(`${what}: make [${theirs.map((s) => `\n    ${s}`).join('')}\n  ] ≠ ours [${ours.map((s) => `\n    ${s}`).join('')}\n  ]`);
}

/**
 * Recipe lines compared without leading blanks, and with the recipe prefix
 * after a backslash-newline dropped: make prints it, the reader removes it
 * (make does too, when it runs the line).
 */
function recipeText(lines: readonly { text: string }[] | readonly string[] | null): string {
  if (!lines) return '∅';
  return JSON.stringify(lines.map((l) => (typeof l === 'string' ? l.replace(/\\\n\t/g, '\\\n') : l.text).trimStart()));
}

function recipeLoc(loc: Location | null | undefined): string {
  return loc ? `@${loc.line}` : '';
}

function compareTargets({ ev, make, out }: Sides): void {
  const theirs = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const t of make.db.targets) {
    if (!t.isTarget || t.builtin || t.name === NOTHING_GOAL) continue;
    const n = counts.get(t.name) ?? 0;
    counts.set(t.name, n + 1);
    const key = t.doubleColon ? `${t.name}::#${n}` : t.name;
    // Goals make searched implicit rules for get an empty stem: not something reading decides.
    const stem = t.stem === '' ? null : t.stem;
    theirs.set(key, describeTarget({ prereqs: t.prereqs, orderOnly: t.orderOnly, phony: t.phony, stem, recipe: recipeText(t.recipe?.lines ?? null) + (t.recipe?.loc ? `@${t.recipe.loc.line}` : ''), also: t.alsoMakes }));
  }
  const ours = new Map<string, string>();
  for (const t of ev.targets.values()) {
    if (t.name === NOTHING_GOAL) continue;
    if (t.doubleColon) {
      t.entries.forEach((e, n) => {
        ours.set(`${t.name}::#${n}`, describeTarget({ prereqs: e.prereqs, orderOnly: e.orderOnly, phony: t.phony, stem: t.stem, recipe: recipeText(e.recipe.length ? e.recipe : null) + recipeLoc(e.recipe[0]?.loc), also: t.alsoMakes }));
      });
      continue;
    }
    ours.set(t.name, describeTarget({ prereqs: t.prereqs, orderOnly: t.orderOnly, phony: t.phony, stem: t.stem, recipe: recipeText(t.recipe) + recipeLoc(t.recipe?.[0]?.loc), also: t.alsoMakes }));
  }
  diffMaps({ what: 'target', theirs, ours, out });
  const theirRules = make.db.patternRules.filter((r) => !r.builtin).map((r) => `${r.targets.join(' ')}: ${r.prereqs.join(' ')} | ${r.orderOnly.join(' ')} ${recipeText(r.recipe?.lines ?? null)}`);
  const ourRules = ev.patternRules.map((r) => `${r.targets.join(' ')}: ${r.prereqs.join(' ')} | ${r.orderOnly.join(' ')} ${recipeText(r.recipe.length ? r.recipe : null)}`);
  diffLists({ what: 'pattern rules', theirs: [...theirRules].sort(), ours: [...ourRules].sort(), out });
  const theirVpaths = make.db.vpaths.map((v) => `${v.pattern} ${v.dirs.join(':')}`);
  const ourVpaths = ev.vpaths.map((v) => `${v.pattern} ${v.dirs.join(':')}`);
  diffLists({ what: 'vpath', theirs: [...theirVpaths].sort(), ours: [...ourVpaths].sort(), out });
}

function describeTarget(t: { prereqs: string[]; orderOnly: string[]; phony: boolean; stem: string | null; recipe: string; also: string[] }): string {
  const parts = [`${t.prereqs.join(' ')}${t.orderOnly.length ? ' | ' + t.orderOnly.join(' ') : ''}`];
  if (t.phony) parts.push('phony');
  if (t.stem !== null) parts.push(`stem=${t.stem}`);
  if (t.also.length) parts.push(`also=${[...t.also].sort().join(',')}`);
  parts.push(`recipe=${t.recipe}`);
  return parts.join(' ');
}

function compareOutput({ ev, make, out }: Sides, shellStderr: string[]): void {
  const info: string[] = [];
  for (const m of ev.messages) {
    if (m.kind !== 'info') continue;
    if (m.text === DUMP_BEGIN) break;
    info.push(...m.text.split('\n'));
  }
  diffLists({ what: '$(info) output', theirs: make.info.filter((l) => !/^(# )?make\[\d+\]: (Entering|Leaving) directory/.test(l)), ours: info, out });
  const ours: string[] = [...shellStderr];
  for (const m of ev.messages) if (m.kind === 'warning') ours.push(...formatMakeMessage({ message: m.text, loc: m.loc }, false).split('\n'));
  for (const d of ev.diagnostics) {
    if (d === ev.stopped || d.severity === 'info') continue;
    ours.push(...formatMakeMessage(d, false).split('\n'));
  }
  if (ev.stopped) ours.push(...formatMakeMessage(ev.stopped, true).split('\n'));
  const theirs = make.stderr.filter((l) => !AFTER_READING.some((re) => re.test(l)));
  diffLists({ what: 'stderr', theirs: [...theirs].sort(), ours: [...ours].sort(), out });
}

/** Differences between our evaluation and make's run; `shellStderr` is what the commands we ran printed on stderr. */
export function compareEvaluation(c: { ev: Evaluation; make: MakeRun; shellStderr: string[] }): string[] {
  const { ev, make } = c;
  const out: string[] = [];
  const sides: Sides = { ev, make, out };
  compareVariables(sides);
  compareTargetVariables(sides);
  compareTargets(sides);
  compareOutput(sides, c.shellStderr);
  if (make.db.version === null) out.push('make printed no data base');
  return out;
}
