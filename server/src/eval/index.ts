// The evaluator's public face: evaluate a makefile like GNU make 4.3, then
// expand more text in the result's context (hover), with traces; the recipe
// environment; the unknown marker. See docs/evaluator.md.
export type * from './types';
export type { Host, FileStat, ShellResult } from './host';
export { evaluateMakefile, type Evaluation, DEFAULT_MAX_DEPTH, DEFAULT_MAX_STEPS } from './evaluate';
export { expandInContext, referenceExpr, variableValue, type ExpandRequest, type ExpandResult } from './context';
export { recipeEnvironment, type RecipeEnvironment, type RecipeEnvironmentOptions } from './environment';
export { parentChain } from './parents';
export { recordTrace, type TraceEvent, type TraceHook, type TraceNode } from './trace';
export { UNKNOWN, displayValue, hasUnknown } from './unknown';
export { formatMakeMessage } from './state';
