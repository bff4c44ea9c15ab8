// Lint diagnostics and their quick fixes for one file, as plain data: the
// severity after the user's per-code overrides, related locations, a docs
// link. lsp/ converts these to Diagnostic and CodeAction; the CLI prints them.
import {
  docsPath,
  type EvaluatedValues,
  type Finding,
  type Fix,
  lintFile,
  type LintCode,
  type LintSource,
  ruleInfo,
  type Severity,
  type ShellParser,
} from '../analysis/lint';
import type { Span } from '../syntax/ast';
import { kernelRoot, resolveInclude } from '../workspace/includes';
import { searchTiers } from '../workspace/scope';
import type { Workspace } from '../workspace/workspace';
import { fileDiagnostics } from './diagnostics';
import type { IdeDiagnostic } from './types';

/**
 * Base of the docs pages: a code's page is `${base}docs/diagnostics/CODE.md`.
 * The pages ship with the extension and the CLI, so the lsp layer and the CLI
 * pass a file URL of that place; without one, links are repository-relative.
 */
export const DEFAULT_DOCS_BASE = '';

export interface LintSettings {
  /** Per-code severity; `off` drops the code. */
  severity?: Partial<Record<LintCode, Severity | 'off'>>;
  /** Variable names never reported as undefined. */
  ignoreVariables?: readonly string[];
  docsBase?: string;
}

export interface LintDiagnostic extends IdeDiagnostic {
  code: LintCode;
  /** URL of the code's docs page. */
  docs: string;
  related: Array<{ file: string; span: Span; message: string }>;
  fixes: Fix[];
}

export interface LintInput {
  ws: Workspace;
  file: string;
  parser?: ShellParser;
  values?: EvaluatedValues;
  settings?: LintSettings;
}

/** The linter's view of a workspace: files, include resolution, contexts, the name index. */
export function lintSource(ws: Workspace): LintSource {
  return {
    files: ws.files,
    revision: ws.revision,
    kernelRoot: (file) => kernelRoot(ws, file),
    resolveInclude: (args) => resolveInclude(ws, args),
    contextFiles: (file) => searchTiers(ws, file).flat(),
    assignedAnywhere: (name) => (ws.defs.get(name) ?? []).some((d) => d.occ.kind === 'varDef'),
  };
}

export function docsUrl(code: LintCode, base = DEFAULT_DOCS_BASE): string {
  return base + docsPath(code);
}

/** The severity a finding is shown with: the user's override, else the rule's own judgement, else the code's default. */
export function effectiveSeverity(finding: Finding, settings?: LintSettings): Severity | 'off' {
  return settings?.severity?.[finding.code] ?? finding.severity ?? ruleInfo(finding.code).severity;
}

export function lintDiagnostics(input: LintInput): LintDiagnostic[] {
  const { settings } = input;
  const findings = lintFile({ src: lintSource(input.ws), file: input.file, parser: input.parser, values: input.values, ignoreVariables: settings?.ignoreVariables });
  return findings.flatMap((f) => {
    const severity = effectiveSeverity(f, settings);
    if (severity === 'off') return [];
    return [
      {
        span: f.span,
        message: f.message,
        severity,
        code: f.code,
        source: 'kbuild-analyzer' as const,
        docs: docsUrl(f.code, settings?.docsBase),
        related: f.related,
        fixes: f.fixes,
      },
    ];
  });
}

/** Reader diagnostics and lint diagnostics of a file, in one list. */
export function allDiagnostics(input: LintInput): IdeDiagnostic[] {
  return [...fileDiagnostics(input.ws, input.file), ...lintDiagnostics(input)];
}

export interface LintCodeAction {
  title: string;
  /** The diagnostic it fixes. */
  diagnostic: LintDiagnostic;
  edits: Fix['edits'];
  preferred: boolean;
}

/** Quick fixes of the lint diagnostics that touch `span`. */
export function lintCodeActions(input: LintInput & { span: Span }): LintCodeAction[] {
  const { span } = input;
  return lintDiagnostics(input)
    .filter((d) => d.span.start <= span.end && span.start <= d.span.end)
    .flatMap((d) => d.fixes.map((fix, i) => ({ title: fix.title, diagnostic: d, edits: fix.edits, preferred: i === 0 })));
}
