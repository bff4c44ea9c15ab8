// What a recipe line writes, in make terms: each written path as the make
// nodes it is made of ($(OUTPUT), $@, literal text…) with its file span.
// The shell parse of a line is cached by its expression (shared by content).
import type { Expr, ExprNode, Span } from '../../syntax/ast';
import type { ShellParser } from './parser';
import { mapRange, shellText, type ShellText } from './text';
import { lineWrites, readShellLine, type ShellLine, type ShellWord, type WriteKind } from './writes';

export interface RecipeWrite {
  kind: WriteKind;
  command: string;
  /** The written path: make nodes, quotes removed. */
  parts: ExprNode[];
  span: Span;
  afterCd: boolean;
}

interface ParsedLine {
  shell: ShellText;
  line: ShellLine;
}

/** Lines with none of these cannot write anything the analysis knows about: no need to parse them. */
const MAY_WRITE =
  /[>]|\s-o|--out|\b(mv|cp|install|ln|touch|tee|g?cc|clang|ld|as|llc|bison|flex|lex|yacc|strip|sort|gperf)\b|\$[({]([A-Z_]*CC|INSTALL|MV|CP|LN|TOUCH|TEE|LD|AS|CXX|CLANG|LLC|BISON|FLEX|LEX|YACC|STRIP|LINK\.\w+|COMPILE\.\w+)[)}]/;

const cache = new WeakMap<Expr, ParsedLine | null>();

function parsed(parser: ShellParser, recipe: Expr, raw: string): ParsedLine | null {
  const hit = cache.get(recipe);
  if (hit !== undefined) return hit;
  let result: ParsedLine | null = null;
  if (MAY_WRITE.test(raw)) {
    const shell = shellText(recipe);
    const line = parser.parse(shell.text, readShellLine);
    result = line ? { shell, line } : null;
  }
  cache.set(recipe, result);
  return result;
}

/** The program a make reference names when it is the command word: `$(INSTALL)` → install. */
export type CommandOf = (node: ExprNode) => string | undefined;

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function recipeWrites(args: { parser: ShellParser; recipe: Expr; fileText: string; commandOf: CommandOf }): RecipeWrite[] {
  const { parser, recipe, fileText, commandOf } = args;
  const p = parsed(parser, recipe, fileText.slice(recipe.span.start, recipe.span.end));
  if (!p) return [];
  const resolve = (w: ShellWord) => {
    const mapped = mapRange({ shell: p.shell, from: w.from, to: w.to, fileText });
    if (!mapped) return undefined;
    const { parts } = mapped;
    if (parts.length === 1 && parts[0].kind !== 'text') return commandOf(parts[0]);
    const last = parts[parts.length - 1];
    return last.kind === 'text' ? basename(last.text) : undefined;
  };
  const out: RecipeWrite[] = [];
  for (const w of lineWrites(p.line, resolve)) {
    const mapped = mapRange({ shell: p.shell, from: w.from, to: w.to, fileText });
    if (mapped) out.push({ kind: w.kind, command: w.command, parts: mapped.parts, span: mapped.span, afterCd: w.afterCd });
  }
  return out;
}
