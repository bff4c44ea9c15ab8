// The rules data base, filled the way record_files() in read.c of GNU make
// 4.3 fills it: targets and prerequisites expanded when the rule line is
// read, recipes kept unexpanded, and a rule entered once its recipe has
// ended (so the next statement, or the end of the file, commits it). Rules
// for one target merge: a later rule with a recipe puts its prerequisites
// first, and a second recipe gives make's "overriding recipe" warnings.
import type { Stmt } from '../syntax/ast';
import { expandExpr, expandText } from './expand';
import { glob, hasGlob } from './glob';
import { unparse } from './parseCache';
import { type Ctx, fatalAt } from './state';
import type { Location, RecipeLine, Rule, Target } from './types';
import { automaticSet, defineVar } from './variables';
import { matchPattern, parsePattern, splitWords, stripDotSlash, trimSpace } from './words';

/** A rule waiting for its recipe lines; `hasRecipe` is true once a `;` or a recipe line gave one. */
export interface PendingRule extends Rule {
  hasRecipe: boolean;
  /** Read after .SECONDEXPANSION: prerequisites are expanded a second time after reading. */
  secondExpansion: boolean;
  /** Where the recipe starts (make's cmds->fileinfo). */
  recipeLoc: Location | null;
}

interface TargetState extends Target {
  /** `second`: read after .SECONDEXPANSION, expanded again once reading is done. */
  deps: { name: string; orderOnly: boolean; second: boolean }[];
  recipeLoc: Location | null;
}

/** Words of an expanded name list, glob patterns replaced by the files they match (kept as written when none). */
export function expandNames(cx: Ctx, text: string): string[] {
  const out: string[] = [];
  for (const word of splitWords(text)) {
    const w = stripDotSlash(word);
    if (!hasGlob(w)) {
      out.push(w);
      continue;
    }
    const found = glob({ host: cx.host, cwd: cx.cwd, pattern: w });
    if (found.length === 0) out.push(w);
    else out.push(...found);
  }
  return out;
}

function hasPercent(w: string): boolean {
  return parsePattern(w).suffix !== null;
}

export function recordRule(cx: Ctx, r: { stmt: Extract<Stmt, { kind: 'rule' }>; loc: Location }): void {
  const { stmt, loc } = r;
  const targets = expandNames(cx, expandExpr(cx, stmt.targets));
  const targetPattern = stmt.targetPattern ? stripDotSlash(trimSpace(expandExpr(cx, stmt.targetPattern))) : null;
  const prereqs = expandNames(cx, expandExpr(cx, stmt.prereqs));
  const orderOnly = stmt.orderOnly ? expandNames(cx, expandExpr(cx, stmt.orderOnly)) : [];
  const patterns = targets.filter(hasPercent).length;
  let kind: Rule['kind'] = 'explicit';
  if (targetPattern !== null) {
    if (!hasPercent(targetPattern)) fatalAt({ message: "target pattern contains no '%'", loc });
    if (patterns > 0) fatalAt({ message: 'mixed implicit and static pattern rules', loc });
    kind = 'static';
  } else if (patterns > 0) {
    if (patterns !== targets.length) fatalAt({ message: 'mixed implicit and normal rules', loc });
    kind = 'pattern';
  }
  const rule: PendingRule = {
    kind,
    targets,
    doubleColon: stmt.sep === '::' || stmt.sep === '&::',
    grouped: stmt.sep === '&:' || stmt.sep === '&::',
    targetPattern,
    prereqs,
    orderOnly,
    recipe: [],
    loc,
    hasRecipe: false,
    secondExpansion: cx.secondExpansion,
    recipeLoc: null,
  };
  if (stmt.inlineRecipe) {
    rule.hasRecipe = true;
    rule.recipeLoc = loc;
    rule.recipe.push({ text: unparse(stmt.inlineRecipe), expr: stmt.inlineRecipe, loc });
  }
  cx.rules.push(rule);
  cx.currentRules = targets.length > 0 ? [rule] : [];
}

export function addRecipeLine(cx: Ctx, line: RecipeLine): void {
  for (const r of cx.currentRules ?? []) {
    const p = r as PendingRule;
    if (!p.hasRecipe) {
      p.hasRecipe = true;
      p.recipeLoc = line.loc;
    }
    p.recipe.push(line);
  }
}

/** End of a rule's recipe: enter it into the data base (make's record_waiting_files). */
export function endRuleContext(cx: Ctx): void {
  const rules = cx.currentRules;
  if (!rules) return;
  cx.currentRules = null;
  for (const r of rules) commitRule(cx, r as PendingRule);
}

function commitRule(cx: Ctx, r: PendingRule): void {
  if (r.kind === 'pattern') {
    commitPatternRule(cx, r);
    return;
  }
  const tp = r.targetPattern !== null ? parsePattern(r.targetPattern) : null;
  const seen = new Set<string>();
  for (const name of r.targets) {
    if (seen.has(name)) {
      if (r.hasRecipe) cx.diagnostics.push({ severity: 'warning', message: `target '${name}' given more than once in the same rule`, loc: r.loc });
      continue;
    }
    seen.add(name);
    let prereqs = r.prereqs;
    let orderOnly = r.orderOnly;
    let stem: string | null = null;
    if (tp) {
      stem = matchPattern(tp, name);
      if (stem === null) {
        cx.diagnostics.push({ severity: 'warning', message: `target '${name}' doesn't match the target pattern`, loc: r.loc });
        stem = name;
        prereqs = [];
        orderOnly = [];
      } else {
        prereqs = prereqs.map((p) => substituteStem(p, stem as string));
        orderOnly = orderOnly.map((p) => substituteStem(p, stem as string));
      }
    }
    enterTarget(cx, { name, rule: r, prereqs, orderOnly, stem });
    special(cx, { name, prereqs });
  }
  maybeDefaultGoal(cx, r);
}

