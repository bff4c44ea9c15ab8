// ifeq/ifneq/ifdef/ifndef/else/endif, kept as a tree of branches. The reader
// does not decide which branch is taken: that is the evaluator's job.
import type { Cond, Span, Stmt, SyntaxDiagnostic } from './ast';
import { type ExprContext, parseExpr } from './expr';
import { isBlank, spanOf } from './source';

type IfStmt = Extract<Stmt, { kind: 'if' }>;

export interface CondFrame {
  stmt: IfStmt;
  sawElse: boolean;
  /** Whether a rule's recipe was open at the `if`, and whether any branch so far ended with one open. */
  inRuleAtIf: boolean;
  inRuleAfter: boolean;
}

/** The part of the reader's state that conditionals read and change. */
export interface CondState {
  /** Open conditionals, innermost last. */
  conds: CondFrame[];
  diagnostics: SyntaxDiagnostic[];
  /** The file's top-level statements. */
  root: Stmt[];
  /** A rule has been read and no statement since ended its recipe. */
  inRule: boolean;
}

/** Where the next statement goes: the innermost open branch, else the top level. */
export function currentBody(st: CondState): Stmt[] {
  const top = st.conds[st.conds.length - 1];
  return top ? top.stmt.branches[top.stmt.branches.length - 1].body : st.root;
}

const CONDITIONALS = new Set(['ifeq', 'ifneq', 'ifdef', 'ifndef']);

/** Handles a conditional directive line; false when the line is not one. */
export function handleConditionalLine(args: {
  st: CondState;
  ctx: ExprContext;
  word: string;
  rest: number;
  end: number;
  lineSpan: Span;
}): boolean {
  const { st, ctx, word, rest, end, lineSpan } = args;
  if (CONDITIONALS.has(word)) {
    const cond = parseCondition({ ctx, word, from: rest, end, lineSpan, diagnostics: st.diagnostics });
    const stmt: IfStmt = { kind: 'if', branches: [{ cond, body: [], span: lineSpan }], span: lineSpan };
    currentBody(st).push(stmt);
    st.conds.push({ stmt, sawElse: false, inRuleAtIf: st.inRule, inRuleAfter: false });
    return true;
  }
  if (word === 'else') {
    const top = st.conds[st.conds.length - 1];
    if (!top) {
      st.diagnostics.push({ message: "extraneous 'else'", span: lineSpan, severity: 'error' });
      return true;
    }
    if (top.sawElse) st.diagnostics.push({ message: "only one 'else' per conditional", span: lineSpan, severity: 'error' });
    const t = ctx.src.text;
    let we = rest;
    while (we < end && !isBlank(t[we])) we++;
    const next = t.slice(rest, we);
    let cond: Cond | null = null;
    if (CONDITIONALS.has(next)) {
      let r = we;
      while (r < end && isBlank(t[r])) r++;
      cond = parseCondition({ ctx, word: next, from: r, end, lineSpan, diagnostics: st.diagnostics });
    } else {
      if (rest < end) st.diagnostics.push({ message: "extraneous text after 'else' directive", span: lineSpan, severity: 'warning' });
      top.sawElse = true;
    }
    top.stmt.branches.push({ cond, body: [], span: lineSpan });
    // Each branch starts where the `if` did: make reads only one of them.
    top.inRuleAfter ||= st.inRule;
    st.inRule = top.inRuleAtIf;
    return true;
  }
  if (word === 'endif') {
    const top = st.conds.pop();
    if (!top) {
      st.diagnostics.push({ message: "extraneous 'endif'", span: lineSpan, severity: 'error' });
      return true;
    }
    if (rest < end) st.diagnostics.push({ message: "extraneous text after 'endif' directive", span: lineSpan, severity: 'warning' });
    top.stmt.span = { start: top.stmt.span.start, end: lineSpan.end };
    // Not knowing which branch make takes, a recipe stays open after endif if it
    // could be open after any branch (an absent else leaves it as it was).
    st.inRule = top.inRuleAfter || st.inRule || (!top.sawElse && top.inRuleAtIf);
    return true;
  }
  return false;
}

function parseCondition(args: {
  ctx: ExprContext;
  word: string;
  from: number;
  end: number;
  lineSpan: Span;
  diagnostics: SyntaxDiagnostic[];
}): Cond {
  const { ctx, word, from, end, lineSpan, diagnostics } = args;
  const t = ctx.src.text;
  let e = end;
  while (e > from && isBlank(t[e - 1])) e--;
  if (word === 'ifdef' || word === 'ifndef') {
    if (from >= e) diagnostics.push({ message: 'invalid syntax in conditional', span: lineSpan, severity: 'error' });
    return { kind: word, name: parseExpr(ctx, from, e), span: spanOf(ctx.src, from, e) };
  }
  const kind = word as 'ifeq' | 'ifneq';
  if (t[from] === '(') {
    // ifeq (a,b): the comma at paren depth 0 splits, the matching ')' ends.
    let depth = 0;
    let comma = -1;
    let close = -1;
    for (let i = from + 1; i < e; i++) {
      const c = t[i];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) {
          close = i;
          if (comma !== -1) break;
          return invalidCondition(args, kind);
        }
        depth--;
      } else if (c === ',' && depth === 0 && comma === -1) comma = i;
    }
    if (comma === -1 || close === -1) return invalidCondition(args, kind);
    let le = comma;
    while (le > from + 1 && isBlank(t[le - 1])) le--;
    let rs = comma + 1;
    while (rs < close && isBlank(t[rs])) rs++;
    if (close + 1 < e) diagnostics.push({ message: `extraneous text after '${word}' directive`, span: lineSpan, severity: 'warning' });
    return { kind, left: parseExpr(ctx, from + 1, le), right: parseExpr(ctx, rs, close), span: spanOf(ctx.src, from, close + 1) };
  }
  const q1 = t[from];
  if (q1 !== '"' && q1 !== "'") return invalidCondition(args, kind);
  const c1 = t.indexOf(q1, from + 1);
  if (c1 === -1 || c1 >= e) return invalidCondition(args, kind);
  let s2 = c1 + 1;
  while (s2 < e && isBlank(t[s2])) s2++;
  const q2 = t[s2];
  if (q2 !== '"' && q2 !== "'") return invalidCondition(args, kind);
  const c2 = t.indexOf(q2, s2 + 1);
  if (c2 === -1 || c2 >= e) return invalidCondition(args, kind);
  if (c2 + 1 < e) diagnostics.push({ message: `extraneous text after '${word}' directive`, span: lineSpan, severity: 'warning' });
  return { kind, left: parseExpr(ctx, from + 1, c1), right: parseExpr(ctx, s2 + 1, c2), span: spanOf(ctx.src, from, c2 + 1) };
}

function invalidCondition(args: { ctx: ExprContext; from: number; lineSpan: Span; diagnostics: SyntaxDiagnostic[] }, kind: 'ifeq' | 'ifneq'): Cond {
  const { ctx, from, lineSpan } = args;
  args.diagnostics.push({ message: 'invalid syntax in conditional', span: lineSpan, severity: 'error' });
  return { kind, left: parseExpr(ctx, from, from), right: parseExpr(ctx, from, from), span: lineSpan };
}
