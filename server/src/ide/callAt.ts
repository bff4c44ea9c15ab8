// The innermost `$(call …)` under the cursor, in any expression of a file:
// what hover unfolds (statically) or expands (in an evaluated context).
import type { Expr, ExprNode, Span, Stmt } from '../syntax/ast';

export type CallNode = Extract<ExprNode, { kind: 'call' }>;

/** The innermost `$(call …)` node containing the offset, in any expression of the file. */
export function callAt(stmts: Stmt[], offset: number): CallNode | undefined {
  let best: CallNode | undefined;
  const inside = (s: Span) => s.start <= offset && offset <= s.end;
  const visit = (e: Expr | null | undefined) => {
    if (!e || !inside(e.span)) return;
    for (const n of e.nodes) {
      if (!inside(n.span)) continue;
      if (n.kind === 'call') {
        if (n.fn === 'call') best = n;
        n.args.forEach(visit);
      } else if (n.kind === 'ref') visit(n.name);
      else if (n.kind === 'subst') [n.name, n.from, n.to].forEach(visit);
    }
  };
  const walk = (list: Stmt[]) => {
    for (const s of list) {
      if (!inside(s.span)) continue;
      switch (s.kind) {
        case 'assign':
        case 'define':
          [s.name, s.value].forEach(visit);
          break;
        case 'targetAssign':
          [s.targets, s.name, s.value].forEach(visit);
          break;
        case 'rule':
          [s.targets, s.targetPattern, s.prereqs, s.orderOnly, s.inlineRecipe].forEach(visit);
          break;
        case 'recipe':
          visit(s.expr);
          break;
        case 'if':
          for (const b of s.branches) {
            if (b.cond) ('name' in b.cond ? [b.cond.name] : [b.cond.left, b.cond.right]).forEach(visit);
            walk(b.body);
          }
          break;
        case 'include':
          visit(s.files);
          break;
        case 'expr':
          visit(s.expr);
          break;
        default:
          break;
      }
    }
  };
  walk(stmts);
  return best;
}

/** The innermost statement (not a conditional) containing the offset: where make's messages and recorded shell calls place it. */
export function statementAt(stmts: Stmt[], offset: number): Stmt | undefined {
  for (const s of stmts) {
    if (s.span.start > offset || offset > s.span.end) continue;
    if (s.kind !== 'if') return s;
    for (const b of s.branches) {
      const inner = statementAt(b.body, offset);
      if (inner) return inner;
    }
  }
  return undefined;
}
