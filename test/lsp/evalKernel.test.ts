// Evaluated hover on the real kernel 6.1 tree (skipped without the corpus):
// a cc-option call in arch/x86/Makefile, in the top context of the
// tinyconfig build, shows the chain down to the compiler command line; with
// shell allowed (trusted + shell.enable), also the result gcc gives.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { TestClient } from './harness';
import { hoverText, openFile, startOn } from './evalFixture';

const kernel = join(process.env.KBUILD_CORPUS ?? join(homedir(), '.cache/kbuild-corpus'), 'linux-6.1');
const ready = existsSync(join(kernel, 'Makefile')) && existsSync(join(kernel, 'build-tiny', '.config'));
const NEEDLE = 'KBUILD_CFLAGS += $(call cc-option,-fcf-protection=none)';

describe('evaluated hover on the kernel tree', { skip: !ready, timeout: 120_000 }, () => {
  const clients: TestClient[] = [];
  const storage = mkdtempSync(join(tmpdir(), 'kbuild-storage-'));
  const file = join(kernel, 'arch/x86/Makefile');

  after(() => {
    for (const c of clients) c.child.kill();
    rmSync(storage, { recursive: true, force: true });
  });

  const hoverWith = async (options: Record<string, unknown>) => {
    const client = await startOn(kernel, { exclude: ['build-*/**'], storagePath: storage, ...options });
    clients.push(client);
    const text = await openFile(client, file);
    assert.ok(readFileSync(file, 'utf8').includes(NEEDLE));
    return hoverText(client, { path: file, text, needle: NEEDLE, within: 25 });
  };

  test('without shell: cc-option → __cc-option → try-run, down to the gcc command line; result unknown', async () => {
    const h = await hoverWith({ settings: { buildDirectory: 'build-tiny' } });
    assert.match(h, /in context `top Makefile \(O=build-tiny\)`/);
    assert.match(h, /1\. \*\*cc-option\*\* \(\[scripts\/Makefile\.compiler:51\]/);
    assert.match(h, /2\. \*\*__cc-option\*\*/);
    assert.match(h, /3\. \*\*try-run\*\* \(\[scripts\/Makefile\.compiler:22\]/);
    const cmd = /Compiler command \(as make ran it while reading this line\):\n\n```sh\n([^`]+)\n```/.exec(h);
    assert.ok(cmd, h);
    const line = cmd[1].replace(/\n/g, ' ');
    assert.match(line, /^gcc -Werror /);
    assert.match(line, /-fcf-protection=none -c -x c \/dev\/null -o "\$TMP"$/);
    assert.match(line, /^gcc -Werror -D__KERNEL__ .*-fno-PIE .*-mno-avx -fcf-protection=none -c/); // KBUILD_CPPFLAGS and KBUILD_CFLAGS as they were at that line
    assert.doesNotMatch(line, /«unknown»/);
    assert.match(h, /Result: «unknown»/);
  });

  test('shell allowed: the result gcc gives', async () => {
    const h = await hoverWith({ settings: { buildDirectory: 'build-tiny', shell: { enable: true } }, trusted: true });
    assert.match(h, /Result: `-fcf-protection=none`/);
  });
});
