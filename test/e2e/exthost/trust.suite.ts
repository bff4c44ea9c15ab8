/// <reference types="mocha" />
// Restricted Mode: code-server started with workspace trust on, the folder
// never trusted. Its .vscode/settings.json sets shell.enable and
// profile.makeArgs (restricted) and buildDirectory (not restricted).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, fixtureUri, indexed, lineStarting, openFixture, positionOf, rel, waitFor } from './util';

suite('workspace trust (untrusted folder)', () => {
  suiteSetup(async function () {
    this.timeout(90_000);
    await indexed();
  });

  test('the folder is untrusted and the extension runs (limited support)', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext?.isActive);
    const untrusted = ext.packageJSON.capabilities?.untrustedWorkspaces;
    assert.equal(untrusted?.supported, 'limited');
  });

  test('shell and profile settings are reported as restricted and keep their defaults', async () => {
    const api = await indexed();
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const restricted: string[] = ext?.packageJSON.capabilities.untrustedWorkspaces.restrictedConfigurations;
    for (const key of ['kbuild-analyzer.shell.enable', 'kbuild-analyzer.profile.make', 'kbuild-analyzer.profile.makeArgs', 'kbuild-analyzer.profile.bash']) {
      assert.ok(restricted.includes(key), `${key} restricted`);
    }
    const file = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri('.vscode/settings.json'))));
    assert.equal(file['kbuild-analyzer.shell.enable'], true, 'the folder does set shell.enable');
    // VS Code itself drops the folder's values of the manifest's restricted settings, and only those.
    const section = vscode.workspace.getConfiguration('kbuild-analyzer');
    assert.equal(section.inspect('shell.enable')?.workspaceValue, undefined);
    assert.equal(section.inspect('profile.makeArgs')?.workspaceValue, undefined);
    assert.equal(section.inspect('buildDirectory')?.workspaceValue, 'build');
    const config = api.configuration();
    assert.equal(config.trusted, false);
    assert.equal(config.settings.shell.enable, false);
    assert.deepEqual(config.settings.profile.makeArgs, []);
    assert.equal(config.settings.buildDirectory, 'build', 'a setting that is not restricted still applies');
  });

  test('navigation works: F12 on $(build) still reaches scripts/Kbuild.include', async () => {
    const makefile = await openFixture('Makefile');
    const found = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeDefinitionProvider',
      makefile.uri,
      positionOf(makefile, '$(build)=kernel', 2),
    );
    const include = await openFixture('scripts/Kbuild.include');
    assert.deepEqual(
      found.map((l) => `${rel(l.uri)}:${l.range.start.line}`),
      [`scripts/Kbuild.include:${lineStarting(include, 'build :=')}`],
    );
  });

  test('diagnostics work: "missing separator" in drivers/broken/Makefile', async () => {
    const doc = await openFixture('drivers/broken/Makefile');
    await vscode.window.showTextDocument(doc);
    const d = await waitFor('diagnostics', () => vscode.languages.getDiagnostics(doc.uri).find((x) => x.message === 'missing separator'));
    assert.equal(d.range.start.line, lineStarting(doc, 'this line is neither'));
  });
});
