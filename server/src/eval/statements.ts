// Statement evaluation: the reader's statements run in order the way eval()
// in read.c of GNU make 4.3 runs lines: assignments, conditionals (only the
// taken branch), rules (expanded now, recorded when their recipe ends),
// include, export/unexport, undefine, vpath, lines that are only expansions,
// and parse errors (fatal only when reached, like make).
import type { ParseResult, Span, Stmt } from '../syntax/ast';
import { LineIndex } from '../syntax/lineIndex';
import { parseMakefile } from '../syntax/reader';
import { assign } from './assign';
import { evalCondition } from './conditionals';
import { enterDepth, expandExpr } from './expand';
import { includeFiles } from './files';
import { addRecipeLine, endRuleContext, expandNames, recordRule } from './rules';
import { type Ctx, type FileCtx, fatalAt, note } from './state';
import { recordTargetAssign } from './targetVars';
import type { Location } from './types';
import { hasUnknown, withoutUnknown } from './unknown';
import { markParseResult } from './unterminated';
import { defineVar, lookup, originStrength } from './variables';
import { splitWords, trimSpace } from './words';

/** Reader errors that are fatal in make once reading gets there. */
const FATAL_SYNTAX = new Set([
  "missing 'endef', unterminated 'define'",
  "extraneous 'endef'",
  "extraneous 'else'",
  "extraneous 'endif'",
  "only one 'else' per conditional",
  'empty variable name',
]);

export function fileContext(args: { parse: ParseResult; file: string; path: string; evalLoc: Location | null }): FileCtx {
  const { parse } = args;
  const invalidConds = new Set<number>();
  const pendingFatal: FileCtx['pendingFatal'] = [];
  const extraneous: FileCtx['extraneous'] = [];
  for (const d of parse.diagnostics) {
    if (d.message.startsWith('extraneous text after') && !d.message.includes("'endef'")) {
      extraneous.push({ start: d.span.start, end: d.span.end, message: d.message });
    } else if (d.message === 'invalid syntax in conditional') invalidConds.add(d.span.start);
    else if (FATAL_SYNTAX.has(d.message)) pendingFatal.push({ offset: d.span.start, message: d.message });
  }
  pendingFatal.sort((a, b) => a.offset - b.offset);
  return { file: args.file, path: args.path, text: parse.text, lines: null, evalLoc: args.evalLoc, invalidConds, pendingFatal, extraneous };
}

export function locOf(fc: FileCtx, span: Span): Location {
  if (fc.evalLoc) return { ...fc.evalLoc, inEval: true };
  return { file: fc.file, path: fc.path, line: lineIndex(fc).positionAt(span.start).line + 1, offset: span.start };
}

function lineIndex(fc: FileCtx): LineIndex {
  fc.lines ??= new LineIndex(fc.text);
  return fc.lines;
}

/** Evaluate a whole file's statements, then end its last rule and check for an open conditional. */
export function evalFile(cx: Ctx, r: { fc: FileCtx; parse: ParseResult }): void {
  const { fc, parse } = r;
  const outer = cx.file;
  cx.file = fc;
  try {
    evalBody(cx, parse.stmts);
    checkFatal(fc, Number.MAX_SAFE_INTEGER);
  } finally {
    cx.file = outer;
  }
  endRuleContext(cx);
  const open = parse.diagnostics.find((d) => d.message === "missing 'endif'");
  if (open) fatalAt({ message: "missing 'endif'", loc: fc.evalLoc ?? { file: fc.file, path: fc.path, line: lineIndex(fc).lineCount } });
}

function checkFatal(fc: FileCtx, before: number): void {
  const first = fc.pendingFatal[0];
  if (first && first.offset <= before) fatalAt({ message: first.message, loc: locOf(fc, { start: first.offset, end: first.offset }) });
}

function evalBody(cx: Ctx, stmts: Stmt[]): void {
  for (const s of stmts) {
    if (cx.file) checkFatal(cx.file, s.span.start);
    evalStmt(cx, s);
  }
}

function evalStmt(cx: Ctx, s: Stmt): void {
  const fc = cx.file;
  if (!fc) return;
  if (s.kind === 'if') {
    evalIf(cx, s);
    return;
  }
  const loc = locOf(fc, s.span);
  if (s.kind === 'recipe') {
    if (!cx.currentRules) fatalAt({ message: 'recipe commences before first target', loc });
    addRecipeLine(cx, { text: s.text, expr: s.expr, loc });
    return;
  }
  endRuleContext(cx);
  cx.reading = loc;
  switch (s.kind) {
    case 'assign':
    case 'define': {
      const name = expandExpr(cx, s.name);
      if (name === '') fatalAt({ message: 'empty variable name', loc });
      const v = assign(cx, {
        name,
        op: s.op,
        text: s.valueText,
        expr: s.value,
        origin: s.mods.override ? 'override' : 'file',
        loc,
        defOp: s.kind === 'define' ? 'define' : undefined,
      });
      if (v && s.mods.export) v.exportState = 'export';
      if (v && s.mods.private) v.private = true;
      return;
    }
    case 'targetAssign':
      recordTargetAssign(cx, { stmt: s, loc });
      return;
    case 'rule':
      recordRule(cx, { stmt: s, loc });
      return;
    case 'include':
      includeFiles(cx, { names: expandNames(cx, expandExpr(cx, s.files)), mode: s.mode, loc });
      return;
    case 'export':
      evalExport(cx, { names: s.names ? splitWords(expandExpr(cx, s.names)) : null, unexport: s.unexport, loc });
      return;
    case 'undefine': {
      const name = trimSpace(expandExpr(cx, s.name));
      if (name === '') fatalAt({ message: 'empty variable name', loc });
      const v = cx.global.get(name);
      const origin = s.mods.override ? 'override' : 'file';
      if (v && originStrength(origin) >= originStrength(v.origin)) cx.global.delete(name);
      return;
    }
    case 'vpath':
      evalVpath(cx, { pattern: s.pattern ? expandExpr(cx, s.pattern) : null, dirs: s.dirs ? expandExpr(cx, s.dirs) : null, loc });
      return;
    case 'expr':
      evalExpansionLine(cx, { text: expandExpr(cx, s.expr), loc });
      return;
    case 'error': {
      const eight = s.message === 'missing separator' && fc.text.startsWith('        ', s.span.start);
      fatalAt({ message: eight ? 'missing separator (did you mean TAB instead of 8 spaces?)' : s.message, loc });
      return;
    }
    default: {
      const never: never = s;
      return never;
    }
  }
}

