// Evaluated hover and definition, the evaluated variables and the context
// requests through the built server, on the eval-lsp fixture (no shell).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DefinitionRequest, DidChangeTextDocumentNotification, type Location } from 'vscode-languageserver/node';
import {
  CONTEXTS_REQUEST,
  EVALUATED_VARIABLES_REQUEST,
  EXPANSION_REQUEST,
  SET_CONTEXT_REQUEST,
  type ContextsResult,
  type EvaluatedVariablesResult,
  type ExpansionResult,
} from '../../server/src/protocol/contexts';
import { removeTree, uriOf, type TestClient } from './harness';
import { fixtureTree, hoverText, openFile, startOn } from './evalFixture';

describe('evaluated contexts over stdio', { timeout: 60_000 }, () => {
  let root: string;
  let client: TestClient;
  let path: string;
  let text: string;

  before(async () => {
    root = fixtureTree();
    client = await startOn(root);
    path = join(root, 'Makefile');
    text = await openFile(client, path);
  });

  after(() => {
    client?.child.kill();
    if (root) removeTree(root);
  });

  const positionOf = (needle: string, within = 0) => {
    const before = text.slice(0, text.indexOf(needle) + within);
    return { line: before.split('\n').length - 1, character: before.length - (before.lastIndexOf('\n') + 1) };
  };

  test('hover names the context and shows the value make sees', async () => {
    const h = await hoverText(client, { path, text, needle: 'FROM_INC)', within: 1 });
    assert.match(h, /\*\*FROM_INC\*\* — recursive, origin \*file\*/);
    assert.match(h, /In context `[^`]*Makefile[^`]*`/);
    assert.match(h, /\[inc\/defs\.mk:1\]/);
    assert.match(h, /```\nfrom inc\/defs\.mk\n```/);
  });

  test('definition follows a computed include and a computed name', async () => {
    const uri = uriOf(path);
    const inc = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: positionOf('FROM_INC)', 1) })) as Location[];
    assert.deepEqual(inc.map((l) => [l.uri, l.range.start.line]), [[uriOf(join(root, 'inc/defs.mk')), 0]]);
    const computed = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: positionOf('obj-$(CONFIG_FOO)', 1) })) as Location[];
    assert.deepEqual(computed.map((l) => l.range.start.line), [text.split('\n').findIndex((l) => l.startsWith('obj-$(CONFIG_FOO)'))]);
    const h = await hoverText(client, { path, text, needle: 'obj-$(CONFIG_FOO)', within: 1 });
    assert.match(h, /`obj-\$\(CONFIG_FOO\)` is `obj-y` in this context/);
  });

  test('kbuild/contexts lists the file context; kbuild/setContext keeps a valid choice only', async () => {
    const uri = uriOf(path);
    const r: ContextsResult = await client.connection.sendRequest(CONTEXTS_REQUEST, { uri });
    assert.equal(r.shellAllowed, false);
    assert.ok(r.contexts.length >= 1);
    assert.equal(r.active, r.contexts[0].id);
    const bad: ContextsResult = await client.connection.sendRequest(SET_CONTEXT_REQUEST, { uri, id: 'no-such-context' });
    assert.equal(bad.active, r.contexts[0].id);
    const good: ContextsResult = await client.connection.sendRequest(SET_CONTEXT_REQUEST, { uri, id: r.contexts[0].id });
    assert.equal(good.active, r.contexts[0].id);
  });

  test('kbuild/evaluatedVariables: name, flavor, origin, place, value; «unknown» for a command not run', async () => {
    const r: EvaluatedVariablesResult | null = await client.connection.sendRequest(EVALUATED_VARIABLES_REQUEST, { uri: uriOf(path) });
    assert.ok(r);
    const row = (name: string) => r.rows.find((x) => x.name === name);
    assert.deepEqual(row('FROM_INC'), { name: 'FROM_INC', flavor: 'recursive', origin: 'file', file: join(root, 'inc/defs.mk'), line: 1, value: 'from inc/defs.mk' });
    assert.equal(row('MARKER')?.value, '«unknown»');
    assert.equal(row('obj-y')?.value, 'foo.o');
    assert.ok(r.makefiles.some((f) => f.endsWith('defs.mk')));
    assert.ok(r.shellNotRun >= 2);
  });

  test('kbuild/expansion gives the whole value; an edit is seen by the next hover', async () => {
    const uri = uriOf(path);
    const offset = text.indexOf('KBUILD_CFLAGS :=');
    const x: ExpansionResult | null = await client.connection.sendRequest(EXPANSION_REQUEST, { uri, offset, contextId: 'unused-falls-back' });
    assert.equal(x?.title, 'KBUILD_CFLAGS');
    assert.match(x?.text ?? '', /^-O2$/m);
    text = text.replace('FROM_INC) $(MARKER)', 'FROM_INC) $(MARKER)\nEDITED = yes');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
    const h = await hoverText(client, { path, text, needle: 'EDITED' });
    assert.match(h, /\*\*EDITED\*\* — recursive/);
  });
});
