// textDocument/documentSymbol → ide documentSymbols(), as a hierarchy.
import type { DocumentSymbol, DocumentSymbolParams } from 'vscode-languageserver/node';
import { documentSymbols } from '../../ide';
import { toDocumentSymbol } from '../conversions';
import { fileContext, type ServerState } from '../state';

export function onDocumentSymbol(state: ServerState, params: DocumentSymbolParams): DocumentSymbol[] | null {
  const ctx = fileContext(state, params.textDocument.uri);
  if (!ctx) return null;
  return documentSymbols(ctx.folder.ws, ctx.path).map((s) => toDocumentSymbol(ctx.file.lines, s));
}
