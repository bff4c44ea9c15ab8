// workspace/symbol → ide workspaceSymbols() over every folder, capped.
import type { SymbolInformation, WorkspaceSymbolParams } from 'vscode-languageserver/node';
import { workspaceSymbols } from '../../ide';
import { toSymbolInformation } from '../conversions';
import { linesIn, type ServerState } from '../state';

/** The kernel defines tens of thousands of names; clients filter further as the user types. */
const MAX_SYMBOLS = 1000;

export function onWorkspaceSymbol(state: ServerState, params: WorkspaceSymbolParams): SymbolInformation[] {
  const result: SymbolInformation[] = [];
  for (const folder of state.folders) {
    const linesOf = linesIn(folder.ws);
    for (const symbol of workspaceSymbols(folder.ws, params.query)) {
      if (result.length >= MAX_SYMBOLS) return result;
      const info = toSymbolInformation(linesOf, symbol);
      if (info) result.push(info);
    }
  }
  return result;
}
