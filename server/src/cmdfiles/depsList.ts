// The `deps_X := \` block of a .cmd file: one entry per line in fixdep's
// output, a path or `$(wildcard include/config/FOO)`. Lines the sink
// predicts are skipped whole; the others are read entry by entry.
import type { EntryText } from './parse';
import { checkTarget, diag, endsWithContinuation, foundBinary, lastLine, lineEnd, splitAssignment, type State } from './scanState';

const WILDCARD = '$(wildcard ';
const CONFIG_DIR = 'include/config/';

/** `CONFIG_FOO` from `include/config/FOO` or the pre-5.13 `include/config/foo/bar.h`. */
export function configFromPath(path: string): { name: string; legacy: boolean } | undefined {
  if (!path.startsWith(CONFIG_DIR)) return undefined;
  const rest = path.slice(CONFIG_DIR.length);
  if (/^[A-Za-z0-9_/]+\.h$/.test(rest)) return { name: `CONFIG_${rest.slice(0, -2).replace(/\//g, '_').toUpperCase()}`, legacy: true };
  if (/^\w+$/.test(rest)) return { name: `CONFIG_${rest}`, legacy: false };
  return undefined;
}

function unexpected(s: State, entry: string): void {
  diag(s, { severity: 'warning', message: `unexpected entry '${entry}' in deps_ list (ignored)` });
}

function readWildcard(s: State, written: EntryText): void {
  const config = configFromPath(written.text.slice(written.start + WILDCARD.length, written.end - 1).trim());
  if (!config) return unexpected(s, written.text.slice(written.start, written.end));
  s.sink.config({ name: config.name.slice('CONFIG_'.length), legacy: config.legacy, written });
}

/** Entries of text[pos, end): paths and `$(wildcard …)` groups, separated by spaces as fixdep writes them. */
export function readEntries(s: State, entries: EntryText): void {
  const { text, end } = entries;
  if (text === s.reader.text && foundBinary(s.reader, text.slice(entries.start, end))) return;
  let i = entries.start;
  while (i < end) {
    while (i < end && text.charCodeAt(i) === 32) i++;
    if (i >= end) return;
    if (text.charCodeAt(i) === 36 && text.charCodeAt(i + 1) === 40) {
      const close = text.indexOf(')', i);
      if (close < 0 || close >= end) return diag(s, { severity: 'error', message: `unterminated '$(' in deps_ list` });
      if (text.startsWith(WILDCARD, i)) readWildcard(s, { text, start: i, end: close + 1 });
      else unexpected(s, text.slice(i, close + 1));
      i = close + 1;
    } else {
      let stop = text.indexOf(' ', i);
      if (stop < 0 || stop > end) stop = end;
      s.sink.dep({ text, start: i, end: stop });
      i = stop;
    }
  }
}

/** One line read the slow way: text[pos, stop) without the continuation. */
function readLine(s: State, line: EntryText): void {
  const { text } = line;
  let i = line.start;
  while (i < line.end && text.charCodeAt(i) === 32) i++;
  let end = line.end;
  while (end > i && text.charCodeAt(end - 1) === 32) end--;
  if (i < end && !s.sink.known(text, i, end)) readEntries(s, { text, start: i, end });
}

export function readDeps(s: State, line: string): void {
  const a = splitAssignment(line, 'deps_');
  if (!a) return diag(s, { severity: 'error', message: "malformed deps_ line: expected 'deps_TARGET := \\'" });
  checkTarget(s, { target: a.target, what: 'deps_' });
  s.header.hasDeps = true;
  // The first line's value is usually just `\`; entries on it are rare but legal.
  const first = endsWithContinuation(a.value);
  readEntries(s, { text: a.value, start: 0, end: first ? a.value.length - 1 : a.value.length });
  if (!first) return;
  const r = s.reader;
  const { text } = r;
  for (;;) {
    r.pos = s.sink.lines(text, r.pos);
    r.lineStart = r.pos;
    if (r.pos >= text.length) return diag(s, { severity: 'error', message: `file ends inside the deps_${a.target} list (truncated?)`, at: lastLine(text) });
    const end = lineEnd(text, r.pos);
    let stop = end > r.pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const more = stop > r.pos && text.charCodeAt(stop - 1) === 92;
    if (more) stop--;
    const diagnostics = s.header.diagnostics.length;
    readLine(s, { text, start: r.pos, end: stop });
    if (r.binary) return;
    // A line that gave a diagnostic is not learned: predicted, it would give none.
    if (more && end < text.length && s.header.diagnostics.length === diagnostics) s.sink.lineDone(text, r.pos, end + 1);
    r.pos = end + 1;
    if (!more) return;
  }
}
