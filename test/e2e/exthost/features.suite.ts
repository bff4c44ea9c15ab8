/// <reference types="mocha" />
// The evaluator and the build graph through VS Code's API: hover with the
// value make computes, and "Kbuild: Show Barrier Graph" opening its webview.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText, indexed, openFixture, positionOf, waitFor } from './util';

suite('evaluated hover and the barrier graph', () => {
  suiteSetup(async function () {
    this.timeout(90_000);
    await indexed();
  });

  test('hover on $(KERNELRELEASE) shows its evaluated value 6.1.0 and the context', async () => {
    const doc = await openFixture('Makefile');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'export KERNELRELEASE', 8));
    const text = hoverText(hovers);
    assert.match(text, /6\.1\.0/);
    assert.match(text, /top Makefile/);
  });

  test('Kbuild: Show Barrier Graph opens the graph webview', async function () {
    this.timeout(60_000);
    await vscode.window.showTextDocument(await openFixture('Makefile'));
    await vscode.commands.executeCommand('kbuild-analyzer.showBarrierGraph');
    const tab = await waitFor('a kbuild-analyzer.graph webview tab', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('kbuild-analyzer.graph')),
    );
    assert.match(tab.label, /Build graph/);
  });
});
