// Kbuild's command helpers used wrong: a $(call if_changed…) rule without
// FORCE (a changed command line does not rebuild it) or whose target is in
// no list that makes Makefile.build read its .cmd file, and cmd_X/rule_X
// called but assigned nowhere in the context.
import { relative } from 'node:path/posix';
import { configNameCandidates, indirectVariables, isCommandHelper, isObjectListVariable } from '../../kbuild/indirections';
import type { Expr } from '../../syntax/ast';
import { literalText } from '../../syntax/expr';
import { callSites, secondArgument } from './calls';
import { definitionsOver, type LintContext } from './context';
import { readClosure } from './includers';
import { fileModel, hasRecipe, recipeLines, type RuleEntry } from './model';
import { phonyNames, runFiles } from './phonySet';
import { textFacts } from './textFacts';
import type { Finding } from './types';
import { staticWords } from './values';
import { literalWord, refName, splitWords } from './words';

const IF_CHANGED = new Set(['if_changed', 'if_changed_dep', 'if_changed_rule', 'if_changed_except']);

/** The if_changed helper a rule's recipe calls at its top level, if any. */
function ifChangedHelper(rule: RuleEntry): string | undefined {
  for (const line of recipeLines(rule)) {
    for (const node of line.nodes) {
      const name = node.kind === 'call' && node.fn === 'call' && node.args[0] ? literalText(node.args[0])?.trim() : undefined;
      if (name && IF_CHANGED.has(name)) return name;
    }
  }
  return undefined;
}

export function kbuildFindings(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  const rules = ctx.model.rules.filter(hasRecipe);
  for (const rule of rules) {
    const helper = ifChangedHelper(rule);
    if (!helper) continue;
    const force = forceFinding({ ctx, rule, helper });
    if (force) out.push(force);
    const targets = targetsFinding({ ctx, rule, helper });
    if (targets) out.push(targets);
  }
  out.push(...undefinedCommands(ctx));
  return out;
}

/** FORCE among the prerequisites of any rule of the file for the same targets; undefined when a variable may hide it. */
function hasForce(ctx: LintContext, rule: RuleEntry): boolean | undefined {
  const text = ctx.entry.text;
  const key = text.slice(rule.stmt.targets.span.start, rule.stmt.targets.span.end);
  let unknown = false;
  for (const other of ctx.model.rules) {
    if (other !== rule && text.slice(other.stmt.targets.span.start, other.stmt.targets.span.end) !== key) continue;
    for (const w of splitWords(other.stmt.prereqs, text)) {
      if (literalWord(w) === 'FORCE') return true;
      if (w.parts.length !== 1 || w.parts[0].kind === 'text') continue;
      const { words, complete } = staticWords(ctx, { nodes: w.parts, span: w.span });
      if (words.has('FORCE')) return true;
      if (!complete) unknown = true;
    }
  }
  return unknown ? undefined : false;
}

function forceFinding(args: { ctx: LintContext; rule: RuleEntry; helper: string }): Finding | undefined {
  const { ctx, rule, helper } = args;
  if (hasForce(ctx, rule) !== false) return undefined;
  const { prereqs, targets } = rule.stmt;
  const at = prereqs.nodes.length > 0 ? prereqs.span.end : ctx.entry.text.indexOf(':', targets.span.end) + 1;
  return {
    code: 'if-changed-force',
    file: ctx.file,
    span: targets.span,
    message: `This rule runs $(call ${helper},…) but FORCE is not among its prerequisites: make only runs the recipe when a prerequisite is newer, so a changed command line never rebuilds the target.`,
    related: [],
    fixes: [{ title: 'Add FORCE to the prerequisites', edits: [{ file: ctx.file, span: { start: at, end: at }, newText: ' FORCE' }] }],
  };
}

/**
 * Where the file is read: by Makefile.build (a directory's Makefile or
 * Kbuild) or the top Makefile (which includes arch/<arch>/Makefile), both
 * reading the .cmd files of `targets`; by tools/build (a Build file) with
 * obj-y lists; or elsewhere (Makefile.postlink and the like read none).
 */
function buildContext(ctx: LintContext): { kind: 'kbuild' | 'tools-build'; files: string[] } | undefined {
  const root = ctx.src.kernelRoot(ctx.file);
  if (!root) return undefined;
  const rel = relative(root, ctx.file);
  if (rel.startsWith('tools/')) return /\/Build$/.test(rel) ? { kind: 'tools-build', files: ctx.closure } : undefined;
  if (rel.startsWith('scripts/') || !/(^|\/)(Makefile|Kbuild)$/.test(rel)) return undefined;
  const top = rel === 'Makefile' || /^arch\/[^/]+\/Makefile$/.test(rel);
  const arch = /^arch\/([^/]+)\/Makefile$/.exec(rel)?.[1] ?? 'x86';
  const run = top ? [`${root}/Makefile`, `${root}/arch/${arch}/Makefile`].flatMap((f) => readClosure(ctx.src, f)) : [];
  // Kbuild's own lists (scripts/Makefile.*) are computed: only the user's lists can be judged.
  const files = [...new Set([...ctx.closure, ...run])].filter((f) => !relative(root, f).startsWith('scripts/'));
  return { kind: 'kbuild', files };
}

/** `x.lex.o` in targets brings `x.lex.c`, and so on (Makefile.build's intermediate_targets). */
const INTERMEDIATE: Array<[string, string[]]> = [
  ['.asn1.o', ['.asn1.c', '.asn1.h']],
  ['.dtb.o', ['.dtb.S', '.dtb']],
  ['.lex.o', ['.lex.c']],
  ['.tab.o', ['.tab.c', '.tab.h']],
];

