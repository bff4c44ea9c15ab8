// define NAME [op] … endef, as do_define() in read.c reads it: nested
// define/endef count (only on lines not starting with a tab), the body keeps
// comments, and backslash-newlines fold like anywhere outside recipes.
import type { AssignOp, Expr, Span } from './ast';
import { type ExprContext, parseExpr } from './expr';
import { commentStart, lineEnd, readLogicalLine } from './lines';
import { type Source, SourceBuilder, fileOffset, isBlank } from './source';

const OPS: AssignOp[] = ['::=', ':=', '+=', '?=', '!=', '='];

export interface DefineParts {
  name: Expr;
  op: AssignOp;
  valueText: string;
  value: Expr;
  bodySpan: Span;
  span: Span;
}

function directiveWord(line: string, word: string): boolean {
  let p = 0;
  while (p < line.length && isBlank(line[p])) p++;
  return line.startsWith(word, p) && (line.length === p + word.length || isBlank(line[p + word.length]) || line[p + word.length] === '#');
}

export function readDefine(args: {
  text: string;
  ctx: ExprContext;
  nameFrom: number;
  nameTo: number;
  next: number;
  lineSpan: Span;
}): { parts: DefineParts; next: number } {
  const { text, ctx, lineSpan } = args;
  const t = ctx.src.text;
  let nameEnd = args.nameTo;
  while (nameEnd > args.nameFrom && isBlank(t[nameEnd - 1])) nameEnd--;
  let op: AssignOp = '=';
  for (const candidate of OPS) {
    if (t.slice(args.nameFrom, nameEnd).endsWith(candidate)) {
      op = candidate;
      nameEnd -= candidate.length;
      while (nameEnd > args.nameFrom && isBlank(t[nameEnd - 1])) nameEnd--;
      break;
    }
  }
  if (nameEnd <= args.nameFrom) ctx.diagnostics.push({ message: 'empty variable name', span: lineSpan, severity: 'error' });
  const name = parseExpr(ctx, args.nameFrom, nameEnd);

  // Body: fold each physical line's continuations, keep everything else.
  let depth = 1;
  let pos = args.next;
  const bodyStart = Math.min(pos, text.length);
  const b = new SourceBuilder(text);
  let bodyEnd = bodyStart;
  let endLineEnd = -1;
  let first = true;
  while (pos < text.length) {
    const physicalEnd = lineEnd(text, pos);
    const firstLine = text.slice(pos, physicalEnd);
    if (firstLine[0] !== '\t') {
      if (directiveWord(firstLine, 'define')) depth++;
      else if (directiveWord(firstLine, 'endef')) {
        const after = firstLine.replace(/^\s*endef/, '');
        const c = commentStart(after);
        if ((c === -1 ? after : after.slice(0, c)).trim() !== '') {
          ctx.diagnostics.push({ message: "extraneous text after 'endef' directive", span: { start: pos, end: physicalEnd }, severity: 'warning' });
        }
        if (--depth === 0) {
          endLineEnd = physicalEnd;
          bodyEnd = pos;
          pos = physicalEnd + 1;
          break;
        }
      }
    }
    const logical = readLogicalLine(text, pos);
    if (!first) b.char('\n', pos - 1);
    first = false;
    appendSource(b, logical.src);
    pos = logical.next;
    bodyEnd = Math.min(pos, text.length);
  }
  if (endLineEnd === -1) {
    ctx.diagnostics.push({ message: "missing 'endef', unterminated 'define'", span: lineSpan, severity: 'error' });
  }
  const bodySrc: Source = b.build(bodyStart);
  const out = bodySrc.text;
  const bodyCtx: ExprContext = { src: bodySrc, diagnostics: ctx.diagnostics };
  const span = { start: lineSpan.start, end: endLineEnd === -1 ? text.length : endLineEnd };
  return {
    parts: {
      name,
      op,
      valueText: out,
      value: parseExpr(bodyCtx, 0, out.length),
      bodySpan: { start: bodyStart, end: Math.max(bodyStart, bodyEnd > bodyStart ? bodyEnd - 1 : bodyStart) },
      span,
    },
    next: pos,
  };
}

/** Append a logical line (itself folded from several physical lines) to a builder. */
function appendSource(b: SourceBuilder, src: Source): void {
  if (!src.segs) {
    b.run(src.base, src.base + src.text.length);
    return;
  }
  for (let k = 0; k < src.segs.length; k += 2) {
    const from = src.segs[k];
    const to = k + 2 < src.segs.length ? src.segs[k + 2] : src.text.length;
    if (to <= from) continue;
    const at = fileOffset(src, from);
    // A folded continuation is a ' ' standing for the backslash: not a run of the file.
    if (to - from === 1 && src.text[from] === ' ' && b.fileChar(at) !== ' ') b.char(' ', at);
    else b.run(at, at + (to - from));
  }
}
