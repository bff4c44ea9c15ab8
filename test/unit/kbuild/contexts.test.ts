// Build contexts on a small Kbuild-shaped tree held in memory: a top
// Makefile that descends with `$(MAKE) $(build)=.`, a Makefile.build that
// descends into obj-y directories, an O= build dir with auto.conf, a tools/
// program. Which contexts a file gets, how a directory's spec comes from its
// parent's recipe and environment, caching and invalidation, list().
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createContextSet } from '../../../server/src/kbuild/contexts';
import { memHost } from '../eval/memHost';

const SOURCE: Record<string, string> = {
  '/k/Makefile': [
    'VERSION = 1',
    'this-makefile := $(lastword $(MAKEFILE_LIST))',
    'srctree := $(patsubst %/,%,$(dir $(this-makefile)))',
    'export srctree',
    'include $(srctree)/scripts/Kbuild.include',
    '-include include/config/auto.conf',
    'export KBUILD_CFLAGS := -O2',
    'build-dir := .',
    '__all: $(build-dir)',
    '$(build-dir):',
    '\t$(Q)$(MAKE) $(build)=$@ need-builtin=1',
    '',
  ].join('\n'),
  '/k/scripts/Kbuild.include': 'build := -f $(srctree)/scripts/Makefile.build obj\n',
  '/k/scripts/Makefile.build': [
    'src := $(obj)',
    'obj-y :=',
    '-include include/config/auto.conf',
    'include $(srctree)/scripts/Kbuild.include',
    'kbuild-dir := $(srctree)/$(src)',
    'include $(or $(wildcard $(kbuild-dir)/Kbuild),$(kbuild-dir)/Makefile)',
    'include $(srctree)/scripts/Makefile.lib',
    '$(obj)/: $(subdir-ym)',
    '$(subdir-ym):',
    '\t$(Q)$(MAKE) $(build)=$@ \\',
    '\tneed-builtin=1',
    '',
  ].join('\n'),
  '/k/scripts/Makefile.lib': 'KBUILD_CFLAGS += $(subdir-ccflags-y)\nsubdir-ym := $(addprefix $(obj)/,$(patsubst %/,%,$(filter %/,$(obj-y))))\n',
  '/k/Kbuild': 'obj-y += kern/\n',
  '/k/kern/Makefile': 'obj-y += a.o\nobj-$(CONFIG_FOO) += foo.o sub/\nsubdir-ccflags-y := -DKERN\n',
  '/k/kern/sub/Makefile': 'obj-y += s.o\n',
  '/k/tools/foo/Makefile': 'X = 1\n',
};

const BUILD: Record<string, string> = {
  '/k/out/Makefile': 'include ../Makefile\n',
  '/k/out/.config': '#\n# Linux/x86 6.1.0 Kernel Configuration\nCONFIG_FOO=y\n',
  '/k/out/include/config/auto.conf': 'CONFIG_FOO=y\n',
  '/k/out/built-in.a': '',
  '/k/out/kern/built-in.a': '',
  '/k/out/kern/sub/.s.o.cmd': '',
};

const env = { PATH: '/usr/bin:/bin' };

function contexts(files: Record<string, string>, extra: { arch?: string } = {}) {
  return createContextSet({ root: '/k', host: memHost(files), env, ...extra });
}

test('the tree, the build dir and ARCH are detected', () => {
  const set = contexts({ ...SOURCE, ...BUILD });
  assert.deepEqual(set.tree, { srcTree: '/k', buildDir: '/k/out', arch: 'x86' });
  const [top] = set.contextsForFile('/k/Makefile');
  assert.deepEqual([top.id, top.label, top.entry, top.cwd, top.configKnown], ['top', 'top Makefile (O=out)', 'Makefile', '/k/out', true]);
  // No host shell: ARCH goes on the command line instead of coming from `uname -m`.
  assert.deepEqual(top.commandLine, ['ARCH=x86']);
});

test('a directory context is the recipe that descends into it, with the environment that recipe gets', () => {
  const set = contexts({ ...SOURCE, ...BUILD });
  const [kern] = set.contextsForFile('/k/kern/Makefile');
  assert.deepEqual([kern.id, kern.label, kern.kind, kern.entry, kern.cwd, kern.parent], ['dir:kern', 'scripts/Makefile.build obj=kern', 'directory', '../scripts/Makefile.build', '/k/out', 'dir:.']);
  assert.deepEqual(kern.commandLine, ['obj=kern', 'need-builtin=1']);
  // obj=.'s Makefile.lib appended an empty $(subdir-ccflags-y) to the recursive environment value: make passes the blank on.
  assert.equal(kern.env.KBUILD_CFLAGS, '-O2 ');
  assert.equal(kern.env.srctree, '..');
  assert.equal(kern.env.MAKELEVEL, '2');
  const ev = set.evaluate(kern).result;
  assert.equal(ev.stopped, null);
  assert.equal(ev.variables.get('obj-y')?.value, 'a.o foo.o sub/');
  // Makefile.lib's `KBUILD_CFLAGS +=` on the inherited value reaches the next level down.
  const [sub] = set.contextsForFile('/k/kern/sub/Makefile');
  assert.equal(sub.env.KBUILD_CFLAGS, '-O2  -DKERN');
  assert.equal(sub.parent, 'dir:kern');
});

