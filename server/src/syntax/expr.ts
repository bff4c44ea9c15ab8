// Expression parser: make text → Expr (literal runs, references, substitution
// references, builtin calls), following expand.c / function.c of GNU make 4.3
// for where a reference ends and how a call's arguments are split.
import type { Brace, Expr, ExprNode, SyntaxDiagnostic } from './ast';
import { BUILTIN_MAX_ARGS } from './functions';
import { type Source, findTopLevel, isBlank, spanOf } from './source';

export interface ExprContext {
  src: Source;
  diagnostics: SyntaxDiagnostic[];
}

export function parseExpr(ctx: ExprContext, from: number, to: number): Expr {
  const { src } = ctx;
  const { text } = src;
  const nodes: ExprNode[] = [];
  // The literal run being gathered ('$$' reduced), flushed before each reference.
  // Written out inline: this is the reader's hottest loop.
  let lit = '';
  let litStart = from;
  let litEnd = from;
  let i = from;
  while (i < to) {
    const dollar = text.indexOf('$', i);
    if (dollar === -1 || dollar >= to) {
      if (!lit) litStart = i;
      lit += text.slice(i, to);
      litEnd = to;
      break;
    }
    if (dollar > i) {
      if (!lit) litStart = i;
      lit += text.slice(i, dollar);
      litEnd = dollar;
    }
    i = dollar;
    if (i + 1 >= to) {
      // A lone trailing '$' expands to nothing in make.
      i = to;
      break;
    }
    const next = text[i + 1];
    if (next === '$') {
      if (!lit) litStart = i;
      lit += '$';
      litEnd = i + 2;
      i += 2;
      continue;
    }
    if (lit) {
      nodes.push({ kind: 'text', text: lit, span: spanOf(src, litStart, litEnd) });
      lit = '';
    }
    if (next === '(' || next === '{') {
      const node = parseParenReference(ctx, i, to);
      nodes.push(node.node);
      i = node.end;
    } else {
      nodes.push({
        kind: 'ref',
        name: { nodes: [{ kind: 'text', text: next, span: spanOf(src, i + 1, i + 2) }], span: spanOf(src, i + 1, i + 2) },
        brace: '',
        span: spanOf(src, i, i + 2),
      });
      i += 2;
    }
  }
  if (lit) nodes.push({ kind: 'text', text: lit, span: spanOf(src, litStart, litEnd) });
  return { nodes, span: spanOf(src, from, to) };
}

function parseParenReference(ctx: ExprContext, start: number, to: number): { node: ExprNode; end: number } {
  const { text } = ctx.src;
  const brace = text[start + 1] as Brace;
  const close = brace === '(' ? ')' : '}';
  const innerStart = start + 2;
  const call = parseCall(ctx, start, to);
  if (call) return call;
  let end = findReferenceEnd(text, innerStart, to, brace, close);
  let innerEnd: number;
  if (end === -1) {
    ctx.diagnostics.push({
      message: 'unterminated variable reference',
      span: spanOf(ctx.src, start, to),
      severity: 'error',
    });
    innerEnd = to;
    end = to;
  } else {
    innerEnd = end - 1;
  }
  const span = spanOf(ctx.src, start, end);
  const colon = findTopLevel(text, innerStart, innerEnd, ':');
  if (colon !== -1) {
    const eq = findTopLevel(text, colon + 1, innerEnd, '=');
    if (eq !== -1) {
      return {
        node: {
          kind: 'subst',
          name: parseExpr(ctx, innerStart, colon),
          from: parseExpr(ctx, colon + 1, eq),
          to: parseExpr(ctx, eq + 1, innerEnd),
          brace,
          span,
        },
        end,
      };
    }
  }
  return { node: { kind: 'ref', name: parseExpr(ctx, innerStart, innerEnd), brace, span }, end };
}

/**
 * Where a $( or ${ reference ends: make takes the first closing brace when
 * the name has no '$' before it, and counts braces of the same kind otherwise.
 */
function findReferenceEnd(text: string, innerStart: number, to: number, open: string, close: string): number {
  const firstClose = text.indexOf(close, innerStart);
  const firstDollar = text.indexOf('$', innerStart);
  if (firstClose !== -1 && firstClose < to && (firstDollar === -1 || firstDollar > firstClose)) return firstClose + 1;
  let depth = 0;
  for (let j = innerStart; j < to; j++) {
    const c = text[j];
    if (c === open) depth++;
    else if (c === close && --depth < 0) return j + 1;
  }
  return -1;
}

function parseCall(ctx: ExprContext, start: number, to: number): { node: ExprNode; end: number } | undefined {
  const { text } = ctx.src;
  const brace = text[start + 1] as Brace;
  const close = brace === '(' ? ')' : '}';
  let e = start + 2;
  while (e < to && isFunctionNameChar(text.charCodeAt(e))) e++;
  if (e === start + 2 || !isBlank(text[e])) return undefined;
  const fn = text.slice(start + 2, e);
  const maxArgs = BUILTIN_MAX_ARGS.get(fn);
  if (maxArgs === undefined) return undefined;
  let argStart = e;
  while (argStart < to && isBlank(text[argStart])) argStart++;
  // The call ends at the brace that balances the opening one, counting only its own kind.
  let depth = 0;
  let end = -1;
  for (let j = argStart; j < to; j++) {
    const c = text[j];
    if (c === brace) depth++;
    else if (c === close && --depth < 0) {
      end = j;
      break;
    }
  }
  if (end === -1) {
    ctx.diagnostics.push({
      message: `unterminated call to function '${fn}': missing '${close}'`,
      span: spanOf(ctx.src, start, to),
      severity: 'error',
    });
    end = to;
  }
  const args: ReturnType<typeof parseExpr>[] = [];
  let p = argStart;
  for (;;) {
    const comma = maxArgs !== 0 && args.length + 1 >= maxArgs ? -1 : findArgumentComma(text, p, end, brace, close);
    if (comma === -1) {
      args.push(parseExpr(ctx, p, end));
      break;
    }
    args.push(parseExpr(ctx, p, comma));
    p = comma + 1;
  }
  const callEnd = end < to ? end + 1 : to;
  return {
    node: { kind: 'call', fn, fnSpan: spanOf(ctx.src, start + 2, e), args, brace, span: spanOf(ctx.src, start, callEnd) },
    end: callEnd,
  };
}

/** [a-z-]: the characters of a builtin function's name. */
function isFunctionNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || c === 0x2d;
}

function findArgumentComma(text: string, from: number, end: number, open: string, close: string): number {
  let depth = 0;
  for (let j = from; j < end; j++) {
    const c = text[j];
    if (c === open) depth++;
    else if (c === close) depth--;
    else if (c === ',' && depth === 0) return j;
  }
  return -1;
}

/** The literal text of an expression when it has no references, else undefined. */
export function literalText(expr: Expr): string | undefined {
  let s = '';
  for (const n of expr.nodes) {
    if (n.kind !== 'text') return undefined;
    s += n.text;
  }
  return s;
}

/** Parse free-standing make text (a variable's value, say); spans are offsets into `text`. */
export function parseText(text: string): Expr {
  return parseExpr({ src: { text, segs: null, base: 0 }, diagnostics: [] }, 0, text.length);
}
