// Readers for the entries of each `make -p` section. Each works on a cursor
// over the output's lines and advances it by at least one line, so the
// caller's loop always terminates.

import {
  type DbAssignOp,
  type DbOriginInfo,
  type DbRecipeHead,
  defineNesting,
  endsWithEscapedNewline,
  parseDefineHead,
  parseOriginComment,
  parseRecipeHead,
  parseRuleLine,
  parseVarLine,
  splitWords,
} from './makeDatabaseLines';
import type { DbRecipe, DbTarget, DbVariable, MakeDatabase } from './makeDatabaseTypes';

export type Section = 'preamble' | 'variables' | 'patternVars' | 'directories' | 'implicit' | 'files' | 'vpath';

export const SECTION_HEADERS: ReadonlyMap<string, Section> = new Map([
  ['# Variables', 'variables'],
  ['# Pattern-specific Variable Values', 'patternVars'],
  ['# Directories', 'directories'],
  ['# Implicit Rules', 'implicit'],
  ['# Files', 'files'],
  ['# VPATH Search Paths', 'vpath'],
]);

export const DB_START = '# Make data base, printed on';
export const DB_END = '# Finished Make data base';

/** Cursor over the output's lines. */
export interface Cursor {
  lines: string[];
  i: number;
  db: MakeDatabase;
}

function isSectionBoundary(line: string): boolean {
  return SECTION_HEADERS.has(line) || line.startsWith(DB_END) || line.startsWith(DB_START);
}

function problem(c: Cursor, message: string): void {
  c.db.problems.push({ line: c.i + 1, message });
}

/** Reads the variable printed at `c.i` after `prefix`; `stop` ends a multi-line `:=` value. */
function readVariable(
  c: Cursor,
  args: { prefix: string; info: DbOriginInfo; stop: (line: string) => boolean },
): DbVariable | null {
  const text = c.lines[c.i].slice(args.prefix.length);
  const base = { origin: args.info.origin, private: args.info.private, loc: args.info.loc };
  const defined = parseDefineHead(text);
  if (defined !== null) {
    const body: string[] = [];
    let depth = 1;
    for (c.i++; c.i < c.lines.length; c.i++) {
      const line = c.lines[c.i];
      // A cut-off output: do not swallow the next data base.
      if (line.startsWith(DB_END) || line.startsWith(DB_START)) return null;
      depth += defineNesting(line);
      if (depth === 0) break;
      body.push(line);
    }
    c.i++;
    return { ...base, name: defined, flavor: 'recursive', append: false, value: body.join('\n'), define: true };
  }
  const parsed = parseVarLine(text);
  if (!parsed) {
    problem(c, 'expected a variable after its origin comment');
    c.i++;
    return null;
  }
  let value = parsed.value;
  for (c.i++; parsed.op === ':=' && c.i < c.lines.length; c.i++) {
    const line = c.lines[c.i];
    if (args.stop(line) || isSectionBoundary(line)) break;
    value += '\n' + line;
  }
  return { ...base, name: parsed.name, ...flavorOf(parsed.op), value, define: false };
}

function flavorOf(op: DbAssignOp): Pick<DbVariable, 'flavor' | 'append'> {
  return { flavor: op === ':=' ? 'simple' : 'recursive', append: op === '+=' };
}

export function readGlobalVariable(c: Cursor): void {
  const info = parseOriginComment(c.lines[c.i]);
  c.i++;
  if (!info || c.i >= c.lines.length) return;
  const stop = (line: string): boolean =>
    parseOriginComment(line) !== null || line.startsWith('# variable set hash-table stats');
  const variable = readVariable(c, { prefix: '', info, stop });
  if (variable) c.db.variables.push(variable);
}

/** `\n%.x :\n# makefile (from 'f.mk', line 3)\n# B := value` */
export function readPatternVariable(c: Cursor): void {
  const line = c.lines[c.i];
  c.i++;
  if (!line.endsWith(' :') || line.startsWith('#')) return;
  const info = c.i < c.lines.length ? parseOriginComment(c.lines[c.i]) : null;
  if (!info || c.i + 1 >= c.lines.length || !c.lines[c.i + 1].startsWith('# ')) {
    problem(c, 'expected an origin comment and a variable after a pattern');
    return;
  }
  c.i++;
  const variable = readVariable(c, { prefix: '# ', info, stop: (l) => l === '' });
  if (variable) c.db.patternVariables.push({ pattern: line.slice(0, -2), variable });
}

/** One blank-line-separated entry of `# Implicit Rules`. */
export function readPatternRule(c: Cursor): void {
  const line = c.lines[c.i];
  const rule = line === '' || line.startsWith('#') ? null : parseRuleLine(line);
  c.i++;
  if (!rule) return;
  const { recipe } = readNotesAndRecipe(c);
  c.db.patternRules.push({
    targets: splitWords(rule.head),
    terminal: rule.doubleColon,
    prereqs: rule.prereqs,
    orderOnly: rule.orderOnly,
    recipe,
    builtin: recipe?.builtin ?? false,
  });
}

/**
 * Reads the `#  …` notes after a rule line, then the recipe (if any) up to
 * the blank line that ends the entry.
 */
