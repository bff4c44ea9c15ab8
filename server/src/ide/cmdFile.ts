// A `.*.cmd` file open in the editor: its outline (the saved command, the
// source, the dependency list) and what each word names — a file of the
// build or source tree, or a CONFIG option through its
// `$(wildcard include/config/FOO)` entry. Positions come from the text itself;
// the meaning of the file is the cmdfiles reader's.
import type { Span } from '../syntax/ast';
import { configFromPath, parseCmdFile } from '../cmdfiles';
import type { DocSymbol, IdeDiagnostic } from './types';

/** What the word under the cursor names, paths as written (relative to the build dir) or absolute. */
export type CmdFileTarget = { kind: 'path'; path: string; span: Span } | { kind: 'config'; name: string; span: Span };

const ASSIGNMENT = /^(savedcmd|cmd|source|deps)_(.+?) :=/;

interface LogicalLine {
  start: number;
  /** End of the last entry: trailing blanks and backslashes left out. */
  end: number;
}

/** Physical lines joined by trailing backslashes, as make reads them. */
function logicalLines(text: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  let start = 0;
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    if (text[nl - 1] === '\\' && nl < text.length) {
      pos = nl + 1;
      continue;
    }
    // A deps_ block's last continuation swallows the blank line after it; the block ends at its last entry.
    let end = nl;
    while (end > start && /[\s\\]/.test(text[end - 1])) end--;
    out.push({ start, end });
    start = pos = nl + 1;
  }
  return out;
}

function symbolKind(variable: string): DocSymbol['kind'] {
  return variable === 'deps' ? 'define' : 'variable';
}

/** The outline: one symbol per `cmd_`/`source_`/`deps_` assignment and per rule line. */
export function cmdFileSymbols(text: string): DocSymbol[] {
  const parsed = parseCmdFile(text);
  const symbols: DocSymbol[] = [];
  for (const line of logicalLines(text)) {
    const body = text.slice(line.start, line.end);
    const m = ASSIGNMENT.exec(body);
    if (m) {
      const nameEnd = line.start + m[1].length + 1 + m[2].length;
      const name = m[1] === 'deps' ? `deps_${m[2]} (${parsed.deps.length} files, ${parsed.configs.length} CONFIG options)` : `${m[1]}_${m[2]}`;
      symbols.push({ name, kind: symbolKind(m[1]), span: { start: line.start, end: line.end }, selectionSpan: { start: line.start, end: nameEnd }, children: [] });
    } else if (parsed.target !== undefined && body.startsWith(`${parsed.target}:`)) {
      symbols.push({ name: parsed.target, kind: 'rule', span: { start: line.start, end: line.end }, selectionSpan: { start: line.start, end: line.start + parsed.target.length }, children: [] });
    }
  }
  return symbols;
}

/** The reader's diagnostics, on the line they name. */
export function cmdFileDiagnostics(text: string): IdeDiagnostic[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return parseCmdFile(text).diagnostics.map((d) => {
    const start = starts[Math.min(d.line, starts.length) - 1];
    const nl = text.indexOf('\n', start);
    return { span: { start, end: nl < 0 ? text.length : nl }, message: d.message, severity: d.severity, code: 'cmd-file', source: 'kbuild-analyzer' };
  });
}

const WORD_BREAK = /[\s\\]/;

/** Compiler options that glue a path to themselves: `-I../include`, `-Wp,-MMD,dir/.x.d`. */
function pathInWord(word: string): { offset: number; path: string } | undefined {
  const glued = /^(-I|-L|-o|-MF|-T|-Wp,-MMD,|-Wp,-MD,|-fmacro-prefix-map=)/.exec(word);
  let offset = glued ? glued[0].length : 0;
  let path = word.slice(offset);
  if (path.startsWith('-')) return undefined;
  const eq = path.indexOf('='); // -fmacro-prefix-map=../=
  if (glued?.[0] === '-fmacro-prefix-map=' && eq >= 0) path = path.slice(0, eq);
  // A word of a make assignment or rule: `cmd_init/main.o`, `init/main.o:`.
  const assigned = /^(?:savedcmd|cmd|source|deps)_/.exec(path);
  if (assigned) {
    offset += assigned[0].length;
    path = path.slice(assigned[0].length);
  }
  path = path.replace(/[:;,)]+$/, '');
  if (path === '' || path === ':=' || !/[/.]/.test(path) || path.startsWith('$')) return undefined;
  return { offset, path };
}

/** What the word at `offset` names, if anything. */
export function cmdFileTargetAt(text: string, offset: number): CmdFileTarget | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  let start = offset;
  while (start > 0 && !WORD_BREAK.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && !WORD_BREAK.test(text[end])) end++;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  // `$(wildcard include/config/FOO)`: the word after `$(wildcard`, or that word itself.
  const before = text.slice(lineStart, start);
  let word = text.slice(start, end);
  if (word === '$(wildcard') {
    const next = /^\s+(\S+?)\)/.exec(text.slice(end));
    if (!next) return undefined;
    start = end + next[0].indexOf(next[1]);
    word = next[1];
    end = start + word.length;
  } else if (/\$\(wildcard\s+$/.test(before)) {
    word = word.replace(/\)$/, '');
    end = start + word.length;
  }
  const config = configFromPath(word);
  if (config) return { kind: 'config', name: config.name, span: { start, end } };
  const found = pathInWord(word);
  if (!found) return undefined;
  const s = start + found.offset;
  return { kind: 'path', path: found.path, span: { start: s, end: s + found.path.length } };
}

/** The line of `CONFIG_NAME` in a .config text (`CONFIG_X=y` or `# CONFIG_X is not set`), as a span. */
export function configLine(configText: string, name: string): Span | undefined {
  const m = new RegExp(`^(?:${name}=|# ${name} is not set)`, 'm').exec(configText);
  if (!m) return undefined;
  const nl = configText.indexOf('\n', m.index);
  return { start: m.index, end: nl < 0 ? configText.length : nl };
}
