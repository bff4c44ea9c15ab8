// State shared by the .cmd reader's modules: the text being read, the
// position, and diagnostics whose line numbers are counted only when one
// is reported (the hot loops never count lines).
import { detach } from './intern';
import type { CmdDiagnostic, CmdEntrySink, CmdFileHeader } from './parse';

export interface Reader {
  text: string;
  pos: number;
  /** Offset of the line being read. */
  lineStart: number;
  /** Last line number computed, for counting onwards: diagnostics come in file order. */
  counted: { offset: number; line: number };
  /** A NUL was met: the file is binary data, and reading stops. */
  binary: boolean;
}

/**
 * Whether `piece` (of the text being read) holds a NUL; if so the reader is
 * marked binary and put at the end. Every character a scan reads the slow
 * way goes through here (lines, new deps_ entries); lines copied from
 * earlier files or known entries equal text that did, so a whole-text
 * search, 9 ms of a defconfig load, is not needed.
 */
export function foundBinary(r: Reader, piece: string): boolean {
  if (!piece.includes('\0')) return false;
  r.binary = true;
  r.pos = r.text.length;
  return true;
}

export interface State {
  header: CmdFileHeader;
  reader: Reader;
  sink: CmdEntrySink;
}

/** 1-based line number of `offset`. */
function lineAt(r: Reader, offset: number): number {
  let { offset: from, line } = r.counted;
  if (offset < from) [from, line] = [0, 1];
  for (let i = r.text.indexOf('\n', from); i >= 0 && i < offset; i = r.text.indexOf('\n', i + 1)) line++;
  r.counted = { offset, line };
  return line;
}

/** A diagnostic on the line starting at `at` (default: the line being read). */
export function diag(s: State, args: { severity: CmdDiagnostic['severity']; message: string; at?: number }): void {
  const line = lineAt(s.reader, args.at ?? s.reader.lineStart);
  // Messages quote slices of the text: a slice would keep the whole file's text alive in the store.
  s.header.diagnostics.push({ line, severity: args.severity, message: detach(args.message) });
}

/** Offset of the file's last line (a final newline does not start one). */
export function lastLine(text: string): number {
  return text.lastIndexOf('\n', text.length - 2) + 1;
}

/** Index of the end of the physical line starting at `pos` (its \n or the text end). */
export function lineEnd(text: string, pos: number): number {
  const end = text.indexOf('\n', pos);
  return end < 0 ? text.length : end;
}

/** Next physical line without its newline (and without a trailing \r); undefined at the end. */
export function nextLine(r: Reader): string | undefined {
  if (r.pos >= r.text.length) return undefined;
  const end = lineEnd(r.text, r.pos);
  const stop = end > r.pos && r.text.charCodeAt(end - 1) === 13 ? end - 1 : end;
  const line = r.text.slice(r.pos, stop);
  if (foundBinary(r, line)) return undefined;
  r.lineStart = r.pos;
  r.pos = end + 1;
  return line;
}

export function endsWithContinuation(line: string): boolean {
  let n = 0;
  for (let i = line.length - 1; i >= 0 && line.charCodeAt(i) === 92; i--) n++;
  return n % 2 === 1;
}

/** `name_T := value`: splits at the first `:=` (targets contain no spaces). */
export function splitAssignment(line: string, prefix: string): { target: string; value: string } | undefined {
  const op = line.indexOf(':=', prefix.length);
  if (op < 0) return undefined;
  const target = line.slice(prefix.length, op).trim();
  if (target === '' || /\s/.test(target)) return undefined;
  return { target, value: line.slice(op + 2).trimStart() };
}

export function checkTarget(s: State, args: { target: string; what: string }): void {
  const { header } = s;
  if (header.target === undefined) header.target = args.target;
  else if (header.target !== args.target) {
    diag(s, { severity: 'warning', message: `${args.what} names target '${args.target}', expected '${header.target}'` });
  }
}
