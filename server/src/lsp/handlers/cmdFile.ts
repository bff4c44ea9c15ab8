// Requests on an open `.*.cmd` file: outline, go-to-definition on every path
// (resolved against the build dir the file belongs to, then the source tree)
// and on `$(wildcard include/config/FOO)` (the option's line in .config),
// and the reader's diagnostics.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { DefinitionParams, DocumentSymbol, DocumentSymbolParams, Location } from 'vscode-languageserver/node';
import { buildDirFor } from '../../cmdfiles';
import { cmdFileDiagnostics, cmdFileSymbols, cmdFileTargetAt, configLine } from '../../ide/cmdFile';
import { LineIndex } from '../../syntax';
import { isCmdFile } from '../builds';
import { pathToUri, spanToRange, toDiagnostic, toDocumentSymbol, uriToPath } from '../conversions';
import { createNodeHost } from '../nodeHost';
import type { ServerState } from '../state';

const host = createNodeHost();

/** Whether a document URI is a Kbuild .cmd file (its requests are answered here). */
export function isCmdDocument(uri: string): boolean {
  const path = uriToPath(uri);
  return path !== undefined && isCmdFile(path);
}

function openText(state: ServerState, uri: string): string | undefined {
  return state.documents.get(uri)?.getText();
}

export function onCmdDocumentSymbol(state: ServerState, params: DocumentSymbolParams): DocumentSymbol[] {
  const text = openText(state, params.textDocument.uri);
  if (text === undefined) return [];
  const lines = new LineIndex(text);
  return cmdFileSymbols(text).map((s) => toDocumentSymbol(lines, s));
}

/** The first existing file `written` names: in the build dir (make's cwd), else the source tree. */
function resolveWritten(written: string, bases: readonly string[]): string | undefined {
  if (isAbsolute(written)) return existsSync(written) ? written : undefined;
  for (const base of bases) {
    const full = resolve(base, written);
    if (existsSync(full)) return full;
  }
  return undefined;
}

function fileStart(path: string): Location {
  return { uri: pathToUri(path), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

export function onCmdDefinition(state: ServerState, params: DefinitionParams): Location[] | null {
  const uri = params.textDocument.uri;
  const path = uriToPath(uri);
  const text = openText(state, uri);
  if (path === undefined || text === undefined) return null;
  const target = cmdFileTargetAt(text, new LineIndex(text).offsetAt(params.position));
  if (!target) return null;
  const build = buildDirFor({ host, path: dirname(path) });
  const buildDir = build?.buildDir ?? dirname(path);
  if (target.kind === 'config') {
    const config = join(buildDir, '.config');
    if (!existsSync(config)) return null;
    const configText = readFileSync(config, 'utf8');
    const span = configLine(configText, target.name);
    return span ? [{ uri: pathToUri(config), range: spanToRange(new LineIndex(configText), span) }] : [fileStart(config)];
  }
  const found = resolveWritten(target.path, [buildDir, ...(build?.srctree ? [build.srctree] : [])]);
  return found ? [fileStart(found)] : null;
}

export function publishCmdDiagnostics(state: ServerState, uri: string): void {
  const text = openText(state, uri);
  if (text === undefined) return;
  const lines = new LineIndex(text);
  void state.connection.sendDiagnostics({ uri, version: state.documents.get(uri)?.version, diagnostics: cmdFileDiagnostics(text).map((d) => toDiagnostic(lines, d)) });
}
