// One build for every bundle: client (VS Code extension host), server and
// CLI (plain node), webview (browser). Type checking is separate: tsc --noEmit.
import * as esbuild from 'esbuild';
import { mkdirSync, copyFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'], outdir: 'dist' },
  { ...common, entryPoints: { server: 'server/src/lsp/main.ts', cli: 'server/src/cli.ts' }, platform: 'node', format: 'cjs', target: 'node18', outdir: 'dist' },
];
if (existsSync('webview/src/main.ts')) {
  builds.push({ ...common, entryPoints: { webview: 'webview/src/main.ts' }, platform: 'browser', format: 'iife', target: 'es2022', outdir: 'dist' });
}

// The recipe shell is parsed with tree-sitter-bash's wasm grammar; ship it next to the bundle.
mkdirSync('dist', { recursive: true });
for (const wasm of ['web-tree-sitter/web-tree-sitter.wasm', 'tree-sitter-bash/tree-sitter-bash.wasm']) {
  try {
    const from = require.resolve(wasm);
    copyFileSync(from, `dist/${wasm.split('/').pop()}`);
  } catch {
    /* optional until the recipe analysis uses it */
  }
}

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
