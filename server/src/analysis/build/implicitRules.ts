// Pattern rules in a static graph. make picks a pattern rule for a target
// without a recipe of its own when the target matches the pattern and each
// prerequisite exists or ought to (is named in the makefiles); this is that
// search, one level deep (no chains of implicit rules). A pattern rule that
// also waits for a named target (tools/perf's `$(OUTPUT)%.o: %.c prepare
// FORCE`) is itself a node, standing for every object it will build, so
// what waits on such a target shows even when the objects are listed only
// in a sub-make's files.

import { posix } from 'node:path';
import type { Host, Rule } from '../../eval';

export interface PatternMatch {
  rule: Rule;
  prereqs: string[];
  orderOnly: string[];
}

/** The first pattern rule with a recipe that make could use for `name` (in `dir`), or undefined. */
export function findPatternRule(o: { name: string; dir: string; rules: readonly Rule[]; named: (name: string) => boolean; host: Host }): PatternMatch | undefined {
  for (const rule of o.rules) {
    if (rule.recipe.length === 0) continue;
    for (const pattern of rule.targets) {
      if (pattern === '%') continue; // match-anything rules: make tries them last and they rarely apply
      const stem = matchStem(pattern, o.name);
      if (stem === undefined) continue;
      const prereqs = rule.prereqs.map((p) => substitute(p, stem));
      const orderOnly = rule.orderOnly.map((p) => substitute(p, stem));
      if ([...prereqs, ...orderOnly].every((p) => o.named(p) || o.host.stat(posix.resolve(o.dir, p)) !== undefined)) return { rule, prereqs, orderOnly };
    }
  }
  return undefined;
}

interface Stem {
  /** Directory taken off before matching (a pattern without a slash matches the file name only). */
  dir: string;
  stem: string;
}

function matchStem(pattern: string, name: string): Stem | undefined {
  const k = pattern.indexOf('%');
  if (k < 0) return undefined;
  const slash = pattern.includes('/');
  const dir = slash ? '' : name.slice(0, name.lastIndexOf('/') + 1);
  const file = name.slice(dir.length);
  const prefix = pattern.slice(0, k);
  const suffix = pattern.slice(k + 1);
  if (file.length < prefix.length + suffix.length + 1 || !file.startsWith(prefix) || !file.endsWith(suffix)) return undefined;
  return { dir, stem: file.slice(prefix.length, file.length - suffix.length) };
}

/** A prerequisite pattern with the stem put in; the directory goes in front (make's rule for slash-less patterns). */
function substitute(prereq: string, s: Stem): string {
  const k = prereq.indexOf('%');
  return k < 0 ? prereq : s.dir + prereq.slice(0, k) + s.stem + prereq.slice(k + 1);
}

/** Pattern rules that wait for a target named in the makefiles, grouped by target pattern. */
export function waitingPatternRules(rules: readonly Rule[], named: (name: string) => boolean): Map<string, { rule: Rule; waitsFor: string[]; orderOnly: string[] }> {
  const found = new Map<string, { rule: Rule; waitsFor: string[]; orderOnly: string[] }>();
  for (const rule of rules) {
    if (rule.recipe.length === 0) continue;
    const waitsFor = rule.prereqs.filter((p) => !p.includes('%') && named(p));
    const orderOnly = rule.orderOnly.filter((p) => !p.includes('%') && named(p));
    if (waitsFor.length + orderOnly.length === 0) continue;
    for (const pattern of rule.targets) {
      const known = found.get(pattern);
      if (known) {
        known.waitsFor.push(...waitsFor.filter((p) => !known.waitsFor.includes(p)));
        known.orderOnly.push(...orderOnly.filter((p) => !known.orderOnly.includes(p)));
      } else found.set(pattern, { rule, waitsFor: [...waitsFor], orderOnly: [...orderOnly] });
    }
  }
  return found;
}
