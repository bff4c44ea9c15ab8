// A logical piece of text (a line after continuation folding, a recipe line,
// a define body) and the file offset of each of its characters.
import type { Span } from './ast';

export interface Source {
  text: string;
  /** File offset of text[i]; length text.length + 1. Null when contiguous from base. */
  map: number[] | null;
  base: number;
}

export function fileOffset(src: Source, i: number): number {
  return src.map ? src.map[Math.min(i, src.map.length - 1)] : src.base + i;
}

export function spanOf(src: Source, from: number, to: number): Span {
  const start = fileOffset(src, from);
  // The end is one past the last character, so map the last character and add one.
  const end = to > from ? fileOffset(src, to - 1) + 1 : start;
  return { start, end };
}

export function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

/**
 * Index just past the reference that starts at text[i] === '$', counting
 * parens of the reference's own kind the way make finds a reference's end.
 * Returns -1 for an unterminated reference.
 */
export function skipReference(text: string, i: number, end: number): number {
  const open = text[i + 1];
  if (open !== '(' && open !== '{') return Math.min(i + 2, end);
  const close = open === '(' ? ')' : '}';
  let depth = 0;
  for (let j = i + 2; j < end; j++) {
    const c = text[j];
    if (c === open) depth++;
    else if (c === close && --depth < 0) return j + 1;
  }
  return -1;
}

/** First index in [from, end) of one of `chars` outside references, or -1. */
export function findTopLevel(text: string, from: number, end: number, chars: string): number {
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (c === '$') {
      const next = skipReference(text, i, end);
      if (next === -1) return -1;
      i = next - 1;
    } else if (chars.includes(c)) return i;
  }
  return -1;
}
