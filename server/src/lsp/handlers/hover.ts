// textDocument/hover → ide hover().
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { hover } from '../../ide';
import { buildsFor } from '../builds';
import { spanToRange } from '../conversions';
import { fileContext, type ServerState } from '../state';

export function onHover(state: ServerState, params: HoverParams): Hover | null {
  const ctx = fileContext(state, params.textDocument.uri);
  if (!ctx) return null;
  const builds = buildsFor(state, ctx.path);
  const info = hover(ctx.folder.ws, { file: ctx.path, offset: ctx.file.lines.offsetAt(params.position) }, { builds });
  if (!info) return null;
  return { contents: { kind: MarkupKind.Markdown, value: info.contents }, range: spanToRange(ctx.file.lines, info.span) };
}