/** An assignment's variable name; `obj-$(CONFIG_X)` counts as obj-y. */
function assignedName(text: string, name: Expr): string {
  const literal = literalText(name)?.trim();
  if (literal !== undefined) return literal;
  const template = text.slice(name.span.start, name.span.end).trim();
  return configNameCandidates(template)[0] ?? template;
}

const targetsCache = new WeakMap<LintContext, { names: Set<string>; complete: boolean }>();

/** Names whose .cmd files the context reads; complete=false when some list could not be followed. */
function readTargets(ctx: LintContext, context: { kind: 'kbuild' | 'tools-build'; files: string[] }): { names: Set<string>; complete: boolean } {
  const hit = targetsCache.get(ctx);
  if (hit) return hit;
  const { kind, files } = context;
  const run = { ...ctx, ...definitionsOver(ctx.src, files) };
  const names = new Set<string>();
  let complete = true;
  for (const file of files) {
    const entry = ctx.src.files.get(file);
    if (!entry) continue;
    for (const { stmt } of fileModel(entry.parse.stmts).assigns) {
      if (stmt.kind !== 'assign') continue;
      const name = assignedName(entry.text, stmt.name);
      const feeds = kind === 'tools-build' ? /-y$/.test(name) : name === 'targets' || isObjectListVariable(name);
      if (!feeds) continue;
      const words = staticWords(run, stmt.value);
      words.words.forEach((w) => names.add(kind === 'tools-build' ? w.slice(w.lastIndexOf('/') + 1) : w));
      if (!words.complete) complete = false;
    }
  }
  for (const n of [...names]) for (const [from, tos] of INTERMEDIATE) if (n.endsWith(from)) tos.forEach((to) => names.add(n.slice(0, -from.length) + to));
  targetsCache.set(ctx, { names, complete });
  return { names, complete };
}

function targetsFinding(args: { ctx: LintContext; rule: RuleEntry; helper: string }): Finding | undefined {
  const { ctx, rule, helper } = args;
  const context = buildContext(ctx);
  if (!context) return undefined;
  const { kind } = context;
  const text = ctx.entry.text;
  const phony = phonyNames(ctx);
  const { names, complete } = readTargets(ctx, context);
  if (!complete) return undefined;
  const missing = splitWords(rule.stmt.targets, text).filter((w) => {
    const first = refName(w.parts[0]);
    const inDirectory = first === 'obj' || first === 'OUTPUT';
    const rest = literalWord({ parts: inDirectory ? w.parts.slice(1) : w.parts, span: w.span });
    // A bare name without a suffix (rustdoc-core) is a step, not a file: no .cmd to miss.
    if (rest === undefined || !(inDirectory || /[./]/.test(rest)) || rest.includes('%') || phony.has(rest)) return false;
    const name = rest.replace(/^\//, '');
    return !names.has(kind === 'tools-build' ? name.slice(name.lastIndexOf('/') + 1) : name);
  });
  if (missing.length === 0) return undefined;
  const list = kind === 'kbuild' ? '`targets`' : 'an obj-y list (`<obj>-y += …`)';
  return {
    code: 'if-changed-targets',
    file: ctx.file,
    span: { start: missing[0].span.start, end: missing[missing.length - 1].span.end },
    message: `\`${text.slice(missing[0].span.start, missing[0].span.end)}\` is made with $(call ${helper},…) but is not in ${list}: its .cmd file is never read, so the target is rebuilt every time (or never, when the command changes).`,
    related: [],
    fixes: [],
  };
}

/** cmd_X / rule_X / filechk_X named by a command helper and assigned nowhere in the files read with this one. */
function undefinedCommands(ctx: LintContext): Finding[] {
  const sites = callSites(ctx.entry.parse.stmts).filter((s) => isCommandHelper(s.name));
  if (sites.length === 0) return [];
  const files = [...new Set([...ctx.contextFiles, ...runFiles(ctx), ...kbuildFiles(ctx)])];
  const run = definitionsOver(ctx.src, files);
  const facts = files.flatMap((f) => {
    const entry = ctx.src.files.get(f);
    return entry ? [textFacts(entry.parse.stmts, entry.text)] : [];
  });
  const defined = (name: string) =>
    run.definitions(name).length > 0 || run.computedDefinition(name) !== undefined || facts.some((t) => t.assigned.has(name) || t.templates.some((re) => re.test(name)));
  const out: Finding[] = [];
  for (const site of sites) {
    const arg = secondArgument(site.node);
    const [name] = arg ? indirectVariables(site.name, arg.text) : [];
    if (!arg || !name || defined(name)) continue;
    out.push({
      code: 'cmd-undefined',
      file: ctx.file,
      span: arg.expr.span,
      message: `$(call ${site.name},${arg.text}) runs \`${name}\`, which is assigned nowhere in this Makefile, what it includes or the Kbuild files that read it: the recipe runs nothing.`,
      related: [],
      fixes: [],
    });
  }
  return out;
}

/** Kbuild's own definitions, for files of the kernel tree: Kbuild.include, Makefile.lib, Makefile.build and the arch Makefile. */
function kbuildFiles(ctx: LintContext): string[] {
  const root = ctx.src.kernelRoot(ctx.file);
  if (!root) return [];
  const arch = /^arch\/([^/]+)\//.exec(relative(root, ctx.file))?.[1];
  const names = ['scripts/Kbuild.include', 'scripts/Makefile.lib', 'scripts/Makefile.build', 'scripts/Makefile.host', ...(arch ? [`arch/${arch}/Makefile`] : [])];
  return names.map((n) => `${root}/${n}`).filter((f) => ctx.src.files.has(f));
}
