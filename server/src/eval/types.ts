// The evaluator's inputs and results: plain data, no behaviour. Names and
// words follow GNU make 4.3 (`$(origin)` answers, `$(flavor)` answers).
import type { Expr } from '../syntax/ast';
import type { Host } from './host';

/** What `$(origin NAME)` answers. */
export type Origin =
  | 'default'
  | 'environment'
  | 'environment override'
  | 'file'
  | 'command line'
  | 'override'
  | 'automatic';

export type Flavor = 'recursive' | 'simple';

/** A place in a makefile; `line` is 1-based like make's messages. */
export interface Location {
  /** The name make reports (as given to -f or include). */
  file: string;
  /** The same file as an absolute path. */
  path: string;
  line: number;
  /** Offset in the file's text, when the place is in a file (not in `$(eval)` text). */
  offset?: number;
  /** Set when the statement came from `$(eval)` text: file/line are then those of the eval call. */
  inEval?: boolean;
}

/** One assignment to a variable, in evaluation order. */
export interface Definition {
  loc: Location | null;
  op: '=' | ':=' | '::=' | '?=' | '+=' | '!=' | 'define' | 'export' | 'undefine' | 'command line' | 'environment' | 'default';
  origin: Origin;
  /** The text assigned (unexpanded as written, or expanded for `:=`/`!=`). */
  value: string;
  /** False when make ignored it (weaker origin than the current value, or `?=` on a defined variable). */
  effective: boolean;
}

export interface Variable {
  readonly name: string;
  readonly flavor: Flavor;
  readonly origin: Origin;
  /** Raw (unexpanded) for recursive variables, the expanded text for simple ones. May hold the unknown marker. */
  readonly value: string;
  /** The last effective definition, as `make -p` prints it (`from 'f', line N`). */
  readonly loc: Location | null;
  readonly definitions: readonly Definition[];
  readonly private: boolean;
  /** `export`/`unexport` given explicitly, else undefined (make's default rules apply). */
  readonly exportState: 'export' | 'unexport' | undefined;
  /**
   * At the end of reading: whether recipes (and so sub-makes) get it in their
   * environment, by exportState, else make's defaults (environment and
   * command-line variables, everything after a bare `export`).
   */
  readonly exported: boolean;
}

/** A target- or pattern-specific variable (`foo: X += 1`). */
export interface TargetVariable extends Variable {
  /** `+=` with no earlier value in this target's own set: appends to the inherited value when used. */
  readonly append: boolean;
}

/** A pattern-specific variable (`%.o: X += 1`), applied with its operator when a target's context is set up. */
export interface PatternVariable {
  pattern: string;
  op: '=' | ':=' | '::=' | '?=' | '+=' | '!=';
  variable: TargetVariable;
}

export interface RecipeLine {
  /** Unexpanded text, recipe prefix removed. */
  text: string;
  expr: Expr;
  loc: Location;
}

export type RuleKind = 'explicit' | 'pattern' | 'static';

/** A rule as read, with targets and prerequisites expanded at read time like make does. */
export interface Rule {
  kind: RuleKind;
  targets: string[];
  doubleColon: boolean;
  grouped: boolean;
  /** Static pattern rules: the target pattern. */
  targetPattern: string | null;
  prereqs: string[];
  orderOnly: string[];
  recipe: RecipeLine[];
  loc: Location;
}

/** A file of make's data base: all rules for one target merged the way make merges them. */
export interface Target {
  name: string;
  doubleColon: boolean;
  prereqs: string[];
  orderOnly: string[];
  /** Null when no rule gave a recipe (double-colon targets: see `entries`). */
  recipe: RecipeLine[] | null;
  phony: boolean;
  /** Static pattern stem. */
  stem: string | null;
  /** Other targets of a grouped (`&:`) rule. */
  alsoMakes: string[];
  /** Every rule that names this target, in order. */
  rules: Rule[];
  /** For double-colon targets, one entry per rule. */
  entries: { prereqs: string[]; orderOnly: string[]; recipe: RecipeLine[] }[];
}

export interface Vpath {
  pattern: string;
  dirs: string[];
  loc: Location;
}

export interface Message {
  kind: 'info' | 'warning' | 'error';
  text: string;
  /** Where it was expanded (make prints `$(info)` without it). */
  loc: Location | null;
}

export interface ShellCall {
  command: string;
  cwd: string;
  loc: Location | null;
  /** What the call produced: the output, or undefined when it was not run (value unknown). */
  output: string | undefined;
  status: number | undefined;
  /** `!=` assignment rather than `$(shell)`. */
  assignment: boolean;
}

export interface FileWrite {
  path: string;
  append: boolean;
  text: string;
  loc: Location | null;
}

export interface EvalDiagnostic {
  severity: 'error' | 'warning' | 'info';
  /** Worded like GNU make where make has a message. */
  message: string;
  loc: Location | null;
}

export interface EvalInput {
  /** The makefile to read (`make -f FILE`), absolute or relative to cwd. */
  entry: string;
  /** CURDIR: the directory make runs in. */
  cwd: string;
  host: Host;
  /** `NAME=VALUE` (and `NAME:=VALUE`, `NAME+=VALUE`…) as given on make's command line. */
  commandLine?: string[];
  /** The environment as make sees it. */
  env?: Readonly<Record<string, string>>;
  /** MAKECMDGOALS. */
  goals?: string[];
  /** `-I` directories, in order. */
  includeDirs?: string[];
  /** Single-letter switches given to make, e.g. "rR" or "e" (`-e`: environment overrides). */
  flags?: string;
  /** make's own name (MAKE_COMMAND). */
  makeCommand?: string;
  /** Limits: expansion steps and nesting depth. */
  maxSteps?: number;
  maxDepth?: number;
}

export interface EvalResult {
  /** Global variables, by name. */
  variables: ReadonlyMap<string, Variable>;
  targetVariables: ReadonlyMap<string, ReadonlyMap<string, TargetVariable>>;
  /** Ordered as make applies them: shorter patterns first, then definition order. */
  patternVariables: readonly PatternVariable[];
  rules: readonly Rule[];
  targets: ReadonlyMap<string, Target>;
  /** Pattern rules in definition order. */
  patternRules: readonly Rule[];
  vpaths: readonly Vpath[];
  messages: readonly Message[];
  shellCalls: readonly ShellCall[];
  fileWrites: readonly FileWrite[];
  diagnostics: readonly EvalDiagnostic[];
  /** Makefiles read, in order (MAKEFILE_LIST). */
  makefiles: readonly string[];
  /** Set when evaluation stopped early (`$(error)`, a fatal error, a limit). */
  stopped: EvalDiagnostic | null;
  defaultGoal: string;
  exportAll: boolean;
}
