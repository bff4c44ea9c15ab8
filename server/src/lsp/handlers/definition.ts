// textDocument/definition → ide evaluatedDefinition() through the file's
// active build context (computed names, files only the evaluation connects),
// else the static definition().
import { existsSync, readFileSync } from 'node:fs';
import type { DefinitionParams, Location } from 'vscode-languageserver/node';
import { definition } from '../../ide';
import { evaluatedDefinition } from '../../ide/evalDefinition';
import { LineIndex } from '../../syntax/lineIndex';
import type { FileSpan } from '../../ide';
import { pathToUri, toLocations } from '../conversions';
import { evaluatedContextOf } from '../evaluation';
import { fileContext, linesIn, type ServerState } from '../state';

export function onDefinition(state: ServerState, params: DefinitionParams): Location[] | null {
  const ctx = fileContext(state, params.textDocument.uri);
  if (!ctx) return null;
  const { ws } = ctx.folder;
  const query = { file: ctx.path, offset: ctx.file.lines.offsetAt(params.position) };
  const evaluated = evaluatedContextOf(state, ctx.path);
  // obj-y += foo.o goes to foo.c: source files are not in the workspace, ask the disk.
  const spans = evaluated ? evaluatedDefinition(ws, query, evaluated.result, { exists: existsSync }) : definition(ws, query, { exists: existsSync });
  const outside = spans.filter((s) => !ws.files.has(s.file));
  return [...toLocations(linesIn(ws), spans.filter((s) => ws.files.has(s.file))), ...outside.map(outsideLocation)];
}

/** A file the folder does not index: a source file (start), or a make file only the evaluation read (its line). */
function outsideLocation(s: FileSpan): Location {
  let start = { line: 0, character: 0 };
  if (s.span.start > 0) {
    try {
      start = new LineIndex(readFileSync(s.file, 'utf8')).positionAt(s.span.start);
    } catch {
      // gone since it was read: the file's start
    }
  }
  return { uri: pathToUri(s.file), range: { start, end: start } };
}
