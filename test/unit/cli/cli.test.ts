// The CLI as a child process (server/src/cli.ts through tsx): exit codes,
// JSON shapes, 1-based positions, the bundled example tree as the default.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

const repoRoot = resolve(__dirname, '..', '..', '..');
const cliTs = join(repoRoot, 'server', 'src', 'cli.ts');
/** tsx by URL: the child may run in a directory outside the repository. */
const tsx = pathToFileURL(join(repoRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

interface Run {
  stdout: string;
  stderr: string;
  code: number;
}

function cli(args: string[], cwd = repoRoot): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', tsx, cliTs, ...args], { cwd, encoding: 'utf8' }, (error, stdout, stderr) => {
      done({ stdout, stderr, code: error ? Number(error.code) : 0 });
    });
  });
}

const FIXTURE: Record<string, string> = {
  Makefile: 'VERSION = 1\ninclude scripts/Kbuild.include\nFOO := $(call helper,x)\nall:\n\t@echo $(FOO)\n',
  'scripts/Kbuild.include': 'helper = $(1)-helped\n',
  'sub/Kbuild': 'obj-y += a.o\nccflags-y := $(FOO)\n',
  'broken.mk': 'X = 1\nifeq (a,b)\nY = 2\n',
};

describe('kbuild-analyzer CLI', { timeout: 60_000 }, () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'kbuild-cli-'));
    for (const [rel, text] of Object.entries(FIXTURE)) {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), text);
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('no arguments and --help print the commands', async () => {
    for (const args of [[], ['--help']]) {
      const r = await cli(args);
      assert.equal(r.code, 0);
      for (const command of ['parse', 'symbols', 'definition', 'references']) assert.match(r.stdout, new RegExp(`^  ${command} `, 'm'));
    }
  });

  test('parse without a path checks the bundled example tree', async () => {
    const r = await cli(['parse']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.files, []);
    assert.equal(out.summary.files, 13);
    assert.equal(out.summary.errors, 0);
    assert.ok(out.summary.statements > 100);
  });

  test('parse reports errors with 1-based positions and exits 1', async () => {
    const r = await cli(['parse', 'broken.mk', 'Makefile'], root);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout);
    assert.equal(out.summary.files, 2);
    assert.ok(out.summary.errors >= 1);
    assert.equal(out.files.length, 1);
    assert.equal(out.files[0].file, 'broken.mk');
    const d = out.files[0].diagnostics[0];
    assert.equal(d.severity, 'error');
    assert.equal(typeof d.message, 'string');
    assert.ok(d.line >= 1 && d.col >= 1, JSON.stringify(d));
  });

  test('parse of a directory covers every make file under it', async () => {
    const out = JSON.parse((await cli(['parse', root])).stdout);
    assert.equal(out.summary.files, 4);
  });

  test('definition across files, from a kernel-shaped root found above the file', async () => {
    const r = await cli(['definition', 'Makefile:3:16'], root);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), [{ file: 'scripts/Kbuild.include', line: 1, col: 1, endLine: 1, endCol: 7 }]);
  });

  test('references with --root, declarations included', async () => {
    // From the repository: paths outside the current directory print absolute.
    const r = await cli(['references', '--root', root, join(root, 'sub/Kbuild:2:16')]);
    assert.equal(r.code, 0, r.stderr);
    const found = JSON.parse(r.stdout).map((l: { file: string; line: number; col: number }) => `${l.file.slice(root.length + 1)}:${l.line}:${l.col}`);
    assert.deepEqual(found, ['Makefile:3:1', 'Makefile:5:10', 'sub/Kbuild:2:16']);
  });

  test('symbols without a file lists the example top Makefile', async () => {
    const r = await cli(['symbols']);
    assert.equal(r.code, 0, r.stderr);
    const names = JSON.parse(r.stdout).map((s: { name: string }) => s.name);
    for (const name of ['VERSION', 'prepare', 'prepare0', 'archprepare']) assert.ok(names.includes(name), `${name} in ${names}`);
  });

  test('bad usage exits 2 with a message on stderr', async () => {
    for (const args of [['definition', 'Makefile'], ['nosuchcommand'], ['parse', '--bogus'], ['definition', 'missing.mk:1:1']]) {
      const r = await cli(args, root);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}`);
      assert.match(r.stderr, /^kbuild-analyzer: /);
    }
  });
});