function readNotesAndRecipe(c: Cursor): { notes: string[]; recipe: DbRecipe | null } {
  const notes: string[] = [];
  while (c.i < c.lines.length) {
    const line = c.lines[c.i];
    if (line === '' || isSectionBoundary(line)) break;
    c.i++;
    const head = parseRecipeHead(line);
    if (head) return { notes, recipe: readRecipeLines(c, head) };
    if (line.startsWith('#  ')) notes.push(line.slice(3));
  }
  return { notes, recipe: null };
}

function readRecipeLines(c: Cursor, head: DbRecipeHead): DbRecipe {
  const lines: string[] = [];
  let continued = false;
  for (; c.i < c.lines.length; c.i++) {
    const line = c.lines[c.i];
    if (continued) lines[lines.length - 1] += '\n' + line;
    else if (line === '' || isSectionBoundary(line)) break;
    // The first character is the recipe prefix in force when make printed it.
    else lines.push(line.slice(1));
    continued = endsWithEscapedNewline(line);
  }
  return { builtin: head.builtin, loc: head.loc, lines };
}

/** One entry of `# Files`: [.RECIPEPREFIX], target variables, [# Not a target:], rule line, notes, recipe. */
export function readFileEntry(c: Cursor): void {
  if (c.lines[c.i] === '') {
    c.i++;
    return;
  }
  const vars: DbVariable[] = [];
  let isTarget = true;
  while (c.i < c.lines.length) {
    const line = c.lines[c.i];
    if (line === '' || isSectionBoundary(line)) return;
    if (line.startsWith('.RECIPEPREFIX = ') || line === '.RECIPEPREFIX =') {
      c.i++;
      continue;
    }
    if (line === '# Not a target:') {
      isTarget = false;
      c.i++;
      continue;
    }
    const info = parseOriginComment(line);
    if (info) {
      c.i++;
      readTargetVariable(c, { info, vars });
      continue;
    }
    if (line.startsWith('#')) {
      c.i++;
      continue;
    }
    return readTargetRule(c, { vars, isTarget });
  }
}

/** `NAME: VAR op value` under an origin comment; the rule line `NAME:` follows. */
function readTargetVariable(c: Cursor, args: { info: DbOriginInfo; vars: DbVariable[] }): void {
  const line = c.i < c.lines.length ? c.lines[c.i] : '';
  const at = line.indexOf(': ');
  if (at <= 0) {
    problem(c, 'expected a target-specific variable after its origin comment');
    return;
  }
  const name = line.slice(0, at);
  const stop = (l: string): boolean =>
    parseOriginComment(l) !== null ||
    l === '# Not a target:' ||
    l === name + ':' ||
    l.startsWith(name + ': ') ||
    l.startsWith(name + '::');
  const variable = readVariable(c, { prefix: name + ': ', info: args.info, stop });
  if (variable) args.vars.push(variable);
}

function readTargetRule(c: Cursor, args: { vars: DbVariable[]; isTarget: boolean }): void {
  const rule = parseRuleLine(c.lines[c.i]);
  if (!rule) {
    problem(c, 'expected a target line');
    c.i++;
    return;
  }
  c.i++;
  const { notes, recipe } = readNotesAndRecipe(c);
  const target: DbTarget = {
    name: rule.head,
    doubleColon: rule.doubleColon,
    isTarget: args.isTarget,
    prereqs: rule.prereqs,
    orderOnly: rule.orderOnly,
    phony: false,
    builtin: false,
    precious: false,
    intermediate: false,
    alsoMakes: [],
    stem: null,
    recipe,
    vars: args.vars,
  };
  for (const note of notes) applyNote(target, note);
  c.db.targets.push(target);
}

function applyNote(target: DbTarget, note: string): void {
  if (note.startsWith('Phony target')) target.phony = true;
  else if (note === 'Builtin rule') target.builtin = true;
  else if (note.startsWith('Precious file')) target.precious = true;
  else if (note.startsWith('File is an intermediate prerequisite')) target.intermediate = true;
  else if (note.startsWith('Also makes: ')) target.alsoMakes = splitWords(note.slice('Also makes: '.length));
  else if (note.startsWith("Implicit/static pattern stem: '") && note.endsWith("'")) {
    target.stem = note.slice("Implicit/static pattern stem: '".length, -1);
  }
}

/** `vpath %.c src:lib` lines and the general `VPATH` list. */
export function readVpathLine(c: Cursor): void {
  const line = c.lines[c.i];
  if (line.startsWith('vpath ')) {
    const words = splitWords(line.slice('vpath '.length));
    if (words.length >= 2) c.db.vpaths.push({ pattern: words[0], dirs: splitDirs(words.slice(1).join(' ')) });
    else problem(c, 'expected a vpath pattern and directories');
  } else if (line === "# General ('VPATH' variable) search path:" && c.i + 1 < c.lines.length) {
    c.i++;
    c.db.generalVpath = splitDirs(c.lines[c.i].replace(/^# /, ''));
  }
  c.i++;
}

function splitDirs(text: string): string[] {
  return text.split(':').filter((d) => d !== '');
}
