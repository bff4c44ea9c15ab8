// What a lint rule reports: plain data with file offsets. The ide layer
// applies severity overrides and turns fixes into code actions; the CLI
// prints text, JSON or SARIF from the same objects.
import type { ParseResult, Span } from '../../syntax/ast';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type LintCode =
  | 'output-prefix-target'
  | 'output-source-write'
  | 'output-prefix-prereq'
  | 'if-changed-force'
  | 'if-changed-targets'
  | 'cmd-undefined'
  | 'try-run-toplevel'
  | 'undefined-variable'
  | 'duplicate-recipe'
  | 'phony-missing';

export interface Related {
  file: string;
  span: Span;
  message: string;
}

export interface TextEdit {
  file: string;
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Finding {
  code: LintCode;
  file: string;
  span: Span;
  message: string;
  /** Set when the rule knows better than the code's default (a mitigated case, say); settings still win. */
  severity?: Severity;
  related: Related[];
  fixes: Fix[];
}

/**
 * Values the evaluator computed, when it has run: the hook through which
 * evaluated values replace the static guesses. Every rule works without it.
 */
export interface EvaluatedValues {
  /** The expanded value of a variable as seen in `file`, or undefined when unknown. */
  value(args: { file: string; name: string }): string | undefined;
}

export interface LintFile {
  text: string;
  parse: ParseResult;
}

/**
 * What the linter reads: file texts with their parses, and the workspace's
 * answers about includes and contexts. The ide layer builds it from a
 * Workspace; the linter never sees one.
 */
export interface LintSource {
  files: ReadonlyMap<string, LintFile>;
  /** Bumped on every change: caches over all files key on it. */
  revision: number;
  /** The kernel tree a file belongs to (the directory with scripts/Kbuild.include). */
  kernelRoot(file: string): string | undefined;
  /** Files an include word may name, most likely first; [] when it cannot be known statically. */
  resolveInclude(args: { includer: string; word: string }): string[];
  /** The file, what it includes and the Makefiles whose context it is read in, nearest first. */
  contextFiles(file: string): string[];
  /** Some file of the workspace assigns the variable. */
  assignedAnywhere(name: string): boolean;
}
