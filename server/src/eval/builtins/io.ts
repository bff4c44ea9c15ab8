// Functions that reach outside: shell and file. `$(shell)` and `!=` run only
// when the host offers `shell` (the lsp layer decides: trusted workspace and
// opt-in); otherwise the command is recorded with its location and its
// output is UNKNOWN. Results are cached per evaluation by command and cwd
// (make 4.3 gives $(shell) make's own environment, not exported variables,
// so the command text and cwd decide the output). `$(file >…)` is recorded,
// not performed; later `$(file <…)` and includes see what was written.
import { resolvePath } from '../paths';
import { type Ctx, fatal } from '../state';
import { UNKNOWN, hasUnknown } from '../unknown';
import { defineVar } from '../variables';
import { isSpace } from '../words';
import type { Builtin } from './types';

/**
 * make's fold_newlines: CR before LF dropped, each newline a space; with
 * `trim` all trailing newlines go, else only all but one of them.
 */
function foldNewlines(out: string, trim: boolean): string {
  let dst = '';
  let lastKept = -1;
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (c === '\r' && out[i + 1] === '\n') continue;
    if (c === '\n') dst += ' ';
    else {
      lastKept = dst.length;
      dst += c;
    }
  }
  if (!trim && lastKept < dst.length - 2) lastKept = dst.length - 2;
  return dst.slice(0, lastKept + 1);
}

/** Run (or record) a shell command; undefined output means unknown. */
function runShell(cx: Ctx, q: { command: string; assignment: boolean }): { stdout: string; status: number } | undefined {
  const { command, assignment } = q;
  const key = command + '\0' + cx.cwd;
  let result = cx.shellCache.get(key);
  // While only expanding (hover), answers come from what the evaluation already ran.
  if (cx.readOnly && !cx.shellWhileReadOnly) return result;
  if (!cx.shellCache.has(key)) {
    // A command with an unknown part is never run: it is not the command make would run.
    result = hasUnknown(command) ? undefined : cx.host.shell?.(command, cx.cwd);
    cx.shellCache.set(key, result);
  }
  cx.shellCalls.push({ command, cwd: cx.cwd, loc: cx.reading, output: result?.stdout, status: result?.status, assignment });
  // make defines it in the innermost variable set in use (a target's, a $(call)'s…).
  defineVar({
    set: cx.scopes[cx.scopes.length - 1],
    name: '.SHELLSTATUS',
    value: result ? String(result.status) : UNKNOWN,
    flavor: 'simple',
    origin: 'override',
    loc: null,
    op: ':=',
    envOverrides: false,
  });
  return result;
}

function shellValue(cx: Ctx, command: string): string {
  const r = runShell(cx, { command, assignment: false });
  return r ? foldNewlines(r.stdout, true) : UNKNOWN;
}

/** The value of `VAR != command`. */
export function shellAssignValue(cx: Ctx, command: string): string {
  const r = runShell(cx, { command, assignment: true });
  return r ? foldNewlines(r.stdout, false) : UNKNOWN;
}

function skipBlanks(s: string, i: number): number {
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

/** Text of a file for make: what $(file >…) wrote in this evaluation, else the host's. */
export function readText(cx: Ctx, path: string): string | undefined {
  return cx.virtualFiles.get(path) ?? cx.host.readFile(path);
}

function file(cx: Ctx, args: string[]): string {
  const spec = args[0];
  if (spec[0] === '>') {
    const append = spec[1] === '>';
    const name = spec.slice(skipBlanks(spec, append ? 2 : 1));
    if (name === '') fatal(cx, 'file: missing filename');
    if (cx.readOnly) return '';
    const text = args.length > 1 ? (args[1].endsWith('\n') ? args[1] : args[1] + '\n') : '';
    const path = resolvePath(cx.cwd, name);
    cx.fileWrites.push({ path, append, text, loc: cx.reading });
    const before = append ? (readText(cx, path) ?? '') : '';
    cx.virtualFiles.set(path, before + text);
    return '';
  }
  if (spec[0] === '<') {
    const name = spec.slice(skipBlanks(spec, 1));
    if (name === '') fatal(cx, 'file: missing filename');
    if (args.length > 1) fatal(cx, 'file: too many arguments');
    const text = readText(cx, resolvePath(cx.cwd, name));
    if (text === undefined) return '';
    if (text.endsWith('\r\n')) return text.slice(0, -2);
    return text.endsWith('\n') ? text.slice(0, -1) : text;
  }
  return fatal(cx, `file: invalid file operation: ${spec}`);
}

export const IO_BUILTINS: Builtin[] = [
  { name: 'shell', minArgs: 0, expandArgs: true, impl: ({ cx, args }) => shellValue(cx, args[0] ?? '') },
  { name: 'file', minArgs: 1, expandArgs: true, impl: ({ cx, args }) => file(cx, args) },
];
