// The on-disk $(shell) cache: keyed by command, cwd and environment; an
// entry is dropped when a program the command starts changes (a new
// compiler); the runner spawns only on a miss.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { commandPrograms, createShellCache } from '../../server/src/lsp/shellCache';
import { createShellRunner } from '../../server/src/lsp/shellHost';

const dir = mkdtempSync(join(tmpdir(), 'kbuild-shellcache-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('the programs a try-run command starts: words in command position, builtins and assignments skipped', () => {
  const tryRun = 'set -e; TMP=.tmp_$$/tmp; trap "rm -rf .tmp_$$" EXIT; mkdir -p .tmp_$$; if (gcc -Werror -c -x c /dev/null -o "$TMP") >/dev/null 2>&1; then echo "-fno-PIE"; else echo ""; fi';
  assert.deepEqual(commandPrograms(tryRun), ['mkdir', 'gcc']);
  assert.deepEqual(commandPrograms('CC=clang; $CC --version | head -n1'), ['head']);
  assert.deepEqual(commandPrograms('/usr/bin/env ld.bfd -v'), ['/usr/bin/env']);
});

test('an entry is used until the compiler it ran changes', () => {
  const bin = join(dir, 'bin');
  const cc = join(bin, 'fakecc');
  rmSync(bin, { recursive: true, force: true });
  mkdirSync(bin);
  writeFileSync(cc, '#!/bin/sh\necho v1\n');
  chmodSync(cc, 0o755);
  const env = { PATH: `${bin}:/usr/bin:/bin` };
  const cache = createShellCache({ dir: join(dir, 'cache'), env });
  cache.set('fakecc --version', dir, { stdout: 'v1\n', status: 0 });
  assert.deepEqual(cache.get('fakecc --version', dir), { stdout: 'v1\n', status: 0 });
  assert.equal(cache.get('fakecc --version', '/elsewhere'), undefined);
  assert.equal(createShellCache({ dir: join(dir, 'cache'), env: { ...env, LANG: 'C' } }).get('fakecc --version', dir), undefined);
  writeFileSync(cc, '#!/bin/sh\necho version2\n');
  utimesSync(cc, new Date(), new Date(Date.now() + 5000));
  assert.equal(cache.get('fakecc --version', dir), undefined, 'a changed compiler must miss');
});

test('the runner spawns on a miss only, across runners sharing the cache; a timeout gives empty output', () => {
  const opts = { timeoutMs: 2000, env: { PATH: '/usr/bin:/bin' }, cacheDir: join(dir, 'runner'), log: () => {} };
  const first = createShellRunner(opts);
  const marker = join(dir, 'count');
  const cmd = `echo x >> ${marker}; echo hello`;
  assert.deepEqual(first.run(cmd, dir), { stdout: 'hello\n', status: 0 });
  assert.deepEqual(first.run(cmd, dir), { stdout: 'hello\n', status: 0 });
  const second = createShellRunner(opts);
  assert.deepEqual(second.run(cmd, dir), { stdout: 'hello\n', status: 0 });
  assert.equal(first.spawned() + second.spawned(), 1);
  assert.equal(readFileSync(marker, 'utf8'), 'x\n');
  const logs: string[] = [];
  const slow = createShellRunner({ ...opts, timeoutMs: 200, log: (m) => logs.push(m) });
  assert.deepEqual(slow.run('sleep 2; echo late', dir), { stdout: '', status: 124 });
  assert.match(logs[0], /timed out after 200 ms/);
});

test('a timeout stops what the command started too, not only the shell', () => {
  const done = join(dir, 'grandchild-finished');
  const slow = createShellRunner({ timeoutMs: 200, env: { PATH: '/usr/bin:/bin' }, cacheDir: undefined, log: () => {} });
  const started = Date.now();
  // The inner shell is the outer one's child: killing only the outer one would leave it to touch the file.
  assert.deepEqual(slow.run(`sh -c 'sleep 1; touch ${done}'; echo late`, dir), { stdout: '', status: 124 });
  assert.ok(Date.now() - started < 1000, 'the runner did not wait for the command');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);
  assert.equal(existsSync(done), false, 'the command went on after its timeout');
});
