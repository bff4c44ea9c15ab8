// The .vsix under test: built by scripts/package.sh when missing or older
// than anything it is made from, then installed into a fresh extensions
// directory with `code-server --install-extension`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CODE_SERVER, EXTENSION_ID, NODE24_BIN, ROOT } from './env';

export const VSIX = join(ROOT, 'dist-vsix', 'kbuild-analyzer.vsix');
const SOURCES = [
  'client/src', 'server/src', 'server/wrapper', 'webview/src', 'syntaxes', 'examples', 'resources',
  'docs/diagnostics', 'docs/images', 'package.json', 'esbuild.mjs', '.vscodeignore', 'README.md', 'LICENSE',
];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(path, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) max = Math.max(max, statSync(join(e.parentPath, e.name)).mtimeMs);
  }
  return max;
}

let checked = false;

/**
 * The .vsix to test: KBUILD_E2E_VSIX when set (test/e2e/run.sh sets it to
 * the package it has just built, so every test file installs the same
 * bytes); else packages the extension unless an up-to-date .vsix exists.
 * Test files may run in parallel: a lock directory keeps two from packaging at once.
 */
export function ensureVsix(): string {
  const given = process.env.KBUILD_E2E_VSIX;
  if (given) {
    if (!existsSync(given)) throw new Error(`KBUILD_E2E_VSIX=${given}: no such file`);
    return resolve(given);
  }
  if (checked) return VSIX;
  const lock = join(ROOT, '.test-output', 'package.lock');
  mkdirSync(dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 180_000) rmSync(lock, { recursive: true, force: true }); // left by a killed run
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    const built = existsSync(VSIX) ? statSync(VSIX).mtimeMs : 0;
    if (SOURCES.some((s) => newest(join(ROOT, s)) > built)) {
      const r = spawnSync('bash', ['scripts/package.sh'], { cwd: ROOT, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`scripts/package.sh failed:\n${r.stdout}\n${r.stderr}`);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  checked = true;
  return VSIX;
}

/** Installs the .vsix into extensionsDir; returns the installed extension's directory. */
export function installVsix(args: { vsix: string; extensionsDir: string; userDataDir: string; env: NodeJS.ProcessEnv }): string {
  const r = spawnSync(
    CODE_SERVER,
    ['--user-data-dir', args.userDataDir, '--extensions-dir', args.extensionsDir, '--install-extension', args.vsix, '--force'],
    { encoding: 'utf8', env: { ...args.env, PATH: `${NODE24_BIN}:${process.env.PATH}` } },
  );
  if (r.status !== 0) throw new Error(`code-server --install-extension failed:\n${r.stdout}\n${r.stderr}`);
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const dir = join(args.extensionsDir, `${EXTENSION_ID}-${version}`);
  if (!existsSync(join(dir, 'package.json'))) throw new Error(`not installed where expected: ${dir}\n${r.stdout}`);
  return dir;
}
