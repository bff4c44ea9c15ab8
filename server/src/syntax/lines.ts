// Physical lines → logical lines, the way GNU make 4.3 reads them.
import type { Source } from './source';
import { isBlank, skipReference } from './source';

export function lineEnd(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl === -1 ? text.length : nl;
}

/** True when the physical line [start, end) ends in an odd number of backslashes. */
export function continues(text: string, start: number, end: number): boolean {
  let n = 0;
  for (let i = end - 1; i >= start && text[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

export interface Logical {
  src: Source;
  /** File offset where the next physical line starts. */
  next: number;
}

/**
 * A logical line outside recipes: each backslash-newline, with the blanks
 * before and after it, becomes one space.
 */
export function readLogicalLine(text: string, start: number): Logical {
  let end = lineEnd(text, start);
  if (!continues(text, start, end)) {
    return { src: { text: text.slice(start, end), map: null, base: start }, next: end + 1 };
  }
  let out = '';
  const map: number[] = [];
  let pos = start;
  for (;;) {
    end = lineEnd(text, pos);
    const more = continues(text, pos, end) && end < text.length;
    const contentEnd = more ? end - 1 : end;
    for (let i = pos; i < contentEnd; i++) {
      out += text[i];
      map.push(i);
    }
    if (!more) {
      map.push(contentEnd);
      return { src: { text: out, map, base: start }, next: end + 1 };
    }
    while (out.length > 0 && isBlank(out[out.length - 1])) {
      out = out.slice(0, -1);
      map.pop();
    }
    out += ' ';
    map.push(end - 1);
    pos = end + 1;
    while (pos < text.length && isBlank(text[pos])) pos++;
  }
}

/**
 * A recipe line: backslash-newlines stay (the shell sees them), and one
 * recipe prefix character at the start of each continuation line is dropped.
 */
export function readRecipeLine(text: string, start: number, prefix: string): Logical {
  let end = lineEnd(text, start);
  const first = start + 1; // past the recipe prefix
  if (!continues(text, start, end)) {
    return { src: { text: text.slice(first, end), map: null, base: first }, next: end + 1 };
  }
  let out = '';
  const map: number[] = [];
  let pos = first;
  for (;;) {
    end = lineEnd(text, pos);
    const more = continues(text, pos, end) && end < text.length;
    for (let i = pos; i < end; i++) {
      out += text[i];
      map.push(i);
    }
    if (!more) {
      map.push(end);
      return { src: { text: out, map, base: first }, next: end + 1 };
    }
    out += '\n';
    map.push(end);
    pos = end + 1;
    if (text[pos] === prefix) pos++;
  }
}

/**
 * Offset of the first unescaped '#', or -1. With `skipRefs`, a '#' inside a
 * $(…) reference does not count: make reads rule lines that way
 * (MAP_VARIABLE), assignments and directives not.
 */
export function commentStart(text: string, skipRefs = false): number {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (skipRefs && c === '$') {
      const next = skipReference(text, i, text.length);
      if (next === -1) return -1;
      i = next - 1;
    } else if (c === '#') {
      let n = 0;
      for (let j = i - 1; j >= 0 && text[j] === '\\'; j--) n++;
      if (n % 2 === 0) return i;
    }
  }
  return -1;
}

/**
 * Remove a comment and turn `\#` into `#` like make's remove_comments, keeping
 * the offset map right. Backslashes before an escaped '#' halve: `\\\#` → `\#`.
 */
export function stripComment(src: Source, skipRefs = false): Source {
  const { text } = src;
  if (!text.includes('#')) return src;
  const cut = commentStart(text, skipRefs);
  const limit = cut === -1 ? text.length : cut;
  if (!text.slice(0, limit).includes('\\#')) {
    if (cut === -1) return src;
    return { text: text.slice(0, cut), map: src.map ? src.map.slice(0, cut + 1) : null, base: src.base };
  }
  let out = '';
  const map: number[] = [];
  const at = (i: number) => (src.map ? src.map[i] : src.base + i);
  for (let i = 0; i < limit; i++) {
    if (text[i] === '\\') {
      let j = i;
      while (j < limit && text[j] === '\\') j++;
      if (text[j] === '#') {
        // 2n+1 backslashes before '#': n backslashes and a literal '#'.
        const keep = (j - i - 1) / 2;
        for (let k = 0; k < keep; k++) {
          out += '\\';
          map.push(at(i + k));
        }
        out += '#';
        map.push(at(j));
        i = j;
        continue;
      }
      for (let k = i; k < j; k++) {
        out += '\\';
        map.push(at(k));
      }
      i = j - 1;
      continue;
    }
    out += text[i];
    map.push(at(i));
  }
  map.push(at(limit));
  return { text: out, map, base: src.base };
}
