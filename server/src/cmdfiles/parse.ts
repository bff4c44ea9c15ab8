// Reader for Kbuild's `.<target>.cmd` files, as written by if_changed
// (`cmd_X := …` only) and by scripts/basic/fixdep (plus `source_X`, the
// `deps_X := \` block and the two rules). Kernels ≥ 6.3 spell the first
// variable `savedcmd_X`. Never throws: anything unexpected is a diagnostic.
import { readDeps, readEntries } from './depsList';
import { unescapeMakeValue } from './makeValue';
import { checkTarget, diag, endsWithContinuation, lastLine, nextLine, splitAssignment, type Reader, type State } from './scanState';

export { configFromPath } from './depsList';

export interface CmdDiagnostic {
  /** 1-based line in the .cmd file. */
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

/** Everything in a .cmd file except the deps_ entries, which go to a sink. */
export interface CmdFileHeader {
  /** Target as written (relative to the build dir), e.g. `init/main.o`. */
  target?: string;
  /** Which variable held the command: `cmd_X` (≤ 6.2) or `savedcmd_X` (≥ 6.3). */
  commandVariable?: 'cmd' | 'savedcmd';
  /** The command as make reads it back ($$ → $, $(pound) → #). */
  command?: string;
  /** `source_X`: the primary source, which fixdep leaves out of deps. */
  source?: string;
  /** True when a `deps_X` block was present (fixdep output). */
  hasDeps: boolean;
  /**
   * Files of `X: $(wildcard FILE…)` lines: prerequisites while they exist.
   * Kbuild appends `X: $(wildcard ./tools/objtool/objtool)` when objtool
   * runs on X (cmd_gen_objtooldep), so a rebuilt objtool rebuilds X.
   */
  optionalPrereqs: string[];
  diagnostics: CmdDiagnostic[];
}

/** A piece of a .cmd file's text: text[start, end). */
export interface EntryText {
  text: string;
  start: number;
  end: number;
}

/**
 * Receives deps_ entries. A kernel build's .cmd files repeat a few thousand
 * distinct entries hundreds of thousands of times, in much the same order,
 * so a sink is first offered the text at each line (`lines`: it may skip
 * the lines it predicts), then the line's entry as a range (`known`); only
 * new entries are classified and passed to `dep` / `config`. `lineDone`
 * closes a line read the slow way, so that the sink can learn it (not one
 * that gave a diagnostic: predicted later, it would give none).
 */
export interface CmdEntrySink {
  // Positional parameters on purpose: these run once per line (400k times for tinyconfig).
  /** Skips the lines from `pos` on that the sink predicts and recognizes (recording them); returns where it stopped. */
  lines(text: string, pos: number): number;
  /** Whether text[start, end), an entry as written, was known (and is now recorded). */
  known(text: string, start: number, end: number): boolean;
  /** A new file entry; its path is the text as written. */
  dep(entry: EntryText): void;
  /** A new config entry: `name` without CONFIG_, `written` the whole `$(wildcard …)`. */
  config(entry: { name: string; legacy: boolean; written: EntryText }): void;
  /** The continued line text[start, end) (newline included) has been read entry by entry, without a diagnostic. */
  lineDone(text: string, start: number, end: number): void;
}

export interface CmdFileParse extends CmdFileHeader {
  deps: string[];
  /** CONFIG symbols, with the CONFIG_ prefix. */
  configs: string[];
  /** Spelling of the config entries: `include/config/FOO` (≥ 5.13) or `include/config/foo.h` paths (older). */
  configStyle: 'name' | 'legacy';
}

function logicalLine(r: Reader, first: string): { text: string; truncated: boolean } {
  let text = first;
  while (endsWithContinuation(text)) {
    const start = r.lineStart;
    const next = nextLine(r);
    r.lineStart = start;
    if (next === undefined) return { text: text.slice(0, -1).trimEnd(), truncated: true };
    text = `${text.slice(0, -1).trimEnd()} ${next.trimStart()}`;
  }
  return { text, truncated: false };
}

function readCommand(s: State, line: string, variable: 'cmd' | 'savedcmd'): void {
  const { text, truncated } = logicalLine(s.reader, line);
  if (truncated) diag(s, { severity: 'error', message: 'file ends inside a continued command line (truncated?)' });
  const a = splitAssignment(text, `${variable}_`);
  if (!a) return diag(s, { severity: 'error', message: `malformed ${variable}_ line: expected '${variable}_TARGET := COMMAND'` });
  if (s.header.command !== undefined) return diag(s, { severity: 'warning', message: `second ${variable}_ line for '${a.target}' ignored` });
  checkTarget(s, { target: a.target, what: `${variable}_` });
  const value = unescapeMakeValue(a.value);
  for (const ref of value.unknownRefs) diag(s, { severity: 'warning', message: `make would expand '${ref}' in the saved command` });
  s.header.command = value.text;
  s.header.commandVariable = variable;
}

function readSource(s: State, line: string): void {
  const { text } = logicalLine(s.reader, line);
  const a = splitAssignment(text, 'source_');
  if (!a) return diag(s, { severity: 'error', message: "malformed source_ line: expected 'source_TARGET := FILE'" });
  checkTarget(s, { target: a.target, what: 'source_' });
  s.header.source = a.value.trim();
}

interface Seen {
  targetRule: boolean;
  emptyRule: boolean;
  /** tools/build's comment when it had no fixdep: gcc's own depfile follows. */
  basicDeps: boolean;
}

/**
 * gcc's depfile as tools/build copies it when its fixdep is not built yet
 * (`# cannot find fixdep`, Build.include's dep-cmd): `TARGET: a b \` over
 * several lines. Its prerequisites are the object's deps.
 */
function readDepfileRule(s: State, line: string, colon: number): void {
  const r = s.reader;
  checkTarget(s, { target: line.slice(0, colon).trim(), what: 'dependency rule' });
  let current = line;
  let start = r.lineStart + colon + 1;
  for (;;) {
    const more = endsWithContinuation(current);
    readEntries(s, { text: r.text, start, end: r.lineStart + current.length - (more ? 1 : 0) });
    if (!more || r.binary) return;
    const next = nextLine(r);
    if (next === undefined) return diag(s, { severity: 'error', message: 'file ends inside a dependency rule (truncated?)' });
    current = next;
    start = r.lineStart;
  }
}

const WILDCARD_RULE = ': $(wildcard ';

/** `T: $(wildcard FILE…)` for the file's target, nothing else expanded. */
function isWildcardRule(line: string, t: string): boolean {
  return line.startsWith(t) && line.startsWith(WILDCARD_RULE, t.length) && line.endsWith(')') && !line.includes('$', t.length + 3);
}

function readOther(s: State, line: string, seen: Seen): void {
  const t = s.header.target;
  if (t !== undefined && line === `${t}: $(deps_${t})`) seen.targetRule = true;
  else if (t !== undefined && line === `$(deps_${t}):`) seen.emptyRule = true;
  else if (line.startsWith('#')) seen.basicDeps ||= line.startsWith('# cannot find fixdep');
  else if (t !== undefined && isWildcardRule(line, t)) {
    for (const word of line.slice(t.length + WILDCARD_RULE.length, -1).split(' ')) if (word !== '') s.header.optionalPrereqs.push(word);
  } else if (seen.basicDeps && /^[^\s:$]+:(\s|$)/.test(line)) readDepfileRule(s, line, line.indexOf(':'));
  else diag(s, { severity: 'warning', message: `unrecognized line in .cmd file: '${line.length > 60 ? `${line.slice(0, 60)}…` : line}'` });
}

function checkComplete(s: State, seen: Seen): void {
  const h = s.header;
  if (h.command === undefined && !h.diagnostics.some((d) => d.severity === 'error')) {
    diag(s, { severity: 'error', message: 'no cmd_ or savedcmd_ line: make will see no saved command', at: 0 });
  }
  // After a truncation error the missing rules are no news.
  if (!h.hasDeps || h.target === undefined || h.diagnostics.some((d) => d.severity === 'error')) return;
  const at = lastLine(s.reader.text);
  if (!seen.targetRule) diag(s, { severity: 'warning', message: `missing '${h.target}: $(deps_${h.target})' line (truncated?)`, at });
  else if (!seen.emptyRule) diag(s, { severity: 'warning', message: `missing '$(deps_${h.target}):' line (truncated?)`, at });
}

/** Reads a .cmd file; deps_ entries go to `sink`, the rest is returned. */
export function scanCmdFile(text: string, sink: CmdEntrySink): CmdFileHeader {
  const header: CmdFileHeader = { hasDeps: false, optionalPrereqs: [], diagnostics: [] };
  if (text.trim() === '') {
    header.diagnostics.push({ line: 1, severity: 'error', message: 'empty .cmd file: make will see no saved command' });
    return header;
  }
  const s: State = { header, reader: { text, pos: 0, lineStart: 0, counted: { offset: 0, line: 1 }, binary: false }, sink };
  const seen: Seen = { targetRule: false, emptyRule: false, basicDeps: false };
  for (let line = nextLine(s.reader); line !== undefined; line = nextLine(s.reader)) {
    if (line === '') continue;
    if (line.startsWith('cmd_')) readCommand(s, line, 'cmd');
    else if (line.startsWith('savedcmd_')) readCommand(s, line, 'savedcmd');
    else if (line.startsWith('source_')) readSource(s, line);
    else if (line.startsWith('deps_')) readDeps(s, line);
    else readOther(s, line, seen);
  }
  // A NUL anywhere: nothing of the file is read, whatever came before it.
  if (s.reader.binary) return { hasDeps: false, optionalPrereqs: [], diagnostics: [{ line: 1, severity: 'error', message: 'binary data in .cmd file: not read' }] };
  checkComplete(s, seen);
  return header;
}

/** Reads a .cmd file into plain strings (tests, CLI, one-off reads). */
export function parseCmdFile(text: string): CmdFileParse {
  const deps: string[] = [];
  const configs: string[] = [];
  let configStyle: CmdFileParse['configStyle'] = 'name';
  const header = scanCmdFile(text, {
    lines: (_text, pos) => pos,
    known: () => false,
    dep: (e) => deps.push(e.text.slice(e.start, e.end)),
    config(c) {
      configs.push(`CONFIG_${c.name}`);
      if (c.legacy) configStyle = 'legacy';
    },
    lineDone: () => undefined,
  });
  return { ...header, deps, configs, configStyle };
}
