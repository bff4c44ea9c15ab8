// textDocument/codeAction → the lint rules' quick fixes (insert $(OUTPUT)…).
import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit } from 'vscode-languageserver/node';
import { lintCodeActions } from '../../ide/lint';
import { pathToUri, spanToRange, toDiagnostic } from '../conversions';
import { fileContext, linesIn, type ServerState } from '../state';

export function onCodeAction(state: ServerState, params: CodeActionParams): CodeAction[] {
  const ctx = fileContext(state, params.textDocument.uri);
  if (!ctx) return [];
  const { lines } = ctx.file;
  const span = { start: lines.offsetAt(params.range.start), end: lines.offsetAt(params.range.end) };
  const actions = lintCodeActions({ ws: ctx.folder.ws, file: ctx.path, span, parser: state.shellParser, settings: state.lint });
  const linesOf = linesIn(ctx.folder.ws);
  return actions.map((a) => {
    const changes: Record<string, TextEdit[]> = {};
    for (const e of a.edits) {
      const fileLines = linesOf(e.file);
      if (!fileLines) continue;
      (changes[pathToUri(e.file)] ??= []).push({ range: spanToRange(fileLines, e.span), newText: e.newText });
    }
    return {
      title: a.title,
      kind: CodeActionKind.QuickFix,
      isPreferred: a.preferred,
      diagnostics: [toDiagnostic(lines, a.diagnostic, linesOf)],
      edit: { changes },
    };
  });
}
