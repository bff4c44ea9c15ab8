// CLI subcommands over the syntax and ide layers: parse, symbols,
// definition, references. Output is JSON; positions are 1-based.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { definition, documentSymbols, references, type DocSymbol, type FileSpan } from '../ide';
import { discoverMakeFiles } from '../lsp/discovery';
import { parseMakefile } from '../syntax';
import type { Stmt } from '../syntax/ast';
import { LineIndex } from '../syntax/lineIndex';
import { createWorkspace, getFile, setFileText, type Workspace, type WorkspaceFile } from '../workspace/workspace';
import { displayPath, exampleTree, findRoot, isDirectory, loadWorkspace, locationJson, range1 } from './load';
import { json, usageError, type CliHandler, type CliResult } from './types';

/** `parse [PATH…]`: syntax diagnostics of files (a directory means every make file under it). */
export const parseCommand: CliHandler = async (argv) => {
  const args = options(argv, {});
  if ('error' in args) return args.error;
  const inputs = args.positionals.length > 0 ? args.positionals.map((p) => resolve(p)) : [exampleTree()];
  const files: string[] = [];
  for (const input of inputs) {
    if (isDirectory(input)) files.push(...(await discoverMakeFiles({ root: input })));
    else files.push(input);
  }
  const summary = { files: 0, statements: 0, errors: 0, warnings: 0 };
  const withDiagnostics = [];
  for (const path of files) {
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text === undefined) return usageError(`cannot read ${path}`);
    const parse = parseMakefile(text, path);
    const lines = new LineIndex(text);
    summary.files++;
    summary.statements += countStatements(parse.stmts);
    for (const d of parse.diagnostics) summary[d.severity === 'error' ? 'errors' : 'warnings']++;
    if (parse.diagnostics.length === 0) continue;
    const diagnostics = parse.diagnostics.map((d) => {
      const start = lines.positionAt(d.span.start);
      const end = lines.positionAt(d.span.end);
      const range = { line: start.line + 1, col: start.character + 1, endLine: end.line + 1, endCol: end.character + 1 };
      return { ...range, severity: d.severity, message: d.message };
    });
    withDiagnostics.push({ file: displayPath(path), diagnostics });
  }
  return json({ summary, files: withDiagnostics }, summary.errors > 0 ? 1 : 0);
};

/** `symbols [FILE]`: the document symbols of one file, nested. */
export const symbolsCommand: CliHandler = async (argv) => {
  const args = options(argv, {});
  if ('error' in args) return args.error;
  if (args.positionals.length > 1) return usageError('symbols takes one FILE');
  const path = args.positionals.length === 1 ? resolve(args.positionals[0]) : join(exampleTree(), 'Makefile');
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return usageError(`cannot read ${path}`);
  const ws = createWorkspace({ root: findRoot(path) });
  const file = setFileText(ws, path, text);
  return json(documentSymbols(ws, path).map((s) => symbolJson(file, s)));
};

/** `definition FILE:LINE:COL [--root DIR]` */
export const definitionCommand: CliHandler = (argv) =>
  positionCommand(argv, (ws, at) => definition(ws, at));

/** `references FILE:LINE:COL [--root DIR]` (declarations included) */
export const referencesCommand: CliHandler = (argv) =>
  positionCommand(argv, (ws, at) => references(ws, { ...at, includeDeclaration: true }));

async function positionCommand(
  argv: string[],
  query: (ws: Workspace, at: { file: string; offset: number }) => FileSpan[],
): Promise<CliResult> {
  const args = options(argv, { root: { type: 'string' } });
  if ('error' in args) return args.error;
  const match = args.positionals.length === 1 ? /^(.+):(\d+):(\d+)$/.exec(args.positionals[0]) : null;
  if (!match) return usageError('expected one FILE:LINE:COL (1-based)');
  const path = resolve(match[1]);
  const root = args.values.root !== undefined ? resolve(args.values.root) : findRoot(path);
  const ws = await loadWorkspace({ root, extra: [path] });
  const file = getFile(ws, path);
  if (!file) return usageError(`cannot read ${path}`);
  const offset = file.lines.offsetAt({ line: Number(match[2]) - 1, character: Number(match[3]) - 1 });
  return json(query(ws, { file: path, offset }).flatMap((target) => locationJson(ws, target) ?? []));
}

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

function options<S extends OptionSpec>(argv: string[], spec: S) {
  try {
    return parseArgs({ args: argv, options: spec, allowPositionals: true, strict: true });
  } catch (e) {
    return { error: usageError(e instanceof Error ? e.message : String(e)) };
  }
}

function countStatements(stmts: readonly Stmt[]): number {
  let n = 0;
  for (const s of stmts) {
    n++;
    if (s.kind === 'if') for (const b of s.branches) n += countStatements(b.body);
  }
  return n;
}

interface SymbolJson {
  name: string;
  kind: string;
  range: ReturnType<typeof range1>;
  selection: ReturnType<typeof range1>;
  children: SymbolJson[];
}

function symbolJson(file: WorkspaceFile, s: DocSymbol): SymbolJson {
  return {
    name: s.name,
    kind: s.kind,
    range: range1(file, s.span),
    selection: range1(file, s.selectionSpan),
    children: s.children.map((c) => symbolJson(file, c)),
  };
}
