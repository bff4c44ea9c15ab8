// kbuild-analyzer.showEvaluatedVariables: the current make file's build
// context at the end of reading, as a read-only document: one variable a
// line with flavor, origin, place and expanded value (kbuild/evaluatedVariables).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EVALUATED_VARIABLES_REQUEST, type EvaluatedVariablesResult } from '../../../server/src/protocol/contexts';
import { showReadOnlyDocument } from '../readOnlyDocument';
import type { CommandFactory } from './index';

export function evaluatedVariablesText(r: EvaluatedVariablesResult): string {
  const head = [
    `# Variables of ${r.context} at the end of reading (${r.rows.length}; make's defaults and automatic variables left out)`,
    `# ${r.makefiles.length} makefiles read in ${r.ms.toFixed(0)} ms${r.shellNotRun > 0 ? `; ${r.shellNotRun} $(shell) calls not run, their output is «unknown»` : ''}`,
    '',
  ];
  const rows = r.rows.map((v) => {
    const where = v.file ? `${v.file}:${v.line}` : '-';
    return `${v.name}\t${v.flavor}\t${v.origin}\t${where}\n\t${v.value.replace(/\n/g, '\n\t')}`;
  });
  return [...head, ...rows, ''].join('\n');
}

export const showEvaluatedVariables: CommandFactory = (ctx) => async () => {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || doc.uri.scheme !== 'file') {
    void vscode.window.showInformationMessage('Kbuild: open a make file to see its evaluated variables.');
    return;
  }
  const r = await ctx.client.sendRequest<EvaluatedVariablesResult | null>(EVALUATED_VARIABLES_REQUEST, { uri: doc.uri.toString() });
  if (!r) {
    void vscode.window.showInformationMessage(`Kbuild: ${path.basename(doc.uri.fsPath)} is not a make file the server evaluates.`);
    return;
  }
  await showReadOnlyDocument(`${path.basename(doc.uri.fsPath)} — ${r.contextId.replace(/[/:]/g, '_')}.variables`, evaluatedVariablesText(r));
};
