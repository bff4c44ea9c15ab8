// References the reader found unterminated (`$(foo`, `$(info x`): make only
// complains when it expands one, so the reader's diagnostics are tied to
// their nodes here and the expander stops with make's message on reaching them.
import type { Expr, ExprNode, ParseResult, Stmt, SyntaxDiagnostic } from '../syntax/ast';

const unterminated = new WeakMap<ExprNode, string>();

export function unterminatedMessage(n: ExprNode): string | undefined {
  return unterminated.get(n);
}

function isUnterminatedDiagnostic(d: SyntaxDiagnostic): boolean {
  return d.message === 'unterminated variable reference' || d.message.startsWith('unterminated call to function');
}

/** Tie unterminated-reference diagnostics to the nodes they start at. */
export function markUnterminated(exprs: Iterable<Expr>, diagnostics: readonly SyntaxDiagnostic[]): void {
  const byStart = new Map<number, string>();
  for (const d of diagnostics) if (isUnterminatedDiagnostic(d)) byStart.set(d.span.start, d.message);
  if (byStart.size === 0) return;
  const visit = (e: Expr) => {
    for (const n of e.nodes) {
      if (n.kind === 'text') continue;
      const message = byStart.get(n.span.start);
      if (message !== undefined && (n.kind === 'call') === message.startsWith('unterminated call')) unterminated.set(n, message);
      if (n.kind === 'call') n.args.forEach(visit);
      else {
        visit(n.name);
        if (n.kind === 'subst') {
          visit(n.from);
          visit(n.to);
        }
      }
    }
  };
  for (const e of exprs) visit(e);
}

function* stmtExprs(stmts: Stmt[]): Generator<Expr> {
  for (const s of stmts) {
    switch (s.kind) {
      case 'assign':
      case 'define':
        yield s.name;
        yield s.value;
        break;
      case 'targetAssign':
        yield s.targets;
        yield s.name;
        yield s.value;
        break;
      case 'rule':
        yield s.targets;
        yield s.prereqs;
        if (s.targetPattern) yield s.targetPattern;
        if (s.orderOnly) yield s.orderOnly;
        if (s.inlineRecipe) yield s.inlineRecipe;
        break;
      case 'recipe':
        yield s.expr;
        break;
      case 'if':
        for (const b of s.branches) {
          if (b.cond && 'name' in b.cond) yield b.cond.name;
          else if (b.cond) {
            yield b.cond.left;
            yield b.cond.right;
          }
          yield* stmtExprs(b.body);
        }
        break;
      case 'include':
        yield s.files;
        break;
      case 'export':
        if (s.names) yield s.names;
        break;
      case 'undefine':
        yield s.name;
        break;
      case 'vpath':
        if (s.pattern) yield s.pattern;
        if (s.dirs) yield s.dirs;
        break;
      case 'expr':
        yield s.expr;
        break;
      case 'error':
        break;
      default: {
        const never: never = s;
        return never;
      }
    }
  }
}

export function markParseResult(parse: ParseResult): void {
  if (parse.diagnostics.some(isUnterminatedDiagnostic)) markUnterminated(stmtExprs(parse.stmts), parse.diagnostics);
}
