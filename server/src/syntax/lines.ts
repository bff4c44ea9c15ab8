// Physical lines → logical lines, the way GNU make 4.3 reads them.
import type { Source } from './source';
import { fileOffset, isBlank, skipReference, SourceBuilder } from './source';

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
    return { src: { text: text.slice(start, end), segs: null, base: start }, next: end + 1 };
  }
  const b = new SourceBuilder(text);
  let pos = start;
  for (;;) {
    end = lineEnd(text, pos);
    const more = continues(text, pos, end) && end < text.length;
    if (!more) {
      b.run(pos, end);
      return { src: b.build(start), next: end + 1 };
    }
    // Of the n (odd) backslashes ending the line, make keeps (n-1)/2; then
    // blanks before the backslash go, and so do those after the newline.
    let n = 0;
    while (end - n - 1 >= pos && text[end - n - 1] === '\\') n++;
    let contentEnd = end - n + (n - 1) / 2;
    while (contentEnd > pos && contentEnd === end - n && isBlank(text[contentEnd - 1])) contentEnd--;
    b.run(pos, contentEnd);
    // An all-blank line leaves the previous fold's space at the end: make drops it too.
    while (isBlank(b.text[b.text.length - 1])) b.text = b.text.slice(0, -1);
    b.char(' ', end - 1);
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
    return { src: { text: text.slice(first, end), segs: null, base: first }, next: end + 1 };
  }
  const b = new SourceBuilder(text);
  let pos = first;
  for (;;) {
    end = lineEnd(text, pos);
    const more = continues(text, pos, end) && end < text.length;
    if (!more) {
      b.run(pos, end);
      return { src: b.build(first), next: end + 1 };
    }
    b.run(pos, end + 1);
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
 * Remove a comment and turn `\\#` into `#` like make's remove_comments, keeping
 * the offsets right. Backslashes before an escaped '#' halve: three and '#' give one and '#'.
 */
export function stripComment(src: Source, skipRefs = false): Source {
  const { text } = src;
  if (!text.includes('#')) return src;
  const cut = commentStart(text, skipRefs);
  const limit = cut === -1 ? text.length : cut;
  // Backslashes before the comment's '#' quote each other: make keeps half.
  let before = 0;
  while (cut > before && text[cut - before - 1] === '\\') before++;
  const kept = limit - before / 2;
  const escaped = text.indexOf('\\#');
  if (escaped === -1 || escaped >= limit - before) {
    if (cut === -1) return src;
    return { text: text.slice(0, kept), segs: src.segs, base: src.base };
  }
  // Rebuild from the logical text, mapping each kept run back to the file.
  let out = '';
  const segs: number[] = [];
  const keep = (from: number, to: number) => {
    if (to <= from) return;
    for (let i = from; i < to; ) {
      // Runs must stay contiguous in the file: split where the source jumps.
      let j = i + 1;
      while (j < to && fileOffset(src, j) === fileOffset(src, i) + (j - i)) j++;
      segs.push(out.length, fileOffset(src, i));
      out += text.slice(i, j);
      i = j;
    }
  };
  let i = 0;
  while (i < limit) {
    const at = text.indexOf('\\#', i);
    if (at === -1 || at >= limit - before) {
      keep(i, kept);
      break;
    }
    let bs = at;
    while (bs > i && text[bs - 1] === '\\') bs--;
    const n = at + 1 - bs; // backslashes before '#', odd here (the '#' is escaped)
    keep(i, bs + (n - 1) / 2);
    keep(at + 1, at + 2);
    i = at + 2;
  }
  return { text: out, segs: segs.length > 0 ? segs : null, base: src.base };
}
