// How make reads back the right-hand side of `cmd_X := …` in a .cmd file.
// Kbuild's make-cmd writes `$` as `$$` and `#` as `$(pound)` (2.6-era
// kernels: `\#`); an unescaped `#` would start a comment.

export interface MakeValue {
  text: string;
  /** References make would expand to something we cannot know (`$(foo)`, `$x`). */
  unknownRefs: string[];
}

function closingParen(raw: string, open: number): number {
  const close = raw.charAt(open) === '(' ? ')' : '}';
  let depth = 0;
  for (let i = open; i < raw.length; i++) {
    const c = raw.charAt(i);
    if (c === raw.charAt(open)) depth++;
    else if (c === close && --depth === 0) return i;
  }
  return -1;
}

export function unescapeMakeValue(raw: string): MakeValue {
  const unknownRefs: string[] = [];
  if (!raw.includes('$') && !raw.includes('#')) return { text: raw, unknownRefs };
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const c = raw.charAt(i);
    if (c === '\\' && raw.charAt(i + 1) === '#') {
      out += '#';
      i += 2;
    } else if (c === '#') {
      break;
    } else if (c !== '$') {
      out += c;
      i++;
    } else if (raw.charAt(i + 1) === '$') {
      out += '$';
      i += 2;
    } else if (raw.startsWith('$(pound)', i)) {
      out += '#';
      i += 8;
    } else if (raw.charAt(i + 1) === '(' || raw.charAt(i + 1) === '{') {
      const end = closingParen(raw, i + 1);
      const ref = end < 0 ? raw.slice(i) : raw.slice(i, end + 1);
      unknownRefs.push(ref);
      out += ref;
      i += ref.length;
    } else {
      // `$x` is a one-letter variable reference; a lone trailing `$` expands to nothing.
      if (i + 1 < raw.length) unknownRefs.push(raw.slice(i, i + 2));
      out += raw.slice(i, i + 2);
      i += 2;
    }
  }
  return { text: out, unknownRefs };
}

/** make's $(strip): whitespace runs become one space, ends trimmed. */
export function makeStrip(text: string): string {
  return text.trim().split(/\s+/).join(' ');
}
