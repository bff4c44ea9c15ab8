// Reading makefiles: the entry file and `include`/`-include`/`sinclude`
// (eval_makefile in read.c of GNU make 4.3). A relative name is looked up
// in CURDIR, then in the -I directories and make's default include path;
// each file read is appended to MAKEFILE_LIST first. A missing file under
// plain `include` gives make's "No such file or directory" and reading goes
// on; make would then try to remake it from a rule, which is out of scope.
import type { ParseResult } from '../syntax/ast';
import { parseMakefile } from '../syntax/reader';
import { readText } from './builtins/io';
import { DEFAULT_INCLUDE_DIRS } from './defaults';
import { joinPath, isAbsolute, resolvePath } from './paths';
import { type Ctx, fatalAt } from './state';
import { evalFile, fileContext } from './statements';
import type { Location } from './types';
import { hasUnknown } from './unknown';
import { markParseResult } from './unterminated';
import { defineVar } from './variables';

const MAX_INCLUDE_DEPTH = 200;
const parseCache = new Map<string, ParseResult>();

/** Parse once per (path, text): included files like Kbuild.include are read by many evaluations. */
function parseFile(path: string, text: string): ParseResult {
  const hit = parseCache.get(path);
  if (hit && hit.text === text) return hit;
  const parsed = parseMakefile(text, path);
  markParseResult(parsed);
  if (parseCache.size > 2000) parseCache.clear();
  parseCache.set(path, parsed);
  return parsed;
}

function locate(cx: Ctx, q: { name: string; searchDirs: boolean }): { file: string; path: string; text: string } | null {
  const { name, searchDirs } = q;
  const direct = resolvePath(cx.cwd, name);
  const text = readText(cx, direct);
  if (text !== undefined) return { file: name, path: direct, text };
  if (!searchDirs || isAbsolute(name)) return null;
  for (const dir of [...cx.includeDirs, ...DEFAULT_INCLUDE_DIRS]) {
    const file = joinPath(dir, name);
    const path = resolvePath(cx.cwd, file);
    const t = readText(cx, path);
    if (t !== undefined) return { file, path, text: t };
  }
  return null;
}

/** Read and evaluate one makefile; false when it could not be read. */
export function readMakefile(cx: Ctx, r: { name: string; searchDirs: boolean }): boolean {
  const found = locate(cx, r);
  if (!found) return false;
  const list = cx.global.get('MAKEFILE_LIST');
  // MAKEFILE_LIST gets the name the file was found under; places keep the name as written.
  const loc: Location = { file: r.name, path: found.path, line: 1 };
  defineVar({
    set: cx.global,
    name: 'MAKEFILE_LIST',
    value: list && list.value !== '' ? list.value + ' ' + found.file : found.file,
    flavor: list?.flavor ?? 'simple',
    origin: 'file',
    loc,
    op: '+=',
    recorded: found.file,
    envOverrides: cx.envOverrides,
  });
  cx.makefiles.push(found.file);
  const parse = parseFile(found.path, found.text);
  const savedReading = cx.reading;
  const savedLocs = cx.expandingLocs;
  cx.expandingLocs = [];
  if (++cx.includeDepth > MAX_INCLUDE_DEPTH) {
    cx.includeDepth--;
    fatalAt({ message: `${r.name}: includes nested more than ${MAX_INCLUDE_DEPTH} deep (include cycle?)`, loc: savedReading });
  }
  try {
    evalFile(cx, { fc: fileContext({ parse, file: r.name, path: found.path, evalLoc: null }), parse });
  } finally {
    cx.includeDepth--;
    cx.reading = savedReading;
    cx.expandingLocs = savedLocs;
  }
  return true;
}

export function includeFiles(cx: Ctx, r: { names: string[]; mode: 'include' | '-include' | 'sinclude'; loc: Location }): void {
  for (const name of r.names) {
    if (hasUnknown(name)) {
      cx.diagnostics.push({ severity: 'info', message: `include of a file whose name is unknown (a $(shell) that was not run): skipped`, loc: r.loc });
      continue;
    }
    if (readMakefile(cx, { name, searchDirs: true })) continue;
    if (r.mode === 'include') {
      cx.diagnostics.push({ severity: 'error', message: `${name}: No such file or directory`, loc: r.loc });
      cx.missingIncludes.push({ name, loc: r.loc });
    }
  }
}
