// The store and its reverse indexes over in-memory build trees: discovery,
// path resolution against the build dir, CONFIG index, incremental updates
// checked against a fresh load.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addCmdText,
  configsOf,
  depsOf,
  findCmdFiles,
  loadCmdStore,
  objectInfo,
  objectsForConfig,
  rebuiltBy,
  removeCmdFile,
  storeStats,
  updateCmdFile,
  type CmdStore,
} from '../../../server/src/cmdfiles';
import { reverseGet } from '../../../server/src/cmdfiles/store';
import { cmdText, memoryHost } from './memoryHost';

const SRC = '/k';
const B = '/k/build';

function tree(): Record<string, string> {
  return {
    [`${B}/.config`]: 'CONFIG_SMP=y\n',
    [`${B}/include/config/auto.conf`]: 'CONFIG_SMP=y\n',
    [`${B}/include/config/auto.conf.cmd`]: 'deps_config := \\\n  Kconfig\n',
    [`${B}/init/.main.o.cmd`]: cmdText({
      target: 'init/main.o',
      source: '../init/main.c',
      deps: ['../include/linux/kernel.h', '../include/linux/init.h', 'include/generated/autoconf.h'],
      configs: ['SMP', 'PREEMPT'],
    }),
    [`${B}/init/main.o`]: 'ELF',
    [`${B}/kernel/.fork.o.cmd`]: cmdText({
      target: 'kernel/fork.o',
      source: '../kernel/fork.c',
      deps: ['../include/linux/kernel.h', './include/generated/autoconf.h', '../kernel/../include/linux/sched.h'],
      configs: ['SMP'],
    }),
    [`${B}/arch/x86/boot/.voffset.h.cmd`]: cmdText({ target: 'arch/x86/boot/compressed/../voffset.h', command: 'nm vmlinux > $$@' }),
    [`${B}/.vmlinux.cmd`]: cmdText({ target: 'vmlinux', deps: [], configs: ['KALLSYMS'] }),
    // Not .cmd files of targets: not hidden, or not ending in .cmd.
    [`${B}/init/main.cmd`]: 'cmd_bogus := x\n',
    [`${B}/init/.main.o.d`]: 'init/main.o: ../init/main.c\n',
    // The O= dir's link back to the source tree must not be walked.
    [`${B}/source/init/.stray.o.cmd`]: cmdText({ target: 'init/stray.o' }),
    [`${SRC}/include/linux/kernel.h`]: '',
  };
}

const abs = (p: string): string => `${B}/${p}`;
const resolvePathIn = (p: string): string => (p.startsWith('../') ? `${SRC}/${p.slice(3)}` : abs(p));

describe('discovery', () => {
  test('finds hidden .cmd files at any depth, nothing else, not under source/', () => {
    const files = findCmdFiles({ host: memoryHost(tree()), buildDir: B });
    assert.deepEqual(files, [
      `${B}/.vmlinux.cmd`,
      `${B}/arch/x86/boot/.voffset.h.cmd`,
      `${B}/init/.main.o.cmd`,
      `${B}/kernel/.fork.o.cmd`,
    ]);
  });

  test('a missing build dir is an empty store, not an error', () => {
    const store = loadCmdStore({ host: memoryHost({}), buildDir: '/nowhere' });
    assert.equal(store.objects.size, 0);
  });
});

