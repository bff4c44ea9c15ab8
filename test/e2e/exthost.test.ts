// E2E, part 2 and 3: mocha suites inside code-server's extension host
// (harness/exthost.ts), against the extension as installed from the .vsix.
//   trusted folder:   settings (first: nothing is open yet), navigation, features
//   untrusted folder: trust — workspace trust on, the folder never trusted
// Each mocha test shows up here as a subtest.
import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test, type TestContext } from 'node:test';
import { makeRun, startCodeServer, type CodeServer } from './harness/codeServer';
import { outDir, requireSetup } from './harness/env';
import { bundleSuites, runSuites, type SuiteRun } from './harness/exthost';
import { ensureVsix, installVsix } from './harness/vsix';

const TIMEOUT = 240_000;

async function report(t: TestContext, run: SuiteRun): Promise<void> {
  for (const r of run.results) {
    if (r.state === 'pending') await t.test(r.title, { skip: 'skipped in the extension host' }, () => undefined);
    else
      await t.test(r.title, () => {
        if (r.state === 'failed') throw new Error(r.error);
      });
  }
  const failed = run.results.filter((r) => r.state === 'failed').length;
  assert.ok(run.results.length > 0, `no results from the extension host (exit ${run.exitCode}, ${run.error ?? ''})\n${run.console.join('\n')}`);
  assert.equal(run.exitCode, failed === 0 ? 0 : 1, `runner exit ${run.exitCode} with ${failed} failures${run.error ? `: ${run.error}` : ''}`);
}

/** Installs the .vsix into a run, starts code-server on an empty extensions dir, runs the suites on the installed copy. */
async function runIn(args: { name: string; workspaceTrust: boolean; suites: string[]; workspaceSettings: Record<string, unknown> }): Promise<SuiteRun> {
  const run = makeRun({ name: args.name, workspaceSettings: args.workspaceSettings });
  const devPath = installVsix({ vsix: ensureVsix(), extensionsDir: join(run.root, 'installed'), userDataDir: run.userDataDir, env: run.env });
  mkdirSync(run.extensionsDir, { recursive: true });
  let server: CodeServer | undefined;
  try {
    server = await startCodeServer({ run, workspaceTrust: args.workspaceTrust, smokeTestDriver: true });
    return await runSuites({
      server,
      run,
      devPath,
      testsPath: testsPath as string,
      suites: args.suites,
      screenshot: join(outDir(), `exthost-${args.name}.png`),
    });
  } finally {
    await server?.stop();
  }
}

let testsPath: string | undefined;

describe('extension host (code-server, installed .vsix)', { timeout: TIMEOUT * 2 }, () => {
  before(async () => {
    requireSetup();
    ensureVsix();
    testsPath = await bundleSuites();
  });

  test('trusted folder: navigation, settings, evaluated hover, barrier graph', { timeout: TIMEOUT }, async (t) => {
    const run = await runIn({
      name: 'exthost-trusted',
      workspaceTrust: false,
      suites: ['settings', 'navigation', 'features'],
      workspaceSettings: { 'kbuild-analyzer.profile.makeArgs': ['-j2'] },
    });
    await report(t, run);
  });

  test('untrusted folder: Restricted Mode', { timeout: TIMEOUT }, async (t) => {
    const run = await runIn({
      name: 'exthost-untrusted',
      workspaceTrust: true,
      suites: ['trust'],
      workspaceSettings: {
        'kbuild-analyzer.shell.enable': true,
        'kbuild-analyzer.profile.makeArgs': ['-j2'],
        'kbuild-analyzer.buildDirectory': 'build',
      },
    });
    await report(t, run);
  });
});
