// $(OUTPUT) rules for Makefiles in the tools/ style (they define or inherit
// OUTPUT, or set an output directory like turbostat's BUILD_OUTPUT from
// $(O)): targets without the prefix whose recipe writes under it (here),
// generated files written into the source tree (outputWrites.ts),
// prerequisites that miss the prefix their rule has (outputPrereqs.ts).
// `VPATH += $(OUTPUT)` hides the first and last while the files exist:
// then they are warnings naming the VPATH line.
import type { ExprNode, Span } from '../../syntax/ast';
import { literalText } from '../../syntax/expr';
import { type RecipeWrite, recipeWrites } from '../shell/recipe';
import type { LintContext } from './context';
import { fileModel, hasRecipe, recipeLines, type RuleEntry } from './model';
import { prereqFindings } from './outputPrereqs';
import { sourceWrites } from './outputWrites';
import { phonyNames } from './phonySet';
import { fileRefs } from './refs';
import type { Finding, Fix, Related, TextEdit } from './types';
import { commandOf, outputVariables, pathKind } from './values';
import { literalWord, refName, type Word, splitWords } from './words';

export interface OutputStyle {
  /** OUTPUT and the other output-directory variables of the file. */
  vars: Set<string>;
  /** `VPATH += $(OUTPUT)` in the context, as a related location. */
  vpath?: Related;
  isPhony(name: string | undefined): boolean;
}

/** Tools-style: OUTPUT is assigned in the include closure (or used here and assigned in the context), or another output variable is. */
function usesOutput(ctx: LintContext): boolean {
  const defs = ctx.definitions('OUTPUT');
  if (defs.some((d) => ctx.closure.includes(d.file))) return true;
  if (defs.length > 0 && fileRefs(ctx.entry.parse.stmts).refs.some((r) => r.name === 'OUTPUT')) return true;
  return outputVariables(ctx).size > 1;
}

export function outputFindings(ctx: LintContext): Finding[] {
  if (!usesOutput(ctx)) return [];
  const vars = outputVariables(ctx);
  const style: OutputStyle = { vars, vpath: vpathLine(ctx, vars), isPhony: (name) => name !== undefined && phonyNames(ctx).has(name) };
  const out: Finding[] = [];
  for (const rule of ctx.model.rules) {
    if (!hasRecipe(rule)) continue;
    const writes = ruleWrites(ctx, rule);
    const target = targetFinding({ ctx, rule, writes, style });
    if (target) out.push(target);
    out.push(...sourceWrites({ ctx, rule, writes, style }));
  }
  out.push(...prereqFindings(ctx, style));
  return out;
}

export function ruleWrites(ctx: LintContext, rule: RuleEntry): RecipeWrite[] {
  const parser = ctx.parser;
  if (!parser) return [];
  return recipeLines(rule).flatMap((recipe) => recipeWrites({ parser, recipe, fileText: ctx.entry.text, commandOf: (n) => commandOf(ctx, n) }));
}

function vpathLine(ctx: LintContext, vars: Set<string>): Related | undefined {
  const mentionsOutput = (nodes: ExprNode[]) => nodes.some((n) => vars.has(refName(n) ?? ''));
  for (const file of ctx.contextFiles) {
    const entry = ctx.src.files.get(file);
    if (!entry) continue;
    const model = fileModel(entry.parse.stmts);
    const assign = model.assigns.find((a) => a.stmt.kind === 'assign' && literalText(a.stmt.name)?.trim() === 'VPATH' && mentionsOutput(a.stmt.value.nodes));
    const directive = model.vpaths.find((v) => v.stmt.dirs && mentionsOutput(v.stmt.dirs.nodes));
    const stmt = assign?.stmt ?? directive?.stmt;
    if (stmt) return { file, span: stmt.span, message: 'VPATH searches the output directory: only this lets make find the file' };
  }
  return undefined;
}

/** A write to `$(OUTPUT)$@` or `$(OUTPUT)/$@`: the directory reference, the `$@`, and the prefix as written. */
function outputAt(write: RecipeWrite, vars: Set<string>): { output: ExprNode; at: ExprNode; prefix: string } | undefined {
  const [first, second, third] = write.parts;
  const name = refName(first);
  if (!name || !vars.has(name)) return undefined;
  if (refName(second) === '@') return { output: first, at: second, prefix: `$(${name})` };
  if (second?.kind === 'text' && second.text === '/' && refName(third) === '@') return { output: first, at: third, prefix: `$(${name})/` };
  return undefined;
}

