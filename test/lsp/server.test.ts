// The built server over stdio, driven like an editor on a small tree:
// indexing progress, navigation, diagnostics, edits, watched files, exit.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  DefinitionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  HoverRequest,
  ExitNotification,
  FileChangeType,
  InitializeRequest,
  InitializedNotification,
  ReferencesRequest,
  ShutdownRequest,
  WorkspaceSymbolRequest,
  type DocumentSymbol,
  type Location,
  type SymbolInformation,
} from 'vscode-languageserver/node';
import { ensureBuilt, removeTree, startServer, uriOf, writeTree, type TestClient } from './harness';

const TOP = [
  'VERSION = 1',
  'include scripts/Kbuild.include',
  'FOO := $(call helper,x)',
  'all: sub',
  '\t$(Q)echo $(FOO)',
  '',
].join('\n');

const FIXTURE = {
  Makefile: TOP,
  'scripts/Kbuild.include': 'helper = $(1)-helped\nQ = @\n',
  'sub/Kbuild': 'obj-y += a.o\nccflags-y := $(FOO)\n',
  'broken.mk': 'ifeq (a,b)\nBROKEN := 1\n',
  'ignored/Makefile': 'IGNORED_VAR := 1\n',
  'excluded/Makefile': 'EXCLUDED_VAR := 1\n',
  'notes.txt': 'NOT_MAKE := 1\n',
  '.gitignore': 'ignored/\n',
  // An empty .git makes the root a work tree, so its .gitignore counts.
  '.git/HEAD': 'ref: refs/heads/main\n',
};

