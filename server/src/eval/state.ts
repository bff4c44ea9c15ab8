// The evaluator's mutable state for one evaluation, and the internal shapes
// behind the plain result types. One Ctx per evaluateMakefile() call.
import type { AssignOp, Expr } from '../syntax/ast';
import type { LineIndex } from '../syntax/lineIndex';
import type { Host } from './host';
import type {
  Definition,
  EvalDiagnostic,
  FileWrite,
  Flavor,
  Location,
  Message,
  Origin,
  Rule,
  ShellCall,
  Target,
  TargetVariable,
  Vpath,
} from './types';
import type { TraceHook } from './trace';

/** A variable as the evaluator keeps it; structurally a TargetVariable. */
export interface Var extends TargetVariable {
  name: string;
  flavor: Flavor;
  origin: Origin;
  value: string;
  loc: Location | null;
  definitions: Definition[];
  private: boolean;
  exportState: 'export' | 'unexport' | undefined;
  exported: boolean;
  /** Came from make's environment: make marks those exported when it starts (main.c), so a makefile's redefinition stays exported. */
  fromEnvironment: boolean;
  append: boolean;
  /** Parsed value of a recursive variable, filled on first expansion. */
  expr: Expr | null;
  /** Being expanded now (recursion check). */
  expanding: boolean;
  /** Expansions as a `$(call)` body in progress: the recursion check is off for those. */
  callDepth: number;
}

export type VarSet = Map<string, Var>;

/** A pattern-specific variable with the operator it is applied with. */
export interface PatternVar {
  pattern: string;
  op: AssignOp;
  variable: Var;
}

/** The file (or $(eval) text) being read. */
export interface FileCtx {
  /** The name make reports (as given to -f or include). */
  file: string;
  /** Absolute path of the file. */
  path: string;
  text: string;
  /** Built on first use: $(eval) text never needs one. */
  lines: LineIndex | null;
  /** For $(eval) text: the eval call's place, which every statement inside reports. */
  evalLoc: Location | null;
  /** Branch lines the reader found malformed (`invalid syntax in conditional`). */
  invalidConds: Set<number>;
  /** Reader errors make stops at when it reaches them, by offset. */
  pendingFatal: { offset: number; message: string }[];
  /** "extraneous text after '…' directive": make prints these when it reads the conditional. */
  extraneous: { start: number; end: number; message: string }[];
}

/** Thrown to stop evaluation like make's fatal errors; never leaves the evaluator. */
export class MakeStop {
  constructor(readonly diagnostic: EvalDiagnostic) {}
}

export interface Ctx {
  host: Host;
  cwd: string;
  global: VarSet;
  /** Variable sets searched from the end: [global, …target/pattern sets, …call and foreach scopes]. */
  scopes: VarSet[];
  /** In a target's context global `private` variables are invisible (make treats the global set as a parent there). */
  hidePrivateGlobals: boolean;
  /** Number of $(1)… a $(call) in progress defined: inner calls hide the outer ones up to it. */
  maxCallArgs: number;
  envOverrides: boolean;
  /** Started with -R: the default variables were never defined. */
  noBuiltinVariables: boolean;
  /** MAKELEVEL: 0 for a top-level make. */
  makeLevel: number;
  includeDirs: string[];
  file: FileCtx | null;
  /** Where the statement being evaluated is (make's reading_file). */
  reading: Location | null;
  /** Definition places of the recursive variables being expanded (make's expanding_var). */
  expandingLocs: Location[];
  steps: number;
  maxSteps: number;
  depth: number;
  maxDepth: number;
  trace: TraceHook | null;

  rules: Rule[];
  targets: Map<string, Target>;
  patternRules: Rule[];
  targetVars: Map<string, VarSet>;
  patternVars: PatternVar[];
  vpaths: Vpath[];
  /** The rules the recipe lines being read belong to. */
  currentRules: Rule[] | null;
  phony: Set<string>;
  exportAll: boolean;
  secondExpansion: boolean;

  messages: Message[];
  diagnostics: EvalDiagnostic[];
  shellCalls: ShellCall[];
  shellCache: Map<string, { stdout: string; status: number } | undefined>;
  fileWrites: FileWrite[];
  /** What $(file >…) wrote in this evaluation, by absolute path (nothing is written for real). */
  virtualFiles: Map<string, string>;
  /** Expanding for hover: $(eval), $(shell) and $(file >) have no effect. */
  readOnly: boolean;
  /** While readOnly, $(shell) may still run (a recipe's environment, as make computes it when it starts the recipe). */
  shellWhileReadOnly: boolean;
  makefiles: string[];
  /** Plain `include`s that found no file (make would try to remake them). */
  missingIncludes: { name: string; loc: Location }[];
  /** Open include nesting, to stop include cycles. */
  includeDepth: number;
}

/** Where make reports a fatal expansion error: the innermost variable being expanded, else the line read. */
export function errorLoc(cx: Ctx): Location | null {
  const n = cx.expandingLocs.length;
  return n > 0 ? cx.expandingLocs[n - 1] : cx.reading;
}

export function fatal(cx: Ctx, message: string): never {
  throw new MakeStop({ severity: 'error', message, loc: errorLoc(cx) });
}

export function fatalAt(d: { message: string; loc: Location | null }): never {
  throw new MakeStop({ severity: 'error', message: d.message, loc: d.loc });
}

export function note(cx: Ctx, message: string): void {
  cx.diagnostics.push({ severity: 'info', message, loc: cx.reading });
}

/** Run `fn`, turning make's fatal errors and internal faults into a diagnostic (returned) instead of a throw. */
export function guarded(cx: Ctx, fn: () => void): EvalDiagnostic | null {
  try {
    fn();
    return null;
  } catch (e) {
    let d: EvalDiagnostic;
    if (e instanceof MakeStop) d = e.diagnostic;
    else if (e instanceof RangeError) d = { severity: 'error', message: 'evaluation stopped: nesting too deep for the stack', loc: cx.reading };
    else d = { severity: 'error', message: `internal evaluator error: ${String(e)}`, loc: cx.reading };
    // Unwind what the interrupted expansion left behind.
    for (const set of cx.scopes) for (const v of set.values()) resetVar(v);
    cx.scopes.length = 1;
    cx.depth = 0;
    cx.expandingLocs = [];
    cx.maxCallArgs = 0;
    for (const v of cx.global.values()) resetVar(v);
    return d;
  }
}

function resetVar(v: Var): void {
  v.expanding = false;
  v.callDepth = 0;
}

/** make's own message text for a diagnostic, as it prints it on stderr. */
export function formatMakeMessage(d: { message: string; loc: Location | null }, fatalError: boolean): string {
  const where = d.loc ? `${d.loc.file}:${d.loc.line}: ` : 'make: ';
  return fatalError ? `${where}*** ${d.message}.  Stop.` : `${where}${d.message}`;
}
