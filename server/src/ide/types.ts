// What the ide layer answers with: plain data, offsets into file texts.
// lsp/ converts these to LSP positions; the CLI prints them as JSON.
import type { Span } from '../syntax/ast';

export interface FileSpan {
  file: string;
  span: Span;
}

export type SymbolKind = 'variable' | 'rule' | 'target' | 'define' | 'conditional' | 'include' | 'function';

export interface DocSymbol {
  name: string;
  kind: SymbolKind;
  /** The whole construct. */
  span: Span;
  /** The name within it. */
  selectionSpan: Span;
  children: DocSymbol[];
}

export interface WorkspaceSymbol {
  name: string;
  kind: SymbolKind;
  file: string;
  span: Span;
}

export interface IdeDiagnostic {
  span: Span;
  message: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  code?: string;
  source: 'kbuild-analyzer';
}

export interface HoverInfo {
  /** Markdown. */
  contents: string;
  span: Span;
}
