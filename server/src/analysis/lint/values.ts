// Static reasoning about values, from the assignments of the context: where
// a word points ($(OUTPUT)…, a relative path, unknown), which program a
// command variable runs, the literal words a list variable may hold. The
// evaluated values, when given, answer what the static view cannot.
import type { Expr, ExprNode } from '../../syntax/ast';
import { literalText } from '../../syntax/expr';
import type { LintContext } from './context';
import { fileModel } from './model';
import { type Part, refName, splitWords } from './words';

/** Where a path word points: under $(OUTPUT), a relative path of the source tree, or unknown. */
export type PathKind = 'output' | 'relative' | 'unknown';

const MAX_DEPTH = 5;

function fileTextOf(ctx: LintContext, file: string): string {
  return ctx.src.files.get(file)?.text ?? '';
}

const kindCache = new WeakMap<LintContext, Map<string, PathKind>>();

/** Where every word of every assignment of a variable points, when they agree; memoized per lint run. */
function variableKind(ctx: LintContext, name: string, depth: number): PathKind {
  let memo = kindCache.get(ctx);
  if (!memo) kindCache.set(ctx, (memo = new Map()));
  const hit = memo.get(name);
  if (hit) return hit;
  memo.set(name, 'unknown'); // met again while being judged (X := $(X) y): no evidence either way
  let kind: PathKind | undefined;
  for (const d of ctx.definitions(name)) {
    for (const w of splitWords(d.entry.stmt.value, fileTextOf(ctx, d.file))) {
      if (w.parts.length === 1 && refName(w.parts[0]) === name) continue; // X := $(X) y: the earlier value
      const k = pathKind(ctx, w.parts, depth + 1);
      if (kind !== undefined && k !== kind) {
        kind = 'unknown';
        break;
      }
      kind = k;
    }
    if (kind === 'unknown') break;
  }
  memo.set(name, kind ?? 'unknown');
  return kind ?? 'unknown';
}

function fromEvaluated(ctx: LintContext, name: string): PathKind {
  const value = ctx.values?.value({ file: ctx.file, name });
  const output = ctx.values?.value({ file: ctx.file, name: 'OUTPUT' });
  if (value === undefined || !output) return 'unknown';
  if (value.trim().startsWith(output)) return 'output';
  return value.trim().startsWith('/') ? 'unknown' : 'relative';
}

function exprKind(ctx: LintContext, expr: Expr, depth: number): PathKind {
  const words = splitWords(expr, '');
  const kinds = new Set(words.map((w) => pathKind(ctx, w.parts, depth + 1)));
  return kinds.size === 1 ? [...kinds][0] : 'unknown';
}

const outputCache = new WeakMap<LintContext, Set<string>>();

/**
 * Variables naming the output directory: OUTPUT, and variables named
 * …OUTPUT that the file or its includes set from $(O) or $(OUTPUT)
 * (turbostat's `BUILD_OUTPUT := $(O)`).
 */
export function outputVariables(ctx: LintContext): Set<string> {
  const hit = outputCache.get(ctx);
  if (hit) return hit;
  const vars = new Set(['OUTPUT']);
  for (const file of ctx.closure) {
    const entry = ctx.src.files.get(file);
    if (!entry) continue;
    for (const { stmt } of fileModel(entry.parse.stmts).assigns) {
      const name = literalText(stmt.name)?.trim();
      const from = refName(stmt.value.nodes[0]);
      if (name && /^\w+OUTPUT$/.test(name) && (from === 'O' || from === 'OUTPUT')) vars.add(name);
    }
  }
  outputCache.set(ctx, vars);
  return vars;
}

/** Where a word (its parts) points. */
export function pathKind(ctx: LintContext, parts: Part[], depth = 0): PathKind {
  const first = parts[0];
  if (!first || depth > MAX_DEPTH) return 'unknown';
  switch (first.kind) {
    case 'text':
      return /^[/~-]/.test(first.text) || first.text.startsWith('$') ? 'unknown' : 'relative';
    case 'ref':
    case 'subst': {
      const name = literalText(first.name)?.trim();
      if (name === undefined) return 'unknown';
      if (outputVariables(ctx).has(name)) return 'output';
      if (/^[@<^+*?%|]|^[0-9]+$/.test(name)) return 'unknown';
      const kind = variableKind(ctx, name, depth);
      return kind === 'unknown' ? fromEvaluated(ctx, name) : kind;
    }
    case 'call':
      return callKind(ctx, first, depth);
    default: {
      const never: never = first;
      return never;
    }
  }
}

