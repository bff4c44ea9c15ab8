// The .cmd index from the palette: What Rebuilds If I Change… (this file, a
// header or a CONFIG option), Why Does This Rebuild? (an object, its source
// or its .cmd file), and the object list a "rebuilds N objects" CodeLens opens.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  WHAT_REBUILDS_REQUEST,
  WHY_REBUILD_REQUEST,
  type WhatRebuildsParams,
  type WhatRebuildsResult,
  type WhyRebuildParams,
  type WhyRebuildResult,
} from '../../../server/src/protocol/builds';
import { showReadOnlyDocument } from '../readOnlyDocument';
import type { CommandFactory } from './index';

function activeFile(): string | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.uri.scheme === 'file' ? doc.uri.fsPath : undefined;
}

/** A CONFIG_ symbol under the cursor (in C, Kconfig, make or .config text). */
function configUnderCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const range = editor.document.getWordRangeAtPosition(editor.selection.active, /CONFIG_\w+/);
  return range && editor.document.getText(range);
}

async function askWhat(): Promise<string | undefined> {
  const file = activeFile();
  const config = configUnderCursor();
  type Item = vscode.QuickPickItem & { what?: string; ask?: 'file' | 'config' };
  const items: Item[] = [
    ...(config ? [{ label: config, description: 'the CONFIG option under the cursor', what: config }] : []),
    ...(file ? [{ label: path.basename(file), description: 'the current file', detail: file, what: file }] : []),
    { label: 'A header or source file…', ask: 'file' },
    { label: 'A CONFIG option…', ask: 'config' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Kbuild: What Rebuilds If I Change…' });
  if (!picked) return undefined;
  if (picked.what) return picked.what;
  if (picked.ask === 'config') {
    const name = await vscode.window.showInputBox({ title: 'CONFIG option', value: 'CONFIG_', validateInput: (v) => (/^CONFIG_\w+$/.test(v) ? undefined : 'A name like CONFIG_SMP') });
    return name;
  }
  const uris = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'What rebuilds' });
  return uris?.[0]?.fsPath;
}

export const whatRebuilds: CommandFactory = (ctx) => async (arg?: unknown) => {
  const what = arg instanceof vscode.Uri ? arg.fsPath : typeof arg === 'string' ? arg : await askWhat();
  if (!what) return;
  const result: WhatRebuildsResult = await ctx.client.sendRequest(WHAT_REBUILDS_REQUEST, { what } satisfies WhatRebuildsParams);
  await showObjectList(result, `Objects rebuilt when ${what.startsWith('CONFIG_') ? what : path.basename(what)} changes`);
};

/** What Why Does This Rebuild? asks about: the object of a .cmd file, else the file itself (the server maps a source to its object). */
function targetOf(file: string): string {
  const cmd = /^\.(.+)\.cmd$/.exec(path.basename(file));
  return cmd ? path.join(path.dirname(file), cmd[1]) : file;
}

export const whyRebuild: CommandFactory = (ctx) => async (arg?: unknown) => {
  const given = arg instanceof vscode.Uri ? arg.fsPath : typeof arg === 'string' ? arg : activeFile();
  const target = given ? targetOf(given) : await vscode.window.showInputBox({ title: 'Kbuild: Why Does This Rebuild?', prompt: 'An object of the build, e.g. init/main.o' });
  if (!target) return;
  const result: WhyRebuildResult = await ctx.client.sendRequest(WHY_REBUILD_REQUEST, { target } satisfies WhyRebuildParams);
  if (result.reports.length === 0) {
    void vscode.window.showInformationMessage(`No build dir has a .cmd file for ${path.basename(target)}: it was never built there (or no build dir was found).`);
    return;
  }
  const text = result.reports.map((r) => `# ${r.target} (${r.buildDir})\n\n${r.markdown}`).join('\n\n---\n\n');
  await showReadOnlyDocument(`why ${path.basename(target)}.md`, text, { preview: 'markdown' });
};

/** A list of objects; picking one opens its source (or its .cmd file when the source is unknown). */
export async function showObjectList(result: WhatRebuildsResult, title: string): Promise<void> {
  const items = result.builds.flatMap((b) =>
    b.objects.map((o) => ({
      label: o.object,
      description: o.source ?? '',
      detail: b.buildDir,
      open: o.source ? path.resolve(b.buildDir, o.source) : path.join(b.buildDir, path.dirname(o.object), `.${path.basename(o.object)}.cmd`),
    })),
  );
  if (items.length === 0) {
    void vscode.window.showInformationMessage(`${title}: none in the indexed build dirs.`);
    return;
  }
  const picked = await vscode.window.showQuickPick(items, { title: `${title} (${items.length})`, matchOnDescription: true });
  if (picked) await vscode.window.showTextDocument(vscode.Uri.file(picked.open));
}

export const showObjects: CommandFactory = () => (result?: unknown, title?: unknown) =>
  showObjectList((result as WhatRebuildsResult | undefined) ?? { builds: [] }, typeof title === 'string' ? title : 'Objects');
