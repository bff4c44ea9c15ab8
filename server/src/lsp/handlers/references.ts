// textDocument/references → ide references().
import type { Location, ReferenceParams } from 'vscode-languageserver/node';
import { references } from '../../ide';
import { toLocations } from '../conversions';
import { fileContext, linesIn, type ServerState } from '../state';

export function onReferences(state: ServerState, params: ReferenceParams): Location[] | null {
  const ctx = fileContext(state, params.textDocument.uri);
  if (!ctx) return null;
  const { ws } = ctx.folder;
  const spans = references(ws, {
    file: ctx.path,
    offset: ctx.file.lines.offsetAt(params.position),
    includeDeclaration: params.context.includeDeclaration,
  });
  return toLocations(linesIn(ws), spans);
}
