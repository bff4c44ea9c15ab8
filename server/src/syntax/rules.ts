// Rule lines: `targets SEP [target-pattern:] prereqs [| order-only] [; recipe]`
// and target-/pattern-specific assignments `targets: [mods] VAR op value`.
import type { Expr, RuleSep, Span, Stmt } from './ast';
import { parseVarAssignment } from './assignment';
import { type ExprContext, literalText, parseExpr } from './expr';
import { commentStart } from './lines';
import { type Source, findTopLevel, isBlank } from './source';

type RuleStmt = Extract<Stmt, { kind: 'rule' | 'targetAssign' }>;

function trimmed(ctx: ExprContext, from: number, end: number): Expr {
  const t = ctx.src.text;
  while (from < end && isBlank(t[from])) from++;
  while (end > from && isBlank(t[end - 1])) end--;
  return parseExpr(ctx, from, end);
}

/** Null when the line has no colon outside references (so it is no rule). */
export function parseRuleLine(args: { ctx: ExprContext; raw: Source; span: Span }): RuleStmt | null {
  const { ctx, raw, span } = args;
  const t = ctx.src.text;
  const end = t.length;
  let from = 0;
  while (from < end && isBlank(t[from])) from++;
  const colon = findRuleColon(t, from, end);
  if (colon === -1) return null;
  let targetsEnd = colon;
  let sep: RuleSep = ':';
  let q = colon + 1;
  const grouped = colon > from && t[colon - 1] === '&';
  if (grouped) targetsEnd--;
  if (t[q] === ':') {
    sep = grouped ? '&::' : '::';
    q++;
  } else if (grouped) sep = '&:';
  const targets = unescapeColons(trimmed(ctx, from, targetsEnd));

  const assign = parseVarAssignment(t, q, end, true);
  if (assign && !('directive' in assign)) {
    if (assign.nameEnd <= assign.nameStart) ctx.diagnostics.push({ message: 'empty variable name', span, severity: 'error' });
    return {
      kind: 'targetAssign',
      targets,
      name: parseExpr(ctx, assign.nameStart, assign.nameEnd),
      op: assign.op,
      valueText: t.slice(assign.valueStart, end),
      value: parseExpr(ctx, assign.valueStart, end),
      mods: { export: assign.mods.export, override: assign.mods.override, private: assign.mods.private },
      span,
    };
  }

  // The recipe after ';' is shell text: a '#' in it is no make comment, so look in the raw line.
  let inlineRecipe: Expr | null = null;
  let prereqEnd = end;
  const semi = findTopLevel(t, q, end, ';');
  if (semi !== -1) {
    prereqEnd = semi;
    const rawSemi = findTopLevel(raw.text, 0, raw.text.length, ';');
    const rawComment = commentStart(raw.text, true);
    if (rawSemi !== -1 && (rawComment === -1 || rawSemi < rawComment)) {
      let rs = rawSemi + 1;
      while (rs < raw.text.length && isBlank(raw.text[rs])) rs++;
      inlineRecipe = parseExpr({ src: raw, diagnostics: ctx.diagnostics }, rs, raw.text.length);
    } else {
      inlineRecipe = parseExpr(ctx, semi + 1, end);
    }
  }

  let targetPattern: Expr | null = null;
  let prereqStart = q;
  const second = findRuleColon(t, q, prereqEnd);
  if (second !== -1) {
    targetPattern = trimmed(ctx, q, second);
    prereqStart = second + 1;
  }
  const problem = patternProblem(targets, targetPattern);
  if (problem) ctx.diagnostics.push({ message: problem, span, severity: 'error' });
  let orderOnly: Expr | null = null;
  let normalEnd = prereqEnd;
  const bar = findTopLevel(t, prereqStart, prereqEnd, '|');
  if (bar !== -1) {
    orderOnly = trimmed(ctx, bar + 1, prereqEnd);
    normalEnd = bar;
  }
  return {
    kind: 'rule',
    targets,
    sep,
    targetPattern,
    prereqs: trimmed(ctx, prereqStart, normalEnd),
    orderOnly,
    inlineRecipe,
    span,
  };
}

/** The rule's colon: outside references and not escaped (`a\\:b: c` names the target a:b). */
function findRuleColon(t: string, from: number, end: number): number {
  for (let i = findTopLevel(t, from, end, ':'); i !== -1; i = findTopLevel(t, i + 1, end, ':')) {
    let n = 0;
    while (i - n - 1 >= from && t[i - n - 1] === '\\') n++;
    if (n % 2 === 0) return i;
  }
  return -1;
}

function unescapeColons(e: Expr): Expr {
  return { ...e, nodes: e.nodes.map((n) => (n.kind === 'text' && n.text.includes('\\:') ? { ...n, text: n.text.replace(/\\:/g, ':') } : n)) };
}

/** make's read-time errors for pattern rules, where the words are literal. */
function patternProblem(targets: Expr, targetPattern: Expr | null): string | undefined {
  const names = literalWords(targets);
  if (targetPattern) {
    const pattern = literalWords(targetPattern);
    if (pattern === undefined) return undefined;
    if (pattern.length === 0) return 'missing target pattern';
    if (pattern.length > 1) return 'multiple target patterns';
    if (!pattern[0].includes('%')) return "target pattern contains no '%'";
    if (names?.some((n) => n.includes('%'))) return 'mixed implicit and static pattern rules';
    return undefined;
  }
  if (names && names.some((n) => n.includes('%')) && names.some((n) => !n.includes('%'))) {
    return 'mixed implicit and normal rules: deprecated syntax';
  }
  return undefined;
}

/** The words of an expression without references, else undefined. */
function literalWords(e: Expr): string[] | undefined {
  const s = literalText(e);
  return s === undefined ? undefined : s.split(/\s+/).filter(Boolean);
}