describe('store and reverse indexes', () => {
  const store = loadCmdStore({ host: memoryHost(tree()), buildDir: B });

  test('entries resolve against the build dir, normalized', () => {
    assert.deepEqual(depsOf(store, 'kernel/fork.o'), [
      `${SRC}/include/linux/kernel.h`,
      `${B}/include/generated/autoconf.h`,
      `${SRC}/include/linux/sched.h`,
    ]);
    assert.equal(objectInfo(store, abs('arch/x86/boot/voffset.h'))?.command, 'nm vmlinux > $@');
  });

  test('objectInfo: command, source, counts; a cmd_-only file has no deps', () => {
    const info = objectInfo(store, abs('init/main.o'));
    assert.ok(info);
    assert.equal(info.source, `${SRC}/init/main.c`);
    assert.equal(info.cmdFile, `${B}/init/.main.o.cmd`);
    assert.equal(info.command, 'gcc -c -o init/main.o ../init/main.c');
    assert.deepEqual([info.depCount, info.configCount, info.hasDeps], [3, 2, true]);
    assert.equal(objectInfo(store, 'arch/x86/boot/voffset.h')?.hasDeps, false);
    assert.equal(objectInfo(store, 'init/nothing.o'), undefined);
  });

  test('rebuiltBy: headers and sources, both spellings of a path', () => {
    assert.deepEqual(rebuiltBy(store, `${SRC}/include/linux/kernel.h`), [abs('init/main.o'), abs('kernel/fork.o')]);
    assert.deepEqual(rebuiltBy(store, '../include/linux/kernel.h'), [abs('init/main.o'), abs('kernel/fork.o')]);
    assert.deepEqual(rebuiltBy(store, abs('include/generated/autoconf.h')), [abs('init/main.o'), abs('kernel/fork.o')]);
    assert.deepEqual(rebuiltBy(store, `${SRC}/include/linux/sched.h`), [abs('kernel/fork.o')]);
    assert.deepEqual(rebuiltBy(store, `${SRC}/init/main.c`), [abs('init/main.o')]);
    assert.deepEqual(rebuiltBy(store, `${SRC}/include/linux/absent.h`), []);
  });

  test("rebuiltBy: objtool's optional prerequisite, after a load and after updates", () => {
    const host = memoryHost(tree());
    const fork = `${B}/kernel/.fork.o.cmd`;
    const objtool = (text: string) => `${text}\nkernel/fork.o: $(wildcard ./tools/objtool/objtool)\n`;
    host.files.set(fork, objtool(host.files.get(fork) as string));
    const loaded = loadCmdStore({ host, buildDir: B });
    assert.deepEqual(rebuiltBy(loaded, abs('tools/objtool/objtool')), [abs('kernel/fork.o')]);
    assert.equal(loaded.diagnostics.get(fork), undefined);
    const main = `${B}/init/.main.o.cmd`;
    host.files.set(main, objtool(cmdText({ target: 'init/main.o', source: '../init/main.c', deps: ['./tools/objtool/objtool'] })).replace('kernel/fork.o:', 'init/main.o:'));
    updateCmdFile({ store: loaded, host, cmdFile: main });
    host.files.set(fork, cmdText({ target: 'kernel/fork.o', source: '../kernel/fork.c' }));
    updateCmdFile({ store: loaded, host, cmdFile: fork });
    assert.deepEqual(rebuiltBy(loaded, abs('tools/objtool/objtool')), [abs('init/main.o')]);
    assert.deepEqual(answers(loaded), answers(loadCmdStore({ host, buildDir: B })));
  });

  test('objectsForConfig with or without the CONFIG_ prefix', () => {
    assert.deepEqual(objectsForConfig(store, 'CONFIG_SMP'), [abs('init/main.o'), abs('kernel/fork.o')]);
    assert.deepEqual(objectsForConfig(store, 'PREEMPT'), [abs('init/main.o')]);
    assert.deepEqual(objectsForConfig(store, 'CONFIG_KALLSYMS'), [abs('vmlinux')]);
    assert.deepEqual(objectsForConfig(store, 'CONFIG_NOPE'), []);
    assert.deepEqual(configsOf(store, 'init/main.o'), ['CONFIG_SMP', 'CONFIG_PREEMPT']);
  });

  test('stats', () => {
    assert.deepEqual(storeStats(store), {
      cmdFiles: 4,
      objects: 4,
      objectsWithDeps: 3,
      depPaths: 4,
      configs: 3,
      depEntries: 6,
      configEntries: 4,
      filesWithDiagnostics: 0,
    });
  });
});

