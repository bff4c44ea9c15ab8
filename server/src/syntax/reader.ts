// The make reader: file text → statements + diagnostics. Never throws.
// Follows eval() in read.c of GNU make 4.3: recipe lines first, then
// assignments (so variables may be named `ifdef` or `export`), then
// conditionals, export/vpath/include, and finally rules.
import type { Expr, Modifiers, ParseResult, Span, Stmt } from './ast';
import { parseVarAssignment } from './assignment';
import { type CondState, currentBody, handleConditionalLine } from './conditionals';
import { readDefine } from './define';
import { type ExprContext, literalText, parseExpr } from './expr';
import { readLogicalLine, readRecipeLine, stripComment } from './lines';
import { findTopLevel, isBlank } from './source';
import { parseRuleLine } from './rules';

interface ReaderState extends CondState {
  text: string;
  recipePrefix: string;
}

/** Adds a statement where it belongs; most statements end the previous rule's recipe. */
function push(st: ReaderState, s: Stmt, endsRule = true): void {
  currentBody(st).push(s);
  if (endsRule) st.inRule = false;
}

export function parseMakefile(text: string, file: string): ParseResult {
  const st: ReaderState = { text, diagnostics: [], root: [], conds: [], inRule: false, recipePrefix: '\t' };
  let pos = 0;
  while (pos < text.length) {
    try {
      pos = readStatement(st, pos);
    } catch (e) {
      // The reader must never take the server down; report and skip the line.
      const end = text.indexOf('\n', pos);
      const stop = end === -1 ? text.length : end;
      st.diagnostics.push({ message: `internal reader error: ${String(e)}`, span: { start: pos, end: stop }, severity: 'error' });
      pos = stop + 1;
    }
  }
  for (const frame of st.conds) {
    // make reports it where the file ends.
    st.diagnostics.push({ message: "missing 'endif'", span: { start: text.length, end: text.length }, severity: 'error' });
    frame.stmt.span = { start: frame.stmt.span.start, end: text.length };
  }
  return { file, text, stmts: st.root, diagnostics: st.diagnostics };
}

function readStatement(st: ReaderState, pos: number): number {
  const { text } = st;
  if (st.inRule && text[pos] === st.recipePrefix) {
    const { src, next } = readRecipeLine(text, pos, st.recipePrefix);
    const ctx: ExprContext = { src, diagnostics: st.diagnostics };
    currentBody(st).push({ kind: 'recipe', text: src.text, expr: parseExpr(ctx, 0, src.text.length), span: { start: pos, end: Math.max(pos, next - 1) } });
    return next;
  }
  const logical = readLogicalLine(text, pos);
  const raw = logical.src;
  const lineSpan: Span = { start: pos, end: Math.max(pos, Math.min(logical.next - 1, text.length)) };
  // make 4.3: a '#' inside $(…) or ${…} is no comment, on any line.
  const src = stripComment(raw, true);
  const t = src.text;
  const end = t.length;
  let p = 0;
  while (p < end && (isBlank(t[p]) || t[p] === '\f' || t[p] === '\v' || t[p] === '\r')) p++;
  if (p >= end) return logical.next;
  const ctx: ExprContext = { src, diagnostics: st.diagnostics };

  const assign = parseVarAssignment(t, p, end, false);
  if (assign && 'directive' in assign) {
    if (assign.directive === 'undefine') {
      push(st, { kind: 'undefine', name: trimmedExpr(ctx, assign.rest, end), mods: plainMods(assign.mods), span: lineSpan });
      return logical.next;
    }
    const def = readDefine({ text, ctx, nameFrom: assign.rest, nameTo: end, next: logical.next, lineSpan });
    push(st, { kind: 'define', ...def.parts, mods: plainMods(assign.mods) });
    return def.next;
  }
  if (assign) {
    if (assign.nameEnd <= assign.nameStart) st.diagnostics.push({ message: 'empty variable name', span: lineSpan, severity: 'error' });
    const name = parseExpr(ctx, assign.nameStart, assign.nameEnd);
    const valueText = t.slice(assign.valueStart);
    push(st, { kind: 'assign', name, op: assign.op, valueText, value: parseExpr(ctx, assign.valueStart, end), mods: plainMods(assign.mods), span: lineSpan });
    if (literalText(name) === '.RECIPEPREFIX' && !assign.mods.private) {
      st.recipePrefix = valueText.length > 0 && !valueText.includes('$') ? valueText[0] : '\t';
    }
    return logical.next;
  }

  let we = p;
  while (we < end && !isBlank(t[we])) we++;
  const word = t.slice(p, we);
  let rest = we;
  while (rest < end && isBlank(t[rest])) rest++;

  if (handleConditionalLine({ st, ctx, word, rest, end, lineSpan })) {
    return logical.next;
  }
  if (word === 'export' || word === 'unexport') {
    push(st, { kind: 'export', names: rest < end ? trimmedExpr(ctx, rest, end) : null, unexport: word === 'unexport', span: lineSpan });
    return logical.next;
  }
  if (word === 'vpath') {
    let pe = rest;
    while (pe < end && !isBlank(t[pe])) pe++;
    let ds = pe;
    while (ds < end && isBlank(t[ds])) ds++;
    push(st, {
      kind: 'vpath',
      pattern: rest < end ? parseExpr(ctx, rest, pe) : null,
      dirs: ds < end ? trimmedExpr(ctx, ds, end) : null,
      span: lineSpan,
    });
    return logical.next;
  }
  if (word === 'include' || word === '-include' || word === 'sinclude') {
    push(st, { kind: 'include', mode: word, files: trimmedExpr(ctx, rest, end), span: lineSpan });
    return logical.next;
  }
  if (raw.text[0] === st.recipePrefix && st.recipePrefix === '\t' && !st.inRule && /\S/.test(t)) {
    // make: a tab line that is neither an assignment nor a directive, with no rule before it.
    if (findTopLevel(t, p, end, ':') === -1) {
      push(st, { kind: 'error', message: 'recipe commences before first target', span: lineSpan });
      st.diagnostics.push({ message: 'recipe commences before first target', span: lineSpan, severity: 'error' });
      return logical.next;
    }
  }
  const rule = parseRuleLine({ ctx, raw, span: lineSpan });
  if (rule) {
    currentBody(st).push(rule);
    // A target-specific assignment ends the previous rule's recipe, as in make.
    st.inRule = rule.kind === 'rule';
    return logical.next;
  }
  // No colon: a line that is only expansions is fine (make checks it expands to nothing).
  const expr = trimmedExpr(ctx, p, end);
  if (expr.nodes.some((n) => n.kind === 'text' && /\S/.test(n.text))) {
    // make's own hint for a recipe indented with spaces.
    const message = st.recipePrefix === '\t' && raw.text.startsWith('        ') ? 'missing separator (did you mean TAB instead of 8 spaces?)' : 'missing separator';
    push(st, { kind: 'error', message, span: lineSpan });
    st.diagnostics.push({ message, span: lineSpan, severity: 'error' });
  } else {
    push(st, { kind: 'expr', expr, span: lineSpan });
  }
  return logical.next;
}

function plainMods(m: Modifiers): Modifiers {
  return { export: m.export, override: m.override, private: m.private };
}

/** Expression of [from, end) without surrounding blanks. */
export function trimmedExpr(ctx: ExprContext, from: number, end: number): Expr {
  const t = ctx.src.text;
  while (from < end && isBlank(t[from])) from++;
  while (end > from && isBlank(t[end - 1])) end--;
  return parseExpr(ctx, from, end);
}
