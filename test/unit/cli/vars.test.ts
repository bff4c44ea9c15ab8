// `kbuild-analyzer vars`: variables of an invocation given the way make
// takes it, as JSON rows that line up with `make -p` (flavor, origin, file,
// line); $(shell) only with --shell; --context for a kernel-shaped tree.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseMakeDatabase } from '../../../server/src/eval/makeDatabase';
import { varsCommand, type VarRow } from '../../../server/src/cli/vars';

const dir = mkdtempSync(join(tmpdir(), 'kbuild-vars-'));
after(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'rules.mk'), ['A = $(B) two', 'B := one', 'C ?= $(shell echo hi)', 'D += $(X)', 'include inc.mk', ''].join('\n'));
writeFileSync(join(dir, 'inc.mk'), 'E = from-inc\n');

async function vars(argv: string[]): Promise<VarRow[]> {
  const r = await varsCommand(argv);
  assert.equal(r.exitCode, 0, r.stderr);
  return JSON.parse(r.stdout) as VarRow[];
}

test('rows for -C DIR -f FILE NAME=VALUE, as make -p places them', async () => {
  const rows = await vars(['-C', dir, '-f', 'rules.mk', 'X=cmd', '--names', 'A,C,D,E,X,NOPE']);
  const by = new Map(rows.map((r) => [r.name, r]));
  assert.deepEqual([...by.keys()], ['A', 'C', 'D', 'E', 'X']);
  assert.deepEqual(by.get('A'), { name: 'A', flavor: 'recursive', origin: 'file', file: 'rules.mk', line: 1, value: 'one two', raw: '$(B) two' });
  assert.equal(by.get('C')?.value, '«unknown»', 'no --shell: nothing runs');
  assert.deepEqual([by.get('D')?.value, by.get('E')?.file, by.get('X')?.origin], ['cmd', 'inc.mk', 'command line']);
  const make = spawnSync('make', ['-pq', '-f', 'rules.mk', 'X=cmd'], { cwd: dir, encoding: 'utf8' });
  const db = new Map(parseMakeDatabase(make.stdout).variables.map((v) => [v.name, v]));
  for (const r of rows) {
    const m = db.get(r.name);
    assert.deepEqual([r.flavor, r.origin, r.file, r.line], [m?.flavor, m?.origin, m?.loc?.file ?? null, m?.loc?.line ?? null], r.name);
  }
});

test('--shell runs $(shell); a missing -f reads the directory Makefile', async () => {
  assert.equal((await vars(['-C', dir, '-f', 'rules.mk', '--shell', '--names', 'C']))[0].value, 'hi');
  const sub = join(dir, 'plain');
  mkdirSync(sub);
  writeFileSync(join(sub, 'Makefile'), 'P = $(CURDIR)\n');
  assert.equal((await vars(['-C', sub, '--names', 'P']))[0].value, sub);
});

test('--context of a kernel-shaped tree; usage errors', async () => {
  const k = join(dir, 'k');
  mkdirSync(join(k, 'scripts'), { recursive: true });
  mkdirSync(join(k, 'lib'));
  writeFileSync(join(k, 'Makefile'), 'VERSION = 1\nexport srctree := .\n__all: .\n.:\n\t$(MAKE) -f $(srctree)/scripts/Makefile.build obj=$@\n');
  writeFileSync(join(k, 'scripts', 'Makefile.build'), 'include $(srctree)/$(obj)/Makefile\nsubdir := $(patsubst %/,$(obj)/%,$(filter %/,$(obj-y)))\n$(obj)/: $(subdir)\n');
  writeFileSync(join(k, 'Makefile.tmp'), '');
  writeFileSync(join(k, 'lib', 'Makefile'), 'obj-y += a.o\nobj-$(CONFIG_X) += x.o\n');
  const rows = await vars(['-C', k, '--context', 'dir:lib', '--names', 'obj-y,obj-,obj,srctree']);
  assert.deepEqual(rows.map((r) => [r.name, r.value, r.origin]), [['obj-y', 'a.o', 'file'], ['obj-', 'x.o', 'file'], ['obj', 'lib', 'command line'], ['srctree', '.', 'environment']]);
  assert.equal((await varsCommand(['-C', dir, '--context', 'dir:lib'])).exitCode, 2, 'not a kernel tree');
  assert.equal((await varsCommand(['--bogus'])).exitCode, 2);
});
