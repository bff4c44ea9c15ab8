// Running make for the build analysis: a profiled build through the SHELL
// wrapper (server/wrapper/kbuild-prof.bash) and `make -pn` for the graph.
// The IO half of analysis/build: everything here spawns or touches files.

import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { parseProfileLog, type Profile, type ProfileProblem } from '../analysis/build/profile';

export const WRAPPER_NAME = 'kbuild-prof.bash';

export interface ProfileRunOptions {
  cwd: string;
  /** make's arguments: goals, -jN, O=…, V=… */
  args: string[];
  make?: string;
  /** Where the wrapper appends its records; default: a fresh temp file. */
  logPath?: string;
  /** The wrapper script; default: found next to this module (dist/ or server/wrapper/). */
  wrapper?: string;
  /** bash >= 5 (for $EPOCHREALTIME); default: the first on PATH. */
  bash?: string;
  /** The shell recipes really run in (default /bin/sh, make's default). */
  shell?: string;
  env?: NodeJS.ProcessEnv;
  /** make's output as it comes (stdout and stderr). */
  onOutput?: (text: string) => void;
  signal?: AbortSignal;
}

export interface ProfileRun {
  exitCode: number | null;
  /** µs since the epoch, around the make process. */
  startMicros: number;
  endMicros: number;
  profile: Profile;
  problems: ProfileProblem[];
  logPath: string;
  /** The last 16 KiB make wrote to stderr. */
  stderrTail: string;
}

export function nowMicros(): number {
  return Math.round((performance.timeOrigin + performance.now()) * 1000);
}

/** Runs `make ARGS SHELL='bash wrapper [$@]'` and reads the records back. */
export async function runProfiledBuild(o: ProfileRunOptions): Promise<ProfileRun> {
  const w = wrapperInvocation(o);
  const env: NodeJS.ProcessEnv = { ...process.env, ...o.env, ...w.env };
  delete env.KBPROF_PARENT;
  const args = [...o.args, w.shellArg];
  const logPath = w.env.KBPROF_LOG;
  const startMicros = nowMicros();
  const { exitCode, stderrTail } = await spawnMake({ make: o.make ?? 'make', args, cwd: o.cwd, env, onOutput: o.onOutput, signal: o.signal });
  const endMicros = nowMicros();
  const { profile, problems } = parseProfileLog(readFileSync(logPath, 'utf8'));
  return { exitCode, startMicros, endMicros, profile, problems, logPath, stderrTail };
}

/**
 * `make -pnk ARGS -j1`: data bases must not interleave (-j1); on a clean tree
 * sub-makes miss the files the build would have generated first, -k keeps
 * them going; the C locale keeps make's messages as the parser reads them.
 */
export async function runMakeDatabase(o: { cwd: string; args: string[]; make?: string; signal?: AbortSignal }): Promise<{ text: string; exitCode: number | null }> {
  const chunks: string[] = [];
  const env = { ...process.env, LC_ALL: 'C', MAKEFLAGS: '' };
  const { exitCode } = await spawnMake({
    make: o.make ?? 'make',
    args: ['-pnk', ...o.args, '-j1'],
    cwd: o.cwd,
    env,
    onStdout: (t) => chunks.push(t),
    signal: o.signal,
  });
  return { text: chunks.join(''), exitCode };
}

export interface WrapperInvocation {
  /** `SHELL=bash wrapper [$@]`, the argument to add to make's. */
  shellArg: string;
  /** KBPROF_LOG (emptied) and KBPROF_SHELL. */
  env: { KBPROF_LOG: string; KBPROF_SHELL: string };
}

/** What make needs to run under the wrapper; checks bash and empties the log. */
export function wrapperInvocation(o: { bash?: string; wrapper?: string; logPath?: string; shell?: string }): WrapperInvocation {
  const bash = o.bash ?? findOnPath('bash');
  if (!bash) throw new Error('bash not found on PATH: the profiling wrapper needs bash >= 5');
  checkEpochRealtime(bash);
  const logPath = o.logPath ?? join(mkdtempSync(join(tmpdir(), 'kbprof-')), 'profile.log');
  writeFileSync(logPath, '');
  const wrapper = spaceFree(o.wrapper ?? defaultWrapper(), dirname(logPath));
  return { shellArg: `SHELL=${bash} ${wrapper} [$@]`, env: { KBPROF_LOG: logPath, KBPROF_SHELL: o.shell ?? '/bin/sh' } };
}

interface SpawnMake {
  make: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  onOutput?: (text: string) => void;
  onStdout?: (text: string) => void;
  signal?: AbortSignal;
}

function spawnMake(o: SpawnMake): Promise<{ exitCode: number | null; stderrTail: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(o.make, o.args, { cwd: o.cwd, env: o.env, stdio: ['ignore', 'pipe', 'pipe'], signal: o.signal });
    let tail = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (t: string) => {
      o.onStdout?.(t);
      o.onOutput?.(t);
    });
    child.stderr.on('data', (t: string) => {
      tail = (tail + t).slice(-16384);
      o.onOutput?.(t);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code, stderrTail: tail }));
  });
}

function checkEpochRealtime(bash: string): void {
  const r = spawnSync(bash, ['-c', 'printf %s "$EPOCHREALTIME"'], { encoding: 'utf8' });
  if (!/^\d+[.,]\d+$/.test(r.stdout ?? '')) throw new Error(`${bash} has no $EPOCHREALTIME: the profiling wrapper needs bash >= 5`);
}

/** The wrapper shipped with the extension: next to the bundle, or in server/wrapper/ of the source tree. */
export function defaultWrapper(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    for (const candidate of [join(dir, WRAPPER_NAME), join(dir, 'server', 'wrapper', WRAPPER_NAME)]) {
      if (existsSync(candidate)) return candidate;
    }
    if (dirname(dir) === dir) throw new Error(`${WRAPPER_NAME} not found next to the server`);
  }
}

/** make splits SHELL at blanks: a wrapper under a path with spaces is copied next to the log. */
function spaceFree(path: string, scratch: string): string {
  if (!/\s/.test(path)) return path;
  const copy = join(scratch, WRAPPER_NAME);
  copyFileSync(path, copy);
  return copy;
}

export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      /* not here */
    }
  }
  return undefined;
}
