// Every lint code: its family, default severity, a one-line summary and
// the page that explains it. A new rule is a row here, a doc page, a module.
import type { LintCode, Severity } from './types';

export interface RuleInfo {
  code: LintCode;
  family: 'output' | 'kbuild' | 'make';
  severity: Severity;
  summary: string;
}

export const RULES: readonly RuleInfo[] = [
  {
    code: 'output-prefix-target',
    family: 'output',
    severity: 'error',
    summary: 'The recipe writes $(OUTPUT)… but the target has no $(OUTPUT) prefix, so make never finds it and reruns the rule.',
  },
  {
    code: 'output-source-write',
    family: 'output',
    severity: 'warning',
    summary: 'The recipe writes a generated file to a relative path outside $(OUTPUT): it lands in the source tree under O=.',
  },
  {
    code: 'output-prefix-prereq',
    family: 'output',
    severity: 'error',
    summary: 'A prerequisite names a generated file without $(OUTPUT) although the rule that makes it has the prefix.',
  },
  {
    code: 'if-changed-force',
    family: 'kbuild',
    severity: 'warning',
    summary: 'A rule using $(call if_changed…) lacks FORCE among its prerequisites: a changed command line does not rebuild it.',
  },
  {
    code: 'if-changed-targets',
    family: 'kbuild',
    severity: 'warning',
    summary: 'A rule using $(call if_changed…) makes a target that is not in `targets`: its .cmd file is never read.',
  },
  { code: 'cmd-undefined', family: 'kbuild', severity: 'error', summary: 'cmd_X is used but not defined anywhere in the context.' },
  {
    code: 'try-run-toplevel',
    family: 'kbuild',
    severity: 'information',
    summary: 'A try-run/cc-option call in a simply-expanded assignment forks the compiler on every make invocation.',
  },
  {
    code: 'undefined-variable',
    family: 'make',
    severity: 'warning',
    summary: 'A variable is referenced but never defined anywhere in the context.',
  },
  { code: 'duplicate-recipe', family: 'make', severity: 'warning', summary: 'A target is given two recipes; make uses the last one.' },
  {
    code: 'phony-missing',
    family: 'make',
    severity: 'warning',
    summary: 'An umbrella target that makes no file is missing from .PHONY.',
  },
];

const BY_CODE = new Map(RULES.map((r) => [r.code, r]));

export function ruleInfo(code: LintCode): RuleInfo {
  return BY_CODE.get(code) as RuleInfo;
}

export function isLintCode(code: string): code is LintCode {
  return BY_CODE.has(code as LintCode);
}

/** The docs page of a code, relative to the repository (the ide layer makes a URL of it). */
export function docsPath(code: LintCode): string {
  return `docs/diagnostics/${code}.md`;
}
