// kbuild-analyzer.importProfile: load a saved profile (the Chrome trace JSON
// Profile Build or `kbuild-analyzer profile` writes, another tool's trace, or
// the wrapper's raw log) for the graph view and the critical path.
import * as vscode from 'vscode';
import { IMPORT_PROFILE_REQUEST, type ImportProfileResult } from '../../../server/src/protocol/graph';
import type { CommandFactory } from './index';
import { refreshGraph } from './showBarrierGraph';

export const importProfile: CommandFactory = (ctx) => async (arg?: unknown) => {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri =
    arg instanceof vscode.Uri
      ? arg
      : (
          await vscode.window.showOpenDialog({
            title: 'Kbuild: Import Profile',
            canSelectMany: false,
            defaultUri: folder && vscode.Uri.joinPath(folder, '.kbuild-analyzer', 'profiles'),
            filters: { 'Trace JSON': ['json'], 'All files': ['*'] },
          })
        )?.[0];
  if (!uri) return;
  const r = await ctx.client.sendRequest<ImportProfileResult>(IMPORT_PROFILE_REQUEST, { path: uri.fsPath });
  ctx.output.appendLine(`Import Profile ${uri.fsPath}: ${r.message}`);
  if (!r.ok) {
    void vscode.window.showErrorMessage(`Kbuild: ${r.message}`);
    return;
  }
  void refreshGraph(ctx);
  const choice = await vscode.window.showInformationMessage(`Kbuild: ${r.message}`, 'Show Critical Path', 'Show Barrier Graph');
  if (choice === 'Show Critical Path') await vscode.commands.executeCommand('kbuild-analyzer.showCriticalPath');
  if (choice === 'Show Barrier Graph') await vscode.commands.executeCommand('kbuild-analyzer.showBarrierGraph');
};
