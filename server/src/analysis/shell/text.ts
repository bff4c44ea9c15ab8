// A recipe line as the shell would see it, before make expands it: literal
// text stays, each make reference becomes a placeholder word, and the
// echo prefixes ($(Q), $(QUIET_GEN), `@`, `-`, `+`) go. Segments map every
// stretch of the shell text back to the make node it came from.
import type { Expr, ExprNode, Span } from '../../syntax/ast';
import { literalText } from '../../syntax/expr';

export interface Segment {
  start: number;
  end: number;
  node: ExprNode;
}

export interface ShellText {
  text: string;
  segments: Segment[];
}

/** References that only print or silence: `$(Q)`, `$(QUIET_GEN)`, `$(call QUIET_INSTALL, x)`, `$(quiet)`. */
export function isEchoPrefix(node: ExprNode): boolean {
  if (node.kind === 'ref') return /^(Q|QUIET_\w+|quiet\w*|silent)$/.test(literalText(node.name)?.trim() ?? '');
  if (node.kind === 'call' && node.fn === 'call') return /^(QUIET_\w+|echo-cmd)$/.test(literalText(node.args[0] ?? { nodes: [], span: node.span })?.trim() ?? '');
  return false;
}

export function shellText(recipe: Expr): ShellText {
  let text = '';
  const segments: Segment[] = [];
  let atStart = true;
  recipe.nodes.forEach((node, i) => {
    if (node.kind === 'text') {
      let piece = node.text;
      if (atStart) {
        // make strips the recipe prefix characters before the shell sees the line.
        piece = piece.replace(/^[\s@+-]+/, (m) => ' '.repeat(m.length));
        if (/\S/.test(piece)) atStart = false;
      }
      segments.push({ start: text.length, end: text.length + piece.length, node });
      text += piece;
      return;
    }
    if (isEchoPrefix(node)) return;
    atStart = false;
    const placeholder = `_mk${i}_`;
    segments.push({ start: text.length, end: text.length + placeholder.length, node });
    text += placeholder;
  });
  return { text, segments };
}

export interface MappedPath {
  /** Make nodes of the path, text nodes cut to the part inside it, quotes removed. */
  parts: ExprNode[];
  span: Span;
}

/** The make side of shell text [from, to): the nodes it came from, without shell quotes. */
export function mapRange(args: { shell: ShellText; from: number; to: number; fileText: string }): MappedPath | undefined {
  const { shell, from, to, fileText } = args;
  const parts: ExprNode[] = [];
  for (const seg of shell.segments) {
    if (seg.end <= from || seg.start >= to) continue;
    const node = seg.node;
    if (node.kind !== 'text') {
      parts.push(node);
      continue;
    }
    const a = Math.max(from, seg.start) - seg.start;
    const b = Math.min(to, seg.end) - seg.start;
    const cut = node.text.slice(a, b);
    const unquoted = cut.replace(/['"]/g, '');
    if (unquoted === '') continue;
    const exact = node.span.end - node.span.start === node.text.length;
    const lead = cut.length - cut.replace(/^['"]+/, '').length;
    const trail = cut.length - cut.replace(/['"]+$/, '').length;
    const span = exact ? { start: node.span.start + a + lead, end: node.span.start + b - trail } : locate(fileText, node.span, unquoted);
    parts.push({ kind: 'text', text: unquoted, span });
  }
  if (parts.length === 0) return undefined;
  return { parts, span: { start: parts[0].span.start, end: parts[parts.length - 1].span.end } };
}

function locate(fileText: string, within: Span, piece: string): Span {
  const at = fileText.indexOf(piece, within.start);
  return at !== -1 && at + piece.length <= within.end ? { start: at, end: at + piece.length } : within;
}
