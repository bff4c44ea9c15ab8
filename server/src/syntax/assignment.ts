// Recognising variable assignments like make's parse_var_assignment and
// parse_variable_definition (read.c / variable.c of GNU make 4.3).
import type { AssignOp, Modifiers } from './ast';
import { isBlank } from './source';

export interface AssignmentShape {
  mods: Modifiers;
  nameStart: number;
  nameEnd: number;
  op: AssignOp;
  valueStart: number;
}

export interface DirectiveShape {
  mods: Modifiers;
  /** 'define' or 'undefine', with where its operand starts. */
  directive: 'define' | 'undefine';
  rest: number;
}

function skipBlanks(text: string, i: number, end: number): number {
  while (i < end && isBlank(text[i])) i++;
  return i;
}

function wordEnd(text: string, i: number, end: number): number {
  while (i < end && !isBlank(text[i])) i++;
  return i;
}

/** The variable definition starting at `from`, or null when the text is something else. */
export function parseVariableDefinition(
  text: string,
  from: number,
  end: number,
): { nameStart: number; nameEnd: number; op: AssignOp; valueStart: number } | null {
  let p = skipBlanks(text, from, end);
  const nameStart = p;
  let nameEnd = -1;
  let wspace = false;
  while (p < end) {
    let c = text[p++];
    if (c === '$') {
      const open = text[p++];
      if (open !== '(' && open !== '{') {
        if (open === undefined || p > end) return null;
        continue;
      }
      const close = open === '(' ? ')' : '}';
      let count = 1;
      for (; p < end; p++) {
        if (text[p] === close && --count === 0) {
          p++;
          break;
        }
        if (text[p] === open) count++;
      }
      continue;
    }
    if (isBlank(c)) {
      wspace = true;
      nameEnd = p - 1;
      p = skipBlanks(text, p, end);
      if (p >= end) return null;
      c = text[p++];
    }
    if (c === '=') {
      if (nameEnd === -1) nameEnd = p - 1;
      return { nameStart, nameEnd, op: '=', valueStart: skipBlanks(text, p, end) };
    }
    if (text[p] === '=' && p < end) {
      const op = c === ':' ? ':=' : c === '+' ? '+=' : c === '?' ? '?=' : c === '!' ? '!=' : null;
      if (op) {
        if (nameEnd === -1) nameEnd = p - 1;
        return { nameStart, nameEnd, op, valueStart: skipBlanks(text, p + 1, end) };
      }
      if (wspace) return null;
      // `V=1`: the character before '=' is part of the name.
      if (nameEnd === -1) nameEnd = p;
      return { nameStart, nameEnd, op: '=', valueStart: skipBlanks(text, p + 1, end) };
    }
    if (c === ':') {
      if (text[p] !== ':' || text[p + 1] !== '=' || p + 1 >= end) return null;
      if (nameEnd === -1) nameEnd = p - 1;
      return { nameStart, nameEnd, op: '::=', valueStart: skipBlanks(text, p + 2, end) };
    }
    if (wspace) return null;
  }
  return null;
}

/**
 * An assignment with its modifiers (`override export X := …`), or a
 * define/undefine directive line. `targetVar` is true after a rule's colon,
 * where define/undefine are not allowed.
 */
export function parseVarAssignment(
  text: string,
  from: number,
  end: number,
  targetVar: boolean,
): AssignmentShape | DirectiveShape | null {
  // make 4.3 takes `unexport` as a directive only: `unexport F := 2` unexports three words.
  const mods = { export: false, override: false, private: false };
  let p = skipBlanks(text, from, end);
  if (p >= end) return null;
  for (;;) {
    const def = parseVariableDefinition(text, p, end);
    if (def) return { mods, ...def };
    const we = wordEnd(text, p, end);
    const word = text.slice(p, we);
    if (word === 'export') mods.export = true;
    else if (word === 'override') mods.override = true;
    else if (word === 'private') mods.private = true;
    else if (!targetVar && (word === 'define' || word === 'undefine')) {
      return { mods, directive: word, rest: skipBlanks(text, we, end) };
    } else return null;
    p = skipBlanks(text, we, end);
    if (p >= end) return null;
  }
}
