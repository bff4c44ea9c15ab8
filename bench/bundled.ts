// The server ships as an esbuild bundle (esbuild.mjs); the bench runs its
// own TypeScript through tsx, whose per-module wrappers and esbuild's
// keepNames cost the hot loops 5–10 %. Sections that time what the server
// does load that code the way the server gets it: bundled the same way.
import { buildSync } from 'esbuild';
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

/** The module `entry`, bundled (see bundleForBench). */
export function requireBundled<T>(entry: string): T {
  return require(bundleForBench(entry)) as T;
}
