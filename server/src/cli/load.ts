// Reading trees from disk for the CLI: the shipped example tree, the
// workspace root of a path, a Workspace loaded with every make file under it,
// and 1-based positions for JSON output.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { createWorkspace, getFile, setFileText, type Workspace, type WorkspaceFile } from '../workspace/workspace';
import { discoverMakeFiles } from '../lsp/discovery';
import type { Span } from '../syntax/ast';

/** examples/tiny-kernel of the package: next to dist/ when bundled, three levels up from server/src/cli/ under tsx. */
export function exampleTree(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'examples', 'tiny-kernel');
    if (existsSync(join(candidate, 'Makefile'))) return candidate;
    if (dirname(dir) === dir) throw new Error('examples/tiny-kernel not found next to the CLI');
  }
}

function isKernelTop(dir: string): boolean {
  try {
    return /^VERSION\s*=/m.test(readFileSync(join(dir, 'Makefile'), 'utf8'));
  } catch {
    return false;
  }
}

/**
 * The workspace root for a path: the nearest directory above it whose
 * Makefile has a `VERSION =` line (a kernel-shaped top Makefile); else the
 * current directory when the path is inside it; else the path's own directory.
 */
export function findRoot(path: string): string {
  const abs = resolve(path);
  const start = isDirectory(abs) ? abs : dirname(abs);
  for (let dir = start; ; dir = dirname(dir)) {
    if (isKernelTop(dir)) return dir;
    if (dirname(dir) === dir) break;
  }
  const cwd = process.cwd();
  return isInside(cwd, abs) ? cwd : start;
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return !rel.startsWith('..') && !isAbsolute(rel);
}

/** A Workspace holding every make file under root, plus `extra` files (the ones asked about). */
export async function loadWorkspace(args: { root: string; extra?: string[] }): Promise<Workspace> {
  const ws = createWorkspace({ root: args.root });
  const paths = [...new Set([...(await discoverMakeFiles({ root: args.root })), ...(args.extra ?? [])])];
  const texts = await Promise.all(paths.map((p) => readFile(p, 'utf8').catch(() => undefined)));
  paths.forEach((p, i) => {
    const text = texts[i];
    if (text !== undefined) setFileText(ws, p, text);
  });
  return ws;
}

/** Paths in output: relative to the current directory when inside it, absolute otherwise. */
export function displayPath(path: string): string {
  const cwd = process.cwd();
  return isInside(cwd, path) ? relative(cwd, path) || '.' : path;
}

/** 1-based line and column (UTF-16 units, as LSP counts) of a span. */
export interface Range1 {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export function range1(file: WorkspaceFile, span: Span): Range1 {
  const start = file.lines.positionAt(span.start);
  const end = file.lines.positionAt(span.end);
  return { line: start.line + 1, col: start.character + 1, endLine: end.line + 1, endCol: end.character + 1 };
}

export function locationJson(ws: Workspace, target: { file: string; span: Span }): ({ file: string } & Range1) | undefined {
  const file = getFile(ws, target.file);
  return file && { file: displayPath(target.file), ...range1(file, target.span) };
}
