// Every variable reference of a file with a literal name, outside the
// loop variables of $(foreach)/$(let) around it: what undefined-variable
// checks. Also the names a file tests for being set (`ifdef X`,
// `ifeq ($(X),)`, `$(origin X)`, `$(if $(X),…)`) or selects a list with
// (`foo-$(X) += …`): knobs meant to come from the command line or the
// environment.
import type { Expr, ExprNode, Span, Stmt } from '../../syntax/ast';
import { literalText } from '../../syntax/expr';

export interface VarRef {
  name: string;
  span: Span;
}

export interface FileRefs {
  refs: VarRef[];
  tested: Set<string>;
}

const cache = new WeakMap<Stmt[], FileRefs>();

function visitExpr(expr: Expr, scope: ReadonlySet<string>, out: FileRefs): void {
  for (const node of expr.nodes) visitNode(node, scope, out);
}

function nameOf(expr: Expr | undefined): string | undefined {
  return expr ? literalText(expr)?.trim() : undefined;
}

/** Names tested by a condition-like expression: `$(X)` alone or `$(strip $(X))`. */
function testedIn(expr: Expr, out: FileRefs): void {
  for (const node of expr.nodes) {
    if (node.kind === 'ref') {
      const name = nameOf(node.name);
      if (name) out.tested.add(name);
    } else if (node.kind === 'call' && (node.fn === 'strip' || node.fn === 'filter' || node.fn === 'findstring' || node.fn === 'or' || node.fn === 'and')) {
      node.args.forEach((a) => testedIn(a, out));
    }
  }
}

function visitNode(node: ExprNode, scope: ReadonlySet<string>, out: FileRefs): void {
  switch (node.kind) {
    case 'text':
      return;
    case 'ref':
    case 'subst': {
      const name = nameOf(node.name);
      if (name === undefined) visitExpr(node.name, scope, out);
      else if (name !== '' && !scope.has(name)) out.refs.push({ name, span: node.name.span });
      if (node.kind === 'subst') {
        visitExpr(node.from, scope, out);
        visitExpr(node.to, scope, out);
      }
      return;
    }
    case 'call': {
      const [first, ...rest] = node.args;
      if ((node.fn === 'origin' || node.fn === 'flavor' || node.fn === 'value') && first) {
        const name = nameOf(first);
        if (name) out.tested.add(name);
        if (node.fn !== 'value') return;
      }
      if (node.fn === 'if' && first) testedIn(first, out);
      if (node.fn === 'or' || node.fn === 'and') node.args.forEach((a) => testedIn(a, out));
      if ((node.fn === 'foreach' || node.fn === 'let') && first) {
        const bound = (nameOf(first) ?? '').split(/\s+/).filter(Boolean);
        const inner = new Set([...scope, ...bound]);
        rest.forEach((arg, i) => visitExpr(arg, i === rest.length - 1 ? inner : scope, out));
        return;
      }
      node.args.forEach((arg) => visitExpr(arg, scope, out));
      return;
    }
    default: {
      const never: never = node;
      return never;
    }
  }
}

/** References in an assigned name (`acpi-$(ACPI_FUTURE_USAGE) += x.o`) select a list: configuration knobs, like CONFIG_ ones. */
function selectors(name: Expr, out: FileRefs): void {
  for (const node of name.nodes) {
    if (node.kind !== 'ref') continue;
    const selector = nameOf(node.name);
    if (selector) out.tested.add(selector);
  }
}

function visitStmt(s: Stmt, out: FileRefs): void {
  const none: ReadonlySet<string> = new Set();
  const v = (e: Expr | null) => e && visitExpr(e, none, out);
  switch (s.kind) {
    case 'assign':
    case 'define':
      selectors(s.name, out);
      v(s.value);
      return;
    case 'targetAssign':
      v(s.targets);
      selectors(s.name, out);
      v(s.value);
      return;
    case 'rule':
      [s.targets, s.targetPattern, s.prereqs, s.orderOnly, s.inlineRecipe].forEach(v);
      return;
    case 'recipe':
      v(s.expr);
      return;
    case 'if':
      for (const b of s.branches) {
        const c = b.cond;
        if (c && 'name' in c) {
          const name = nameOf(c.name);
          if (name) out.tested.add(name);
          else v(c.name);
        } else if (c) {
          testedIn(c.left, out);
          testedIn(c.right, out);
          v(c.left);
          v(c.right);
        }
        b.body.forEach((x) => visitStmt(x, out));
      }
      return;
    case 'include':
      v(s.files);
      return;
    case 'export':
    case 'undefine':
    case 'error':
      return;
    case 'vpath':
      v(s.pattern);
      v(s.dirs);
      return;
    case 'expr':
      v(s.expr);
      return;
    default: {
      const never: never = s;
      return never;
    }
  }
}

export function fileRefs(stmts: Stmt[]): FileRefs {
  const hit = cache.get(stmts);
  if (hit) return hit;
  const out: FileRefs = { refs: [], tested: new Set() };
  stmts.forEach((s) => visitStmt(s, out));
  cache.set(stmts, out);
  return out;
}
