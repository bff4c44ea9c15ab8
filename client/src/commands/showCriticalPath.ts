// kbuild-analyzer.showCriticalPath: the steps of the loaded profile's
// critical path in a QuickPick (duration, target); picking one opens its
// rule. An open graph view is redrawn with the path overlaid.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CRITICAL_PATH_REQUEST, type CriticalPathResult, type CriticalPathStep } from '../../../server/src/protocol/graph';
import type { CommandFactory } from './index';
import { makeFileUri, refreshGraph } from './showBarrierGraph';

type Item = vscode.QuickPickItem & { step: CriticalPathStep };

const PART = { whole: '', begin: ' (until its sub-make starts)', end: ' (after its sub-make)' };

export const showCriticalPath: CommandFactory = (ctx) => async (arg?: unknown) => {
  const uri = makeFileUri(arg)?.toString();
  const r = await ctx.client.sendRequest<CriticalPathResult>(CRITICAL_PATH_REQUEST, uri ? { uri } : {});
  if (!r.ok) {
    const choice = await vscode.window.showInformationMessage(r.message, 'Profile Build', 'Import Profile');
    if (choice === 'Profile Build') await vscode.commands.executeCommand('kbuild-analyzer.profileBuild');
    if (choice === 'Import Profile') await vscode.commands.executeCommand('kbuild-analyzer.importProfile');
    return;
  }
  void refreshGraph(ctx);
  const t = r.totals;
  const items: Item[] = r.steps.map((step) => ({
    label: `${step.seconds.toFixed(2).padStart(7)} s  ${step.target}${PART[step.part]}`,
    description: `at ${step.start.toFixed(2)} s`,
    detail: step.location ? `${step.location.file}:${step.location.line}` : step.dir,
    step,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: `${r.message} · CPU ${t.cpu.toFixed(1)} s · parallelism ${t.parallelism.toFixed(2)}`,
    placeHolder: 'A step opens its rule',
    matchOnDetail: true,
  });
  const loc = picked?.step.location;
  if (!loc) return;
  const file = path.isAbsolute(loc.file) ? loc.file : path.join(picked.step.dir ?? '', loc.file);
  const at = new vscode.Position(Math.max(0, loc.line - 1), 0);
  await vscode.window.showTextDocument(vscode.Uri.file(file), { selection: new vscode.Range(at, at) });
};
