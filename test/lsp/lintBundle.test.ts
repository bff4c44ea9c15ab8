// The lint rules that read recipes load web-tree-sitter's wasm at run time.
// In the esbuild bundles (what the extension and `npm i -g` ship) that once
// failed — import.meta.url is empty in CommonJS — so these drive the built
// dist/cli.js and dist/server.js, not the sources.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CodeActionRequest, DidOpenTextDocumentNotification, InitializeRequest, InitializedNotification } from 'vscode-languageserver/node';
import { ensureBuilt, removeTree, repoRoot, startServer, uriOf, writeTree, type TestClient } from './harness';

const MAKEFILE = 'include ../scripts/Makefile.include\n\ngen.h: gen.sh\n\t./gen.sh > $(OUTPUT)$@\n';

describe('recipe lint in the bundles', { timeout: 60_000 }, () => {
  let root: string;
  let client: TestClient | undefined;

  before(() => {
    ensureBuilt();
    root = writeTree({
      'tools/scripts/Makefile.include': 'ifneq ($(O),)\nOUTPUT := $(O)/\nendif\n',
      'tools/gen/Makefile': MAKEFILE,
    });
  });

  after(() => {
    client?.child.kill();
    if (root) removeTree(root);
  });

  test('dist/cli.js lint finds a target without $(OUTPUT) whose recipe writes $(OUTPUT)$@', () => {
    const r = spawnSync(process.execPath, [join(repoRoot, 'dist/cli.js'), 'lint', 'tools', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    const codes = (JSON.parse(r.stdout).diagnostics as Array<{ code: string }>).map((d) => d.code);
    assert.ok(codes.includes('output-prefix-target'), r.stdout);
  });

  test('dist/server.js publishes it and offers the quick fix', async () => {
    client = startServer();
    await client.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: [{ uri: uriOf(root), name: 'lint' }], capabilities: {} });
    await client.connection.sendNotification(InitializedNotification.type, {});
    const uri = uriOf(join(root, 'tools/gen/Makefile'));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'makefile', version: 1, text: MAKEFILE } });
    const published = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.some((d: { code: string }) => d.code === 'output-prefix-target'), 20_000);
    const diagnostic = published.diagnostics.find((d: { code: string }) => d.code === 'output-prefix-target');
    assert.doesNotMatch(client.stderr(), /shell grammar failed/);
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    assert.ok((actions ?? []).some((a) => /\$\(OUTPUT\)/.test(a.title)), JSON.stringify(actions));
  });
});
