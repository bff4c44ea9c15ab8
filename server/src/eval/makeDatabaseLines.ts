// Line-level readers for GNU make's `-p` data base output (make 4.3). Each
// takes one printed line and returns plain data or null; none throws and
// none uses a backtracking regular expression, so multi-megabyte outputs
// (the kernel's `make -pq`) are read in one linear pass.
import type { Origin } from './types';

/** Where make says something was defined; `line` is 1-based, as make prints it. */
export interface DbLocation {
  file: string;
  line: number;
}

/** The words `$(origin)` answers with, mapped from the comment make prints. */
export type DbOrigin = Origin;

export interface DbOriginInfo {
  origin: DbOrigin;
  private: boolean;
  loc: DbLocation | null;
}

/** Longest first: "environment under -e" must win over "environment". */
const ORIGIN_WORDS: ReadonlyArray<readonly [string, DbOrigin]> = [
  ['environment under -e', 'environment override'],
  ["'override' directive", 'override'],
  ['command line', 'command line'],
  ['environment', 'environment'],
  ['automatic', 'automatic'],
  ['makefile', 'file'],
  ['default', 'default'],
];

/** `# makefile private (from 'f.mk', line 3)` and friends; null for any other line. */
export function parseOriginComment(line: string): DbOriginInfo | null {
  if (!line.startsWith('# ')) return null;
  for (const [word, origin] of ORIGIN_WORDS) {
    if (!line.startsWith(word, 2)) continue;
    let rest = line.slice(2 + word.length);
    let isPrivate = false;
    if (rest.startsWith(' private')) {
      isPrivate = true;
      rest = rest.slice(' private'.length);
    }
    if (rest === '') return { origin, private: isPrivate, loc: null };
    const loc = parseFromClause(rest);
    return loc ? { origin, private: isPrivate, loc } : null;
  }
  return null;
}

/** ` (from 'f.mk', line 3)` → location; the file name may itself contain quotes. */
function parseFromClause(rest: string): DbLocation | null {
  const head = " (from '";
  const mid = "', line ";
  if (!rest.startsWith(head) || !rest.endsWith(')')) return null;
  const at = rest.lastIndexOf(mid);
  if (at < head.length) return null;
  const line = parseDecimal(rest.slice(at + mid.length, -1));
  return line === null ? null : { file: rest.slice(head.length, at), line };
}

function parseDecimal(text: string): number | null {
  if (text === '' || text.length > 15) return null;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return null;
  }
  return Number(text);
}

export type DbAssignOp = '=' | ':=' | '+=';

export interface DbVarLine {
  name: string;
  op: DbAssignOp;
  value: string;
}

const VAR_SEPARATORS: ReadonlyArray<readonly [string, DbAssignOp]> = [
  [' = ', '='],
  [' := ', ':='],
  [' += ', '+='],
];

/**
 * `NAME = value`, `NAME := value`, `NAME += value`. Make prints `NAME op `
 * then the value, so the first separator found belongs to the name.
 */
export function parseVarLine(text: string): DbVarLine | null {
  let best = -1;
  let op: DbAssignOp = '=';
  let sepLength = 0;
  for (const [sep, sepOp] of VAR_SEPARATORS) {
    // An empty value prints as `NAME = ` (trailing blank) or, in target
    // context after trimming by an editor, `NAME =`.
    let at = text.indexOf(sep);
    if (at < 0 && text.endsWith(sep.trimEnd())) at = text.length - sep.length + 1;
    if (at > 0 && (best < 0 || at < best)) {
      best = at;
      op = sepOp;
      sepLength = sep.length;
    }
  }
  if (best < 0) return null;
  return { name: text.slice(0, best), op, value: text.slice(best + sepLength) };
}

/** `define NAME` as make prints a multi-line recursive variable; null otherwise. */
export function parseDefineHead(text: string): string | null {
  if (!text.startsWith('define ')) return null;
  const name = text.slice('define '.length);
  // `define = 1` is an ordinary variable named "define" in make 4.3.
  return name === '' || name.includes(' ') ? null : name;
}

/** make's own nesting test for define bodies (read.c, do_define). */
export function defineNesting(line: string): 1 | -1 | 0 {
  if (line.startsWith('\t')) return 0;
  const p = line.trimStart();
  if (startsWithWord(p, 'define')) return 1;
  if (startsWithWord(p, 'endef')) return -1;
  return 0;
}

function startsWithWord(text: string, word: string): boolean {
  if (!text.startsWith(word)) return false;
  const next = text.charAt(word.length);
  return next === '' || next === ' ' || next === '\t';
}

export interface DbRuleLine {
  /** Everything before the colon: one target, or a pattern rule's targets. */
  head: string;
  doubleColon: boolean;
  prereqs: string[];
  orderOnly: string[];
}

/**
 * `name: a b | c` or `name:: a`. A target named `w\:z` prints as `w:z`, so
 * the separator is the first colon followed by a blank, the line end, or a
 * second colon that is itself followed by one of those.
 */
export function parseRuleLine(line: string): DbRuleLine | null {
  for (let k = 0; k < line.length; k++) {
    if (line.charCodeAt(k) !== 58 /* : */ || k === 0) continue;
    const next = line.charAt(k + 1);
    if (next === '' || next === ' ') return ruleParts({ line, at: k, sepLength: 1 });
    if (next === ':') {
      const after = line.charAt(k + 2);
      if (after === '' || after === ' ') return ruleParts({ line, at: k, sepLength: 2 });
    }
  }
  return null;
}

function ruleParts(args: { line: string; at: number; sepLength: number }): DbRuleLine {
  const words = splitWords(args.line.slice(args.at + args.sepLength));
  const bar = words.indexOf('|');
  return {
    head: args.line.slice(0, args.at),
    doubleColon: args.sepLength === 2,
    prereqs: bar < 0 ? words : words.slice(0, bar),
    orderOnly: bar < 0 ? [] : words.slice(bar + 1),
  };
}

export interface DbRecipeHead {
  builtin: boolean;
  loc: DbLocation | null;
}

/** `#  recipe to execute (from 'f.mk', line 3):` or `… (built-in):`. */
export function parseRecipeHead(line: string): DbRecipeHead | null {
  const head = '#  recipe to execute';
  if (!line.startsWith(head)) return null;
  const rest = line.slice(head.length);
  if (rest === ' (built-in):') return { builtin: true, loc: null };
  if (!rest.endsWith(':')) return null;
  return { builtin: false, loc: parseFromClause(rest.slice(0, -1)) };
}

/** True when a recipe line ends in an odd number of backslashes (continued). */
export function endsWithEscapedNewline(text: string): boolean {
  let count = 0;
  for (let k = text.length - 1; k >= 0 && text.charCodeAt(k) === 92; k--) count++;
  return count % 2 === 1;
}

export function splitWords(text: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let k = 0; k <= text.length; k++) {
    const c = k < text.length ? text.charCodeAt(k) : 32;
    const blank = c === 32 || c === 9;
    if (blank && start >= 0) {
      words.push(text.slice(start, k));
      start = -1;
    } else if (!blank && start < 0) start = k;
  }
  return words;
}
