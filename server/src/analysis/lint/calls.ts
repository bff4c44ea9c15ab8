// `$(call NAME,…)` sites of a file, nested ones included, with the
// statement they sit in: the Kbuild rules look for command helpers
// ($(call if_changed,x)) and the try-run family through this one walk.
import type { Expr, ExprNode, Stmt } from '../../syntax/ast';
import { literalText } from '../../syntax/expr';

export type CallNode = Extract<ExprNode, { kind: 'call' }>;

export interface CallSite {
  /** The called variable: `if_changed` for $(call if_changed,x). */
  name: string;
  node: CallNode;
  stmt: Stmt;
}

const cache = new WeakMap<Stmt[], CallSite[]>();

function visit(expr: Expr | null, stmt: Stmt, out: CallSite[]): void {
  if (!expr) return;
  for (const node of expr.nodes) {
    if (node.kind === 'call') {
      const name = node.fn === 'call' && node.args[0] ? literalText(node.args[0])?.trim() : undefined;
      if (name) out.push({ name, node, stmt });
      node.args.forEach((a) => visit(a, stmt, out));
    } else if (node.kind === 'ref' || node.kind === 'subst') {
      visit(node.name, stmt, out);
    }
  }
}

function exprsOf(s: Stmt): Array<Expr | null> {
  switch (s.kind) {
    case 'assign':
    case 'define':
      return [s.value];
    case 'targetAssign':
      return [s.targets, s.value];
    case 'rule':
      return [s.targets, s.prereqs, s.orderOnly, s.inlineRecipe];
    case 'recipe':
      return [s.expr];
    case 'include':
      return [s.files];
    case 'expr':
      return [s.expr];
    case 'vpath':
      return [s.dirs];
    case 'if':
    case 'export':
    case 'undefine':
    case 'error':
      return [];
    default: {
      const never: never = s;
      return never;
    }
  }
}

export function callSites(stmts: Stmt[]): CallSite[] {
  const hit = cache.get(stmts);
  if (hit) return hit;
  const out: CallSite[] = [];
  const walk = (list: Stmt[]) => {
    for (const s of list) {
      if (s.kind === 'if') s.branches.forEach((b) => walk(b.body));
      else exprsOf(s).forEach((e) => visit(e, s, out));
    }
  };
  walk(stmts);
  cache.set(stmts, out);
  return out;
}

/** The literal second argument of a call: `x` in $(call if_changed,x). */
export function secondArgument(node: CallNode): { text: string; expr: Expr } | undefined {
  const expr = node.args[1];
  const text = expr ? literalText(expr)?.trim() : undefined;
  return expr && text ? { text, expr } : undefined;
}
