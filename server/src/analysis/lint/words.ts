// Words of a make expression as the rules see them: whitespace-separated
// runs of literal text and references, each word with its file span and
// parts, so `$(OUTPUT)foo.o` is one word whose first part is a reference.
import type { Expr, ExprNode, Span } from '../../syntax/ast';
import { literalText } from '../../syntax/expr';

export type Part = ExprNode;

export interface Word {
  parts: Part[];
  span: Span;
}

/** File span of text[from, to) inside a text node, exact when the node's text is its source. */
function textSpan(node: Extract<ExprNode, { kind: 'text' }>, fileText: string, from: number, to: number): Span {
  const { span, text } = node;
  if (span.end - span.start === text.length) return { start: span.start + from, end: span.start + to };
  const piece = text.slice(from, to);
  const at = fileText.indexOf(piece, span.start);
  return at !== -1 && at + piece.length <= span.end ? { start: at, end: at + piece.length } : span;
}

export function splitWords(expr: Expr, fileText: string): Word[] {
  const words: Word[] = [];
  let current: Word | null = null;
  const add = (part: Part) => {
    if (current) {
      current.parts.push(part);
      current.span = { start: current.span.start, end: part.span.end };
    } else {
      current = { parts: [part], span: part.span };
      words.push(current);
    }
  };
  for (const node of expr.nodes) {
    if (node.kind !== 'text') {
      add(node);
      continue;
    }
    const re = /\s+/g;
    let last = 0;
    for (let m = re.exec(node.text); ; m = re.exec(node.text)) {
      const end = m ? m.index : node.text.length;
      if (end > last) add({ kind: 'text', text: node.text.slice(last, end), span: textSpan(node, fileText, last, end) });
      if (!m) break;
      current = null;
      last = m.index + m[0].length;
    }
  }
  return words;
}

/** A word made of literal text only. */
export function literalWord(word: Word): string | undefined {
  return word.parts.every((p) => p.kind === 'text') ? word.parts.map((p) => (p as { text: string }).text).join('') : undefined;
}

/** The variable a reference part names, when literal: `$(OUTPUT)` → OUTPUT, `$@` → @. */
export function refName(part: Part | undefined): string | undefined {
  if (!part || part.kind !== 'ref') return undefined;
  return literalText(part.name)?.trim();
}
