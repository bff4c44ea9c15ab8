// GNU make as the oracle: writes fixture files to a scratch directory and
// runs `make -pq` there with a clean environment (no inherited MAKEFLAGS,
// C locale so messages are make's English ones).

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface MakeRun {
  /** The data base (and anything the makefile printed with $(info)). */
  stdout: string;
  stderr: string;
  status: number;
}

export function makeVersion(): string | null {
  const run = spawnSync('make', ['--version'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) return null;
  const first = run.stdout.split('\n')[0];
  return first.startsWith('GNU Make ') ? first.slice('GNU Make '.length) : null;
}

/** `make -pq [flags] -f FILE [assignments]` in `dir`. */
export function runMakeDatabase(args: {
  dir: string;
  file: string;
  flags?: string[];
  assignments?: string[];
  env?: Record<string, string>;
}): MakeRun {
  const argv = ['-pq', ...(args.flags ?? []), '-f', args.file, ...(args.assignments ?? [])];
  const run = spawnSync('make', argv, {
    cwd: args.dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', ...args.env },
    maxBuffer: 256 * 1024 * 1024,
    timeout: 30_000,
  });
  return { stdout: run.stdout ?? '', stderr: run.stderr ?? '', status: run.status ?? -1 };
}

/** Writes `files` (relative path → text) under a new scratch directory. */
export function writeTree(files: Record<string, string>): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'kbuild-analyzer-make-'));
  for (const [path, text] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes `files` and runs make on `file` among them; the directory is removed afterwards. */
export function makeDatabaseOf(args: {
  files: Record<string, string>;
  file?: string;
  flags?: string[];
  assignments?: string[];
  env?: Record<string, string>;
}): MakeRun {
  const tree = writeTree(args.files);
  try {
    const file = args.file ?? Object.keys(args.files)[0];
    return runMakeDatabase({ ...args, dir: tree.dir, file, flags: args.flags ?? ['-rR'] });
  } finally {
    tree.remove();
  }
}
