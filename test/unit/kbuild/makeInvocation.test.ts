// Reading an expanded recipe line back into make's arguments: the way the
// directory and tools contexts learn how a sub-make is invoked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMakeInvocation } from '../../../server/src/kbuild/makeInvocation';

test('Kbuild descent: -f, obj= and friends, a continued line, the @ prefix', () => {
  const inv = parseMakeInvocation('@make -f ../scripts/Makefile.build obj=kernel \\\nneed-builtin=1 need-modorder=1 ', 'make');
  assert.deepEqual(inv, { directory: null, makefiles: ['../scripts/Makefile.build'], includeDirs: [], flags: '', longOptions: [], variables: ['obj=kernel', 'need-builtin=1', 'need-modorder=1'], goals: [] });
});

test('-C, -j N, long options, quoted words, goals; the shell command ends at an operator', () => {
  const inv = parseMakeInvocation(`make -C tools/perf -j 4 -s --no-print-directory O="/tmp/out dir" 'V=1' all install && echo done`, 'make');
  assert.equal(inv?.directory, 'tools/perf');
  assert.deepEqual([inv?.flags, inv?.longOptions, inv?.variables, inv?.goals], ['s', ['--no-print-directory'], ['O=/tmp/out dir', 'V=1'], ['all', 'install']]);
});

test('an environment assignment may come first; other commands are not make', () => {
  assert.deepEqual(parseMakeInvocation('FOO=1 make -f x.mk', 'make')?.makefiles, ['x.mk']);
  assert.equal(parseMakeInvocation('echo make -f x.mk', 'make'), undefined);
  assert.equal(parseMakeInvocation('/usr/bin/make -f x.mk', 'make'), undefined, '$(MAKE) expanded to another name');
});
