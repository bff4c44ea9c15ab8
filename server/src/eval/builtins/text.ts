// Text functions: subst, patsubst, strip, findstring, filter, filter-out,
// sort, word, wordlist, words, firstword, lastword. Unknown parts (see
// unknown.ts) stay in place where a function only rewrites text; where the
// answer depends on how many words an unknown part is, the answer is UNKNOWN.
import { type Ctx, fatal } from '../state';
import { UNKNOWN, hasUnknown } from '../unknown';
import { matchPattern, parsePattern, patsubst, splitWords, stripText, trimSpace } from '../words';
import type { Builtin } from './types';

function subst(q: { from: string; to: string; text: string }): string {
  const { from, to, text } = q;
  if (from === '') return text + to;
  if (hasUnknown(from)) return text === '' ? '' : UNKNOWN;
  return text.split(from).join(to);
}

function filter(q: { patterns: string; text: string; keep: boolean }): string {
  const { patterns: patternsText, text, keep } = q;
  if (hasUnknown(patternsText)) return text.trim() === '' ? '' : UNKNOWN;
  const patterns = splitWords(patternsText).map(parsePattern);
  const out: string[] = [];
  for (const word of splitWords(text)) {
    const matched = patterns.some((p) => matchPattern(p, word) !== null);
    if (matched === keep) out.push(word);
    else if (!matched && hasUnknown(word)) out.push(UNKNOWN);
  }
  return out.join(' ');
}

function sortWords(text: string): string {
  const words = splitWords(text);
  const known = words.filter((w) => !hasUnknown(w));
  const unique = [...new Set(known)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (known.length !== words.length) unique.push(UNKNOWN);
  return unique.join(' ');
}

/** make's check_numeric: blanks around digits only; the message quotes the argument as given. */
function numeric(cx: Ctx, q: { text: string; message: string }): number {
  const { text, message } = q;
  const t = trimSpace(text);
  if (t === '' || !/^[0-9]+$/.test(t)) fatal(cx, `${message}: '${text}'`);
  return Math.min(Number(t), Number.MAX_SAFE_INTEGER);
}

/** True when one of words[0..n) has an unknown part (so positions past it are unknown). */
function unknownBefore(words: string[], n: number): boolean {
  const end = Math.min(n, words.length);
  for (let k = 0; k < end; k++) if (hasUnknown(words[k])) return true;
  return false;
}

function word(cx: Ctx, q: { n: string; text: string }): string {
  const { n: nText, text } = q;
  if (hasUnknown(nText)) return UNKNOWN;
  const n = numeric(cx, { text: nText, message: "non-numeric first argument to 'word' function" });
  if (n === 0) fatal(cx, "first argument to 'word' function must be greater than 0");
  const words = splitWords(text);
  if (unknownBefore(words, n)) return UNKNOWN;
  return words[n - 1] ?? '';
}

function wordlist(cx: Ctx, q: { start: string; end: string; text: string }): string {
  const { start: sText, end: eText, text } = q;
  if (hasUnknown(sText) || hasUnknown(eText)) return UNKNOWN;
  numeric(cx, { text: sText, message: "non-numeric first argument to 'wordlist' function" });
  numeric(cx, { text: eText, message: "non-numeric second argument to 'wordlist' function" });
  const start = Number(trimSpace(sText));
  if (start < 1) fatal(cx, `invalid first argument to 'wordlist' function: '${start}'`);
  const end = Number(trimSpace(eText));
  if (end < start) return '';
  const words = splitWords(text);
  if (unknownBefore(words, end)) return UNKNOWN;
  return words.slice(start - 1, end).join(' ');
}

export const TEXT_BUILTINS: Builtin[] = [
  { name: 'subst', minArgs: 3, expandArgs: true, impl: ({ args }) => subst({ from: args[0], to: args[1], text: args[2] }) },
  {
    name: 'patsubst',
    minArgs: 3,
    expandArgs: true,
    impl: ({ args }) => (hasUnknown(args[0]) && args[2] !== '' ? UNKNOWN : patsubst({ pattern: args[0], replacement: args[1], text: args[2] })),
  },
  { name: 'strip', minArgs: 0, expandArgs: true, impl: ({ args }) => stripText(args[0] ?? '') },
  {
    name: 'findstring',
    minArgs: 2,
    expandArgs: true,
    impl: ({ args }) => {
      const [find, text] = args;
      if (hasUnknown(find)) return UNKNOWN;
      if (text.includes(find)) return find;
      return hasUnknown(text) ? UNKNOWN : '';
    },
  },
  { name: 'filter', minArgs: 2, expandArgs: true, impl: ({ args }) => filter({ patterns: args[0], text: args[1], keep: true }) },
  { name: 'filter-out', minArgs: 2, expandArgs: true, impl: ({ args }) => filter({ patterns: args[0], text: args[1], keep: false }) },
  { name: 'sort', minArgs: 0, expandArgs: true, impl: ({ args }) => sortWords(args[0] ?? '') },
  { name: 'word', minArgs: 2, expandArgs: true, impl: ({ cx, args }) => word(cx, { n: args[0], text: args[1] }) },
  { name: 'wordlist', minArgs: 3, expandArgs: true, impl: ({ cx, args }) => wordlist(cx, { start: args[0], end: args[1], text: args[2] }) },
  {
    name: 'words',
    minArgs: 0,
    expandArgs: true,
    impl: ({ args }) => (hasUnknown(args[0] ?? '') ? UNKNOWN : String(splitWords(args[0] ?? '').length)),
  },
  {
    name: 'firstword',
    minArgs: 0,
    expandArgs: true,
    impl: ({ args }) => {
      const first = splitWords(args[0] ?? '')[0] ?? '';
      return hasUnknown(first) ? UNKNOWN : first;
    },
  },
  {
    name: 'lastword',
    minArgs: 0,
    expandArgs: true,
    impl: ({ args }) => {
      const words = splitWords(args[0] ?? '');
      const last = words[words.length - 1] ?? '';
      return hasUnknown(last) ? UNKNOWN : last;
    },
  },
];
