// What a makefile defines, in a form both sides of the differential test
// can produce: GNU make (from its `-p` data base) and our reader (from the
// syntax tree, see readerFacts.ts). Locations are `file:line`, 1-based, as
// make prints them.

import type { MakeDatabase } from '../../server/src/eval/makeDatabase';

export interface VarFact {
  loc: string;
  /** 'append': a target-specific `+=` with no earlier value for that target. */
  flavor: 'recursive' | 'simple' | 'append';
  /** The value as make prints it (simple values with `$` doubled); null: not known statically. */
  value: string | null;
}

export interface TargetFact {
  /** Location of the recipe (first recipe line, or the rule line for `;`); null: no recipe. */
  recipe: string | null;
  /** Sorted; null: not known statically. */
  prereqs: string[] | null;
  orderOnly: string[] | null;
}

export interface Facts {
  variables: Record<string, VarFact>;
  /** Explicit targets; a double-colon target's rules are `name::#1`, `name::#2`… in line order. */
  targets: Record<string, TargetFact>;
  /** `targets: prereqs` (or `::`) → recipe location. */
  patternRules: Record<string, string>;
  /** `target: VAR` */
  targetVariables: Record<string, VarFact>;
  /** `pattern: VAR` → locations of every assignment (make keeps each one). */
  patternVariables: Record<string, string[]>;
}

export function emptyFacts(): Facts {
  return { variables: {}, targets: {}, patternRules: {}, targetVariables: {}, patternVariables: {} };
}

export function loc(file: string, line: number): string {
  return `${file}:${line}`;
}

/** Key of a pattern rule, the same on both sides. */
export function patternRuleKey(rule: { targets: string[]; terminal: boolean; prereqs: string[]; orderOnly: string[] }): string {
  const order = rule.orderOnly.length > 0 ? ` | ${rule.orderOnly.join(' ')}` : '';
  return `${rule.targets.join(' ')}${rule.terminal ? '::' : ':'} ${rule.prereqs.join(' ')}${order}`;
}

/** Numbers double-colon rules `name::#k` by the line of their recipe. */
export function numberDoubleColon(facts: Facts, entries: Array<{ name: string; fact: TargetFact }>): void {
  const byName = new Map<string, TargetFact[]>();
  for (const e of entries) byName.set(e.name, [...(byName.get(e.name) ?? []), e.fact]);
  for (const [name, list] of byName) {
    const line = (f: TargetFact) => Number(f.recipe?.slice(f.recipe.lastIndexOf(':') + 1) ?? 0);
    list.sort((a, b) => line(a) - line(b));
    list.forEach((fact, k) => (facts.targets[`${name}::#${k + 1}`] = fact));
  }
}

/** Make's side: everything the data base attributes to a makefile (`-rR`, clean environment). */
export function factsFromDatabase(db: MakeDatabase): Facts {
  const facts = emptyFacts();
  const locOf = (l: { file: string; line: number } | null) => (l ? loc(l.file, l.line) : null);
  for (const v of db.variables) {
    if (!v.loc || v.name === 'MAKEFILE_LIST') continue;
    facts.variables[v.name] = { loc: loc(v.loc.file, v.loc.line), flavor: v.flavor, value: unwrapBlank(v.value) };
  }
  const doubleColon: Array<{ name: string; fact: TargetFact }> = [];
  for (const t of db.targets) {
    for (const v of t.vars) {
      if (!v.loc) continue;
      const flavor = v.append ? 'append' : v.flavor;
      facts.targetVariables[`${t.name}: ${v.name}`] = { loc: loc(v.loc.file, v.loc.line), flavor, value: unwrapBlank(v.value) };
    }
    if (!t.isTarget) continue;
    const fact: TargetFact = { recipe: locOf(t.recipe?.loc ?? null), prereqs: sorted(t.prereqs), orderOnly: sorted(t.orderOnly) };
    if (t.doubleColon) doubleColon.push({ name: t.name, fact });
    else facts.targets[t.name] = fact;
  }
  numberDoubleColon(facts, doubleColon);
  for (const r of db.patternRules) {
    const recipe = locOf(r.recipe?.loc ?? null);
    if (recipe) facts.patternRules[patternRuleKey(r)] = recipe;
  }
  for (const p of db.patternVariables) {
    if (!p.variable.loc) continue;
    const key = `${p.pattern}: ${p.variable.name}`;
    facts.patternVariables[key] = [...(facts.patternVariables[key] ?? []), loc(p.variable.loc.file, p.variable.loc.line)];
  }
  return facts;
}

export function sorted(words: string[]): string[] {
  return [...new Set(words)].sort();
}

/** make prints an all-blank value as `$(subst ,,VALUE)`. */
function unwrapBlank(value: string): string {
  const head = '$(subst ,,';
  if (value.startsWith(head) && value.endsWith(')')) {
    const inner = value.slice(head.length, -1);
    if (inner.trim() === '') return inner;
  }
  return value;
}

/**
 * Differences as readable lines: `section key: ours … | make …`. Where our
 * side does not know a value (null), make's value is not compared.
 */
export function diffFacts(args: { ours: Facts; make: Facts }): string[] {
  const out: string[] = [];
  const sections = Object.keys(args.ours) as Array<keyof Facts>;
  for (const section of sections) {
    const ours = args.ours[section] as Record<string, unknown>;
    const make = args.make[section] as Record<string, unknown>;
    for (const key of [...new Set([...Object.keys(ours), ...Object.keys(make)])].sort()) {
      const a = ours[key];
      const b = masked(a, make[key]);
      const sa = a === undefined ? '(absent)' : JSON.stringify(a);
      const sb = b === undefined ? '(absent)' : JSON.stringify(b);
      if (sa !== sb) out.push(`${section} ${JSON.stringify(key)}: ours ${sa} | make ${sb}`);
    }
  }
  return out;
}

/** Make's fact with the fields our side could not know replaced by null. */
function masked(ours: unknown, make: unknown): unknown {
  if (!isRecord(ours) || !isRecord(make)) return make;
  const copy: Record<string, unknown> = { ...make };
  for (const [k, v] of Object.entries(ours)) if (v === null && k !== 'recipe') copy[k] = null;
  return copy;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