describe('path spellings', () => {
  test('every way fixdep or a person may write a path lands on one id', () => {
    const store = loadCmdStore({
      host: memoryHost({
        [`${B}/.a.o.cmd`]: cmdText({
          target: 'a.o',
          deps: ['../include/x.h', './../include/x.h', '../../k/include/x.h', '/k/include/x.h', 'sub/../../include/x.h', '../../../../up.h', '/abs//dir/./y.h', 'gen//z.h'],
        }),
      }),
      buildDir: `${B}/`,
    });
    assert.deepEqual(depsOf(store, 'a.o'), [
      ...Array(5).fill(`${SRC}/include/x.h`),
      '/up.h',
      '/abs/dir/y.h',
      `${B}/gen/z.h`,
    ]);
    assert.deepEqual(rebuiltBy(store, `${SRC}/include/x.h`), [abs('a.o')]);
    assert.equal(storeStats(store).depPaths, 4);
  });
});

describe('odd files in a store', () => {
  test('a file describing a target that lives elsewhere is kept, with a warning', () => {
    const store = loadCmdStore({
      host: memoryHost({ [`${B}/init/.main.o.cmd`]: cmdText({ target: 'init/other.o' }) }),
      buildDir: B,
    });
    assert.ok(objectInfo(store, 'init/other.o'));
    assert.deepEqual(store.diagnostics.get(`${B}/init/.main.o.cmd`)?.map((d) => d.message), [
      `target '${B}/init/other.o' belongs in ${B}/init/.other.o.cmd`,
    ]);
  });

  test('a NUL in a line that earlier files make look copyable still refuses the file', () => {
    const deps = ['../include/linux/a.h', '../include/linux/b.h', '../include/linux/c.h'];
    const files = {
      [`${B}/.a.o.cmd`]: cmdText({ target: 'a.o', deps }),
      [`${B}/.b.o.cmd`]: cmdText({ target: 'b.o', deps: [deps[0], '../include/linux/\0.h', deps[2]] }),
      [`${B}/.c.o.cmd`]: cmdText({ target: 'c.o', deps }),
    };
    const store = loadCmdStore({ host: memoryHost(files), buildDir: B });
    assert.equal(objectInfo(store, 'b.o'), undefined);
    assert.deepEqual(store.diagnostics.get(`${B}/.b.o.cmd`)?.map((d) => d.message), ['binary data in .cmd file: not read']);
    assert.deepEqual(depsOf(store, 'c.o'), deps.map((d) => resolvePathIn(d)));
  });

  test('an empty or binary file is counted, gives a diagnostic and no object', () => {
    const store = loadCmdStore({ host: memoryHost({ [`${B}/.a.o.cmd`]: '', [`${B}/.b.o.cmd`]: 'x\0y' }), buildDir: B });
    assert.equal(store.objects.size, 0);
    assert.equal(storeStats(store).cmdFiles, 2);
    assert.equal(store.diagnostics.size, 2);
  });

  test('an entry listed twice in one file is one reverse edge', () => {
    const store = loadCmdStore({
      host: memoryHost({ [`${B}/.a.o.cmd`]: cmdText({ target: 'a.o', deps: ['x.h', 'x.h'], configs: ['A', 'A'] }) }),
      buildDir: B,
    });
    assert.deepEqual(Array.from(reverseGet(store.dependents, store.paths.ids.get(abs('x.h'))!) ?? []), [store.paths.ids.get(abs('a.o'))]);
    removeCmdFile(store, `${B}/.a.o.cmd`);
    assert.deepEqual(rebuiltBy(store, 'x.h'), []);
    assert.deepEqual(objectsForConfig(store, 'A'), []);
  });
});

