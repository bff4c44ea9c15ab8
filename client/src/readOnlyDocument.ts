// Read-only documents the extension shows (rebuild reasons, object lists):
// a content provider on our own scheme, so nothing asks to be saved and a
// second request with the same name replaces the text in place.
import * as vscode from 'vscode';

const SCHEME = 'kbuild-analyzer';
const texts = new Map<string, string>();
const changed = new vscode.EventEmitter<vscode.Uri>();

export function registerReadOnlyDocuments(): vscode.Disposable {
  return vscode.Disposable.from(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: (uri) => texts.get(uri.path) ?? '',
    }),
  );
}

/** Opens (or refreshes) the read-only document `name` (its extension picks the language) beside the editor. */
export async function showReadOnlyDocument(name: string, text: string, options: { preview?: 'markdown' } = {}): Promise<void> {
  const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${name}` });
  texts.set(uri.path, text);
  changed.fire(uri);
  if (options.preview === 'markdown') {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    return;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
}
