/// <reference types="mocha" />
// Hooks for features that are being written: each runs once its command is
// registered (test/e2e/features.ts) and is skipped, with the reason, before.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FEATURES, skipReason } from '../features';
import { hasCommand, hoverText, indexed, openFixture, positionOf, skipWith, waitFor } from './util';

suite('features being wired (guarded)', () => {
  suiteSetup(async function () {
    this.timeout(90_000);
    await indexed();
  });

  test('hover on $(KERNELRELEASE) shows its evaluated value 6.1.0', async function () {
    if (!(await hasCommand(FEATURES.evaluatedHover.command))) skipWith(this, skipReason(FEATURES.evaluatedHover));
    const doc = await openFixture('Makefile');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'export KERNELRELEASE', 8));
    assert.match(hoverText(hovers), /6\.1\.0/);
  });

  test('Kbuild: Show Barrier Graph opens the graph webview', async function () {
    this.timeout(60_000);
    if (!(await hasCommand(FEATURES.barrierGraph.command))) skipWith(this, skipReason(FEATURES.barrierGraph));
    await vscode.window.showTextDocument(await openFixture('Makefile'));
    await vscode.commands.executeCommand(FEATURES.barrierGraph.command);
    const tab = await waitFor('a kbuild-analyzer.graph webview tab', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('kbuild-analyzer.graph')),
    );
    assert.ok(tab.label.length > 0);
  });
});
