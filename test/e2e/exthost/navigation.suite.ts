/// <reference types="mocha" />
// Navigation, symbols and diagnostics through VS Code's own command API, on
// the fixture workspace (test/fixtures/e2e-workspace), with the installed
// .vsix's extension talking to its real server.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, fixtureUri, hoverText, indexed, lineStarting, openFixture, positionOf, rel, waitFor } from './util';

suite('navigation', () => {
  suiteSetup(async function () {
    this.timeout(90_000);
    await indexed();
  });

  test('runs in code-server: a web UI, Node 24 extension host', () => {
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    assert.ok(process.versions.node.startsWith('24.'), process.version);
  });

  test('definition of $(build) in the top Makefile is `build :=` in scripts/Kbuild.include', async () => {
    const makefile = await openFixture('Makefile');
    const at = positionOf(makefile, '$(build)=kernel', 2);
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', makefile.uri, at);
    const include = await openFixture('scripts/Kbuild.include');
    const targets = found.map((l) => ('targetUri' in l ? { uri: l.targetUri, range: l.targetSelectionRange ?? l.targetRange } : l));
    assert.deepEqual(
      targets.map((l) => `${rel(l.uri)}:${l.range.start.line + 1}:${l.range.start.character + 1}`),
      [`scripts/Kbuild.include:${lineStarting(include, 'build :=') + 1}:1`],
    );
  });

  test('references of `build` include its definition and its use in the top Makefile', async () => {
    const include = await openFixture('scripts/Kbuild.include');
    const at = new vscode.Position(lineStarting(include, 'build :='), 1);
    const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', include.uri, at);
    const makefile = await openFixture('Makefile');
    const use = positionOf(makefile, '$(build)=kernel', 2);
    const where = found.map((l) => `${rel(l.uri)}:${l.range.start.line + 1}:${l.range.start.character + 1}`).sort();
    assert.deepEqual(where, [`Makefile:${use.line + 1}:${use.character + 1}`, `scripts/Kbuild.include:${at.line + 1}:1`]);
  });

  test('document symbols of the top Makefile list its variables and targets', async () => {
    const uri = fixtureUri('Makefile');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    const names = new Set<string>();
    const walk = (list: vscode.DocumentSymbol[]) => list.forEach((s) => (names.add(s.name), walk(s.children ?? [])));
    walk(symbols);
    for (const name of ['VERSION', 'KERNELRELEASE', 'srctree', 'prepare0', 'prepare']) assert.ok(names.has(name), `${name} in ${[...names].join(', ')}`);
  });

  test('workspace symbols find cmd_syscalls in arch/x86/Makefile', async () => {
    const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'cmd_syscalls');
    const hit = found.find((s) => s.name === 'cmd_syscalls');
    assert.ok(hit, `cmd_syscalls in ${found.map((s) => s.name).join(', ')}`);
    const doc = await openFixture('arch/x86/Makefile');
    assert.equal(rel(hit.location.uri), 'arch/x86/Makefile');
    assert.equal(hit.location.range.start.line, positionOf(doc, '      cmd_syscalls =').line);
  });

  test('diagnostics: "missing separator" on line 4 of drivers/broken/Makefile', async () => {
    const doc = await openFixture('drivers/broken/Makefile');
    await vscode.window.showTextDocument(doc);
    const diagnostics = await waitFor('diagnostics of drivers/broken/Makefile', () => {
      const d = vscode.languages.getDiagnostics(doc.uri);
      return d.length > 0 ? d : undefined;
    });
    const line = lineStarting(doc, 'this line is neither');
    assert.deepEqual(
      diagnostics.map((d) => ({ message: d.message, line: d.range.start.line, severity: d.severity })),
      [{ message: 'missing separator', line, severity: vscode.DiagnosticSeverity.Error }],
    );
  });

  test('hover on $(call cc-option,-fno-PIE) unfolds it to the compiler command try-run would run', async () => {
    const makefile = await openFixture('Makefile');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', makefile.uri, positionOf(makefile, 'cc-option,-fno-PIE', 3));
    const text = hoverText(hovers);
    // The static unfolding shows `$(CC) -Werror $(KBUILD_CFLAGS) -fno-PIE …`, the evaluated one the flags expanded: both name try-run.
    assert.match(text, /try-run/);
    assert.match(text, /-Werror [^`]*-fno-PIE -c -x c \/dev\/null/);
  });

  test('hover on $(KERNELRELEASE) shows its definition with the value as written', async () => {
    const makefile = await openFixture('Makefile');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', makefile.uri, positionOf(makefile, 'export KERNELRELEASE', 8));
    assert.match(hoverText(hovers), /KERNELRELEASE[\s\S]*\$\(VERSION\)\.\$\(PATCHLEVEL\)\.\$\(SUBLEVEL\)\$\(EXTRAVERSION\)/);
  });

  test('diagnostics: the missing $(OUTPUT) prefix of gen.h in tools/foo/Makefile (output-prefix-target)', async () => {
    const doc = await openFixture('tools/foo/Makefile');
    await vscode.window.showTextDocument(doc);
    const d = await waitFor('an output-prefix-target diagnostic', () =>
      vscode.languages.getDiagnostics(doc.uri).find((x) => String(typeof x.code === 'object' ? x.code.value : x.code) === 'output-prefix-target'),
    );
    assert.equal(d.range.start.line, lineStarting(doc, 'gen.h:'));
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /Target `gen\.h` has no \$\(OUTPUT\) prefix/);
    // Its explanation page ships in the .vsix, linked as a file beside the installed extension.
    const page = typeof d.code === 'object' ? d.code.target : undefined;
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(page, 'a code link');
    assert.equal(page.toString(), ext && vscode.Uri.joinPath(ext.extensionUri, 'docs/diagnostics/output-prefix-target.md').toString());
    assert.ok((await vscode.workspace.fs.stat(page)).size > 0);
  });

  test('languages: Kbuild files are kbuild, .*.cmd files kbuild-cmd, Makefiles stay makefile', async () => {
    const languages = await Promise.all(['kernel/Kbuild', 'scripts/Kbuild.include', 'kernel/.fork.o.cmd', 'Makefile'].map(async (f) => (await openFixture(f)).languageId));
    assert.deepEqual(languages, ['kbuild', 'kbuild', 'kbuild-cmd', 'makefile']);
  });

  test('the commands of today are registered', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    for (const id of ['kbuild-analyzer.restartServer', 'kbuild-analyzer.showOutput', 'kbuild-analyzer.selectContext']) assert.ok(all.has(id), id);
  });
});
