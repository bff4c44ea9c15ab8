// include through the host: relative to CURDIR, then -I directories;
// MAKEFILE_LIST; places of definitions in included files; missing files.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evalText, memHost } from './memHost';

const files = {
  '/w/Makefile': 'include rules.mk sub/deep.mk\n-include optional.mk\nTOP := $(MAKEFILE_LIST)\ninclude found-in-dir.mk\n',
  '/w/rules.mk': 'A = from rules\nall: ; @:\n',
  '/w/sub/deep.mk': 'B := $(lastword $(MAKEFILE_LIST))\ninclude sub/inner.mk\n',
  '/w/sub/inner.mk': 'C = inner\n',
  '/inc/found-in-dir.mk': 'D = via -I\n',
};

test('includes are read through the host, in order, with their places', () => {
  const ev = evalText('', { host: memHost(files), input: { includeDirs: ['/inc'] } });
  assert.equal(ev.stopped, null);
  assert.deepEqual(ev.makefiles, ['Makefile', 'rules.mk', 'sub/deep.mk', 'sub/inner.mk', '/inc/found-in-dir.mk']);
  assert.equal(ev.variables.get('TOP')?.value, 'Makefile rules.mk sub/deep.mk sub/inner.mk');
  assert.equal(ev.variables.get('B')?.value, 'sub/deep.mk');
  const c = ev.variables.get('C');
  assert.deepEqual([c?.loc?.file, c?.loc?.path, c?.loc?.line], ['sub/inner.mk', '/w/sub/inner.mk', 1]);
  const d = ev.variables.get('D');
  assert.deepEqual([d?.loc?.file, d?.loc?.path], ['found-in-dir.mk', '/inc/found-in-dir.mk']);
  assert.deepEqual(ev.diagnostics, []);
});

test('a missing include is make\'s "No such file or directory", and reading goes on', () => {
  const ev = evalText('A = 1\ninclude nope.mk\n-include nope2.mk\nB = 2\n');
  assert.equal(ev.stopped, null);
  assert.equal(ev.variables.get('B')?.value, '2');
  const errors = ev.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors.map((d) => [d.message, d.loc?.line]), [['nope.mk: No such file or directory', 2]]);
});

test('every definition site is kept in order, across files and $(eval)', () => {
  const ev = evalText('X = 1\ninclude more.mk\nX += 3\n$(eval X += 4)\n', { files: { '/w/more.mk': 'X += 2\n' }, input: { commandLine: [] } });
  const x = ev.variables.get('X');
  assert.equal(x?.value, '1 2 3 4');
  assert.deepEqual(
    x?.definitions.map((d) => [d.loc?.file, d.loc?.line, d.op, d.loc?.inEval ?? false]),
    [
      ['Makefile', 1, '=', false],
      ['more.mk', 1, '+=', false],
      ['Makefile', 3, '+=', false],
      ['Makefile', 4, '+=', true],
    ],
  );
});

test('definitions ignored because of a stronger origin are kept, marked', () => {
  const ev = evalText('X = file\nX ?= cond\n', { input: { commandLine: ['X=cmd'] } });
  const x = ev.variables.get('X');
  assert.equal(x?.value, 'cmd');
  assert.deepEqual(x?.definitions.map((d) => [d.op, d.origin, d.effective]), [
    ['command line', 'command line', true],
    ['=', 'file', false],
    ['?=', 'file', false],
  ]);
});