describe('lines predicted from earlier files', () => {
  test('a line that gave a warning gives it again in the next file', () => {
    const text = (t: string): string => `cmd_${t} := cc\n\ndeps_${t} := \\\n  a.h \\\n  b.h $(bogus) \\\n  c.h \\\n\n${t}: $(deps_${t})\n\n$(deps_${t}):\n`;
    const store = loadCmdStore({ host: memoryHost({ [`${B}/.x.o.cmd`]: text('x.o'), [`${B}/.y.o.cmd`]: text('y.o') }), buildDir: B });
    for (const file of ['.x.o.cmd', '.y.o.cmd']) {
      assert.deepEqual(store.diagnostics.get(`${B}/${file}`)?.map((d) => d.message), ["unexpected entry '$(bogus)' in deps_ list (ignored)"], file);
    }
    assert.deepEqual(depsOf(store, 'y.o'), [abs('a.h'), abs('b.h'), abs('c.h')]);
  });

  test('entries that differ only where a quick look does not: every file gets its own', () => {
    // Same length, same end, same middle: only a full compare tells these lines apart.
    const names = Array.from({ length: 16 }, (_, i) => `h${'abcd'[i >> 2]}${'wxyz'[i & 3]}/common-middle-part/tail.h`);
    let seed = 7;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >>> 16) % n;
    const files: Record<string, string> = {};
    const expected = new Map<string, string[]>();
    for (let f = 0; f < 60; f++) {
      // Mostly one order, with swaps and alternatives, as fixdep writes them.
      const deps = names.filter(() => rand(4) !== 0);
      for (let k = rand(3); k > 0; k--) {
        const i = rand(deps.length);
        const j = rand(deps.length);
        [deps[i], deps[j]] = [deps[j], deps[i]];
      }
      const target = `o${f}.o`;
      files[`${B}/.${target}.cmd`] = cmdText({ target, deps, configs: rand(2) ? ['A'] : [] });
      expected.set(target, deps.map(abs));
    }
    const store = loadCmdStore({ host: memoryHost(files), buildDir: B });
    for (const [target, deps] of expected) assert.deepEqual(depsOf(store, target), deps, target);
  });

  test('lines last seen many files ago, or before the load ended, are still told apart', () => {
    // Runs are copied from the last 32 files read (by the load or by
    // updates); lines seen only before those are read one by one.
    const like = (c: string): string => `h${c}x/common-middle-part/tail.h`;
    const first = ['a', 'b', 'c', 'd', 'e', 'f'].map(like);
    const files: Record<string, string> = { [`${B}/.o0.o.cmd`]: cmdText({ target: 'o0.o', deps: first }) };
    for (let f = 1; f <= 40; f++) files[`${B}/.o${f}.o.cmd`] = cmdText({ target: `o${f}.o`, deps: [`x/other${f % 3}.h`, 'x/same.h'] });
    // The chain predicts `b` and `e`: only a full compare sees `B` and `E`.
    const changed = [like('a'), like('B'), like('c'), like('d'), like('E'), like('f')];
    files[`${B}/.o41.o.cmd`] = cmdText({ target: 'o41.o', deps: changed });
    files[`${B}/.o42.o.cmd`] = cmdText({ target: 'o42.o', deps: first });
    const host = memoryHost(files);
    const store = loadCmdStore({ host, buildDir: B });
    assert.deepEqual(depsOf(store, 'o41.o'), changed.map(abs));
    assert.deepEqual(depsOf(store, 'o42.o'), first.map(abs));
    // An update after the load copies runs from the last files the load read, and from its own earlier version.
    files[`${B}/.o42.o.cmd`] = cmdText({ target: 'o42.o', deps: [like('a'), like('b'), like('C'), like('d'), like('e'), like('F')] });
    updateCmdFile({ store, host: memoryHost(files), cmdFile: `${B}/.o42.o.cmd` });
    assert.deepEqual(depsOf(store, 'o42.o'), [like('a'), like('b'), like('C'), like('d'), like('e'), like('F')].map(abs));
    // The texts kept are those of the last 32 files read, no more.
    const kept = new Set(store.entries.recent.map((lines) => lines.text).filter((t) => t !== ''));
    assert.equal(kept.size, 32);
    assert.ok(kept.has(files[`${B}/.o42.o.cmd`]));
  });
});

