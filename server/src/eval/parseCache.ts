// Raw make text → Expr, parsed once per distinct string. Values that come
// from statements carry the reader's Expr already; this is for the rest
// (environment and command-line values, `+=` results, $(eval) and $(call)
// bodies built at run time). Spans are offsets into the string itself.
import type { Expr, SyntaxDiagnostic } from '../syntax/ast';
import { parseExpr } from '../syntax/expr';
import { markUnterminated } from './unterminated';

const MAX_ENTRIES = 50000;
const cache = new Map<string, Expr>();

export function parseText(text: string): Expr {
  let e = cache.get(text);
  if (e) return e;
  if (!text.includes('$')) {
    e = { nodes: text ? [{ kind: 'text', text, span: { start: 0, end: text.length } }] : [], span: { start: 0, end: text.length } };
  } else {
    const diagnostics: SyntaxDiagnostic[] = [];
    e = parseExpr({ src: { text, segs: null, base: 0 }, diagnostics }, 0, text.length);
    markUnterminated([e], diagnostics);
  }
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(text, e);
  return e;
}

/** The text an Expr was parsed from, `$` doubled again in literal parts (for showing values and call bodies). */
export function unparse(e: Expr): string {
  let out = '';
  for (const n of e.nodes) {
    switch (n.kind) {
      case 'text':
        out += n.text.includes('$') ? n.text.replace(/\$/g, '$$$$') : n.text;
        break;
      case 'ref': {
        const name = unparse(n.name);
        out += n.brace === '' ? '$' + name : '$' + n.brace + name + close(n.brace);
        break;
      }
      case 'subst':
        out += '$' + n.brace + unparse(n.name) + ':' + unparse(n.from) + '=' + unparse(n.to) + close(n.brace);
        break;
      case 'call':
        out += '$' + n.brace + n.fn + ' ' + n.args.map(unparse).join(',') + close(n.brace);
        break;
      default: {
        const never: never = n;
        return never;
      }
    }
  }
  return out;
}

function close(brace: '(' | '{' | ''): string {
  return brace === '(' ? ')' : brace === '{' ? '}' : '';
}
