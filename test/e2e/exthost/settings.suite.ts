/// <reference types="mocha" />
// The settings as the server gets them, in a trusted workspace whose
// .vscode/settings.json sets kbuild-analyzer.profile.makeArgs (restricted:
// it applies only because the workspace is trusted); and a settings change
// that the server acts on: kbuild-analyzer.exclude re-indexes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { indexed, waitFor } from './util';

suite('settings (trusted workspace)', () => {
  suiteSetup(async function () {
    this.timeout(90_000);
    await indexed();
  });

  test('the workspace is trusted and its restricted settings apply', async () => {
    const api = await indexed();
    assert.equal(vscode.workspace.isTrusted, true);
    const config = api.configuration();
    assert.equal(config.trusted, true);
    assert.deepEqual(config.settings.profile.makeArgs, ['-j2']);
    assert.equal(config.settings.shell.enable, false);
    assert.ok(config.exclude.includes('**/.git'), `files.exclude in ${JSON.stringify(config.exclude)}`);
  });

  test('kbuild-analyzer.exclude reaches the server: excluding samples/ re-indexes without samples/Makefile', async function () {
    this.timeout(60_000);
    const api = await indexed();
    // samples/Makefile: no suite opens it (an open file stays indexed) and no evaluated context reads it.
    const before = api.indexState()?.files ?? 0;
    const section = vscode.workspace.getConfiguration('kbuild-analyzer');
    await section.update('exclude', ['samples/**'], vscode.ConfigurationTarget.Workspace);
    try {
      assert.ok(api.configuration().exclude.includes('samples/**'));
      await waitFor(`${before - 1} indexed files`, () => api.indexState()?.files === before - 1 || undefined);
    } finally {
      await section.update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(`${before} indexed files again`, () => api.indexState()?.files === before || undefined);
  });
});
