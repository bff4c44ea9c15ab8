// Host over the real file system. Shell is only offered when the caller says
// so (trusted workspace + opt-in); otherwise the engine never spawns anything.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import type { Host, ShellResult } from '../eval/host';

export interface NodeHostOptions {
  /** Allow $(shell …) and try-run evaluation. */
  allowShell?: boolean;
  /** Per-command timeout in milliseconds. */
  shellTimeoutMs?: number;
  /** The environment commands run with (default: this process's). */
  env?: Record<string, string>;
  /** Receives each non-empty stderr line of the commands (make would show them). */
  onStderr?: (line: string) => void;
}

export function createNodeHost(options: NodeHostOptions = {}): Host {
  const host: Host = {
    readFile(path) {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    stat(path) {
      try {
        const s = statSync(path);
        return { mtimeMs: s.mtimeMs, size: s.size, isDirectory: s.isDirectory() };
      } catch {
        return undefined;
      }
    },
    readDir(path) {
      try {
        return readdirSync(path);
      } catch {
        return [];
      }
    },
  };
  if (options.allowShell) {
    const timeout = options.shellTimeoutMs ?? 10_000;
    host.shell = (command, cwd): ShellResult => {
      const r = spawnSync('/bin/sh', ['-c', command], { cwd, env: options.env, encoding: 'utf8', timeout, maxBuffer: 16 << 20 });
      if (options.onStderr) for (const line of (r.stderr ?? '').split('\n')) if (line !== '') options.onStderr(line);
      return { stdout: r.stdout ?? '', status: r.status ?? 1 };
    };
  }
  return host;
}
