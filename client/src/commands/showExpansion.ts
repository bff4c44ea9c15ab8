// kbuild-analyzer.showExpansion: the target of a folded hover's "Open the
// full expansion" link; asks the server for the whole text (kbuild/expansion)
// and shows it read-only.
import * as vscode from 'vscode';
import { EXPANSION_REQUEST, type ExpansionParams, type ExpansionResult } from '../../../server/src/protocol/contexts';
import { showReadOnlyDocument } from '../readOnlyDocument';
import type { CommandFactory } from './index';

function isParams(x: unknown): x is ExpansionParams {
  const p = x as Partial<ExpansionParams> | undefined;
  return typeof p?.uri === 'string' && typeof p.offset === 'number' && typeof p.contextId === 'string';
}

export const showExpansion: CommandFactory = (ctx) => async (arg: unknown) => {
  if (!isParams(arg)) return;
  const r = await ctx.client.sendRequest<ExpansionResult | null>(EXPANSION_REQUEST, arg);
  if (!r) {
    void vscode.window.showInformationMessage('Kbuild: nothing to expand there any more (the file changed).');
    return;
  }
  await showReadOnlyDocument(`${r.title.replace(/[/\\:]/g, '_')}.expansion.mk`, r.text);
};
