// Kbuild build contexts against GNU make: the sub-make context
// `scripts/Makefile.build obj=kernel` of the tinyconfig build (its
// environment and command line as our top and obj=. contexts derive them
// from the recipes that descend), and tools/perf/Makefile.perf with an O=
// dir (its FIXDEP=1 pass, which reads Makefile.config), each run by `make -pq` with the same entry, command line and
// environment, $(shell) allowed on both sides. At least 99 % of the
// variables must agree in flavor, origin, value and definition site; the
// rest are printed. Skipped when the corpus has not been built.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createContextSet } from '../../../server/src/kbuild/contexts';
import { percent, runMakePq, variableAgreement } from './agreement';
import { fsHost } from './fsHost';

const src = join(process.env.KBUILD_CORPUS ?? join(homedir(), '.cache/kbuild-corpus'), 'linux-6.1');
const skip = existsSync(join(src, 'build-tiny/.build-ok')) ? false : 'kernel corpus not built (test/helpers/kernel.ts)';
const env = { PATH: '/usr/bin:/bin', LC_ALL: 'C', HOME: homedir() };

test('top context (make in the tinyconfig build dir) agrees with make -pq', { skip }, (t) => {
  const { host, stderr } = fsHost(env);
  const set = createContextSet({ root: src, host, env, buildDir: 'build-tiny' });
  const [spec] = set.contextsForFile(join(src, 'Makefile'));
  assert.equal(spec.id, 'top');
  assert.equal(spec.label, 'top Makefile (O=build-tiny)');
  const make = runMakePq(spec);
  stderr.length = 0;
  const ours = set.evaluate({ ...spec, flags: 'pq' }).result;
  const a = variableAgreement({ ev: ours, make, shellStderr: stderr });
  t.diagnostic(`top: ${percent(a)} of variables agree`);
  for (const d of [...a.mismatches, ...a.other]) t.diagnostic(d);
  assert.ok(a.equal / a.total >= 0.99, percent(a));
  assert.ok(a.total > 600);
});

test('sub-make context scripts/Makefile.build obj=kernel agrees with make -pq', { skip }, (t) => {
  const { host, stderr } = fsHost(env);
  const set = createContextSet({ root: src, host, env, buildDir: 'build-tiny' });
  const [spec] = set.contextsForFile(join(src, 'kernel/Makefile'));
  assert.equal(spec.id, 'dir:kernel');
  assert.deepEqual(spec.commandLine, ['obj=kernel', 'need-builtin=1', 'need-modorder=1']);
  assert.equal(spec.env.srctree, '..');
  assert.match(spec.env.KBUILD_CFLAGS, /-std=gnu11/);
  const make = runMakePq(spec);
  stderr.length = 0;
  const ours = set.evaluate({ ...spec, flags: 'pq' }).result;
  assert.equal(ours.stopped, null);
  const a = variableAgreement({ ev: ours, make, shellStderr: stderr });
  t.diagnostic(`obj=kernel: ${percent(a)} of variables agree`);
  for (const d of [...a.mismatches, ...a.other]) t.diagnostic(d);
  assert.ok(a.equal / a.total >= 0.99, percent(a));
  assert.ok(a.total > 500);
});

// A `make` first on PATH that records the environment and arguments of the
// sub-make for obj=kernel and runs the real make for every other call.
const RECORDER = `#!/bin/bash
for a in "$@"; do
  if [ "$a" = obj=kernel ]; then env -0 > "$KBE_DUMP"; printf '%s\\0' "$@" > "$KBE_DUMP.args"; exit 0; fi
done
exec -a make /usr/bin/make "$@"
`;

test('obj=kernel gets the environment and command line the real recursive build gives it', { skip }, (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kbuild-recorder-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'make'), RECORDER, { mode: 0o755 });
  const recEnv = { ...env, PATH: `${dir}:/usr/bin:/bin`, KBE_DUMP: join(dir, 'env') };
  // -n runs no recipe but those of $(MAKE): the descent top → obj=. → obj=kernel.
  const r = spawnSync('make', ['-n'], { cwd: join(src, 'build-tiny'), env: recEnv, encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(r.status, 0, r.stderr);
  const split = (file: string) => readFileSync(file, 'utf8').split('\0').filter(Boolean);
  const real = new Map(split(join(dir, 'env')).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  // bash's own (it sets BASH, which make exports as `bash`), and -n (ours runs without it).
  for (const name of ['PWD', 'SHLVL', '_', 'OLDPWD', 'BASH']) real.delete(name);
  real.set('MAKEFLAGS', (real.get('MAKEFLAGS') ?? '').replace(/^n/, ''));
  real.set('MFLAGS', (real.get('MFLAGS') ?? '').replace(/^-n/, '-'));
  const { host } = fsHost(recEnv);
  const set = createContextSet({ root: src, host, env: recEnv, buildDir: 'build-tiny' });
  const [spec] = set.contextsForFile(join(src, 'kernel/Makefile'));
  assert.deepEqual(['-f', spec.entry, ...spec.commandLine], split(join(dir, 'env.args')));
  const ours = new Map(Object.entries(spec.env));
  const diffs: string[] = [];
  for (const [name, value] of real) if (ours.get(name) !== value) diffs.push(`${name}: make ${JSON.stringify(value)} ≠ ours ${JSON.stringify(ours.get(name))}`);
  for (const name of ours.keys()) if (!real.has(name) && name !== 'BASH') diffs.push(`${name}: only in ours`);
  t.diagnostic(`${real.size} variables in the real environment, ${diffs.length} differ`);
  assert.deepEqual(diffs, []);
});

test('tools/perf/Makefile.perf (O= a temporary dir) agrees with make -pq', { skip }, (t) => {
  const out = mkdtempSync(join(tmpdir(), 'kbuild-perf-'));
  t.after(() => rmSync(out, { recursive: true, force: true }));
  const { host, stderr } = fsHost(env);
  const set = createContextSet({ root: src, host, env, buildDir: 'build-tiny', toolsCommandLine: [`O=${out}`] });
  const [spec] = set.contextsForFile(join(src, 'tools/perf/Makefile.config'));
  assert.equal(spec.id, 'tools:tools/perf');
  // Makefile.perf's first pass builds fixdep and re-runs itself: the context is that second make.
  assert.deepEqual(spec.commandLine, ['FIXDEP=1']);
  assert.match(spec.env.MAKEFLAGS, new RegExp(`O=${out}`));
  // Feature detection writes into the O= dir (FEATURE-DUMP): a first run, so that both sides then see the same files.
  runMakePq(spec);
  const make = runMakePq(spec);
  stderr.length = 0;
  const ours = set.evaluate({ ...spec, flags: 'pq' }).result;
  const a = variableAgreement({ ev: ours, make, shellStderr: stderr });
  t.diagnostic(`tools/perf: ${percent(a)} of variables agree`);
  for (const d of [...a.mismatches, ...a.other]) t.diagnostic(d);
  assert.ok(a.equal / a.total >= 0.99, percent(a));
  assert.ok(a.total > 300);
});
