// Our side of the differential test: what a makefile defines, read from the
// syntax tree alone. No evaluator: conditionals are decided only when their
// arguments are literal (or `ifdef` of a variable defined literally above),
// names must be literal, and `$(eval)` is out of reach. Anything else marks
// the fixture as needing the evaluator instead of guessing.

import type { Cond, ExprNode, ParseResult, Stmt } from '../../server/src/syntax/ast';
import { LineIndex } from '../../server/src/syntax/lineIndex';
import { type Facts, type TargetFact, type VarFact, emptyFacts, loc, numberDoubleColon, patternRuleKey, sorted } from './facts';
import { applyAssignment, literal, type VarState } from './readerVars';

export interface ReaderFacts {
  facts: Facts;
  /** Why the fixture cannot be decided without the evaluator; empty when it can. */
  undecidable: string[];
}

/** Variables make (or a clean environment) defines before reading: `ifdef` of these is not decided here. */
const PREDEFINED = new Set(['PATH', 'LC_ALL', 'SHELL', 'MAKE', 'CURDIR', 'MAKEFLAGS', 'MAKELEVEL', 'MAKE_VERSION', 'MAKEFILE_LIST', '.FEATURES']);

interface PendingRule {
  /** Facts that receive the recipe location; for a pattern rule, its key. */
  targets: TargetFact[];
  patternKey: string | null;
  hasRecipe: boolean;
}

interface Walk {
  facts: Facts;
  vars: Map<string, VarState>;
  targetVars: Map<string, VarState>;
  doubleColon: Array<{ name: string; fact: TargetFact }>;
  undecidable: string[];
  load: (file: string) => ParseResult | undefined;
  pending: PendingRule | null;
  depth: number;
}

/** Where a statement is: file name as make reports it, and its line index. */
interface At {
  file: string;
  lines: LineIndex;
}

export function readerFacts(args: { root: ParseResult; load: (file: string) => ParseResult | undefined }): ReaderFacts {
  const w: Walk = {
    facts: emptyFacts(),
    vars: new Map(),
    targetVars: new Map(),
    doubleColon: [],
    undecidable: [],
    load: args.load,
    pending: null,
    depth: 0,
  };
  walkFile(w, args.root);
  for (const [name, v] of w.vars) w.facts.variables[name] = varFact(v);
  for (const [key, v] of w.targetVars) w.facts.targetVariables[key] = varFact(v);
  numberDoubleColon(w.facts, w.doubleColon);
  return { facts: w.facts, undecidable: w.undecidable };
}

function varFact(v: VarState): VarFact {
  // make prints a simple variable's value with every `$` doubled.
  const value = v.value === null ? null : v.flavor === 'simple' ? v.value.replace(/\$/g, '$$$$') : v.value;
  return { loc: v.loc, flavor: v.flavor, value };
}

function walkFile(w: Walk, result: ParseResult): void {
  const at: At = { file: result.file, lines: new LineIndex(result.text) };
  walkBody(w, { at, stmts: result.stmts });
}

function walkBody(w: Walk, args: { at: At; stmts: Stmt[] }): void {
  for (const s of args.stmts) {
    if (s.kind !== 'recipe' && s.kind !== 'if') w.pending = null;
    walkStmt(w, { at: args.at, s });
  }
}

function lineOf(at: At, offset: number): string {
  return loc(at.file, at.lines.positionAt(offset).line + 1);
}

function words(text: string): string[] {
  return text.split(/[ \t\n]+/).filter((x) => x !== '');
}

function walkStmt(w: Walk, args: { at: At; s: Stmt }): void {
  const { at, s } = args;
  const where = lineOf(at, s.span.start);
  switch (s.kind) {
    case 'assign':
    case 'define': {
      const name = literal(s.name);
      if (name === null) return void w.undecidable.push(`${where}: computed variable name`);
      return applyAssignment({ vars: w.vars, key: name, stmt: s, loc: where, scope: 'global' });
    }
    case 'targetAssign':
      return targetAssign(w, { where, s });
    case 'rule':
      return rule(w, { where, s });
    case 'recipe':
      if (w.pending && !w.pending.hasRecipe) setRecipe(w.pending, { facts: w.facts, where });
      return;
    case 'if':
      return conditional(w, { at, s });
    case 'include':
      return include(w, { where, s });
    case 'export': {
      const names = s.names ? literal(s.names) : '';
      if (names === null) return void w.undecidable.push(`${where}: computed export names`);
      // make defines an unknown exported name as an empty simple variable at this line.
      for (const name of words(names)) if (!w.vars.has(name)) w.vars.set(name, { loc: where, flavor: 'simple', value: '', override: false });
      return;
    }
    case 'undefine': {
      const name = literal(s.name);
      if (name === null) return void w.undecidable.push(`${where}: computed variable name`);
      const v = w.vars.get(name);
      if (v && (!v.override || s.mods.override)) w.vars.delete(name);
      return;
    }
    case 'expr':
      if (callsEval(s.expr.nodes)) w.undecidable.push(`${where}: $(eval) needs the evaluator`);
      return;
    case 'vpath':
    case 'error':
      return;
    default: {
      const never: never = s;
      return never;
    }
  }
}

function callsEval(nodes: ExprNode[]): boolean {
  return nodes.some((n) => {
    switch (n.kind) {
      case 'text':
        return false;
      case 'ref':
        return callsEval(n.name.nodes);
      case 'subst':
        return callsEval([...n.name.nodes, ...n.from.nodes, ...n.to.nodes]);
      case 'call':
        return n.fn === 'eval' || n.args.some((a) => callsEval(a.nodes));
      default: {
        const never: never = n;
        return never;
      }
    }
  });
}

