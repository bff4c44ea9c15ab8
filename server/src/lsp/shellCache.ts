// The on-disk cache of `$(shell …)` results, the editor's version of the
// kernel's own `shell-cached`/.cache.mk: a probe such as try-run is paid once,
// not at every evaluation nor at every start. An entry is keyed by the
// command text, the directory it runs in and the environment it gets; it
// also remembers the programs the command starts (words in command position
// resolved on PATH: gcc, ld, …) with their size and mtime, and is ignored
// once one of them changed — a new compiler answers probes differently.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { ShellResult } from '../eval/host';

export interface ProgramStamp {
  path: string;
  size: number;
  mtimeMs: number;
}

interface Entry {
  command: string;
  cwd: string;
  result: ShellResult;
  programs: ProgramStamp[];
}

export interface ShellCache {
  get(command: string, cwd: string): ShellResult | undefined;
  set(command: string, cwd: string, result: ShellResult): void;
  /** Where entries are kept (one JSON file per command). */
  readonly dir: string;
}

/** Shell words that are not programs: what follows them is in command position again. */
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'for', 'case', 'esac', '!', '{', '}', 'exec', 'command', 'time', 'env', 'nice']);
/** Builtins of /bin/sh that change nothing a cache cares about. */
const BUILTINS = new Set(['set', 'cd', 'export', 'unset', 'true', 'false', ':', '.', 'test', '[', 'echo', 'printf', 'exit', 'return', 'shift', 'trap', 'umask', 'read', 'eval', 'local']);

/**
 * The programs a command starts, as written: the first word of each simple
 * command (after `;`, `&&`, `||`, `|`, `(`, `$(`, a backquote, `if`/`then`/…),
 * assignments (`TMP=x`) and shell builtins skipped. A heuristic: good for
 * the commands Kbuild probes run, not a shell parser.
 */
export function commandPrograms(command: string): string[] {
  const tokens = command.match(/\$\(|\d*[<>]+&?[\d-]*|[;&|()`]+|"[^"]*"|'[^']*'|[^\s;&|()`<>]+/g) ?? [];
  const programs: string[] = [];
  let atCommand = true;
  let redirectTarget = false;
  for (const token of tokens) {
    if (redirectTarget) {
      redirectTarget = false;
      continue;
    }
    // `>/dev/null`, `2>&1`: a redirection, with its target attached or next.
    if (/^\d*[<>]/.test(token)) {
      redirectTarget = !/&[\d-]+$/.test(token);
      continue;
    }
    if (/^\)+$/.test(token)) continue; // the end of a subshell: redirections or a separator follow
    if (/^[;&|()`]+$/.test(token) || token === '$(') {
      atCommand = true;
      continue;
    }
    if (!atCommand) continue;
    if (KEYWORDS.has(token) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(token)) continue;
    atCommand = false;
    const word = token.replace(/^["']|["']$/g, '');
    if (!BUILTINS.has(word) && word !== '' && !word.includes('$') && !programs.includes(word)) programs.push(word);
  }
  return programs;
}

function statOf(path: string): ProgramStamp | undefined {
  try {
    const s = statSync(path);
    return s.isFile() ? { path, size: s.size, mtimeMs: s.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

/** A program name resolved the way the shell would: a path as is (relative to cwd), else the first PATH hit. */
export function resolveProgram(name: string, q: { cwd: string; path: string }): ProgramStamp | undefined {
  if (name.includes('/')) return statOf(isAbsolute(name) ? name : resolve(q.cwd, name));
  for (const dir of q.path.split(':')) {
    const found = dir !== '' ? statOf(join(dir, name)) : undefined;
    if (found) return found;
  }
  return undefined;
}

function sameStamps(a: readonly ProgramStamp[], b: readonly ProgramStamp[]): boolean {
  return a.length === b.length && a.every((s, i) => s.path === b[i].path && s.size === b[i].size && s.mtimeMs === b[i].mtimeMs);
}

export function createShellCache(opts: { dir: string; env: Readonly<Record<string, string>> }): ShellCache {
  const envText = JSON.stringify(Object.entries(opts.env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const pathVar = opts.env.PATH ?? '/usr/bin:/bin';
  const fileOf = (command: string, cwd: string) => join(opts.dir, `${createHash('sha256').update(`${command}\0${cwd}\0${envText}`).digest('hex')}.json`);
  const stamps = (command: string, cwd: string) =>
    commandPrograms(command)
      .map((name) => resolveProgram(name, { cwd, path: pathVar }))
      .filter((s): s is ProgramStamp => s !== undefined);
  return {
    dir: opts.dir,
    get(command, cwd) {
      let entry: Entry;
      try {
        entry = JSON.parse(readFileSync(fileOf(command, cwd), 'utf8')) as Entry;
      } catch {
        return undefined;
      }
      // A hash collision is not worth trusting, nor an entry made for another compiler.
      if (entry.command !== command || entry.cwd !== cwd || !sameStamps(entry.programs, stamps(command, cwd))) return undefined;
      return entry.result;
    },
    set(command, cwd, result) {
      const entry: Entry = { command, cwd, result, programs: stamps(command, cwd) };
      const file = fileOf(command, cwd);
      try {
        mkdirSync(opts.dir, { recursive: true });
        // Write then rename: two servers on one storage never read half an entry.
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify(entry));
        renameSync(tmp, file);
      } catch {
        // A cache that cannot be written only costs time.
      }
    },
  };
}