function evalIf(cx: Ctx, s: Extract<Stmt, { kind: 'if' }>): void {
  const fc = cx.file;
  if (!fc) return;
  for (const x of fc.extraneous) {
    const onBranch = s.branches.some((b) => b.span.start === x.start);
    if (onBranch || (x.message.includes("'endif'") && x.end === s.span.end)) {
      cx.diagnostics.push({ severity: 'warning', message: x.message, loc: locOf(fc, { start: x.start, end: x.end }) });
    }
  }
  for (const b of s.branches) {
    if (b.cond) {
      const loc = locOf(fc, b.span);
      cx.reading = loc;
      if (fc.invalidConds.has(b.span.start)) fatalAt({ message: 'invalid syntax in conditional', loc });
      if (!evalCondition(cx, b.cond)) continue;
    }
    evalBody(cx, b.body);
    return;
  }
}

function evalExport(cx: Ctx, e: { names: string[] | null; unexport: boolean; loc: Location }): void {
  if (!e.names) {
    cx.exportAll = !e.unexport;
    return;
  }
  for (const name of e.names) {
    let v = lookup(cx, name);
    if (!v) {
      v = defineVar({ set: cx.global, name, value: '', flavor: 'simple', origin: 'file', loc: e.loc, op: 'export', envOverrides: cx.envOverrides });
    }
    if (v) v.exportState = e.unexport ? 'unexport' : 'export';
  }
}

function evalVpath(cx: Ctx, e: { pattern: string | null; dirs: string | null; loc: Location }): void {
  if (e.pattern === null) {
    cx.vpaths.length = 0;
    return;
  }
  const pattern = trimSpace(e.pattern);
  if (e.dirs === null || trimSpace(e.dirs) === '') {
    for (let k = cx.vpaths.length - 1; k >= 0; k--) if (cx.vpaths[k].pattern === pattern) cx.vpaths.splice(k, 1);
    return;
  }
  const dirs = e.dirs.split(/[:\s]+/).filter((d) => d !== '');
  if (dirs.length > 0) cx.vpaths.push({ pattern, dirs, loc: e.loc });
}

/**
 * A line of expansions only: nothing left is fine, a ':' makes it a rule,
 * anything else is make's "missing separator". Unknown parts (a `$(shell)`
 * not run, as Kbuild's `$(shell mkdir -p …)` lines) are taken as empty.
 */
function evalExpansionLine(cx: Ctx, e: { text: string; loc: Location }): void {
  if (hasUnknown(e.text)) {
    note(cx, 'value of this line unknown ($(shell) not run): taken as empty');
    e = { text: withoutUnknown(e.text), loc: e.loc };
  }
  if (trimSpace(e.text) === '') return;
  if (!e.text.includes(':')) fatalAt({ message: 'missing separator', loc: e.loc });
  // The expanded text is not expanded again: escape its '$' and read it as a rule line.
  const parse = parseMakefile(e.text.replace(/\$/g, '$$$$'), e.loc.file);
  for (const s of parse.stmts) {
    if (s.kind === 'rule') recordRule(cx, { stmt: s, loc: e.loc });
    else if (s.kind === 'targetAssign') recordTargetAssign(cx, { stmt: s, loc: e.loc });
  }
}

const evalParseCache = new Map<string, ParseResult>();

/** `$(eval TEXT)`: TEXT read as a makefile; every statement reports the eval call's place. */
export function evalText(cx: Ctx, text: string): void {
  if (cx.readOnly) {
    note(cx, '$(eval) not performed while only expanding');
    return;
  }
  let parse = evalParseCache.get(text);
  if (!parse) {
    parse = parseMakefile(text, '<eval>');
    markParseResult(parse);
    if (evalParseCache.size > 5000) evalParseCache.clear();
    evalParseCache.set(text, parse);
  }
  const outer = cx.reading;
  const evalLoc: Location = outer ?? { file: '<eval>', path: '<eval>', line: 1 };
  const fc = fileContext({ parse, file: evalLoc.file, path: evalLoc.path, evalLoc });
  const savedRules = cx.currentRules;
  cx.currentRules = null;
  enterDepth(cx);
  try {
    evalFile(cx, { fc, parse });
  } finally {
    cx.depth--;
    cx.currentRules = savedRules;
    cx.reading = outer;
  }
}
