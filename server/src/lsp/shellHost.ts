// The Host evaluations get in the server: files from the editor's buffers
// over the disk, and `shell` only when the policy allows it — a trusted
// workspace whose user turned `kbuild-analyzer.shell.enable` on. Without
// it the Host has no `shell` at all, so the evaluator records each command
// and answers "unknown": nothing is ever spawned. With it, a command runs
// under /bin/sh with a timeout, its result cached on disk (shellCache.ts).
import type { Host, ShellResult } from '../eval/host';
import { createNodeHost, runShellCommand } from './nodeHost';
import { createShellCache } from './shellCache';

export interface ShellRunner {
  run(command: string, cwd: string): ShellResult;
  /** Commands spawned by this runner (cache misses), for the log and tests. */
  spawned(): number;
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
      const { result, timedOut, error } = runShellCommand(command, cwd, { timeoutMs: opts.timeoutMs, env: opts.env });
      memory.set(key, result);
      if (timedOut) opts.log(`$(shell) timed out after ${opts.timeoutMs} ms, output taken as empty: ${command}`);
      else if (error) opts.log(`$(shell) could not run (${error.message}): ${command}`);
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
