// Plain ide data ↔ LSP shapes. Offsets become 0-based line/UTF-16 character
// positions through the file's LineIndex; URIs become absolute paths.
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  SymbolKind as LspSymbolKind,
  type Diagnostic,
  type DocumentSymbol,
  type Location,
  type Range,
  type SymbolInformation,
} from 'vscode-languageserver/node';
import type { Span } from '../syntax/ast';
import type { LineIndex } from '../syntax/lineIndex';
import type { DocSymbol, FileSpan, IdeDiagnostic, SymbolKind, WorkspaceSymbol } from '../ide/types';
import type { LintDiagnostic } from '../ide/lint';

/** Absolute path of a file: URI, or undefined for other schemes. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

export function spanToRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

/** Lines of a file by path, for spans that point into other files. */
export type LinesOf = (path: string) => LineIndex | undefined;

export function toLocation(linesOf: LinesOf, file: string, span: Span): Location | undefined {
  const lines = linesOf(file);
  return lines && { uri: pathToUri(file), range: spanToRange(lines, span) };
}

export function toLocations(linesOf: LinesOf, spans: readonly FileSpan[]): Location[] {
  return spans.flatMap((s) => toLocation(linesOf, s.file, s.span) ?? []);
}

const SYMBOL_KINDS: Record<SymbolKind, LspSymbolKind> = {
  variable: LspSymbolKind.Variable,
  define: LspSymbolKind.Function,
  function: LspSymbolKind.Function,
  rule: LspSymbolKind.Method,
  target: LspSymbolKind.Event,
  conditional: LspSymbolKind.Namespace,
  include: LspSymbolKind.File,
};

export function toDocumentSymbol(lines: LineIndex, symbol: DocSymbol): DocumentSymbol {
  return {
    name: symbol.name || ' ',
    kind: SYMBOL_KINDS[symbol.kind],
    range: spanToRange(lines, symbol.span),
    selectionRange: spanToRange(lines, symbol.selectionSpan),
    children: symbol.children.map((child) => toDocumentSymbol(lines, child)),
  };
}

export function toSymbolInformation(linesOf: LinesOf, symbol: WorkspaceSymbol): SymbolInformation | undefined {
  const location = toLocation(linesOf, symbol.file, symbol.span);
  return location && { name: symbol.name, kind: SYMBOL_KINDS[symbol.kind], location };
}

const SEVERITIES: Record<IdeDiagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(lines: LineIndex, d: IdeDiagnostic & Partial<Pick<LintDiagnostic, 'docs' | 'related'>>, linesOf?: LinesOf): Diagnostic {
  const diagnostic: Diagnostic = {
    range: spanToRange(lines, d.span),
    message: d.message,
    severity: SEVERITIES[d.severity],
    source: d.source,
  };
  if (d.code !== undefined) diagnostic.code = d.code;
  if (d.docs && /^(file|https?):/.test(d.docs)) diagnostic.codeDescription = { href: d.docs };
  if (d.related && d.related.length > 0 && linesOf) {
    diagnostic.relatedInformation = d.related.flatMap((r) => {
      const location = toLocation(linesOf, r.file, r.span);
      return location ? [{ location, message: r.message }] : [];
    });
  }
  return diagnostic;
}
