// The client's settings reach the lint rules: at initialize and on
// didChangeConfiguration (severity per code, `off`, ignored variable names).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DidChangeConfigurationNotification, DidOpenTextDocumentNotification, WorkspaceSymbolRequest } from 'vscode-languageserver/node';
import { removeTree, startOn, uriOf, writeTree, type TestClient } from './harness';

const MAKEFILE = 'X := $(NOT_DEFINED_ANYWHERE) $(ALSO_UNDEFINED)\nall:\n\t@echo $(X)\n';

describe('settings over stdio', { timeout: 60_000 }, () => {
  let root: string;
  let client: TestClient;
  let uri: string;
  let version = 0;

  before(async () => {
    root = writeTree({ Makefile: MAKEFILE });
    uri = uriOf(join(root, 'Makefile'));
    client = await startOn(root, { exclude: [], trusted: false, settings: { diagnostics: { severity: { 'undefined-variable': 'error' } } } });
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'makefile', version: ++version, text: MAKEFILE } });
  });

  after(() => {
    client?.child.kill();
    if (root) removeTree(root);
  });

  /** The undefined-variable diagnostics of the next publication that has any change after `since` notifications. */
  async function nextUndefined(since: number, predicate: (d: Array<{ message: string; severity: number; code: string }>) => boolean) {
    const p = await client.waitFor('textDocument/publishDiagnostics', (params) => {
      const index = client.notifications.findIndex((n) => n.params === params);
      return params.uri === uri && index >= since && predicate(params.diagnostics.filter((d: { code: string }) => d.code === 'undefined-variable'));
    });
    return (p.diagnostics as Array<{ message: string; severity: number; code: string }>).filter((d) => d.code === 'undefined-variable');
  }

  test('initializationOptions: the severity of a code is the one set', async () => {
    const found = await nextUndefined(0, (d) => d.length === 2);
    assert.deepEqual(found.map((d) => d.severity), [1, 1], 'error is severity 1');
  });

  test('didChangeConfiguration: ignored names disappear, `off` drops the code', async () => {
    const change = (diagnostics: unknown) => client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { files: { exclude: {} }, 'kbuild-analyzer': { diagnostics }, trusted: false },
    });
    let since = client.notifications.length;
    await change({ ignoreVariables: ['ALSO_UNDEFINED'] });
    const one = await nextUndefined(since, (d) => d.length === 1);
    assert.match(one[0].message, /NOT_DEFINED_ANYWHERE/);
    assert.equal(one[0].severity, 2, 'back to the default, warning');
    since = client.notifications.length;
    await change({ severity: { 'undefined-variable': 'off' } });
    await nextUndefined(since, (d) => d.length === 0);
  });

  test('a re-index after an exclude change keeps open make documents only, not .cmd or C files', async () => {
    const cmdUri = uriOf(join(root, '.foo.o.cmd'));
    const cmdText = 'cmd_foo.o := gcc -c -o foo.o foo.c\n';
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: cmdUri, languageId: 'kbuild-cmd', version: 1, text: cmdText } });
    const since = client.notifications.length;
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { files: { exclude: { 'nothing-here/**': true } }, trusted: false } });
    await client.waitFor('window/logMessage', (p) => /^Indexed /.test(p.message) && client.notifications.findIndex((n) => n.params === p) >= since);
    const symbols = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'cmd_foo' });
    assert.deepEqual(symbols, [], 'the .cmd text was not indexed as a make file');
    const make = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'X' });
    assert.ok((make ?? []).some((sym) => sym.name === 'X'), 'the open Makefile still is');
  });
});
