// The node host's readFileFast, which the .cmd index reads through: the
// same text as readFile for ASCII, UTF-8 and large files, undefined where
// readFile gives undefined.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createNodeHost } from '../../../server/src/lsp/nodeHost';

test('readFileFast gives what readFile gives', () => {
  const dir = mkdtempSync(join(tmpdir(), 'read-fast-'));
  try {
    const host = createNodeHost();
    const files = {
      ascii: 'cmd_x.o := gcc -c x.c\n',
      utf8: 'cmd_x.o := gcc -DNAME="Müller ✓" -c x.c\n',
      invalid: Buffer.from([0x63, 0x6d, 0x64, 0xff, 0xfe, 0x0a]),
      // Past the first buffer's 64 KB: read in several steps.
      large: `deps_x.o := \\\n${'  ../include/linux/kernel.h \\\n'.repeat(20000)}\n`,
      largeUtf8: `${'é'.repeat(70000)}\n`,
      empty: '',
    };
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    for (const name of [...Object.keys(files), 'missing']) {
      assert.equal(host.readFileFast?.(join(dir, name)), host.readFile(join(dir, name)), name);
    }
    assert.equal(host.readFileFast?.(join(dir, 'large')), files.large);
    assert.equal(host.readFileFast?.(join(dir, 'missing')), undefined);
    assert.equal(host.readFileFast?.(dir), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
