// Push diagnostics for the open documents. Any edit can change another
// file's diagnostics (a variable defined elsewhere), so every open document
// is republished, debounced.
import { fileDiagnostics } from '../../ide';
import { lintDiagnostics } from '../../ide/lint';
import { toDiagnostic } from '../conversions';
import { isCmdDocument, publishCmdDiagnostics } from './cmdFile';
import { fileContext, linesIn, type ServerState } from '../state';

const DEBOUNCE_MS = 150;

export function publishDiagnostics(state: ServerState, uri: string): void {
  if (isCmdDocument(uri)) return publishCmdDiagnostics(state, uri);
  const ctx = fileContext(state, uri);
  const lint = ctx ? lintDiagnostics({ ws: ctx.folder.ws, file: ctx.path, parser: state.shellParser, settings: state.lint }) : [];
  const diagnostics = ctx
    ? [...fileDiagnostics(ctx.folder.ws, ctx.path), ...lint].map((d) => toDiagnostic(ctx.file.lines, d, linesIn(ctx.folder.ws)))
    : [];
  const version = state.documents.get(uri)?.version;
  void state.connection.sendDiagnostics({ uri, version, diagnostics });
}

export function clearDiagnostics(state: ServerState, uri: string): void {
  void state.connection.sendDiagnostics({ uri, diagnostics: [] });
}

/** A function that republishes every open document's diagnostics a moment after its last call. */
export function diagnosticsScheduler(state: ServerState): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      for (const doc of state.documents.all()) publishDiagnostics(state, doc.uri);
    }, DEBOUNCE_MS);
  };
}
