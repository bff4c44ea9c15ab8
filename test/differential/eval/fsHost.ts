// A Host over the real file system for the differential tests (test code may
// do IO; the engine may not). `shell` runs /bin/sh with the same controlled
// environment make gets, so $(shell) fixtures compare real outputs.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import type { Host } from '../../../server/src/eval/host';

/** The host, and the stderr lines of the commands it ran (make would show them). */
export function fsHost(env: Record<string, string>): { host: Host; stderr: string[] } {
  const stderr: string[] = [];
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
    shell(command, cwd) {
      const r = spawnSync('/bin/sh', ['-c', command], { cwd, env, encoding: 'utf8' });
      stderr.push(...(r.stderr ?? '').split('\n').filter((l) => l !== ''));
      return { stdout: r.stdout ?? '', status: r.status ?? 127 };
    },
  };
  return { host, stderr };
}
