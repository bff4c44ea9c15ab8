// kbuild-analyzer.profileBuild: runs the user's build (make, its arguments
// and bash from the kbuild-analyzer.profile.* settings, plus what is typed
// here) under the timing wrapper, in trusted workspaces only; the server
// saves the trace under .kbuild-analyzer/profiles/ and loads it.
import * as vscode from 'vscode';
import { PROFILE_BUILD_REQUEST, type ProfileBuildResult } from '../../../server/src/protocol/graph';
import type { CommandFactory } from './index';
import { refreshGraph } from './showBarrierGraph';

export const profileBuild: CommandFactory = (ctx) => async () => {
  if (!vscode.workspace.isTrusted) {
    const choice = await vscode.window.showWarningMessage(
      'Kbuild: Profile Build runs make, which runs the code of this folder. Trust the workspace to use it.',
      'Manage Workspace Trust',
    );
    if (choice) await vscode.commands.executeCommand('workbench.trust.manage');
    return;
  }
  const settings = vscode.workspace.getConfiguration('kbuild-analyzer.profile');
  const fixed = settings.get<string[]>('makeArgs', []).join(' ');
  const typed = await vscode.window.showInputBox({
    title: 'Kbuild: Profile Build',
    prompt: `${settings.get<string>('make', 'make')} ${fixed} … (kbuild-analyzer.profile.makeArgs, then these)`,
    placeHolder: 'goals and options, e.g. -j8 vmlinux',
  });
  if (typed === undefined) return;
  const args = typed.split(/\s+/).filter(Boolean);
  const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Kbuild: profiling the build…' }, () =>
    ctx.client.sendRequest<ProfileBuildResult>(PROFILE_BUILD_REQUEST, { args }),
  );
  ctx.output.appendLine(`Profile Build: ${r.message}`);
  if (!r.summary) {
    void vscode.window.showErrorMessage(`Kbuild: ${r.message}`);
    return;
  }
  void refreshGraph(ctx);
  const show = r.ok ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
  const choice = await show(`Kbuild: ${r.message}`, 'Show Critical Path', 'Show Barrier Graph');
  if (choice === 'Show Critical Path') await vscode.commands.executeCommand('kbuild-analyzer.showCriticalPath');
  if (choice === 'Show Barrier Graph') await vscode.commands.executeCommand('kbuild-analyzer.showBarrierGraph');
};