function callKind(ctx: LintContext, call: Extract<ExprNode, { kind: 'call' }>, depth: number): PathKind {
  const [a, b, c] = call.args;
  switch (call.fn) {
    case 'addprefix':
      return a ? pathKind(ctx, a.nodes, depth + 1) : 'unknown';
    case 'patsubst': {
      if (!b || !c) return 'unknown';
      const to = literalText(b);
      if (to !== undefined && to.trim().startsWith('%')) return exprKind(ctx, c, depth);
      return pathKind(ctx, b.nodes, depth + 1);
    }
    case 'addsuffix':
    case 'filter':
    case 'filter-out':
      return b ? exprKind(ctx, b, depth) : 'unknown';
    case 'sort':
    case 'strip':
      return a ? exprKind(ctx, a, depth) : 'unknown';
    default:
      return 'unknown';
  }
}

/** Programs behind well-known command variables (make's defaults and the tools/ conventions). */
const COMMAND_VARIABLES: ReadonlyMap<string, string> = new Map([
  ['INSTALL', 'install'], ['MV', 'mv'], ['CP', 'cp'], ['LN', 'ln'], ['TOUCH', 'touch'], ['TEE', 'tee'],
  ['LD', 'ld'], ['AS', 'as'], ['CXX', 'c++'], ['CLANG', 'clang'], ['LLC', 'llc'], ['BISON', 'bison'],
  ['FLEX', 'flex'], ['LEX', 'lex'], ['YACC', 'yacc'], ['STRIP', 'strip'], ['MAKE', 'make'], ['RM', 'rm'],
]);

/** The program a command word that is one reference runs: `$(INSTALL)` → install, `$(HOSTCC)` → cc. */
export function commandOf(ctx: LintContext, node: ExprNode): string | undefined {
  if (node.kind !== 'ref') return undefined;
  const name = refName(node);
  if (!name) return undefined;
  const evaluated = ctx.values?.value({ file: ctx.file, name })?.trim().split(/\s+/)[0];
  if (evaluated) return evaluated.slice(evaluated.lastIndexOf('/') + 1);
  const known = COMMAND_VARIABLES.get(name);
  if (known) return known;
  if (/(^|_)(HOST|BPF_|TARGET_)?CC$|^(LINK|COMPILE)\./.test(name)) return 'cc';
  // A single literal program in its assignments: `INSTALL_PROG = install -m 755`.
  const programs = new Set(
    ctx.definitions(name).map((d) => {
      const first = splitWords(d.entry.stmt.value, fileTextOf(ctx, d.file))[0];
      const last = first?.parts[first.parts.length - 1];
      return last?.kind === 'text' ? last.text.slice(last.text.lastIndexOf('/') + 1) : undefined;
    }),
  );
  return programs.size === 1 ? [...programs][0] : undefined;
}

/** Literal words an expression may expand to, following variables through all their assignments; complete=false when something is unknown. */
export function staticWords(
  ctx: Pick<LintContext, 'definitions'>,
  expr: Expr,
  memo: Map<string, { words: Set<string>; complete: boolean }> = new Map(),
): { words: Set<string>; complete: boolean } {
  const out = { words: new Set<string>(), complete: true };
  for (const w of splitWords(expr, '')) {
    if (w.parts.every((p) => p.kind === 'text')) {
      out.words.add(w.parts.map((p) => (p as { text: string }).text).join(''));
      continue;
    }
    const name = w.parts.length === 1 ? refName(w.parts[0]) : undefined;
    const defs = name ? ctx.definitions(name) : [];
    if (!name || defs.length === 0) {
      out.complete = false;
      continue;
    }
    let inner = memo.get(name);
    if (!inner) {
      // Met again while being expanded: `X := $(X) y` names its own earlier value, which the other assignments give.
      memo.set(name, { words: new Set(), complete: true });
      inner = { words: new Set<string>(), complete: true };
      for (const d of defs) {
        const part = staticWords(ctx, d.entry.stmt.value, memo);
        part.words.forEach((x) => inner?.words.add(x));
        if (!part.complete) inner.complete = false;
      }
      memo.set(name, inner);
    }
    inner.words.forEach((x) => out.words.add(x));
    if (!inner.complete) out.complete = false;
  }
  return out;
}
