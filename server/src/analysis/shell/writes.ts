// What a shell command line writes, found in its tree-sitter-bash tree:
// redirections (`>`, `>>`, `&>`, `>|`), `-o FILE` of compilers and
// generators, the destination of mv/cp/install/ln, the files of touch and
// tee. Offsets are into the shell text; the caller maps them back to make.
import type { ShellNode } from './parser';

export type WriteKind = 'redirect' | 'output-option' | 'destination' | 'touch' | 'tee';

export interface ShellWrite {
  kind: WriteKind;
  /** The command that writes, as resolved (`install`, `cc`); `>` for a redirection. */
  command: string;
  from: number;
  to: number;
  /** A `cd` ran earlier on the line: relative paths are not relative to the Makefile's directory. */
  afterCd: boolean;
}

/** A command word in shell text → the program it runs (basename), when known. */
export type CommandResolver = (word: ShellWord) => string | undefined;

const WRITE_OPERATORS = new Set(['>', '>>', '&>', '&>>', '>|', '>&']);
/** Programs whose `-o FILE` (or `-oFILE`, `--output=FILE`) names their output. */
const OUTPUT_OPTION = /^(?:.*-)?(?:g?cc|clang|clang\+\+|[gc]\+\+|cpp|ld|ld\.lld|ld\.bfd|ld\.gold|lld|as|llc|bison|yacc|flex|lex|sort|gperf|strip)$/;
/** Per program, the options that take the next word as their value. */
const COPY_VALUES = ['-S', '-t', '--suffix', '--target-directory'];
const VALUE_OPTIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['install', new Set([...COPY_VALUES, '-m', '-o', '-g', '--mode', '--owner', '--group'])],
  ['cp', new Set(COPY_VALUES)],
  ['mv', new Set(COPY_VALUES)],
  ['ln', new Set(COPY_VALUES)],
  ['touch', new Set(['-d', '-r', '-t', '--date', '--reference'])],
  ['tee', new Set<string>()],
]);

/** A shell word: its offsets in the shell text and its text. */
export interface ShellWord {
  from: number;
  to: number;
  text: string;
}

/** The parts of a command line the write analysis needs, copied out of the tree (which is freed). */
export interface ShellLine {
  commands: Array<{ start: number; name: ShellWord; args: ShellWord[] }>;
  redirects: Array<{ start: number; op: string; dest: ShellWord; destIsNumber: boolean }>;
}

const word = (n: ShellNode): ShellWord => ({ from: n.startIndex, to: n.endIndex, text: n.text });

export function readShellLine(root: ShellNode): ShellLine {
  const line: ShellLine = { commands: [], redirects: [] };
  for (const node of root.descendantsOfType(['command', 'file_redirect'])) {
    if (!node) continue;
    if (node.type === 'file_redirect') {
      const op = node.children.find((c) => c !== null && !c.isNamed)?.type;
      const dest = node.childForFieldName('destination');
      if (op && dest) line.redirects.push({ start: node.startIndex, op, dest: word(dest), destIsNumber: dest.type === 'number' });
      continue;
    }
    const name = node.childForFieldName('name');
    if (!name) continue;
    const args = node.childrenForFieldName('argument').filter((n): n is ShellNode => n !== null).map(word);
    line.commands.push({ start: node.startIndex, name: word(name), args });
  }
  return line;
}

export function lineWrites(line: ShellLine, resolve: CommandResolver): ShellWrite[] {
  const out: ShellWrite[] = [];
  let cdAt = Infinity;
  const events = [...line.commands.map((c) => ({ at: c.start, c })), ...line.redirects.map((r) => ({ at: r.start, r }))].sort((a, b) => a.at - b.at);
  for (const e of events) {
    const afterCd = e.at > cdAt;
    if ('r' in e) {
      const { op, dest, destIsNumber } = e.r;
      if (!WRITE_OPERATORS.has(op) || (op === '>&' && (destIsNumber || dest.text === '-'))) continue;
      out.push({ kind: 'redirect', command: op, from: dest.from, to: dest.to, afterCd });
      continue;
    }
    const command = resolve(e.c.name);
    if (command === 'cd' || command === 'pushd') {
      cdAt = Math.min(cdAt, e.at);
      continue;
    }
    if (command) argumentWrites({ command, args: e.c.args, afterCd, out });
  }
  return out;
}

function argumentWrites(args: { command: string; args: ShellWord[]; afterCd: boolean; out: ShellWrite[] }): void {
  const { command, afterCd, out } = args;
  const words = args.args;
  const push = (kind: WriteKind, w: ShellWord, skip = 0) => out.push({ kind, command, from: w.from + skip, to: w.to, afterCd });
  if (OUTPUT_OPTION.test(command)) {
    words.forEach((w, i) => {
      const t = w.text;
      if ((t === '-o' || t === '--output' || t === '--outfile') && words[i + 1]) push('output-option', words[i + 1]);
      else if (/^-o[^-]/.test(t)) push('output-option', w, 2);
      else {
        const long = /^--(?:output|outfile)=/.exec(t);
        if (long) push('output-option', w, long[0].length);
      }
    });
    return;
  }
  const valueOptions = VALUE_OPTIONS.get(command);
  if (!valueOptions) return;
  const operands: ShellWord[] = [];
  let targetDir: ShellWord | undefined;
  let directories = false;
  for (let i = 0; i < words.length; i++) {
    const t = words[i].text;
    if (t === '--') {
      operands.push(...words.slice(i + 1));
      break;
    }
    if (!t.startsWith('-') || t === '-') {
      operands.push(words[i]);
      continue;
    }
    if (t === '-d' && command === 'install') directories = true;
    const long = /^--target-directory=/.exec(t);
    if (long) push('destination', words[i], long[0].length);
    if (t === '-t' && command !== 'touch' && words[i + 1]) targetDir = words[i + 1];
    if (valueOptions.has(t)) i++;
  }
  if (command === 'touch' || command === 'tee') {
    for (const w of operands) push(command, w);
    return;
  }
  if (directories) return;
  if (targetDir) push('destination', targetDir);
  else if (operands.length >= 2) push('destination', operands[operands.length - 1]);
}
