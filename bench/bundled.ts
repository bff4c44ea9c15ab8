// The server ships as an esbuild bundle (esbuild.mjs); the bench runs its
// own TypeScript through tsx, whose per-module wrappers and esbuild's
// keepNames cost the hot loops 5–10 %. Sections that time what the server
// does load that code the way the server gets it: bundled the same way,
// each run in a process of its own.
import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const outDir = mkdtempSync(join(tmpdir(), 'kbuild-bench-bundle-'));
process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));

/** `entry` (a .ts file) bundled for node as esbuild.mjs bundles the server; returns the .js path. */
export function bundleForBench(entry: string): string {
  const outfile = join(outDir, basename(entry).replace(/\.ts$/, '.js'));
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node18', outfile, logLevel: 'warning' });
  return outfile;
}

/** Runs a bundled script in a process of its own with `args`; returns what it printed, as JSON. */
export function runBundled<T>(script: string, args: string[]): T {
  const r = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${basename(script)} ${args[0] ?? ''} failed: ${r.stderr.slice(0, 500)}`);
  return JSON.parse(r.stdout) as T;
}
