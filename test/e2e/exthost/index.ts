// The extensionTestsPath module (the @vscode/test-electron contract: export
// run(), resolve when green) for code-server's extension host. Runs the
// suites named in KBUILD_E2E_SUITES (`navigation,settings`, …: the bundled
// `<name>.suite.js` beside this file) with mocha's tdd UI, and writes every
// result to KBUILD_E2E_RESULTS as JSON for test/e2e/exthost.test.ts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export interface SuiteResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  ms?: number;
  error?: string;
}

export function run(): Promise<void> {
  const out = process.env.KBUILD_E2E_RESULTS;
  const suites = (process.env.KBUILD_E2E_SUITES ?? '').split(',').filter(Boolean);
  const mocha = new Mocha({ ui: 'tdd', timeout: 30_000, color: false, reporter: 'base' });
  for (const s of suites) mocha.addFile(join(__dirname, `${s}.suite.js`));
  const results: SuiteResult[] = [];
  const write = (extra: Record<string, unknown> = {}) => {
    if (out) writeFileSync(out, JSON.stringify({ suites, results, ...extra }, null, 2));
  };
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        write();
        if (failures) reject(new Error(`${failures} extension-host tests failed`));
        else resolve();
      });
      runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }));
      runner.on('fail', (t, err: Error) => results.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err) }));
      runner.on('pending', (t) => results.push({ title: t.fullTitle(), state: 'pending' }));
    } catch (e) {
      write({ error: String((e as Error)?.stack ?? e) });
      reject(e);
    }
  });
}