/** LSP position of the nth occurrence of needle (plus delta characters) in text. */
function pos(text: string, needle: string, delta = 0, nth = 0) {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} not in fixture`);
  const before = text.slice(0, offset + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const where = (locs: Location[] | null, root: string) =>
  (locs ?? []).map((l) => `${l.uri.slice(uriOf(root).length + 1)}:${l.range.start.line}:${l.range.start.character}`);

describe('language server over stdio', { timeout: 60_000 }, () => {
  let root: string;
  let client: TestClient;
  const uri = (rel: string) => uriOf(join(root, rel));
  const symbols = (query: string) =>
    client.connection.sendRequest(WorkspaceSymbolRequest.type, { query }) as Promise<SymbolInformation[]>;
  const open = (rel: string, text: string) =>
    client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: uri(rel), languageId: 'makefile', version: 1, text },
    });

  before(async () => {
    ensureBuilt();
    root = writeTree(FIXTURE);
    client = startServer();
    const result = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: [{ uri: uriOf(root), name: 'fixture' }],
      capabilities: { window: { workDoneProgress: true }, workspace: { workspaceFolders: true } },
      initializationOptions: { exclude: ['excluded'] },
    });
    assert.equal(result.capabilities.definitionProvider, true);
    assert.equal(result.capabilities.referencesProvider, true);
    assert.equal(result.capabilities.documentSymbolProvider, true);
    assert.equal(result.capabilities.workspaceSymbolProvider, true);
    await client.connection.sendNotification(InitializedNotification.type, {});
  });

  after(async () => {
    client?.child.kill();
    if (root) removeTree(root);
  });

  test('reports indexing as work-done progress: begin, N/M, end with the count', async () => {
    const end = await client.waitFor('$/progress', (p) => p.value.kind === 'end');
    const progress = client.notifications.filter((n) => n.method === '$/progress' && n.params.token === end.token);
    assert.equal(progress[0].params.value.kind, 'begin');
    assert.equal(progress[0].params.value.title, 'Indexing make files');
    // Makefile, Kbuild.include, sub/Kbuild, broken.mk: not ignored/, excluded/ or notes.txt.
    assert.ok(progress.some((n) => n.params.value.kind === 'report' && n.params.value.message === '4/4'));
    assert.match(end.value.message, /^Indexed 4 make files in \d+\.\d s$/);
  });

  test('indexes make files but not ignored, excluded or other files', async () => {
    assert.deepEqual(
      (await symbols('helper')).filter((s) => s.name === 'helper').map((s) => s.location.uri),
      [uri('scripts/Kbuild.include')],
    );
    assert.deepEqual(await symbols('IGNORED_VAR'), []);
    assert.deepEqual(await symbols('EXCLUDED_VAR'), []);
    assert.deepEqual(await symbols('NOT_MAKE'), []);
  });

  test('definition and references across files', async () => {
    await open('Makefile', TOP);
    const textDocument = { uri: uri('Makefile') };
    const def = await client.connection.sendRequest(DefinitionRequest.type, { textDocument, position: pos(TOP, 'helper', 2) });
    assert.deepEqual(where(def as Location[], root), ['scripts/Kbuild.include:0:0']);
    const refs = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument,
      position: pos(TOP, 'FOO', 1),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(where(refs, root), ['Makefile:2:0', 'Makefile:4:12', 'sub/Kbuild:1:15']);
    const withoutDecl = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument,
      position: pos(TOP, 'FOO', 1),
      context: { includeDeclaration: false },
    });
    assert.deepEqual(where(withoutDecl, root), ['Makefile:4:12', 'sub/Kbuild:1:15']);
  });

  test('hover unfolds a $(call …) and lists a variable\'s definitions', async () => {
    await open('Makefile', TOP);
    const textDocument = { uri: uri('Makefile') };
    const onCall = await client.connection.sendRequest(HoverRequest.type, { textDocument, position: pos(TOP, 'helper', 2) });
    const callText = (onCall?.contents as { value: string }).value;
    assert.match(callText, /1\. \*\*helper\*\* \(\[scripts\/Kbuild\.include:1\]\([^)]*\)\) with `\$\(1\)=x`:\n\n```make\nx-helped\n```/);
    assert.match(callText, /Result: `x-helped`/);
    const onVar = await client.connection.sendRequest(HoverRequest.type, { textDocument, position: pos(TOP, 'FOO', 1, 1) });
    assert.match((onVar?.contents as { value: string }).value, /\*\*FOO\*\* — simple, origin \*file\*[^]*1\. \[Makefile:3\]/);
  });

  test('document symbols with ranges', async () => {
    const result = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: uri('Makefile') },
    })) as DocumentSymbol[];
    const foo = result.find((s) => s.name === 'FOO');
    assert.ok(foo, JSON.stringify(result.map((s) => s.name)));
    assert.deepEqual(foo.selectionRange, { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } });
    assert.ok(result.some((s) => s.name === 'VERSION'));
  });

  test('publishes diagnostics for a broken file and clears them once fixed', async () => {
    const broken = FIXTURE['broken.mk'];
    await open('broken.mk', broken);
    const first = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri('broken.mk'));
    assert.ok(first.diagnostics.length > 0, 'a missing endif is reported');
    assert.equal(first.diagnostics[0].severity, 1);
    assert.equal(first.diagnostics[0].source, 'kbuild-analyzer');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: uri('broken.mk'), version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'endif\n' }],
    });
    const fixed = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri('broken.mk') && p.version === 2);
    assert.deepEqual(fixed.diagnostics, []);
  });

  test('an edit changes the answers: the open text overrides the disk', async () => {
    assert.deepEqual(await symbols('NEWVAR'), []);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: uri('Makefile'), version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'NEWVAR := 1\n' }],
    });
    const uses = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uri('Makefile') },
      position: { line: 3, character: 1 }, // FOO, now one line lower
      context: { includeDeclaration: true },
    });
    assert.deepEqual(where(uses, root), ['Makefile:3:0', 'Makefile:5:12', 'sub/Kbuild:1:15']);
    assert.deepEqual(where((await symbols('NEWVAR')).map((s) => s.location), root), ['Makefile:1:0']);
  });

  test('watched-file events add and remove files', async () => {
    mkdirSync(join(root, 'added'));
    writeFileSync(join(root, 'added/Makefile'), 'WATCHED_VAR := 1\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uri('added/Makefile'), type: FileChangeType.Created }],
    });
    assert.deepEqual(where((await symbols('WATCHED_VAR')).map((s) => s.location), root), ['added/Makefile:0:0']);
    rmSync(join(root, 'added'), { recursive: true });
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uri('added'), type: FileChangeType.Deleted }],
    });
    assert.deepEqual(await symbols('WATCHED_VAR'), []);
  });

  test('a files.exclude change re-indexes, keeping the open documents', async () => {
    const first = await client.waitFor('$/progress', (p) => p.value.kind === 'end');
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { files: { exclude: { excluded: false, sub: true } } },
    });
    const second = await client.waitFor('$/progress', (p) => p.value.kind === 'end' && p.token !== first.token);
    // Makefile, Kbuild.include, broken.mk and now excluded/Makefile; sub/Kbuild left out.
    assert.match(second.value.message, /^Indexed 4 make files/);
    assert.equal((await symbols('EXCLUDED_VAR')).length, 1);
    assert.deepEqual(where((await symbols('NEWVAR')).map((s) => s.location), root), ['Makefile:1:0']);
  });

  test('shutdown then exit ends the process with code 0', async () => {
    await client.connection.sendRequest(ShutdownRequest.type);
    await client.connection.sendNotification(ExitNotification.type);
    assert.equal(await client.exited, 0);
  });
});

describe('a file opened without a workspace folder', { timeout: 30_000 }, () => {
  test('is analyzed on its own', async () => {
    ensureBuilt();
    const root = writeTree({ 'loose.mk': 'A := 1\nB := $(A)\n' });
    const client = startServer();
    try {
      await client.connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: {} });
      await client.connection.sendNotification(InitializedNotification.type, {});
      const uri = uriOf(join(root, 'loose.mk'));
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'makefile', version: 1, text: 'A := 1\nB := $(A)\n' },
      });
      const def = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 1, character: 7 } });
      assert.deepEqual(where(def as Location[], root), ['loose.mk:0:0']);
      assert.ok(!client.notifications.some((n) => n.method === '$/progress'), 'no progress without the capability');
    } finally {
      client.child.kill();
      removeTree(root);
    }
  });
});
