// A stable text dump of a parse, for tests and the CLI's `parse --dump`.
// Calls show how their arguments were split: call(fn|arg1|arg2).
import type { Expr, ParseResult, Stmt } from './ast';

export function printExpr(e: Expr): string {
  return e.nodes
    .map((n) => {
      switch (n.kind) {
        case 'text':
          return n.text;
        case 'ref':
          return `ref(${printExpr(n.name)})`;
        case 'subst':
          return `subst(${printExpr(n.name)}|${printExpr(n.from)}|${printExpr(n.to)})`;
        case 'call':
          return `call(${[n.fn, ...n.args.map(printExpr)].join('|')})`;
        default: {
          const never: never = n;
          return never;
        }
      }
    })
    .join('');
}

function mods(m: { export: boolean; override: boolean; private: boolean }): string {
  return [m.override && 'override', m.export && 'export', m.private && 'private'].filter(Boolean).map((s) => ` ${s}`).join('');
}

function printStmt(s: Stmt, indent: string, out: string[]): void {
  const q = (e: Expr | null) => (e ? JSON.stringify(printExpr(e)) : '-');
  switch (s.kind) {
    case 'assign':
      out.push(`${indent}assign${mods(s.mods)} ${q(s.name)} ${s.op} ${q(s.value)}`);
      break;
    case 'define':
      out.push(`${indent}define${mods(s.mods)} ${q(s.name)} ${s.op} ${q(s.value)}`);
      break;
    case 'targetAssign':
      out.push(`${indent}targetAssign${mods(s.mods)} ${q(s.targets)}: ${q(s.name)} ${s.op} ${q(s.value)}`);
      break;
    case 'rule':
      out.push(
        `${indent}rule ${q(s.targets)} ${s.sep}` +
          (s.targetPattern ? ` pattern ${q(s.targetPattern)}` : '') +
          ` ${q(s.prereqs)}` +
          (s.orderOnly ? ` | ${q(s.orderOnly)}` : '') +
          (s.inlineRecipe ? ` ; ${q(s.inlineRecipe)}` : ''),
      );
      break;
    case 'recipe':
      out.push(`${indent}recipe ${q(s.expr)}`);
      break;
    case 'if':
      s.branches.forEach((b, i) => {
        const c = b.cond;
        const head = !c ? 'else' : 'name' in c ? `${c.kind} ${q(c.name)}` : `${c.kind} ${q(c.left)} ${q(c.right)}`;
        out.push(`${indent}${i === 0 ? '' : c ? 'else ' : ''}${head}`);
        for (const child of b.body) printStmt(child, indent + '  ', out);
      });
      out.push(`${indent}endif`);
      break;
    case 'include':
      out.push(`${indent}${s.mode} ${q(s.files)}`);
      break;
    case 'export':
      out.push(`${indent}${s.unexport ? 'unexport' : 'export'} ${q(s.names)}`);
      break;
    case 'undefine':
      out.push(`${indent}undefine${mods(s.mods)} ${q(s.name)}`);
      break;
    case 'vpath':
      out.push(`${indent}vpath ${q(s.pattern)} ${q(s.dirs)}`);
      break;
    case 'expr':
      out.push(`${indent}expr ${q(s.expr)}`);
      break;
    case 'error':
      out.push(`${indent}error ${JSON.stringify(s.message)}`);
      break;
    default: {
      const never: never = s;
      return never;
    }
  }
}

export function printParse(result: ParseResult): string {
  const out: string[] = [];
  for (const s of result.stmts) printStmt(s, '', out);
  for (const d of result.diagnostics) {
    const line = result.text.slice(0, d.span.start).split('\n').length;
    out.push(`! ${line}: ${d.severity}: ${d.message}`);
  }
  return out.join('\n');
}
