// Build contexts on the real kernel 6.1 tree with the tinyconfig build
// (no $(shell): the editor's default): which context each kind of make file
// gets, the directory chain of the recursive descent, list(), and that a
// directory context evaluates to the objects the build made.
import assert from 'node:assert/strict';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { createContextSet } from '../../server/src/kbuild/contexts';
import { createNodeHost } from '../../server/src/lsp/nodeHost';
import { kernelTinyBuild } from '../helpers/kernel';

const build = kernelTinyBuild();
const src = join(build, '..');
const set = createContextSet({ root: src, host: createNodeHost(), env: { PATH: '/usr/bin:/bin' }, buildDir: basename(build) });
const ids = (rel: string) => set.contextsForFile(join(src, rel)).map((s) => s.id);

test('the tree: source, tinyconfig build dir, ARCH from its .config', () => {
  assert.deepEqual(set.tree, { srcTree: src, buildDir: build, arch: 'x86' });
});

test('files map to the contexts that read them', () => {
  assert.deepEqual(ids('Makefile'), ['top']);
  assert.deepEqual(ids('arch/x86/Makefile'), ['top'], 'included by the top Makefile; arch/x86/Kbuild is the directory makefile');
  assert.equal(ids('scripts/Kbuild.include')[0], 'top');
  assert.deepEqual(ids('Kbuild'), ['dir:.']);
  assert.deepEqual(ids('kernel/Makefile'), ['dir:kernel']);
  assert.deepEqual(ids('arch/x86/Kbuild'), ['dir:arch/x86']);
  set.evaluate(set.contextsForFile(join(src, 'kernel/Makefile'))[0]);
  assert.equal(ids('scripts/Makefile.lib')[0], 'dir:kernel', 'read by every directory: the one evaluated last first');
  assert.deepEqual(ids('tools/perf/util/Build'), ['tools:tools/perf']);
  assert.deepEqual(ids('tools/lib/bpf/Makefile'), ['tools:tools/lib/bpf']);
  assert.deepEqual(ids('Documentation/Makefile'), ['dir:Documentation']);
});

test('the descent: kernel/time runs from kernel, from ., from the top', () => {
  const [time] = set.contextsForFile(join(src, 'kernel/time/Makefile'));
  assert.deepEqual([time.parent, time.entry, time.cwd], ['dir:kernel', '../scripts/Makefile.build', build]);
  assert.deepEqual(time.commandLine, ['obj=kernel/time', 'need-builtin=1', 'need-modorder=1']);
  assert.equal(set.spec('dir:kernel')?.parent, 'dir:.');
  assert.equal(set.spec('dir:.')?.parent, 'top');
  assert.equal(set.spec('dir:arch/x86')?.parent, 'dir:.', 'obj-y += arch/$(SRCARCH)/ in the top Kbuild');
  assert.equal(time.env.MAKELEVEL, '3');
  const ev = set.evaluate(time).result;
  assert.equal(ev.stopped, null);
  for (const o of ['time.o', 'timer.o', 'hrtimer.o']) assert.ok(ev.variables.get('obj-y')?.value.split(/\s+/).includes(o), o);
});

test('list(): top, tools programs, every directory the build descended into', () => {
  const list = set.list();
  const listed = new Set(list.map((s) => s.id));
  assert.equal(list[0].id, 'top');
  for (const id of ['tools:tools/perf', 'tools:tools/objtool', 'dir:.', 'dir:kernel', 'dir:kernel/time', 'dir:arch/x86/kernel', 'dir:scripts/basic']) assert.ok(listed.has(id), id);
  assert.ok(!listed.has('dir:include') && !listed.has('dir:source'));
  assert.ok(list.filter((s) => s.kind === 'directory').length > 200);
});