function setRecipe(pending: PendingRule, args: { facts: Facts; where: string }): void {
  pending.hasRecipe = true;
  for (const t of pending.targets) t.recipe = args.where;
  if (pending.patternKey !== null) args.facts.patternRules[pending.patternKey] = args.where;
}

function targetAssign(w: Walk, args: { where: string; s: Extract<Stmt, { kind: 'targetAssign' }> }): void {
  const { where, s } = args;
  const targets = literal(s.targets);
  const name = literal(s.name);
  if (targets === null || name === null) return void w.undecidable.push(`${where}: computed target or variable name`);
  for (const t of words(targets)) {
    const key = `${t}: ${name}`;
    if (t.includes('%')) {
      w.facts.patternVariables[key] = [...(w.facts.patternVariables[key] ?? []), where];
    } else applyAssignment({ vars: w.targetVars, key, stmt: s, loc: where, scope: 'target' });
  }
}

function rule(w: Walk, args: { where: string; s: Extract<Stmt, { kind: 'rule' }> }): void {
  const { where, s } = args;
  const targetText = literal(s.targets);
  if (targetText === null) return void w.undecidable.push(`${where}: computed targets`);
  const targets = words(targetText);
  const prereqText = literal(s.prereqs);
  const orderText = s.orderOnly ? literal(s.orderOnly) : '';
  const pending: PendingRule = { targets: [], patternKey: null, hasRecipe: false };
  w.pending = pending;
  if (s.targetPattern === null && targets.some((t) => t.includes('%'))) {
    if (prereqText === null || orderText === null) return void w.undecidable.push(`${where}: computed pattern prerequisites`);
    const key = patternRuleKey({ targets, terminal: s.sep.endsWith('::'), prereqs: words(prereqText), orderOnly: words(orderText) });
    // A pattern rule without a recipe cancels an earlier one with the same key.
    delete w.facts.patternRules[key];
    pending.patternKey = key;
  } else {
    const pattern = s.targetPattern ? literal(s.targetPattern) : null;
    for (const name of targets) {
      const stem = s.targetPattern ? matchStem({ pattern, name }) : '';
      const subst = (text: string | null) => (text === null || stem === null ? null : words(text).map((p) => p.replace('%', stem)));
      pending.targets.push(explicitTarget(w, { name, doubleColon: s.sep.endsWith('::'), prereqs: subst(prereqText), orderOnly: subst(orderText) }));
    }
  }
  if (s.inlineRecipe) setRecipe(pending, { facts: w.facts, where });
}

/** The stem of `name` under a static pattern; null when unknown or not matching. */
function matchStem(args: { pattern: string | null; name: string }): string | null {
  const { pattern, name } = args;
  const pct = pattern?.indexOf('%') ?? -1;
  if (pattern === null || pct < 0) return null;
  const head = pattern.slice(0, pct);
  const tail = pattern.slice(pct + 1);
  if (name.length < head.length + tail.length || !name.startsWith(head) || !name.endsWith(tail)) return null;
  return name.slice(head.length, name.length - tail.length);
}

/** Merges one rule's prerequisites into the target's fact (a new fact per double-colon rule). */
function explicitTarget(
  w: Walk,
  args: { name: string; doubleColon: boolean; prereqs: string[] | null; orderOnly: string[] | null },
): TargetFact {
  const fresh: TargetFact = { recipe: null, prereqs: [], orderOnly: [] };
  const fact = args.doubleColon ? fresh : (w.facts.targets[args.name] ?? fresh);
  if (args.doubleColon) w.doubleColon.push({ name: args.name, fact });
  else w.facts.targets[args.name] = fact;
  fact.prereqs = fact.prereqs && args.prereqs ? sorted([...fact.prereqs, ...args.prereqs]) : null;
  fact.orderOnly = fact.orderOnly && args.orderOnly ? sorted([...fact.orderOnly, ...args.orderOnly]) : null;
  return fact;
}

function conditional(w: Walk, args: { at: At; s: Extract<Stmt, { kind: 'if' }> }): void {
  for (const branch of args.s.branches) {
    const taken = branch.cond === null ? true : decide(w, branch.cond);
    if (taken === null) {
      w.undecidable.push(`${lineOf(args.at, branch.span.start)}: condition is not literal`);
      return;
    }
    if (taken) return walkBody(w, { at: args.at, stmts: branch.body });
  }
}

/** true/false when decidable from literal text and literal variables; null otherwise. */
function decide(w: Walk, cond: Cond): boolean | null {
  if (!('name' in cond)) {
    const left = literal(cond.left);
    const right = literal(cond.right);
    if (left === null || right === null) return null;
    return (left === right) === (cond.kind === 'ifeq');
  }
  const name = literal(cond.name);
  if (name === null) return null;
  const v = w.vars.get(name.trim());
  if (!v && PREDEFINED.has(name.trim())) return null;
  // ifdef: the variable has a non-empty value (unexpanded for recursive ones).
  if (v && v.value === null) return null;
  const defined = v !== undefined && v.value !== '';
  return defined === (cond.kind === 'ifdef');
}

function include(w: Walk, args: { where: string; s: Extract<Stmt, { kind: 'include' }> }): void {
  const { where, s } = args;
  const files = literal(s.files);
  if (files === null) return void w.undecidable.push(`${where}: computed include file names`);
  if (w.depth > 20) return void w.undecidable.push(`${where}: include nesting too deep`);
  for (const file of words(files)) {
    const parsed = w.load(file);
    if (!parsed) {
      if (s.mode === 'include') w.undecidable.push(`${where}: include of missing ${file}`);
      continue;
    }
    w.depth++;
    walkFile(w, parsed);
    w.depth--;
    w.pending = null;
  }
}
