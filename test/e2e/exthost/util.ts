// Shared by the extension-host suites: the extension's API once its first
// indexing run is over, fixture URIs, positions found by text.
import * as vscode from 'vscode';
import type { KbuildAnalyzerApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'kbuild-analyzer.kbuild-analyzer';

export async function activated(): Promise<KbuildAnalyzerApi> {
  const ext = vscode.extensions.getExtension<KbuildAnalyzerApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in this extension host`);
  return ext.activate();
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The API after the server's first kbuild/indexState. */
export async function indexed(): Promise<KbuildAnalyzerApi> {
  const api = await activated();
  await waitFor('the first indexing run', () => api.indexState()?.state === 'ready' || undefined, 60_000);
  return api;
}

export function fixtureUri(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  return vscode.Uri.joinPath(folder.uri, rel);
}

export async function openFixture(rel: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(fixtureUri(rel));
}

/** Position of `needle` in the document, moved `into` characters into it. */
export function positionOf(doc: vscode.TextDocument, needle: string, into = 0): vscode.Position {
  const offset = doc.getText().indexOf(needle);
  if (offset < 0) throw new Error(`${needle} not in ${doc.uri.path}`);
  return doc.positionAt(offset + into);
}

/** 0-based line of the first line starting with `prefix`. */
export function lineStarting(doc: vscode.TextDocument, prefix: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.startsWith(prefix)) return i;
  throw new Error(`no line starting with ${prefix} in ${doc.uri.path}`);
}

export function rel(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

/** The markdown of every hover, joined. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}
