// textDocument/definition → ide definition().
import type { DefinitionParams, Location } from 'vscode-languageserver/node';
import { definition } from '../../ide';
import { toLocations } from '../conversions';
import { fileContext, linesIn, type ServerState } from '../state';

export function onDefinition(state: ServerState, params: DefinitionParams): Location[] | null {
  const ctx = fileContext(state, params.textDocument.uri);
  if (!ctx) return null;
  const { ws } = ctx.folder;
  const spans = definition(ws, { file: ctx.path, offset: ctx.file.lines.offsetAt(params.position) });
  return toLocations(linesIn(ws), spans);
}
