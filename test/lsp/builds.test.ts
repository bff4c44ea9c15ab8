// The .cmd index through the server: hover on obj-y words, the CodeLens on a
// header, and the What Rebuilds / Why Rebuild requests, on an in-tree build of ours.
import assert from 'node:assert/strict';
import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CodeLensRequest,
  DefinitionRequest,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  type DocumentSymbol,
  type Location,
  HoverRequest,
} from 'vscode-languageserver/node';
import { WHAT_REBUILDS_REQUEST, WHY_REBUILD_REQUEST, type WhatRebuildsResult, type WhyRebuildResult } from '../../server/src/protocol/builds';
import { removeTree, startOn, uriOf, writeTree, type TestClient } from './harness';

const MAKEFILE = 'VERSION = 6\nobj-y += foo.o\n';
const CMD = [
  'cmd_foo.o := gcc -Wall -c -o foo.o foo.c',
  '',
  'source_foo.o := foo.c',
  '',
  'deps_foo.o := \\',
  '  foo.h \\',
  '    $(wildcard include/config/FOO) \\',
  '',
  'foo.o: $(deps_foo.o)',
  '',
  '$(deps_foo.o):',
  '',
].join('\n');

describe('build dir features over stdio', { timeout: 60_000 }, () => {
  let root: string;
  let client: TestClient;

  before(async () => {
    root = writeTree({
      Makefile: MAKEFILE,
      '.config': 'CONFIG_FOO=y\n',
      'include/config/auto.conf': 'CONFIG_FOO=y\n',
      'foo.c': '#include "foo.h"\n',
      'foo.h': '#define FOO 1\n',
      'foo.o': '',
      '.foo.o.cmd': CMD,
    });
    const old = new Date('2020-01-01T00:00:00Z');
    for (const f of ['foo.c', 'foo.h', 'foo.o', '.foo.o.cmd', 'include/config/auto.conf', '.config']) utimesSync(join(root, f), old, old);
    client = await startOn(root);
    await client.waitFor('window/logMessage', (p) => /Build dir .*: 1 objects/.test(p.message));
  });

  after(async () => {
    client?.child.kill();
    if (root) removeTree(root);
  });

  test('hover on an obj-y word shows the command used last time', async () => {
    const uri = uriOf(join(root, 'Makefile'));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'makefile', version: 1, text: MAKEFILE } });
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 10 } });
    const text = (h?.contents as { value: string }).value;
    assert.match(text, /\*\*foo\.o\*\*/);
    assert.match(text, /source: `foo\.c`/);
    assert.match(text, /read 1 files and tests 1 CONFIG options/);
    assert.match(text, /gcc -Wall -c -o foo\.o foo\.c/);
  });

  test('a header gets a "rebuilds N objects" CodeLens; a C file is not read as make', async () => {
    const uri = uriOf(join(root, 'foo.h'));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'c', version: 1, text: '#define FOO 1\n' } });
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    assert.equal(lenses?.length, 1);
    assert.equal(lenses?.[0].command?.title, 'rebuilds 1 object');
    const result = lenses?.[0].command?.arguments?.[0] as WhatRebuildsResult;
    assert.deepEqual(result.builds[0].objects.map((o) => o.object), ['foo.o']);
  });

  test('what rebuilds for a CONFIG option, and why an object rebuilds after a header is touched', async () => {
    const byConfig = (await client.connection.sendRequest(WHAT_REBUILDS_REQUEST, { what: 'CONFIG_FOO' })) as WhatRebuildsResult;
    assert.deepEqual(byConfig.builds.map((b) => b.objects.map((o) => o.object)), [['foo.o']]);
    let why = (await client.connection.sendRequest(WHY_REBUILD_REQUEST, { target: join(root, 'foo.c') })) as WhyRebuildResult;
    assert.equal(why.reports[0].upToDate, true, why.reports[0].markdown);
    const now = new Date();
    utimesSync(join(root, 'foo.h'), now, now);
    why = (await client.connection.sendRequest(WHY_REBUILD_REQUEST, { target: 'foo.o' })) as WhyRebuildResult;
    assert.equal(why.reports[0].upToDate, false);
    assert.match(why.reports[0].markdown, /prerequisites newer than the target: `foo\.h`/);
  });

  test('a .cmd file: outline, definition on a dependency and on a CONFIG option, and the why of its object', async () => {
    const uri = uriOf(join(root, '.foo.o.cmd'));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'kbuild-cmd', version: 1, text: CMD } });
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ['cmd_foo.o', 'source_foo.o', 'deps_foo.o (1 files, 1 CONFIG options)', 'foo.o']);
    const header = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 5, character: 4 } });
    assert.deepEqual((header as Location[]).map((l) => l.uri), [uriOf(join(root, 'foo.h'))]);
    const config = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 6, character: 30 } })) as Location[];
    assert.deepEqual(config.map((l) => [l.uri, l.range.start.line]), [[uriOf(join(root, '.config')), 0]]);
    const none = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 0, character: 15 } });
    assert.equal(none, null, '-Wall names no file');
    const why = (await client.connection.sendRequest(WHY_REBUILD_REQUEST, { target: join(root, 'foo.o') })) as WhyRebuildResult;
    assert.equal(why.reports[0].target, 'foo.o');
  });

  test('a truncated .cmd file gets a diagnostic when opened', async () => {
    const uri = uriOf(join(root, '.bar.o.cmd'));
    const text = CMD.replace(/foo/g, 'bar').slice(0, CMD.indexOf('foo.o: $('));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'kbuild-cmd', version: 1, text } });
    const published = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length > 0);
    assert.match(published.diagnostics[0].message, /missing 'bar\.o: \$\(deps_bar\.o\)' line/);
  });
});

