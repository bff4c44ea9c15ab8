// A logical piece of text (a line after continuation folding, a recipe line,
// a define body) and the file offset of each of its characters.
import type { Span } from './ast';

export interface Source {
  text: string;
  /**
   * Where the text's runs come from, as flat pairs [textIndex, fileOffset, …]
   * sorted by textIndex; null when the text is one contiguous run from base.
   */
  segs: number[] | null;
  base: number;
}

export function fileOffset(src: Source, i: number): number {
  const segs = src.segs;
  if (!segs) return src.base + i;
  let lo = 0;
  let hi = segs.length / 2 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid * 2] <= i) lo = mid;
    else hi = mid - 1;
  }
  return segs[lo * 2 + 1] + (i - segs[lo * 2]);
}

/** Builds a Source from runs of the file text and single replacement characters. */
export class SourceBuilder {
  text = '';
  private readonly segs: number[] = [];

  constructor(private readonly fileText: string) {}

  /** Append fileText[from, to). */
  run(from: number, to: number): void {
    if (to <= from) return;
    this.segs.push(this.text.length, from);
    this.text += this.fileText.slice(from, to);
  }

  /** Append one character that stands for the file text at `at` (a folded continuation, say). */
  char(ch: string, at: number): void {
    this.segs.push(this.text.length, at);
    this.text += ch;
  }

  fileChar(at: number): string {
    return this.fileText[at];
  }

  build(base: number): Source {
    return { text: this.text, segs: this.segs.length > 0 ? this.segs : null, base };
  }
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
