// textDocument/definition → ide definition().
import { existsSync } from 'node:fs';
import type { DefinitionParams, Location } from 'vscode-languageserver/node';
import { definition } from '../../ide';
import { pathToUri, toLocations } from '../conversions';
import { fileContext, linesIn, type ServerState } from '../state';

export function onDefinition(state: ServerState, params: DefinitionParams): Location[] | null {
  const ctx = fileContext(state, params.textDocument.uri);
  if (!ctx) return null;
  const { ws } = ctx.folder;
  // obj-y += foo.o goes to foo.c: source files are not in the workspace, ask the disk.
  const spans = definition(ws, { file: ctx.path, offset: ctx.file.lines.offsetAt(params.position) }, { exists: existsSync });
  const sourceFiles = spans.filter((s) => !ws.files.has(s.file));
  return [...toLocations(linesIn(ws), spans.filter((s) => ws.files.has(s.file))), ...sourceFiles.map((s) => ({ uri: pathToUri(s.file), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }))];
}