/** Every query answer of a store, for comparing an updated store with a fresh load. */
function answers(store: CmdStore): unknown {
  const objects = [...store.objects.values()].map((o) => store.paths.names[o.target]).sort();
  const byPath = store.paths.names.map((p) => [p, rebuiltBy(store, p)]).filter(([, v]) => v.length > 0);
  const byConfig = store.configs.names.map((c) => [c, objectsForConfig(store, c)]).filter(([, v]) => v.length > 0);
  return {
    objects: objects.map((o) => ({ ...objectInfo(store, o), deps: depsOf(store, o), configs: configsOf(store, o) })),
    byPath: byPath.sort(),
    byConfig: byConfig.sort(),
    stats: storeStats(store),
  };
}

describe('incremental updates', () => {
  test('rewritten, deleted and new .cmd files: the store equals a fresh load', () => {
    const host = memoryHost(tree());
    const store = loadCmdStore({ host, buildDir: B });
    const main = `${B}/init/.main.o.cmd`;
    host.files.set(main, cmdText({ target: 'init/main.o', source: '../init/main.c', deps: ['../include/linux/init.h', '../include/linux/new.h'], configs: ['NEW'] }));
    updateCmdFile({ store, host, cmdFile: main });
    assert.deepEqual(rebuiltBy(store, `${SRC}/include/linux/kernel.h`), [abs('kernel/fork.o')]);
    assert.deepEqual(rebuiltBy(store, `${SRC}/include/linux/new.h`), [abs('init/main.o')]);
    assert.deepEqual(objectsForConfig(store, 'PREEMPT'), []);
    assert.deepEqual(objectsForConfig(store, 'NEW'), [abs('init/main.o')]);

    host.files.delete(`${B}/kernel/.fork.o.cmd`);
    updateCmdFile({ store, host, cmdFile: `${B}/kernel/.fork.o.cmd` });
    host.files.set(`${B}/mm/.slab.o.cmd`, cmdText({ target: 'mm/slab.o', source: '../mm/slab.c', deps: ['../include/linux/kernel.h'] }));
    updateCmdFile({ store, host, cmdFile: 'mm/.slab.o.cmd' });
    assert.deepEqual(rebuiltBy(store, `${SRC}/include/linux/kernel.h`), [abs('mm/slab.o')]);

    assert.deepEqual(answers(store), answers(loadCmdStore({ host, buildDir: B })));
  });

  test('many random rewrites keep the indexes exact', () => {
    const headers = Array.from({ length: 12 }, (_, i) => `../include/h${i}.h`);
    const files: Record<string, string> = {};
    const host = memoryHost(files);
    const store = loadCmdStore({ host, buildDir: B });
    let seed = 42;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >>> 16) % n;
    for (let step = 0; step < 300; step++) {
      const cmdFile = `${B}/d${rand(3)}/.o${rand(8)}.o.cmd`;
      const target = cmdFile.slice(B.length + 1).replace(/\.(o\d)\.o\.cmd$/, '$1.o').replace('/.', '/');
      if (rand(5) === 0) host.files.delete(cmdFile);
      else {
        const pick = (list: string[]): string[] => list.filter(() => rand(3) === 0);
        host.files.set(cmdFile, cmdText({ target, source: `../${target.replace(/\.o$/, '.c')}`, deps: pick(headers), configs: pick(['A', 'B', 'C', 'D']) }));
      }
      updateCmdFile({ store, host, cmdFile });
    }
    assert.ok(store.objects.size > 5);
    assert.deepEqual(answers(store), answers(loadCmdStore({ host, buildDir: B })));
  });

  test('addCmdText replaces what the same file said before', () => {
    const store = loadCmdStore({ host: memoryHost({}), buildDir: B });
    addCmdText({ store, cmdFile: '.a.o.cmd', text: cmdText({ target: 'a.o', deps: ['x.h'] }) });
    addCmdText({ store, cmdFile: '.a.o.cmd', text: cmdText({ target: 'a.o', deps: ['y.h'] }) });
    assert.deepEqual(rebuiltBy(store, 'x.h'), []);
    assert.deepEqual(rebuiltBy(store, 'y.h'), [abs('a.o')]);
  });
});
