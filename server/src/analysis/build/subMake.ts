// Which make ran which: the data bases of one `make -pn` output, tied into a
// tree. make prints a data base when it finishes, so a sub-make's comes before
// its parent's: reading in print order, a data base at MAKELEVEL L adopts the
// unclaimed ones at L+1 printed before it. Within the parent, the recipe that
// ran the sub-make is the one invoking $(MAKE) whose `-C DIR`, `obj=DIR` and
// `-f FILE` (after a light expansion: `$@` and plain variable references, no
// functions) agree with the sub-make's CURDIR, command-line `obj` and first
// makefile; for make run by a script, the parent's one `+` recipe. (`make -pn`
// must run without -j, or data bases interleave.)

import { posix } from 'node:path';
import type { DbTarget, DbVariable, MakeDatabase } from '../../eval/makeDatabaseTypes';

export interface MakeContext {
  index: number;
  db: MakeDatabase;
  /** Working directory (CURDIR). */
  dir: string;
  level: number;
  /** Command-line `obj=` (Kbuild's Makefile.build runs), or null. */
  obj: string | null;
  /** First makefile read. */
  makefile: string | null;
  /** The goals it was asked for (MAKECMDGOALS, else .DEFAULT_GOAL). */
  goals: string[];
  /** MAKECMDGOALS alone. */
  cmdGoals: string[];
  /** Variables from its command line (its parent's own command-line ones included, through MAKEFLAGS). */
  cmdVars: Map<string, string>;
  parent: number | null;
  /** Target of the parent whose recipe ran it, when found. */
  runner: string | null;
}

export function readContexts(dbs: readonly MakeDatabase[], fallbackDir: string): MakeContext[] {
  const contexts = dbs.map((db, index): MakeContext => {
    const vars = new Map(db.variables.map((x) => [x.name, x]));
    const value = (name: string): string => unescapeSimple(vars.get(name));
    const words = (name: string): string[] => value(name).split(/\s+/).filter(Boolean);
    const cmdVars = new Map(db.variables.filter((x) => x.origin === 'command line').map((x) => [x.name, unescapeSimple(x)]));
    const cmdGoals = words('MAKECMDGOALS');
    return {
      index,
      db,
      dir: value('CURDIR') || db.directory || fallbackDir,
      level: Number(value('MAKELEVEL')) || 0,
      obj: cmdVars.get('obj') ?? null,
      makefile: words('MAKEFILE_LIST')[0] ?? null,
      goals: cmdGoals.length ? cmdGoals : words('.DEFAULT_GOAL'),
      cmdGoals,
      cmdVars,
      parent: null,
      runner: null,
    };
  });
  const pending: number[] = [];
  for (const c of contexts) {
    while (pending.length && contexts[pending[pending.length - 1]].level > c.level) {
      const child = contexts[pending.pop() as number];
      if (child.level === c.level + 1) child.parent = c.index;
    }
    pending.push(c.index);
  }
  const calls = new Map<number, ParentCalls>();
  for (const c of contexts) {
    if (c.parent === null) continue;
    const parent = contexts[c.parent];
    let known = calls.get(parent.index);
    if (!known) calls.set(parent.index, (known = makeCalls(parent)));
    c.runner = findRunner({ calls: known, parent, child: c });
  }
  return contexts;
}

interface ParentCalls {
  /** Recipe lines invoking make, read. */
  calls: Array<{ target: string; call: MakeCall }>;
  /** Targets with a `+` recipe line. */
  plus: string[];
}

function makeCalls(parent: MakeContext): ParentCalls {
  const found: ParentCalls = { calls: [], plus: [] };
  for (const t of parent.db.targets) {
    for (const line of t.recipe?.lines ?? []) {
      const make = invokesMake(line);
      const plus = /^[@\s-]*(\$\(Q\))?[@\s-]*\+/.test(line);
      if (!make && !plus) continue;
      const text = expandLight(line, parent.db, t);
      if (/^[@\s-]*\+/.test(text) && !found.plus.includes(t.name)) found.plus.push(t.name);
      if (make) found.calls.push({ target: t.name, call: readMakeCall(text) });
    }
  }
  return found;
}

/**
 * The parent's target whose recipe runs `child`: the best-scoring make call,
 * first in print order. Failing that, the one target whose recipe has a `+`
 * line (make runs those even under -n: Kbuild marks scripts that call make
 * themselves, like link-vmlinux.sh, that way).
 */
function findRunner(o: { calls: ParentCalls; parent: MakeContext; child: MakeContext }): string | null {
  let best: { target: string; score: number } | null = null;
  for (const { target, call } of o.calls.calls) {
    const score = matchScore({ call, parent: o.parent, child: o.child });
    if (score >= 0 && (!best || score > best.score)) best = { target, score };
  }
  return best?.target ?? (o.calls.plus.length === 1 ? o.calls.plus[0] : null);
}

