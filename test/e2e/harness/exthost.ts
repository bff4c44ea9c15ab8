// Runs the mocha suites of test/e2e/exthost inside code-server's extension
// host, the @vscode/test-electron way: code-server started with
// --vscode-option enable-smoke-test-driver, the page opened with a `payload`
// naming extensionDevelopmentPath (the installed .vsix's directory) and
// extensionTestsPath (our bundled runner); the exit code comes back through
// window.codeAutomationExit, the results through a JSON file.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { SuiteResult } from '../exthost/index';
import { openBrowser } from './browser';
import type { CodeServer, RunDirs } from './codeServer';
import { ROOT, outDir } from './env';

export const SUITES = ['navigation', 'settings', 'trust', 'features'] as const;

/** Bundles the runner and each suite (mocha and vscode stay external: mocha resolves from the repo's node_modules). */
export async function bundleSuites(): Promise<string> {
  const dir = outDir('exthost-bundle');
  await esbuild.build({
    entryPoints: [join(ROOT, 'test/e2e/exthost/index.ts'), ...SUITES.map((s) => join(ROOT, `test/e2e/exthost/${s}.suite.ts`))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    outdir: dir,
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return join(dir, 'index.js');
}

export interface SuiteRun {
  exitCode: number | 'timeout';
  results: SuiteResult[];
  error?: string;
  /** Browser console lines about the extension host, for failure messages. */
  console: string[];
}

export async function runSuites(args: {
  server: CodeServer;
  run: RunDirs;
  devPath: string;
  testsPath: string;
  suites: string[];
  env?: Record<string, string>;
  timeoutMs?: number;
  screenshot?: string;
}): Promise<SuiteRun> {
  const results = join(args.run.root, 'suite-results.json');
  rmSync(results, { force: true });
  const authority = new URL(args.server.base).host;
  const env = { KBUILD_E2E_RESULTS: results, KBUILD_E2E_SUITES: args.suites.join(','), ...args.env };
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${args.devPath}`],
    ['extensionTestsPath', `vscode-remote://${authority}${args.testsPath}`],
    ['extensionEnvironment', JSON.stringify(env)],
  ];
  const url = `${args.server.url()}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const browser = await openBrowser({ runRoot: args.run.root });
  try {
    let exit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (exit = resolve));
    await browser.page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
    await browser.page.goto(url);
    const timeoutMs = args.timeoutMs ?? 180_000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)));
    const exitCode = await Promise.race([exited, timedOut]).finally(() => clearTimeout(timer));
    if (args.screenshot) await browser.page.screenshot({ path: args.screenshot }).catch(() => undefined);
    const parsed = existsSync(results) ? (JSON.parse(readFileSync(results, 'utf8')) as { results: SuiteResult[]; error?: string }) : undefined;
    const consoleLines = browser.console.filter((l) => /extension host|kbuild|mocha|error/i.test(l)).slice(-40);
    return { exitCode, results: parsed?.results ?? [], error: parsed?.error, console: consoleLines };
  } finally {
    await browser.close();
  }
}
