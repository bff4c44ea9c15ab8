// The eval-lsp fixture tree copied to a temp dir, and a server started on
// it with the given initializationOptions (settings, trust, storage).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DidOpenTextDocumentNotification, HoverRequest } from 'vscode-languageserver/node';
import { repoRoot, uriOf, writeTree, type TestClient } from './harness';

export { startOn } from './harness';

const FIXTURE = join(repoRoot, 'test', 'fixtures', 'eval-lsp');

export function fixtureTree(): string {
  const files: Record<string, string> = {};
  for (const e of readdirSync(FIXTURE, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files[relative(FIXTURE, join(e.parentPath, e.name))] = readFileSync(join(e.parentPath, e.name), 'utf8');
  }
  return writeTree(files);
}


export async function openFile(client: TestClient, path: string): Promise<string> {
  const text = readFileSync(path, 'utf8');
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf(path), languageId: 'makefile', version: 1, text } });
  return text;
}

/** Hover at the first occurrence of `needle` (plus `within` characters) in the file. */
export async function hoverText(client: TestClient, q: { path: string; text: string; needle: string; within?: number }): Promise<string> {
  const offset = q.text.indexOf(q.needle) + (q.within ?? 0);
  const before = q.text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const character = offset - (before.lastIndexOf('\n') + 1);
  const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(q.path) }, position: { line, character } });
  return (h?.contents as { value: string } | undefined)?.value ?? '';
}
