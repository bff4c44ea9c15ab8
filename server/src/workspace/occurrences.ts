// One walk over a file's statements that records every name the IDE can
// act on: variable definitions and references (Kbuild indirections
// included), rule targets and prerequisites, included files, object-list
// words and sub-make directories. Sorted by offset for position lookup.
import type { Expr, ParseResult, Span, Stmt } from '../syntax/ast';
import { literalText } from '../syntax/expr';
import { configNameCandidates, indirectVariables, isObjectListVariable, subMakeDirectories } from '../kbuild/indirections';

export type OccurrenceKind =
  | 'varDef' // NAME = …, define NAME, target: NAME = …
  | 'varRef' // $(NAME), ifdef NAME, $(call NAME,…), export NAME
  | 'target' // a word before a rule's colon
  | 'prereq' // a word after it
  | 'include' // a file named by include
  | 'object' // a word in obj-y/foo-objs/…
  | 'subdir'; // a directory a recipe descends into

export interface Occurrence {
  kind: OccurrenceKind;
  /** The name as written (for computed names, the template text). */
  name: string;
  /** Other names this occurrence stands for: obj-$(CONFIG_X) → obj-y, obj-m. */
  aliases?: string[];
  span: Span;
  /** The statement's span (for definitions: the whole assignment or rule). */
  stmtSpan: Span;
  /** varDef: how; varRef through $(call if_changed,x): the helper. */
  detail?: string;
  /** For object words: the variable whose value holds them. */
  owner?: string;
  /** For variable definitions: the raw value as make stores it. */
  value?: string;
}

interface Walk {
  out: Occurrence[];
  text: string;
}

/** Source text of a span (raw, as written). */
function raw(w: Walk, span: Span): string {
  return w.text.slice(span.start, span.end);
}

/** Literal whitespace-separated words of an expression with their spans; words touching a reference are skipped. */
export function literalWords(expr: Expr, text: string): Array<{ word: string; span: Span }> {
  const words: Array<{ word: string; span: Span }> = [];
  const nodes = expr.nodes;
  nodes.forEach((node, i) => {
    if (node.kind !== 'text') return;
    const exact = node.span.end - node.span.start === node.text.length && text.slice(node.span.start, node.span.end) === node.text;
    const re = /\S+/g;
    for (let m = re.exec(node.text); m; m = re.exec(node.text)) {
      const touchesPrev = m.index === 0 && i > 0;
      const touchesNext = m.index + m[0].length === node.text.length && i < nodes.length - 1;
      if (touchesPrev || touchesNext) continue;
      const span = exact ? { start: node.span.start + m.index, end: node.span.start + m.index + m[0].length } : node.span;
      words.push({ word: m[0], span });
    }
  });
  return words;
}

function walkExpr(w: Walk, expr: Expr, stmtSpan: Span): void {
  for (const node of expr.nodes) {
    switch (node.kind) {
      case 'text':
        break;
      case 'ref':
      case 'subst': {
        const name = literalText(node.name);
        if (name !== undefined && name !== '') w.out.push({ kind: 'varRef', name: name.trim(), span: node.name.span, stmtSpan });
        else walkExpr(w, node.name, stmtSpan);
        if (node.kind === 'subst') {
          walkExpr(w, node.from, stmtSpan);
          walkExpr(w, node.to, stmtSpan);
        }
        break;
      }
      case 'call':
        walkCall(w, node, stmtSpan);
        break;
      default: {
        const never: never = node;
        return never;
      }
    }
  }
}

function walkCall(w: Walk, node: Extract<Expr['nodes'][number], { kind: 'call' }>, stmtSpan: Span): void {
  const [first, second] = node.args;
  const firstName = first ? literalText(first)?.trim() : undefined;
  const namesVariable = node.fn === 'call' || node.fn === 'value' || node.fn === 'origin' || node.fn === 'flavor';
  node.args.forEach((arg, i) => {
    if (i === 0 && namesVariable && firstName) {
      w.out.push({ kind: 'varRef', name: firstName, span: trimSpan(w, arg.span), stmtSpan });
      return;
    }
    if (i === 1 && node.fn === 'call' && firstName && second) {
      const argName = literalText(second)?.trim();
      const targets = argName ? indirectVariables(firstName, argName) : [];
      if (targets.length > 0) {
        w.out.push({ kind: 'varRef', name: targets[0], aliases: targets.slice(1), span: trimSpan(w, arg.span), stmtSpan, detail: firstName });
        return;
      }
    }
    walkExpr(w, arg, stmtSpan);
  });
}

/** Exactly the characters of a regular expression's `\s`, without running one per character. */
function isWhitespaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function trimSpan(w: Walk, span: Span): Span {
  let { start, end } = span;
  while (start < end && isWhitespaceCode(w.text.charCodeAt(start))) start++;
  while (end > start && isWhitespaceCode(w.text.charCodeAt(end - 1))) end--;
  return { start, end };
}