export function invokesMake(line: string): boolean {
  return line.includes('$(MAKE)') || line.includes('${MAKE}') || /(^|[\s;&|(@+-])make\s/.test(line);
}

export interface MakeCall {
  dir: string | null;
  makefile: string | null;
  /** `NAME=value` words. */
  vars: Map<string, string>;
  /** Other plain words after the make word (goals, as make reads them: without a leading `./`). */
  goals: string[];
  /** Some word was left unexpanded (a function call): goals and variables may hide in it. */
  opaque: boolean;
}

/** Options of make that take the next word as their argument. */
const WITH_ARG = new Set(['-C', '-f', '-I', '-o', '-W', '--directory', '--file', '--makefile']);

export function readMakeCall(text: string): MakeCall {
  const words = shellWords(text);
  const call: MakeCall = { dir: null, makefile: null, vars: new Map(), goals: [], opaque: false };
  const at = words.findIndex((w) => /(^|[@+-])make$/.test(w) || w.endsWith('/make'));
  for (let k = at + 1; k < words.length; k++) {
    const w = words[k];
    if (/^[;&|]/.test(w) || /^\d*[<>]/.test(w)) break;
    if (w.includes('$')) {
      call.opaque = true;
      continue;
    }
    if (WITH_ARG.has(w)) {
      const next = words[++k] ?? '';
      if (w === '-C' || w === '--directory') call.dir = next;
      else if (w === '-f' || w === '--file' || w === '--makefile') call.makefile = next;
    } else if (w.startsWith('--directory=')) call.dir = w.slice('--directory='.length);
    else if (w.startsWith('--file=') || w.startsWith('--makefile=')) call.makefile = w.slice(w.indexOf('=') + 1);
    else if (w.startsWith('-C')) call.dir = w.slice(2);
    else if (w.startsWith('-')) continue;
    else if (w.includes('=')) call.vars.set(w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1));
    else call.goals.push(withoutDotSlash(w));
  }
  return call;
}

/** make drops a leading `./` from goals (`./kernel/time/` is MAKECMDGOALS `kernel/time/`). */
function withoutDotSlash(goal: string): string {
  return goal.replace(/^(\.\/+)+(?=.)/, '');
}

/** Blank-separated words; a `$(…)`/`${…}` left unexpanded stays one word, backslash-newline is a blank. */
function shellWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let depth = 0;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (ch === '\\' && text[k + 1] === '\n') {
      k++;
      if (depth === 0) {
        if (word) words.push(word);
        word = '';
      }
      continue;
    }
    if (depth === 0 && /\s/.test(ch)) {
      if (word) words.push(word);
      word = '';
      continue;
    }
    if (ch === '$' && (text[k + 1] === '(' || text[k + 1] === '{')) {
      depth++;
      word += ch + text[++k];
      continue;
    }
    if (depth > 0 && (ch === ')' || ch === '}')) depth--;
    else if (depth > 0 && (ch === '(' || ch === '{')) depth++;
    word += ch;
  }
  if (word) words.push(word);
  return words;
}

/**
 * -1: cannot be this sub-make; otherwise more is better. Directory and `obj`
 * must agree; then goals and the command-line variables the call sets (those
 * the child has and its parent has not) count for or against.
 */
function matchScore(o: { call: MakeCall; parent: MakeContext; child: MakeContext }): number {
  const { call, parent, child } = o;
  const dir = posix.resolve(parent.dir, call.dir ?? '.');
  if (dir !== child.dir) return -1;
  if ((child.obj ?? '') !== (call.vars.get('obj') ?? '')) return -1;
  let score = 1;
  if (call.makefile && child.makefile && posix.resolve(dir, call.makefile) === posix.resolve(dir, child.makefile)) score++;
  const goals = new Set(child.cmdGoals);
  if (call.goals.some((g) => !goals.has(g))) return -1;
  if (child.cmdGoals.length && call.goals.length === child.cmdGoals.length) score += 2;
  else if (child.cmdGoals.length && !call.opaque) return -1;
  for (const [name, value] of child.cmdVars) {
    if (name === 'obj' || parent.cmdVars.get(name) === value) continue;
    if (call.vars.get(name) === value) score++;
    else if (!call.opaque) return -1;
  }
  for (const [name, value] of call.vars) if (child.cmdVars.get(name) !== value) return -1;
  return score;
}

/**
 * `$@`, `$(VAR)`, `${VAR}` and `$X` from the target's and the data base's
 * variables, recursively (depth-limited); anything else is left as written.
 */
export function expandLight(text: string, db: MakeDatabase, target: DbTarget, depth = 0): string {
  if (depth > 8) return text;
  return text.replace(/\$(?:\(([^()$:\s]+)\)|\{([^{}$:\s]+)\}|([^($\s{]))/g, (whole, a, b, c) => {
    const name = (a ?? b ?? c) as string;
    if (name === '@') return target.name;
    const v = target.vars.find((x) => x.name === name) ?? db.variables.find((x) => x.name === name);
    if (!v) return whole;
    return v.flavor === 'simple' ? unescapeSimple(v) : expandLight(v.value, db, target, depth + 1);
  });
}

/** make -p doubles `$` in simple variables' values. */
function unescapeSimple(v: DbVariable | undefined): string {
  if (!v) return '';
  return v.flavor === 'simple' ? v.value.replace(/\$\$/g, '$') : v.value;
}