function targetFinding(args: { ctx: LintContext; rule: RuleEntry; writes: RecipeWrite[]; style: OutputStyle }): Finding | undefined {
  const { ctx, rule, writes, style } = args;
  const text = ctx.entry.text;
  const prefixed = writes.filter((w) => outputAt(w, style.vars));
  if (prefixed.length === 0 || writes.some((w) => w.parts.length === 1 && refName(w.parts[0]) === '@')) return undefined;
  const bare = splitWords(rule.stmt.targets, text).filter((w) => {
    const literal = literalWord(w);
    return !(literal !== undefined && (style.isPhony(literal) || literal.startsWith('.'))) && pathKind(ctx, w.parts) === 'relative';
  });
  if (bare.length === 0) return undefined;
  const { prefix } = outputAt(prefixed[0], style.vars) as { prefix: string };
  const dir = prefix.replace(/\/$/, '');
  const names = bare.map((w) => `\`${text.slice(w.span.start, w.span.end)}\``).join(', ');
  const writesHere: Related = { file: ctx.file, span: prefixed[0].span, message: `the recipe writes the file here, under ${dir}` };
  const fix = targetFix({ ctx, rule, bare, writes, style, prefix });
  return {
    code: 'output-prefix-target',
    file: ctx.file,
    span: { start: bare[0].span.start, end: bare[bare.length - 1].span.end },
    message: style.vpath
      ? `Target ${names} has no ${dir} prefix but its recipe writes ${prefix}$@; only VPATH += ${dir} lets make find the file, without it the rule reruns on every make.`
      : `Target ${names} has no ${dir} prefix but its recipe writes ${prefix}$@: make never finds the target and reruns the rule on every make.`,
    severity: style.vpath ? 'warning' : undefined,
    related: style.vpath ? [writesHere, style.vpath] : [writesHere],
    fixes: fix ? [fix] : [],
  };
}

/** Every `$@` reference in the rule's recipe lines, nested ones included. */
function automaticTargets(rule: RuleEntry): Array<{ node: ExprNode; next?: ExprNode; nested: boolean }> {
  const found: Array<{ node: ExprNode; next?: ExprNode; nested: boolean }> = [];
  const visit = (nodes: ExprNode[], nested: boolean) => {
    nodes.forEach((n, i) => {
      if (refName(n) === '@') found.push({ node: n, next: nodes[i + 1], nested });
      else if (n.kind === 'call') n.args.forEach((a) => visit(a.nodes, true));
      else if (n.kind === 'subst') visit(n.name.nodes, true);
    });
  };
  for (const line of recipeLines(rule)) visit(line.nodes, false);
  return found;
}

/**
 * Prefix the targets (and a static pattern), drop the prefix where the
 * recipe writes $(OUTPUT)$@, and read `$@.sh` as `$<` when the prerequisite
 * pattern is `%.sh`. No fix when another `$@` would change meaning.
 */
function targetFix(args: { ctx: LintContext; rule: RuleEntry; bare: Word[]; writes: RecipeWrite[]; style: OutputStyle; prefix: string }): Fix | undefined {
  const { ctx, rule, bare, writes, prefix } = args;
  const text = ctx.entry.text;
  const edits: TextEdit[] = [];
  const edit = (span: Span, newText: string) => edits.push({ file: ctx.file, span, newText });
  for (const w of bare) {
    if (literalWord(w) !== undefined) edit({ start: w.span.start, end: w.span.start }, prefix);
    else if (w.parts.length === 1 && w.parts[0].kind === 'ref') edit(w.span, `$(addprefix ${prefix},${text.slice(w.span.start, w.span.end)})`);
    else return undefined;
  }
  const pattern = rule.stmt.targetPattern;
  if (pattern) edit({ start: pattern.span.start, end: pattern.span.start }, prefix);
  const dropped = new Set<ExprNode>();
  for (const w of writes) {
    const hit = outputAt(w, args.style.vars);
    if (!hit || dropped.has(hit.at)) continue;
    dropped.add(hit.at);
    edit({ start: hit.output.span.start, end: hit.at.span.start }, '');
  }
  const written = new Set(writes.map((w) => w.parts[0]));
  const prereqPattern = splitWords(rule.stmt.prereqs, text)[0];
  const prereqSuffix = prereqPattern && literalWord(prereqPattern)?.match(/^%(.*)$/)?.[1];
  const isPattern = pattern !== null || text.slice(rule.stmt.targets.span.start, rule.stmt.targets.span.end).includes('%');
  for (const use of automaticTargets(rule)) {
    if (dropped.has(use.node) || written.has(use.node)) continue;
    const suffix = use.next?.kind === 'text' ? use.next.text.match(/^[^\s'"]*/)?.[0] : undefined;
    if (use.nested || !isPattern || prereqSuffix === undefined || prereqSuffix === '' || suffix !== prereqSuffix) return undefined;
    edit({ start: use.node.span.start, end: use.node.span.end + prereqSuffix.length }, '$<');
  }
  return { title: `Add the ${prefix.replace(/\/$/, '')} prefix to the target`, edits: edits.sort((a, b) => a.span.start - b.span.start) };
}
