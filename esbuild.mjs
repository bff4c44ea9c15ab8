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

// web-tree-sitter is an ES module that reads import.meta.url (createRequire, its
// own location); in a CommonJS bundle esbuild leaves that empty, so give it the bundle's URL.
const nodeCjs = {
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('url').pathToFileURL(__filename).href;" },
};

const builds = [
  { ...common, ...nodeCjs, entryPoints: { client: 'client/src/extension.ts' }, external: ['vscode'], outdir: 'dist' },
  { ...common, ...nodeCjs, entryPoints: { server: 'server/src/lsp/main.ts', cli: 'server/src/cli.ts' }, outdir: 'dist' },
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
  } catch (error) {
    throw new Error(`${wasm}: needed next to the bundle for the recipe analysis (${error})`);
  }
}

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