describe('where build dirs are found', { timeout: 60_000 }, () => {
  const roots: string[] = [];
  const clients: TestClient[] = [];

  after(() => {
    for (const c of clients) c.child.kill();
    for (const r of roots) removeTree(r);
  });

  async function start(folder: string, settings?: unknown): Promise<TestClient> {
    const client = await startOn(folder, { exclude: [], trusted: false, settings });
    clients.push(client);
    return client;
  }


  const buildFiles = (prefix: string) => ({
    [`${prefix}.config`]: 'CONFIG_FOO=y\n',
    [`${prefix}include/config/auto.conf`]: 'CONFIG_FOO=y\n',
    [`${prefix}.foo.o.cmd`]: CMD,
  });

  test('the buildDirectory setting names one deeper than the search goes', async () => {
    const root = writeTree({ Makefile: MAKEFILE, ...buildFiles('out/x86/tiny/'), 'out/x86/tiny/Makefile': 'include ../../../Makefile\n' });
    roots.push(root);
    const client = await start(root, { buildDirectory: 'out/x86/tiny' });
    const log = await client.waitFor('window/logMessage', (p) => /Build dir /.test(p.message));
    assert.equal(log.message.split(':')[0], `Build dir ${join(root, 'out/x86/tiny')}`);
  });

  test('a folder opened inside an in-tree build finds the build above it', async () => {
    const root = writeTree({ Makefile: MAKEFILE, ...buildFiles(''), 'kernel/Makefile': 'obj-y += foo.o\n' });
    roots.push(root);
    const client = await start(join(root, 'kernel'));
    const log = await client.waitFor('window/logMessage', (p) => /Build dir /.test(p.message));
    assert.match(log.message, new RegExp(`^Build dir ${root}: 1 objects`));
  });
});

describe('why rebuild compares the saved command with the one make would run now', { timeout: 60_000 }, () => {
  let root: string;
  let client: TestClient;
  // A Kbuild-shaped tree with an O= build dir: the object's directory context gives -DNEW, its .cmd file saved -DOLD.
  const TREE: Record<string, string> = {
    Makefile: [
      'VERSION = 1',
      'srctree := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))',
      'VPATH := $(srctree)',
      'export srctree VPATH',
      'include $(srctree)/scripts/Kbuild.include',
      'export KBUILD_CFLAGS := -O2',
      '__all: .',
      '.:',
      '\t$(MAKE) $(build)=$@',
      '',
    ].join('\n'),
    'scripts/Kbuild.include': 'build := -f $(srctree)/scripts/Makefile.build obj\n',
    'scripts/Makefile.build': [
      'src := $(obj)',
      '$(obj)/:',
      'include $(srctree)/scripts/Kbuild.include',
      'include $(or $(wildcard $(srctree)/$(src)/Kbuild),$(srctree)/$(src)/Makefile)',
      'subdir-ym := $(addprefix $(obj)/,$(patsubst %/,%,$(filter %/,$(obj-y))))',
      '$(obj)/: $(subdir-ym)',
      '$(subdir-ym):',
      '\t$(MAKE) $(build)=$@',
      'cmd_cc_o_c = cc $(KBUILD_CFLAGS) $(ccflags-y) -c -o $@ $<',
      '$(obj)/%.o: $(src)/%.c FORCE',
      '\t$(call if_changed,cc_o_c)',
      '-include $(foreach f,$(wildcard $(obj)/*.o),$(dir $(f)).$(notdir $(f)).cmd)',
      'FORCE:',
      '.PHONY: FORCE $(subdir-ym)',
      '',
    ].join('\n'),
    Kbuild: 'obj-y += kern/\n',
    'kern/Makefile': 'obj-y += a.o\nccflags-y := -DNEW\n',
    'kern/a.c': 'int a;\n',
    'out/Makefile': 'include ../Makefile\n',
    'out/.config': 'CONFIG_X=y\n',
    'out/include/config/auto.conf': 'CONFIG_X=y\n',
    'out/kern/a.o': '',
    'out/kern/.a.o.cmd': 'cmd_kern/a.o := cc -O2 -DOLD -c -o kern/a.o ../kern/a.c\n\nsource_kern/a.o := ../kern/a.c\n\ndeps_kern/a.o := \\\n\nkern/a.o: $(deps_kern/a.o)\n\n$(deps_kern/a.o):\n',
  };

  before(async () => {
    root = writeTree(TREE);
    const old = new Date('2020-01-01T00:00:00Z');
    for (const f of Object.keys(TREE).filter((f) => !f.startsWith('out/'))) utimesSync(join(root, f), old, old);
    client = await startOn(root);
    await client.waitFor('window/logMessage', (p) => /Build dir .*: 1 objects/.test(p.message));
  });

  after(async () => {
    client?.child.kill();
    if (root) removeTree(root);
  });

  test('the why request answers "command line changed", computed in the directory context', async () => {
    const why = (await client.connection.sendRequest(WHY_REBUILD_REQUEST, { target: join(root, 'kern/a.c') })) as WhyRebuildResult;
    assert.equal(why.reports.length, 1);
    const [r] = why.reports;
    assert.deepEqual([r.target, r.upToDate], ['kern/a.o', false], r.markdown);
    assert.match(r.markdown, /the command line changed: removed `-DOLD`, added `-DNEW`/);
    assert.match(r.markdown, /compared with `cmd_cc_o_c` expanded in `dir:kern`/);
  });
});
