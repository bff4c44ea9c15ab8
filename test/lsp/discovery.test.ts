// Which files the server indexes: make file names, .gitignore (in a git
// work tree only), exclude globs, skipped directories; and the kernel tree
// when the corpus is there.
import assert from 'node:assert/strict';
import { existsSync, symlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import { discoverMakeFiles, isIgnoredFile, isMakeFileName, createIgnoreFilter } from '../../server/src/lsp/discovery';
import { enabledGlobs, globToRegExp } from '../../server/src/lsp/glob';
import { removeTree, writeTree } from './harness';

describe('make file names', () => {
  const cases: Array<[string, boolean]> = [
    ['Makefile', true],
    ['makefile', true],
    ['GNUmakefile', true],
    ['Kbuild', true],
    ['Makefile.build', true],
    ['arch/x86/Makefile.um', true],
    ['tools/lib/bpf/foo.mk', true],
    ['scripts/Kbuild.include', true],
    ['tools/scripts/Makefile.include', true],
    ['scripts/Kconfig.include', false],
    ['tools/perf/util/Build', true],
    ['tools/Build', true],
    ['drivers/Build', false],
    ['Kconfig', false],
    ['main.c', false],
    ['MakefileX', false],
  ];
  for (const [rel, expected] of cases) {
    test(`${rel} → ${expected}`, () => assert.equal(isMakeFileName(rel.split('/').pop()!, rel), expected));
  }
});

describe('exclude globs', () => {
  const cases: Array<[string, string, boolean]> = [
    ['**/.git', '.git', true],
    ['**/.git', 'a/b/.git', true],
    ['build-*/**', 'build-tiny', true],
    ['build-*/**', 'build-tiny/arch/Makefile', true],
    ['build-*/**', 'scripts/build-x', false],
    ['**/*.{o,ko}', 'drivers/a.ko', true],
    ['**/*.{o,ko}', 'drivers/a.c', false],
    ['out/', 'out', true],
    ['tools', 'tools', true],
    ['tools', 'x/tools', false],
    ['arch/[xa]*', 'arch/x86', true],
    ['arch/[!x]*', 'arch/x86', false],
    ['a?c', 'abc', true],
    ['a.c', 'abc', false],
  ];
  for (const [glob, path, expected] of cases) {
    test(`${glob} ${expected ? 'matches' : 'does not match'} ${path}`, () => assert.equal(globToRegExp(glob).test(path), expected));
  }
  test('files.exclude objects keep only the keys set to true', () => {
    assert.deepEqual(enabledGlobs({ '**/.git': true, '**/off': false, '**/when': { when: '$(basename).c' } }), ['**/.git']);
    assert.deepEqual(enabledGlobs(['a', 1, 'b']), ['a', 'b']);
    assert.deepEqual(enabledGlobs(undefined), []);
  });
});

describe('discoverMakeFiles', () => {
  const tree = {
    Makefile: '',
    'scripts/Kbuild.include': '',
    'scripts/Kconfig.include': '',
    'drivers/Kbuild': '',
    'drivers/Build': '',
    'tools/perf/Build': '',
    'tools/perf/Makefile.perf': '',
    'lib/rules.mk': '',
    'lib/main.c': '',
    'node_modules/x/Makefile': '',
    '.git/HEAD': '',
    '.gitignore': 'generated/\n*.mk\n',
    'generated/Makefile': '',
    'out/Makefile': '',
  };
  const roots: string[] = [];
  after(() => roots.forEach(removeTree));
  const found = async (files: Record<string, string>, exclude: string[] = []) => {
    const root = writeTree(files);
    roots.push(root);
    return (await discoverMakeFiles({ root, exclude })).map((p) => relative(root, p));
  };

  test('in a git work tree: the root .gitignore and exclude globs apply', async () => {
    assert.deepEqual(await found(tree, ['out']), [
      'Makefile',
      'drivers/Kbuild',
      'scripts/Kbuild.include',
      'tools/perf/Build',
      'tools/perf/Makefile.perf',
    ]);
  });

  test('without .git the .gitignore is ignored (Debian source trees ship one that ignores /*)', async () => {
    const { ['.git/HEAD']: _git, ...noGit } = tree;
    const files = await found({ ...noGit, '.gitignore': '/*\n' });
    assert.deepEqual(files, [
      'Makefile',
      'drivers/Kbuild',
      'generated/Makefile',
      'lib/rules.mk',
      'out/Makefile',
      'scripts/Kbuild.include',
      'tools/perf/Build',
      'tools/perf/Makefile.perf',
    ]);
  });

  test('symlinked directories are not followed', async () => {
    const root = writeTree({ 'a/Makefile': '' });
    roots.push(root);
    symlinkSync(root, join(root, 'a', 'loop'));
    assert.deepEqual((await discoverMakeFiles({ root })).map((p) => relative(root, p)), ['a/Makefile']);
  });

  test('isIgnoredFile tests the directories above a file', async () => {
    const root = writeTree({ '.git/HEAD': '', '.gitignore': 'gen/\n' });
    roots.push(root);
    const filter = await createIgnoreFilter({ root, exclude: ['**/out'] });
    assert.equal(isIgnoredFile(filter, 'gen/sub/Makefile'), true);
    assert.equal(isIgnoredFile(filter, 'a/out/Makefile'), true);
    assert.equal(isIgnoredFile(filter, 'node_modules/Makefile'), true);
    assert.equal(isIgnoredFile(filter, 'src/Makefile'), false);
  });

  const kernel = join(process.env.KBUILD_CORPUS ?? join(homedir(), '.cache/kbuild-corpus'), 'linux-6.1');
  test('the kernel 6.1 tree: about 3,050 make files, quickly', { skip: !existsSync(join(kernel, 'Makefile')) }, async () => {
    const started = performance.now();
    const files = await discoverMakeFiles({ root: kernel, exclude: ['build-*/**'] });
    const ms = performance.now() - started;
    assert.ok(files.length > 3000 && files.length < 3100, `${files.length} files`);
    assert.ok(files.includes(join(kernel, 'scripts/Kbuild.include')));
    assert.ok(files.includes(join(kernel, 'tools/perf/util/Build')));
    assert.ok(!files.includes(join(kernel, 'scripts/Kconfig.include')));
    // ~0.4 s on an idle 2-core machine; the bound only catches a walk gone quadratic or stat-heavy.
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms`);
  });
});
