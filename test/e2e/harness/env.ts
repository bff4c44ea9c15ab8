// Where the E2E tools live (installed by scripts/e2e-setup.sh) and where the
// tests write: runs (code-server profiles, workspaces, logs) under the cache,
// outside the repository so VS Code's git support does not scan it;
// screenshots and failure logs under .test-output/e2e/.
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM } from '../../helpers/chromium';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const E2E = process.env.KBUILD_E2E ?? join(homedir(), '.cache', 'kbuild-analyzer-e2e');
export const NODE24_BIN = join(E2E, 'node24', 'node-v24.21.0', 'bin');
export const CODE_SERVER = join(E2E, 'cs', 'node_modules', '.bin', 'code-server');
export const OUT = join(ROOT, '.test-output', 'e2e');
export const FIXTURE = join(ROOT, 'test', 'fixtures', 'e2e-workspace');
export const EXTENSION_ID = 'kbuild-analyzer.kbuild-analyzer';

/** Throws, naming the setup script, when a tool is missing: the suite never skips silently. */
export function requireSetup(): void {
  const missing = [
    [join(NODE24_BIN, 'node'), 'Node 24'],
    [CODE_SERVER, 'code-server'],
    [join(E2E, 'cs', '.complete'), 'a complete code-server install'],
    [CHROMIUM, 'chromium'],
  ].filter(([path]) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(
      `E2E tools missing (${missing.map(([, what]) => what).join(', ')}): run \`bash scripts/e2e-setup.sh\` ` +
        '(scripts/test.sh does), or set KBUILD_SKIP_E2E=1 to skip the E2E suite explicitly.',
    );
  }
}

export function outDir(...parts: string[]): string {
  const dir = join(OUT, ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}