function substituteStem(word: string, stem: string): string {
  const p = parsePattern(word);
  return p.suffix === null ? word : p.prefix + stem + p.suffix;
}

/** A pattern rule with the same targets and prerequisites replaces the earlier one (a recipe-less one cancels it when rules are searched). */
function commitPatternRule(cx: Ctx, r: PendingRule): void {
  const same = (o: Rule) => o.targets.join(' ') === r.targets.join(' ') && o.prereqs.join(' ') === r.prereqs.join(' ');
  const at = cx.patternRules.findIndex(same);
  if (at !== -1) cx.patternRules.splice(at, 1);
  cx.patternRules.push(r);
}

function newTarget(name: string, doubleColon: boolean): TargetState {
  return {
    name,
    doubleColon,
    prereqs: [],
    orderOnly: [],
    recipe: null,
    phony: false,
    stem: null,
    alsoMakes: [],
    rules: [],
    entries: [],
    deps: [],
    recipeLoc: null,
  };
}

function targetState(cx: Ctx, name: string): TargetState {
  let t = cx.targets.get(name) as TargetState | undefined;
  if (!t) {
    t = newTarget(name, false);
    cx.targets.set(name, t);
  }
  return t;
}

function enterTarget(
  cx: Ctx,
  e: { name: string; rule: PendingRule; prereqs: string[]; orderOnly: string[]; stem: string | null },
): void {
  const { rule } = e;
  const t = targetState(cx, e.name);
  if (t.rules.length > 0 && t.doubleColon !== rule.doubleColon) {
    fatalAt({ message: `target file '${e.name}' has both : and :: entries`, loc: rule.loc });
  }
  t.doubleColon = rule.doubleColon;
  t.rules.push(rule);
  if (e.stem !== null) t.stem = e.stem;
  if (rule.grouped) t.alsoMakes = [...rule.targets];
  const second = rule.secondExpansion;
  const deps = [...e.prereqs.map((name) => ({ name, orderOnly: false, second })), ...e.orderOnly.map((name) => ({ name, orderOnly: true, second }))];
  if (rule.doubleColon) {
    t.entries.push({ prereqs: e.prereqs, orderOnly: e.orderOnly, recipe: rule.recipe });
    t.deps.push(...deps);
    return;
  }
  if (rule.hasRecipe) {
    if (t.recipe !== null) {
      const l = t.recipeLoc;
      cx.diagnostics.push({ severity: 'warning', message: `warning: overriding recipe for target '${e.name}'`, loc: rule.recipeLoc });
      cx.diagnostics.push({ severity: 'warning', message: `warning: ignoring old recipe for target '${e.name}'`, loc: l });
    }
    t.recipe = rule.recipe;
    t.recipeLoc = rule.recipeLoc;
    t.deps = t.deps.length === 0 ? deps : [...deps, ...t.deps];
  } else {
    t.deps = t.deps.length === 0 ? deps : [...t.deps, ...deps];
  }
}

/** Special targets that change how make reads: .PHONY, .EXPORT_ALL_VARIABLES, .SECONDEXPANSION. */
function special(cx: Ctx, t: { name: string; prereqs: string[] }): void {
  const { name, prereqs } = t;
  if (name === '.PHONY') for (const p of prereqs) cx.phony.add(p);
  else if (name === '.EXPORT_ALL_VARIABLES') cx.exportAll = true;
  else if (name === '.SECONDEXPANSION') cx.secondExpansion = true;
}

/** The first target not starting with '.' (unless it has a '/') becomes .DEFAULT_GOAL while that is empty. */
function maybeDefaultGoal(cx: Ctx, r: PendingRule): void {
  const v = cx.global.get('.DEFAULT_GOAL');
  if (v && v.value !== '') return;
  const goal = r.targets.find((t) => !t.startsWith('.') || t.includes('/'));
  if (goal === undefined) return;
  defineVar({ set: cx.global, name: '.DEFAULT_GOAL', value: goal, flavor: 'simple', origin: 'file', loc: null, op: ':=', envOverrides: false });
}

/**
 * Second expansion (after .SECONDEXPANSION) of explicit targets' prerequisites,
 * with $@ and $* set, as make does once all makefiles are read.
 */
export function secondExpansion(cx: Ctx): void {
  for (const t of cx.targets.values() as Iterable<TargetState>) {
    if (!t.deps.some((d) => d.second)) continue;
    cx.scopes.push(automaticSet([['@', t.name], ['*', t.stem ?? ''], ['<', ''], ['^', ''], ['+', ''], ['|', ''], ['?', '']]));
    try {
      t.deps = t.deps.flatMap((d) =>
        d.second && d.name.includes('$') ? expandNames(cx, expandText(cx, d.name)).map((name) => ({ name, orderOnly: d.orderOnly, second: false })) : [d],
      );
    } finally {
      cx.scopes.pop();
    }
  }
}

/** After reading: prerequisite lists from the merged dependencies, phony marks, phony-only targets. */
export function finishTargets(cx: Ctx): void {
  for (const name of cx.phony) targetState(cx, name).phony = true;
  for (const t of cx.targets.values() as Iterable<TargetState>) {
    t.prereqs = t.deps.filter((d) => !d.orderOnly).map((d) => d.name);
    t.orderOnly = t.deps.filter((d) => d.orderOnly).map((d) => d.name);
  }
}
