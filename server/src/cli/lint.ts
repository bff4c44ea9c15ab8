// `kbuild-analyzer lint [PATH…] [--format text|json|sarif] [--severity code=level]…`:
// the lint diagnostics of every make file under the paths, for CI. Exit 1
// when an error remains after the severity overrides, 2 on bad arguments.
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isLintCode, type LintCode, RULES, type Severity } from '../analysis/lint';
import { localDocsBase } from '../lsp/docs';
import { loadShellParser } from '../lsp/shellParser';
import { DEFAULT_DOCS_BASE, docsUrl, lintDiagnostics, type LintDiagnostic, type LintSettings } from '../ide/lint';
import type { Workspace } from '../workspace/workspace';
import { findRoot, isDirectory, loadWorkspace, range1 } from './load';
import { type CliHandler, usageError } from './types';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];
const LEVELS = ['error', 'warning', 'information', 'hint', 'off'] as const;

function parseSeverities(specs: string[]): LintSettings['severity'] | string {
  const out: Partial<Record<LintCode, Severity | 'off'>> = {};
  for (const spec of specs) {
    const [code, level] = spec.split('=');
    if (!isLintCode(code)) return `unknown code '${code}' in --severity ${spec} (codes: ${RULES.map((r) => r.code).join(', ')})`;
    if (!(LEVELS as readonly string[]).includes(level)) return `unknown level '${level}' in --severity ${spec} (levels: ${LEVELS.join(', ')})`;
    out[code] = level as Severity | 'off';
  }
  return out;
}

interface Located {
  file: string;
  diagnostic: LintDiagnostic;
}

export const lintCommand: CliHandler = async (argv) => {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', default: 'text' },
        severity: { type: 'string', multiple: true, default: [] },
        'ignore-variable': { type: 'string', multiple: true, default: [] },
        root: { type: 'string' },
      },
    });
  } catch (e) {
    return usageError(e instanceof Error ? e.message : String(e));
  }
  const format = args.values.format as Format;
  if (!FORMATS.includes(format)) return usageError(`unknown format '${format}' (formats: ${FORMATS.join(', ')})`);
  const severity = parseSeverities(args.values.severity ?? []);
  if (typeof severity === 'string') return usageError(severity);
  const inputs = (args.positionals.length > 0 ? args.positionals : ['.']).map((p) => resolve(p));
  const missing = inputs.find((p) => !existsSync(p));
  if (missing) return usageError(`cannot read ${missing}`);
  const root = args.values.root ? resolve(args.values.root) : findRoot(inputs[0]);
  const ws = await loadWorkspace({ root, extra: inputs.filter((p) => !isDirectory(p)) });
  const files = [...ws.files.keys()].filter((f) => inputs.some((p) => f === p || f.startsWith(p.endsWith('/') ? p : `${p}/`))).sort();
  const parser = await loadShellParser();
  const settings: LintSettings = { severity, ignoreVariables: args.values['ignore-variable'], docsBase: localDocsBase() };
  const found: Located[] = files.flatMap((file) => lintDiagnostics({ ws, file, parser, settings }).map((diagnostic) => ({ file, diagnostic })));
  const errors = found.filter((f) => f.diagnostic.severity === 'error').length;
  const stdout = format === 'sarif' ? sarif({ ws, found, root, settings }) : format === 'json' ? json({ ws, found, files }) : text({ ws, found, files });
  return { stdout, exitCode: errors > 0 ? 1 : 0 };
};

function position(ws: Workspace, file: string, span: LintDiagnostic['span']) {
  const entry = ws.files.get(file);
  return entry ? range1(entry, span) : { line: 1, col: 1, endLine: 1, endCol: 1 };
}

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

function summary(found: Located[], files: string[]) {
  const count = (s: string) => found.filter((f) => f.diagnostic.severity === s).length;
  return { files: files.length, errors: count('error'), warnings: count('warning'), information: count('information'), hints: count('hint') };
}

function text(args: { ws: Workspace; found: Located[]; files: string[] }): string {
  const lines: string[] = [];
  for (const { file, diagnostic: d } of args.found) {
    const p = position(args.ws, file, d.span);
    lines.push(`${display(file)}:${p.line}:${p.col}: ${d.severity} [${d.code}] ${d.message}`);
    for (const r of d.related) {
      const q = position(args.ws, r.file, r.span);
      lines.push(`  ${display(r.file)}:${q.line}:${q.col}: note: ${r.message}`);
    }
  }
  const s = summary(args.found, args.files);
  const n = (count: number, word: string) => `${count} ${word}${count === 1 || word === 'information' ? '' : 's'}`;
  lines.push(`${n(s.files, 'file')}: ${n(s.errors, 'error')}, ${n(s.warnings, 'warning')}, ${n(s.information, 'information')}, ${n(s.hints, 'hint')}`);
  return `${lines.join('\n')}\n`;
}

function json(args: { ws: Workspace; found: Located[]; files: string[] }): string {
  const diagnostics = args.found.map(({ file, diagnostic: d }) => ({
    file: display(file),
    ...position(args.ws, file, d.span),
    severity: d.severity,
    code: d.code,
    message: d.message,
    docs: d.docs,
    related: d.related.map((r) => ({ file: display(r.file), ...position(args.ws, r.file, r.span), message: r.message })),
    fixes: d.fixes.map((f) => ({ title: f.title, edits: f.edits.map((e) => ({ file: display(e.file), ...position(args.ws, e.file, e.span), newText: e.newText })) })),
  }));
  return `${JSON.stringify({ summary: summary(args.found, args.files), diagnostics }, null, 2)}\n`;
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0: one run, the rules with their docs, results with file locations relative to the root. */
function sarif(args: { ws: Workspace; found: Located[]; root: string; settings: LintSettings }): string {
  const { ws, root } = args;
  const rules = RULES.map((r) => ({
    id: r.code,
    name: r.code,
    shortDescription: { text: r.summary },
    helpUri: docsUrl(r.code, args.settings.docsBase),
    defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
  }));
  const location = (file: string, span: LintDiagnostic['span']) => {
    const p = position(ws, file, span);
    return {
      physicalLocation: {
        artifactLocation: { uri: relative(root, file).split('\\').join('/'), uriBaseId: 'SRCROOT' },
        region: { startLine: p.line, startColumn: p.col, endLine: p.endLine, endColumn: p.endCol },
      },
    };
  };
  const results = args.found.map(({ file, diagnostic: d }) => ({
    ruleId: d.code,
    ruleIndex: RULES.findIndex((r) => r.code === d.code),
    level: SARIF_LEVEL[d.severity],
    message: { text: d.message },
    locations: [location(file, d.span)],
    relatedLocations: d.related.map((r, i) => ({ id: i + 1, ...location(r.file, r.span), message: { text: r.message } })),
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'kbuild-analyzer', informationUri: args.settings.docsBase ?? DEFAULT_DOCS_BASE, rules } },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(root.endsWith('/') ? root : `${root}/`).href } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
