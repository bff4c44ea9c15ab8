// The rdeps / why / cmd handlers, called in-process on a build tree written
// into a temp dir (srctree with an O= build dir inside, like the corpus).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { cmdCommand, rdepsCommand, whyCommand } from '../../../server/src/cli/cmdfiles';
import { cmdText } from './memoryHost';

const T0 = 1_700_000_000;
let root: string;
let build: string;

function write(path: string, text: string, time = T0): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  utimesSync(path, time, time);
}

function configure(dir: string): void {
  write(join(dir, '.config'), 'CONFIG_SMP=y\n');
  write(join(dir, 'include/config/auto.conf'), 'CONFIG_SMP=y\n');
  write(join(dir, 'Makefile'), 'include ../Makefile\n');
}

/** Runs a handler with the current directory set to `cwd`. */
async function inDir<T>(cwd: string, run: () => Promise<T>): Promise<T> {
  const old = process.cwd();
  process.chdir(cwd);
  try {
    return await run();
  } finally {
    process.chdir(old);
  }
}

describe('CLI: rdeps, why, cmd', () => {
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'kbuild-cmdcli-'));
    build = join(root, 'build');
    write(join(root, 'Makefile'), 'VERSION = 6\n');
    write(join(root, 'include/linux/kernel.h'), '');
    write(join(root, 'init/main.c'), '');
    write(join(root, 'kernel/fork.c'), '');
    configure(build);
    const objects = [
      { target: 'init/main.o', source: '../init/main.c', deps: ['../include/linux/kernel.h'], configs: ['SMP'] },
      { target: 'kernel/fork.o', source: '../kernel/fork.c', deps: ['../include/linux/kernel.h'], configs: [] },
    ];
    for (const o of objects) {
      const file = join(build, dirname(o.target), `.${o.target.split('/').pop()}.cmd`);
      write(file, cmdText({ ...o, command: `gcc -c -o ${o.target} ${o.source}` }), T0 + 100);
      write(join(build, o.target), 'ELF', T0 + 100);
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('rdeps of a header, from the source tree, build dir found below', async () => {
    const r = await inDir(root, () => rdepsCommand(['include/linux/kernel.h']));
    assert.deepEqual(r, { stdout: 'init/main.o\nkernel/fork.o\n', exitCode: 0 });
  });

  test('rdeps --json, and of a CONFIG symbol', async () => {
    const r = await rdepsCommand([join(root, 'include/linux/kernel.h'), '--build', build, '--json']);
    assert.deepEqual(JSON.parse(r.stdout), { buildDir: build, path: join(root, 'include/linux/kernel.h'), objects: ['init/main.o', 'kernel/fork.o'] });
    const c = await rdepsCommand(['CONFIG_SMP', '--build', build]);
    assert.deepEqual(c, { stdout: 'init/main.o\n', exitCode: 0 });
  });

  test('rdeps of something nothing depends on: exit 1', async () => {
    assert.deepEqual(await rdepsCommand(['include/linux/none.h', '--build', build]), { stdout: '', exitCode: 1 });
  });

  test('usage errors', async () => {
    assert.equal((await rdepsCommand([])).exitCode, 2);
    assert.equal((await whyCommand(['a.o', '--bogus'])).exitCode, 2);
    assert.equal((await cmdCommand(['a.o', '--build', join(root, 'nope')])).exitCode, 2);
    mkdirSync(join(root, 'empty'));
    const none = await inDir(join(root, 'empty'), () => whyCommand(['a.o']));
    assert.equal(none.exitCode, 2);
    assert.match(none.stderr ?? '', /no build dir/);
  });

  test('why, from inside the build dir; then after touching the header', async () => {
    const before = await inDir(build, () => whyCommand(['init/main.o']));
    assert.equal(before.stdout, 'init/main.o: up to date (command line not compared: needs the makefile)\n');
    utimesSync(join(root, 'include/linux/kernel.h'), T0 + 200, T0 + 200);
    try {
      const after = await inDir(join(build, 'init'), () => whyCommand(['main.o']));
      assert.equal(after.stdout, 'init/main.o: rebuild (command line not compared: needs the makefile)\n  - newer prerequisites: ../include/linux/kernel.h\n');
      const json = JSON.parse((await whyCommand(['init/main.o', '--build', build, '--json'])).stdout);
      assert.deepEqual(json.reasons, [{ kind: 'newer-prerequisites', paths: [join(root, 'include/linux/kernel.h')] }]);
    } finally {
      utimesSync(join(root, 'include/linux/kernel.h'), T0, T0);
    }
  });

  test('why of an object without .cmd file', async () => {
    write(join(build, 'init/stray.o'), '', T0 + 100);
    const r = await whyCommand(['init/stray.o', '--build', build]);
    assert.equal(r.stdout, 'init/stray.o: rebuild\n  - no saved command (.cmd file missing or without cmd_ line)\n');
  });

  test('cmd: the saved command, source and counts', async () => {
    const r = await cmdCommand(['init/main.o', '--build', build]);
    assert.equal(r.stdout, [
      'target:  init/main.o',
      'cmdfile: init/.main.o.cmd',
      'source:  ../init/main.c',
      'deps:    1 files, 1 CONFIG options',
      'command: gcc -c -o init/main.o ../init/main.c',
      '',
    ].join('\n'));
    const json = JSON.parse((await cmdCommand(['init/main.o', '--build', build, '--json'])).stdout);
    assert.equal(json.command, 'gcc -c -o init/main.o ../init/main.c');
    assert.equal(json.depCount, 1);
    assert.equal((await cmdCommand(['init/none.o', '--build', build])).exitCode, 2);
  });

  test('two build dirs below: --build is required', async () => {
    configure(join(root, 'build2'));
    try {
      const r = await inDir(root, () => rdepsCommand(['include/linux/kernel.h']));
      assert.equal(r.exitCode, 2);
      assert.match(r.stderr ?? '', /several build dirs/);
    } finally {
      rmSync(join(root, 'build2'), { recursive: true, force: true });
    }
  });
});