function defineName(w: Walk, args: { name: Expr; stmtSpan: Span; detail: string; value: string }): string | undefined {
  const { name, stmtSpan, detail, value } = args;
  const literal = literalText(name)?.trim();
  if (literal) {
    w.out.push({ kind: 'varDef', name: literal, span: trimSpan(w, name.span), stmtSpan, detail, value });
    return literal;
  }
  const template = raw(w, name.span).trim();
  const aliases = configNameCandidates(template);
  w.out.push({ kind: 'varDef', name: template, aliases, span: trimSpan(w, name.span), stmtSpan, detail, value });
  walkExpr(w, name, stmtSpan);
  return aliases[0] ?? template;
}

function walkStmt(w: Walk, stmt: Stmt): void {
  switch (stmt.kind) {
    case 'assign':
    case 'define':
    case 'targetAssign': {
      if (stmt.kind === 'targetAssign') walkWords(w, stmt.targets, 'target', stmt.span);
      const detail = stmt.kind === 'define' ? `define ${stmt.op}` : stmt.op;
      const name = defineName(w, { name: stmt.name, stmtSpan: stmt.span, detail, value: stmt.valueText });
      if (name && isObjectListVariable(name) && stmt.kind === 'assign') {
        for (const { word, span } of literalWords(stmt.value, w.text)) {
          w.out.push({ kind: 'object', name: word, span, stmtSpan: stmt.span, owner: name });
        }
      }
      walkExpr(w, stmt.value, stmt.span);
      break;
    }
    case 'rule':
      walkWords(w, stmt.targets, 'target', stmt.span);
      if (stmt.targetPattern) walkExpr(w, stmt.targetPattern, stmt.span);
      walkWords(w, stmt.prereqs, 'prereq', stmt.span);
      if (stmt.orderOnly) walkWords(w, stmt.orderOnly, 'prereq', stmt.span);
      if (stmt.inlineRecipe) walkRecipe(w, stmt.inlineRecipe, stmt.span);
      break;
    case 'recipe':
      walkRecipe(w, stmt.expr, stmt.span);
      break;
    case 'if':
      for (const branch of stmt.branches) {
        const cond = branch.cond;
        if (!cond) {
          // plain else
        } else if ('name' in cond) {
          const name = literalText(cond.name)?.trim();
          if (name) w.out.push({ kind: 'varRef', name, span: trimSpan(w, cond.name.span), stmtSpan: branch.span });
          else walkExpr(w, cond.name, branch.span);
        } else {
          walkExpr(w, cond.left, branch.span);
          walkExpr(w, cond.right, branch.span);
        }
        for (const s of branch.body) walkStmt(w, s);
      }
      break;
    case 'include':
      for (const word of wordsWithRefs(w, stmt.files)) w.out.push({ kind: 'include', name: word.word, span: word.span, stmtSpan: stmt.span });
      walkExpr(w, stmt.files, stmt.span);
      break;
    case 'export':
    case 'undefine': {
      const names = stmt.kind === 'export' ? stmt.names : stmt.name;
      if (!names) break;
      for (const { word, span } of literalWords(names, w.text)) w.out.push({ kind: 'varRef', name: word, span, stmtSpan: stmt.span });
      walkExpr(w, names, stmt.span);
      break;
    }
    case 'vpath':
      if (stmt.pattern) walkExpr(w, stmt.pattern, stmt.span);
      if (stmt.dirs) walkExpr(w, stmt.dirs, stmt.span);
      break;
    case 'expr':
      walkExpr(w, stmt.expr, stmt.span);
      break;
    case 'error':
      break;
    default: {
      const never: never = stmt;
      return never;
    }
  }
}

function walkRecipe(w: Walk, expr: Expr, stmtSpan: Span): void {
  walkExpr(w, expr, stmtSpan);
  const line = raw(w, expr.span);
  for (const dir of subMakeDirectories(line)) {
    const span = { start: expr.span.start + dir.start, end: expr.span.start + dir.end };
    w.out.push({ kind: 'subdir', name: line.slice(dir.start, dir.end), span, stmtSpan });
  }
}

/** Words as written, references included: `$(srctree)/scripts/Kbuild.include`. */
function wordsWithRefs(w: Walk, expr: Expr): Array<{ word: string; span: Span }> {
  const text = raw(w, expr.span);
  const out: Array<{ word: string; span: Span }> = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isWhitespaceCode(text.charCodeAt(i))) i++;
    const start = i;
    let depth = 0;
    while (i < text.length && (depth > 0 || !isWhitespaceCode(text.charCodeAt(i)))) {
      const c = text[i];
      if (c === '(' || c === '{') depth++;
      else if (c === ')' || c === '}') depth--;
      i++;
    }
    if (i > start) out.push({ word: text.slice(start, i), span: { start: expr.span.start + start, end: expr.span.start + i } });
  }
  return out;
}

function walkWords(w: Walk, expr: Expr, kind: 'target' | 'prereq', stmtSpan: Span): void {
  for (const { word, span } of wordsWithRefs(w, expr)) w.out.push({ kind, name: word, span, stmtSpan });
  walkExpr(w, expr, stmtSpan);
}

export function collectOccurrences(parse: ParseResult): Occurrence[] {
  const w: Walk = { out: [], text: parse.text };
  for (const stmt of parse.stmts) walkStmt(w, stmt);
  return w.out.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
}
