// Outline of one file (variables, rules, define blocks, includes, with
// conditionals as containers) and workspace-wide symbol search.
import type { Stmt } from '../syntax/ast';
import type { Workspace } from '../workspace/workspace';
import type { DocSymbol, WorkspaceSymbol } from './types';

function firstLine(text: string, start: number, end: number): string {
  const s = text.slice(start, end);
  const nl = s.indexOf('\n');
  return (nl === -1 ? s : s.slice(0, nl)).trim();
}

function stmtSymbols(text: string, stmts: Stmt[]): DocSymbol[] {
  const out: DocSymbol[] = [];
  for (const s of stmts) {
    switch (s.kind) {
      case 'assign':
      case 'define':
      case 'targetAssign': {
        const name = text.slice(s.name.span.start, s.name.span.end).trim();
        if (!name) break;
        out.push({ name, kind: s.kind === 'define' ? 'define' : 'variable', span: s.span, selectionSpan: s.name.span, children: [] });
        break;
      }
      case 'rule': {
        const name = text.slice(s.targets.span.start, s.targets.span.end).trim();
        if (name) out.push({ name, kind: 'rule', span: s.span, selectionSpan: s.targets.span, children: [] });
        break;
      }
      case 'include':
        out.push({ name: firstLine(text, s.span.start, s.span.end), kind: 'include', span: s.span, selectionSpan: s.files.span, children: [] });
        break;
      case 'if':
        out.push({
          name: firstLine(text, s.branches[0].span.start, s.branches[0].span.end),
          kind: 'conditional',
          span: s.span,
          selectionSpan: s.branches[0].span,
          children: s.branches.flatMap((b) => stmtSymbols(text, b.body)),
        });
        break;
      default:
        break;
    }
  }
  return out;
}

export function documentSymbols(ws: Workspace, file: string): DocSymbol[] {
  const entry = ws.files.get(file);
  if (!entry) return [];
  return stmtSymbols(entry.text, entry.parse.stmts);
}

const WORKSPACE_SYMBOL_LIMIT = 1000;

export function workspaceSymbols(ws: Workspace, query: string): WorkspaceSymbol[] {
  const q = query.toLowerCase();
  const out: WorkspaceSymbol[] = [];
  const collect = (index: Workspace['defs'], kind: WorkspaceSymbol['kind']) => {
    for (const [name, entries] of index) {
      if (!name.toLowerCase().includes(q)) continue;
      for (const e of entries) {
        if (out.length >= WORKSPACE_SYMBOL_LIMIT) return;
        if (e.occ.name !== name) continue; // aliases point at the same site
        out.push({ name, kind, file: e.file, span: e.occ.span });
      }
    }
  };
  collect(ws.defs, 'variable');
  collect(ws.targets, 'target');
  return out;
}
