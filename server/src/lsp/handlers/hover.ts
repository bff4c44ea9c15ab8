// textDocument/hover → ide evaluatedHover() in the file's active build
// context (what make sees), else the static hover().
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { hover } from '../../ide';
import { evaluatedHover } from '../../ide/evalHover';
import { buildsFor } from '../builds';
import { spanToRange } from '../conversions';
import { hoverContextOf } from '../evaluation';
import { fileContext, type ServerState } from '../state';

export function onHover(state: ServerState, params: HoverParams): Hover | null {
  const ctx = fileContext(state, params.textDocument.uri);
  if (!ctx) return null;
  const builds = buildsFor(state, ctx.path);
  const offset = ctx.file.lines.offsetAt(params.position);
  const context = hoverContextOf(state, ctx.path);
  const query = { file: ctx.path, offset, uri: params.textDocument.uri };
  const info = context ? evaluatedHover(ctx.folder.ws, query, context, { builds }) : hover(ctx.folder.ws, query, { builds });
  if (!info) return null;
  return { contents: { kind: MarkupKind.Markdown, value: info.contents }, range: spanToRange(ctx.file.lines, info.span) };
}
