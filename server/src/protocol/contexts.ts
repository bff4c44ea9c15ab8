// Requests about build contexts and evaluated make files, shared by server
// and client (types only): which contexts read a file and which one answers,
// switching it, the evaluated variables of a file's context, and the full
// text behind a folded hover.

/** A build context as the client shows it. */
export interface ContextItem {
  /** Stable: 'top', 'dir:kernel', 'tools:tools/perf', 'file:<path>'. */
  id: string;
  label: string;
  kind: 'top' | 'directory' | 'tools' | 'file';
  /** False without a configured build: CONFIG_ values are unknown. */
  configKnown: boolean;
  /** How make is run for it: `make -f ENTRY VAR=… ` in cwd. */
  entry: string;
  cwd: string;
  commandLine: string[];
}

/** `kbuild/contexts`: the contexts a make file is read in (best first) and the one hover and definition use. */
export const CONTEXTS_REQUEST = 'kbuild/contexts';
export interface ContextsParams {
  uri: string;
}
export interface ContextsResult {
  contexts: ContextItem[];
  /** Id of the context answering for this file; null when the file is not a make file the server knows. */
  active: string | null;
  /** $(shell) runs (trusted workspace and shell.enable). */
  shellAllowed: boolean;
}

/** `kbuild/setContext`: answer for this file in another of its contexts; returns the new state. */
export const SET_CONTEXT_REQUEST = 'kbuild/setContext';
export interface SetContextParams {
  uri: string;
  id: string;
}

/** `kbuild/evaluatedVariables`: every variable of the file's active context at the end of reading. */
export const EVALUATED_VARIABLES_REQUEST = 'kbuild/evaluatedVariables';
export interface EvaluatedVariablesParams {
  uri: string;
}
export interface EvaluatedVariableRow {
  name: string;
  flavor: 'recursive' | 'simple';
  origin: string;
  /** Where it was last (effectively) defined; undefined for environment, command line and defaults. */
  file?: string;
  line?: number;
  /** Expanded; «unknown» for parts that depend on a command not run. */
  value: string;
}
export interface EvaluatedVariablesResult {
  context: string;
  contextId: string;
  /** Makefiles read (MAKEFILE_LIST), the evaluation's time, shell calls not run. */
  makefiles: string[];
  ms: number;
  shellNotRun: number;
  rows: EvaluatedVariableRow[];
}

/** `kbuild/expansion`: the whole expansion behind a hover (the show-expansion command link's argument). */
export const EXPANSION_REQUEST = 'kbuild/expansion';
export interface ExpansionParams {
  uri: string;
  offset: number;
  contextId: string;
}
export interface ExpansionResult {
  title: string;
  text: string;
}
