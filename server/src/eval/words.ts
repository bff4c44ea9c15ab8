// Words and `%` patterns as make sees them: words are separated by any
// isspace() character; a pattern's first unescaped `%` matches a stem
// (find_percent and pattern_matches in GNU make 4.3).

export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** The words of a text, in order. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpace(text.charCodeAt(i))) i++;
    words.push(text.slice(start, i));
  }
  return words;
}

/** `$(strip)`: blanks collapsed to one space, none at either end. */
export function stripText(text: string): string {
  return splitWords(text).join(' ');
}

/** Leading and trailing isspace() characters removed. */
export function trimSpace(text: string): string {
  let s = 0;
  let e = text.length;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return s === 0 && e === text.length ? text : text.slice(s, e);
}

/** make's parse_file_seq drops leading `./` (and the slashes after it) from file names longer than two characters. */
export function stripDotSlash(word: string): string {
  let s = word;
  while (s.length > 2 && s.startsWith('./')) {
    let i = 2;
    while (s[i] === '/') i++;
    s = s.slice(i);
  }
  return s;
}

/** A pattern split at its first unescaped `%`, backslashes before `%` halved like make does. */
export interface Pattern {
  /** The whole pattern when it has no `%`. */
  prefix: string;
  /** Null when the pattern has no `%`. */
  suffix: string | null;
}

const patternCache = new Map<string, Pattern>();

export function parsePattern(text: string): Pattern {
  // Most words have no '%' (Kbuild's .cmd files name thousands of headers): no cache churn for those.
  if (!text.includes('%')) return { prefix: text, suffix: null };
  const cached = patternCache.get(text);
  if (cached) return cached;
  const p = computePattern(text);
  if (patternCache.size > 10000) patternCache.clear();
  patternCache.set(text, p);
  return p;
}

function computePattern(text: string): Pattern {
  if (!text.includes('%')) return { prefix: text, suffix: null };
  let out = '';
  let from = 0;
  for (;;) {
    const at = text.indexOf('%', from);
    if (at === -1) return { prefix: out + text.slice(from), suffix: null };
    let bs = at;
    while (bs > from && text[bs - 1] === '\\') bs--;
    const n = at - bs;
    out += text.slice(from, bs) + '\\'.repeat(n >> 1);
    if (n % 2 === 0) return { prefix: out, suffix: text.slice(at + 1) };
    out += '%';
    from = at + 1;
  }
}

/** The stem when `word` matches the pattern, else null ('' is a valid stem for an exact match). */
export function matchPattern(p: Pattern, word: string): string | null {
  if (p.suffix === null) return word === p.prefix ? '' : null;
  if (word.length < p.prefix.length + p.suffix.length) return null;
  if (!word.startsWith(p.prefix) || !word.endsWith(p.suffix)) return null;
  return word.slice(p.prefix.length, word.length - p.suffix.length);
}

/**
 * patsubst_expand_pat: each word matching `pattern` is replaced by
 * `replacement` with its `%` standing for the stem; words joined by one
 * space. A pattern without `%` replaces whole words in place (subst_expand
 * by word: the text between them, blanks included, stays as it is).
 */
export function patsubst(q: { pattern: string; replacement: string; text: string }): string {
  const { pattern, replacement, text } = q;
  const p = parsePattern(pattern);
  const r = parsePattern(replacement);
  if (p.suffix === null) {
    if (p.prefix === '') return text;
    return substWords({ from: p.prefix, to: r.suffix === null ? r.prefix : r.prefix + '%' + r.suffix, text });
  }
  const words = splitWords(text);
  for (let k = 0; k < words.length; k++) {
    const stem = matchPattern(p, words[k]);
    if (stem !== null) words[k] = r.suffix === null ? r.prefix : r.prefix + stem + r.suffix;
  }
  return words.join(' ');
}

function substWords(q: { from: string; to: string; text: string }): string {
  const { from, to, text } = q;
  let out = '';
  let t = 0;
  for (;;) {
    const at = text.indexOf(from, t);
    if (at === -1) break;
    out += text.slice(t, at);
    const end = at + from.length;
    const whole = (at === 0 || isSpace(text.charCodeAt(at - 1))) && (end === text.length || isSpace(text.charCodeAt(end)));
    out += whole ? to : from;
    t = end;
  }
  return out + text.slice(t);
}
