// The evaluator's entry point: read a makefile like GNU make 4.3 reads it
// (`make -f ENTRY` in CWD with the given environment and command line) and
// return variables, rules, messages, recorded shell calls and diagnostics.
// Never throws: make's fatal errors stop the evaluation with a diagnostic,
// as do the step and depth limits and any internal fault.
import './builtins/index';
import { readMakefile } from './files';
import { cachingHost } from './hostCache';
import { endRuleContext, finishTargets, secondExpansion } from './rules';
import { markExported } from './environment';
import { finishMakeflags, setupVariables } from './setup';
import { type Ctx, guarded, type VarSet } from './state';
import type { EvalInput, EvalResult } from './types';
import type { TraceHook } from './trace';

export const DEFAULT_MAX_STEPS = 20_000_000;
/** Nesting levels (variables, functions, calls, evals); about 500 levels of a recursive $(call). */
export const DEFAULT_MAX_DEPTH = 2000;

function createContext(input: EvalInput, trace: TraceHook | null = null): Ctx {
  const global: VarSet = new Map();
  return {
    host: cachingHost(input.host),
    cwd: input.cwd,
    global,
    scopes: [global],
    hidePrivateGlobals: false,
    maxCallArgs: 0,
    envOverrides: false,
    makeLevel: 0,
    noBuiltinVariables: false,
    includeDirs: input.includeDirs ?? [],
    file: null,
    reading: null,
    expandingLocs: [],
    steps: 0,
    maxSteps: input.maxSteps ?? DEFAULT_MAX_STEPS,
    depth: 0,
    maxDepth: input.maxDepth ?? DEFAULT_MAX_DEPTH,
    trace,
    rules: [],
    targets: new Map(),
    patternRules: [],
    targetVars: new Map(),
    patternVars: [],
    vpaths: [],
    currentRules: null,
    phony: new Set(),
    exportAll: false,
    secondExpansion: false,
    messages: [],
    diagnostics: [],
    shellCalls: [],
    shellCache: new Map(),
    fileWrites: [],
    virtualFiles: new Map(),
    readOnly: false,
    shellWhileReadOnly: false,
    makefiles: [],
    missingIncludes: [],
    includeDepth: 0,
  };
}

/** The result plus the live state, for expanding more text in the same context later (see context.ts). */
export interface Evaluation extends EvalResult {
  readonly state: Ctx;
}

export function evaluateMakefile(input: EvalInput, options: { trace?: TraceHook } = {}): Evaluation {
  const cx = createContext(input, options.trace ?? null);
  const stopped = guarded(cx, () => {
    setupVariables(cx, input);
    const entry = input.entry;
    if (!readMakefile(cx, { name: entry, searchDirs: false })) {
      cx.diagnostics.push({ severity: 'error', message: `${entry}: No such file or directory`, loc: null });
    }
    endRuleContext(cx);
    if (cx.secondExpansion) secondExpansion(cx);
    finishMakeflags(cx);
  });
  cx.currentRules = null;
  if (stopped) cx.diagnostics.push(stopped);
  finishTargets(cx);
  markExported(cx);
  for (const m of cx.missingIncludes) {
    if (!cx.targets.has(m.name) && !stopped) {
      cx.diagnostics.push({ severity: 'info', message: `make would stop here: No rule to make target '${m.name}'`, loc: m.loc });
    }
  }
  cx.reading = null;
  const goal = cx.global.get('.DEFAULT_GOAL');
  return {
    state: cx,
    variables: cx.global,
    targetVariables: cx.targetVars,
    patternVariables: cx.patternVars,
    rules: cx.rules,
    targets: cx.targets,
    patternRules: cx.patternRules,
    vpaths: cx.vpaths,
    messages: cx.messages,
    shellCalls: cx.shellCalls,
    fileWrites: cx.fileWrites,
    diagnostics: cx.diagnostics,
    makefiles: cx.makefiles,
    stopped,
    defaultGoal: goal ? goal.value : '',
    exportAll: cx.exportAll,
  };
}