test('which contexts read a file, best first', () => {
  const set = contexts({ ...SOURCE, ...BUILD });
  const ids = (path: string) => set.contextsForFile(path).map((s) => s.id);
  assert.deepEqual(ids('/k/Makefile'), ['top']);
  assert.deepEqual(ids('/k/out/include/config/auto.conf'), ['top']);
  assert.deepEqual(ids('/k/Kbuild'), ['dir:.']);
  assert.deepEqual(ids('/k/scripts/Kbuild.include'), ['top']);
  assert.deepEqual(ids('/k/scripts/Makefile.lib'), ['dir:.'], 'read by every directory context: the top directory stands for them');
  set.evaluate(set.contextsForFile('/k/kern/Makefile')[0]);
  assert.deepEqual(ids('/k/scripts/Makefile.lib'), ['dir:kern', 'dir:.'], 'the directory evaluated last first');
  assert.deepEqual(ids('/k/scripts/Kbuild.include'), ['top', 'dir:kern', 'dir:.']);
  assert.deepEqual(ids('/k/tools/foo/Makefile'), ['tools:tools/foo']);
  assert.deepEqual(ids('/elsewhere/x.mk'), ['file:/elsewhere/x.mk']);
});

test('evaluations are cached until a file they read changes; directory specs follow their parent', () => {
  const set = contexts({ ...SOURCE, ...BUILD });
  const [kern] = set.contextsForFile('/k/kern/Makefile');
  const first = set.evaluate(kern);
  const top = set.evaluate(set.contextsForFile('/k/Makefile')[0]);
  assert.equal(set.evaluate(kern), first);
  set.invalidate(['/k/kern/Makefile']);
  assert.notEqual(set.evaluate(kern), first);
  assert.equal(set.evaluate(set.contextsForFile('/k/Makefile')[0]), top, 'the top did not read kern/Makefile');
  set.invalidate(['/k/Makefile']);
  assert.notEqual(set.contextsForFile('/k/kern/Makefile')[0], kern, 'derived again from the new top');
  assert.equal(set.evaluate(kern).spec.id, 'dir:kern', 'an old spec evaluates as its fresh derivation');
  set.invalidate(['/k/out/.config']);
  assert.notEqual(set.evaluate(set.contextsForFile('/k/Makefile')[0]), top);
});

test('list(): top, tools, the directories the build descended into', () => {
  const set = contexts({ ...SOURCE, ...BUILD });
  assert.deepEqual(set.list().map((s) => s.id), ['top', 'tools:tools/foo', 'dir:.', 'dir:kern', 'dir:kern/sub']);
});

test('without a configured build: the source tree, CONFIG_ values unknown', () => {
  const set = contexts(SOURCE, { arch: 'arm64' });
  assert.deepEqual(set.tree, { srcTree: '/k', arch: 'arm64' });
  const [kern] = set.contextsForFile('/k/kern/Makefile');
  assert.deepEqual([kern.cwd, kern.entry, kern.configKnown], ['/k', './scripts/Makefile.build', false]);
  const ev = set.evaluate(kern).result;
  assert.equal(ev.variables.get('obj-y')?.value, 'a.o');
  assert.equal(ev.variables.get('obj-')?.value, 'foo.o sub/');
  assert.deepEqual(set.list().map((s) => s.id), ['top', 'tools:tools/foo']);
});

test('not a kernel tree: every make file is its own context', () => {
  const set = createContextSet({ root: '/p', host: memHost({ '/p/Makefile': 'all: ; @:\n', '/p/sub/rules.mk': 'X = 1\n' }), env });
  assert.equal(set.tree, undefined);
  const [spec] = set.contextsForFile('/p/sub/rules.mk');
  assert.deepEqual([spec.id, spec.kind, spec.entry, spec.cwd], ['file:/p/sub/rules.mk', 'file', '/p/sub/rules.mk', '/p/sub']);
  assert.equal(set.evaluate(spec).result.variables.get('X')?.value, '1');
  assert.deepEqual(set.list(), []);
});
