/// <reference types="mocha" />
// Hooks for features that are being written: each runs once its command is
// registered (test/e2e/features.ts) and is skipped, with the reason, before.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FEATURES, skipReason } from '../features';
import { hasCommand, indexed, openFixture, positionOf, skipWith, waitFor } from './util';

suite('features being wired (guarded)', () => {
  suiteSetup(async function () {
    this.timeout(90_000);
    await indexed();
  });

  test('hover on $(KERNELRELEASE) shows its expansion 6.1.0', async function () {
    if (!(await hasCommand(FEATURES.hoverExpansion.command))) skipWith(this, skipReason(FEATURES.hoverExpansion));
    const doc = await openFixture('Makefile');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'export KERNELRELEASE', 8));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /6\.1\.0/);
  });

  test('a missing $(OUTPUT) prefix is diagnosed in tools/foo/Makefile', async function () {
    if (!(await hasCommand(FEATURES.outputLint.command))) skipWith(this, skipReason(FEATURES.outputLint));
    const doc = await openFixture('tools/foo/Makefile');
    await vscode.window.showTextDocument(doc);
    const d = await waitFor('an output-prefix-target diagnostic', () =>
      vscode.languages.getDiagnostics(doc.uri).find((x) => String(typeof x.code === 'object' ? x.code.value : x.code) === 'output-prefix-target'),
    );
    assert.equal(d.range.start.line, positionOf(doc, 'gen.h:').line);
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
