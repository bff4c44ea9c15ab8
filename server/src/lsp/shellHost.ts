// The Host evaluations get in the server: files from the editor's buffers
// over the disk, and `shell` only when the policy allows it — a trusted
// workspace whose user turned `kbuild-analyzer.shell.enable` on. Without
// it the Host has no `shell` at all, so the evaluator records each command
// and answers "unknown": nothing is ever spawned. With it, a command runs
// under /bin/sh with a timeout, its result cached on disk (shellCache.ts).
import { spawnSync, type SpawnSyncOptionsWithStringEncoding } from 'node:child_process';
import type { Host, ShellResult } from '../eval/host';
import { createNodeHost } from './nodeHost';
import { createShellCache } from './shellCache';

export interface ShellPolicy {
  /** Trusted workspace and shell.enable on. */
  allowed: boolean;
  timeoutMs: number;
  /** Where results are cached; undefined: in memory only. */
  cacheDir: string | undefined;
}

export interface ShellRunner {
  run(command: string, cwd: string): ShellResult;
  /** Commands spawned by this runner (cache misses), for the log and tests. */
  spawned(): number;
}

/** What a timed-out command gives: empty output, the status timeout(1) uses. */
const TIMED_OUT_STATUS = 124;

function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Runs commands like make's $(shell): /bin/sh -c, stdout kept, stderr dropped (make passes it to the terminal). */
export function createShellRunner(opts: { timeoutMs: number; env: Readonly<Record<string, string>>; cacheDir: string | undefined; log: (message: string) => void }): ShellRunner {
  const disk = opts.cacheDir ? createShellCache({ dir: opts.cacheDir, env: opts.env }) : undefined;
  // A timed-out command is not written to disk (it may finish next time) but is not retried in this session.
  const memory = new Map<string, ShellResult>();
  let spawned = 0;
  return {
    spawned: () => spawned,
    run(command, cwd) {
      const key = `${command}\0${cwd}`;
      const known = memory.get(key) ?? disk?.get(command, cwd);
      if (known) {
        memory.set(key, known);
        return known;
      }
      spawned++;
      // In a process group of its own, so that a timeout stops the commands the shell started too (`sleep 99; …`).
      // (spawnSync honours `detached` — libuv's flag — though @types/node lists it for spawn only.)
      const options: SpawnSyncOptionsWithStringEncoding & { detached: boolean } = { cwd, env: { ...opts.env }, encoding: 'utf8', timeout: opts.timeoutMs, maxBuffer: 16 << 20, detached: true };
      const r = spawnSync('/bin/sh', ['-c', command], options);
      const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
      if (timedOut) killGroup(r.pid);
      const result: ShellResult = timedOut ? { stdout: '', status: TIMED_OUT_STATUS } : { stdout: r.stdout ?? '', status: r.status ?? 127 };
      memory.set(key, result);
      if (timedOut) opts.log(`$(shell) timed out after ${opts.timeoutMs} ms, output taken as empty: ${command}`);
      else if (r.error) opts.log(`$(shell) could not run (${r.error.message}): ${command}`);
      else disk?.set(command, cwd, result);
      return result;
    },
  };
}

/**
 * The evaluation Host of a folder: `readFile` sees open documents first.
 * `shell` is present only when `runner` is given (the caller checked the policy).
 */
export function createEvalHost(opts: { overlay: (path: string) => string | undefined; runner: ShellRunner | undefined }): Host {
  const disk = createNodeHost();
  const host: Host = {
    readFile: (path) => opts.overlay(path) ?? disk.readFile(path),
    stat: (path) => disk.stat(path),
    readDir: (path) => disk.readDir(path),
  };
  const runner = opts.runner;
  if (runner) host.shell = (command, cwd) => runner.run(command, cwd);
  return host;
}
