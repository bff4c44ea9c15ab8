// Lint one file of a workspace: every rule family over one context,
// findings located in that file, sorted by position.
import type { ShellParser } from '../shell/parser';
import { createLintContext, type LintContext } from './context';
import { duplicateFindings } from './duplicates';
import { kbuildFindings } from './kbuild';
import { outputFindings } from './output';
import { phonyFindings } from './phony';
import { tryRunFindings } from './tryrun';
import type { EvaluatedValues, Finding, LintSource } from './types';
import { undefinedFindings } from './undefined';

export * from './types';
export { RULES, docsPath, isLintCode, ruleInfo, type RuleInfo } from './registry';
export { createShellParser, type ShellParser, type ShellWasm } from '../shell/parser';

export interface LintOptions {
  /** Without it, rules that read recipes as shell (the $(OUTPUT) ones) see no writes. */
  parser?: ShellParser;
  values?: EvaluatedValues;
  /** Variable names never reported as undefined, on top of the built-in ones. */
  ignoreVariables?: readonly string[];
}

const FAMILIES: Array<(ctx: LintContext, options: LintOptions) => Finding[]> = [
  (ctx) => outputFindings(ctx),
  (ctx) => kbuildFindings(ctx),
  (ctx) => tryRunFindings(ctx),
  (ctx) => duplicateFindings(ctx),
  (ctx) => phonyFindings(ctx),
  (ctx, options) => undefinedFindings(ctx, options.ignoreVariables ?? []),
];

/** Automake and autoconf templates, Android's build files: not read by GNU make as they are. */
const TEMPLATE = /\/(Makefile\.(am|in)|Android\.mk)$/;

export function lintFile(args: { src: LintSource; file: string } & LintOptions): Finding[] {
  if (TEMPLATE.test(args.file)) return [];
  const ctx = createLintContext(args);
  if (!ctx) return [];
  const seen = new Set<string>();
  return FAMILIES.flatMap((run) => run(ctx, args))
    .filter((f) => {
      const key = `${f.code}:${f.span.start}:${f.span.end}`;
      if (f.file !== args.file || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
}
