// Control functions: if, or, and, foreach (they expand their own arguments,
// conditions stripped of blanks before expansion as make does) and the
// message functions info, warning, error. A condition that is only unknown
// parts cannot be decided: the call answers UNKNOWN without expanding a branch.
import type { Expr } from '../../syntax/ast';
import { enterDepth, expandExpr, expandStripped } from '../expand';
import { type Ctx, fatalAt } from '../state';
import { UNKNOWN } from '../unknown';
import { automaticSet } from '../variables';
import { isSpace, splitWords } from '../words';
import type { Builtin } from './types';

/** Non-empty for sure, empty for sure, or undecidable (nothing but unknown parts). */
function truth(value: string): boolean | null {
  if (value === '') return false;
  for (let k = 0; k < value.length; k++) if (value[k] !== UNKNOWN) return true;
  return null;
}

function firstToken(text: string): string {
  let s = 0;
  while (s < text.length && isSpace(text.charCodeAt(s))) s++;
  let e = s;
  while (e < text.length && !isSpace(text.charCodeAt(e))) e++;
  return text.slice(s, e);
}

function foreach(cx: Ctx, exprs: Expr[]): string {
  const name = firstToken(expandExpr(cx, exprs[0]));
  const list = splitWords(expandExpr(cx, exprs[1]));
  const body = exprs[2];
  const scope = automaticSet([[name, '']]);
  const v = scope.get(name);
  cx.scopes.push(scope);
  enterDepth(cx);
  const parts: string[] = [];
  try {
    for (const word of list) {
      if (v) v.value = word;
      parts.push(expandExpr(cx, body));
    }
  } finally {
    cx.depth--;
    cx.scopes.pop();
  }
  return parts.join(' ');
}

export const CONTROL_BUILTINS: Builtin[] = [
  {
    name: 'if',
    minArgs: 2,
    expandArgs: false,
    impl: ({ cx, exprs }) => {
      const t = truth(expandStripped(cx, exprs[0]));
      if (t === null) return UNKNOWN;
      if (t) return expandExpr(cx, exprs[1]);
      return exprs[2] ? expandExpr(cx, exprs[2]) : '';
    },
  },
  {
    name: 'or',
    minArgs: 1,
    expandArgs: false,
    impl: ({ cx, exprs }) => {
      for (const e of exprs) {
        const v = expandStripped(cx, e);
        const t = truth(v);
        if (t === null) return UNKNOWN;
        if (t) return v;
      }
      return '';
    },
  },
  {
    name: 'and',
    minArgs: 1,
    expandArgs: false,
    impl: ({ cx, exprs }) => {
      let last = '';
      for (const e of exprs) {
        last = expandStripped(cx, e);
        const t = truth(last);
        if (t === null) return UNKNOWN;
        if (!t) return '';
      }
      return last;
    },
  },
  { name: 'foreach', minArgs: 3, expandArgs: false, impl: ({ cx, exprs }) => foreach(cx, exprs) },
  {
    name: 'info',
    minArgs: 0,
    expandArgs: true,
    impl: ({ cx, args }) => {
      cx.messages.push({ kind: 'info', text: args[0] ?? '', loc: cx.reading });
      return '';
    },
  },
  {
    name: 'warning',
    minArgs: 0,
    expandArgs: true,
    impl: ({ cx, args }) => {
      cx.messages.push({ kind: 'warning', text: args[0] ?? '', loc: cx.reading });
      return '';
    },
  },
  {
    name: 'error',
    minArgs: 0,
    expandArgs: true,
    impl: ({ cx, args }) => {
      cx.messages.push({ kind: 'error', text: args[0] ?? '', loc: cx.reading });
      return fatalAt({ message: args[0] ?? '', loc: cx.reading });
    },
  },
];
