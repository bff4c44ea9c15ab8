// kbuild/contexts, kbuild/setContext, kbuild/evaluatedVariables and
// kbuild/expansion: the build contexts of a file and the one that answers,
// the evaluated variables of that context, the full text behind a hover.
import { displayValue, variableValue } from '../../eval';
import { fullExpansion } from '../../ide/evalHover';
import type {
  ContextItem,
  ContextsParams,
  ContextsResult,
  EvaluatedVariableRow,
  EvaluatedVariablesParams,
  EvaluatedVariablesResult,
  ExpansionParams,
  ExpansionResult,
  SetContextParams,
} from '../../protocol/contexts';
import type { BuildContextSpec } from '../../kbuild/contexts';
import { uriToPath } from '../conversions';
import { chooseContext, contextsOf, evaluatedContextOf, hoverContextOf, shellAllowed } from '../evaluation';
import { fileContext, type ServerState } from '../state';

function item(spec: BuildContextSpec): ContextItem {
  return { id: spec.id, label: spec.label, kind: spec.kind, configKnown: spec.configKnown, entry: spec.entry, cwd: spec.cwd, commandLine: spec.commandLine };
}

export function onContexts(state: ServerState, params: ContextsParams): ContextsResult {
  const path = uriToPath(params.uri);
  const found = path === undefined || !fileContext(state, params.uri) ? undefined : contextsOf(state, path);
  return { contexts: found?.specs.map(item) ?? [], active: found?.active.id ?? null, shellAllowed: shellAllowed(state) };
}

export function onSetContext(state: ServerState, params: SetContextParams): ContextsResult {
  const path = uriToPath(params.uri);
  if (path !== undefined) chooseContext(state, path, params.id);
  return onContexts(state, { uri: params.uri });
}

/** Origins a person asks about: make's defaults and automatic variables are left out. */
const SHOWN_ORIGINS = new Set(['file', 'command line', 'override', 'environment', 'environment override']);

export function onEvaluatedVariables(state: ServerState, params: EvaluatedVariablesParams): EvaluatedVariablesResult | null {
  const path = uriToPath(params.uri);
  const evaluated = path === undefined || !fileContext(state, params.uri) ? undefined : evaluatedContextOf(state, path);
  if (!evaluated) return null;
  const { spec, result, ms } = evaluated;
  const rows: EvaluatedVariableRow[] = [];
  for (const v of [...result.variables.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (!SHOWN_ORIGINS.has(v.origin)) continue;
    const expanded = variableValue(result, v.name);
    // A value whose expansion stops make ($(error) inside) is shown raw, with the reason.
    const value = expanded.stopped ? `${displayValue(v.value)}   # expanding it stops make: ${expanded.stopped.message}` : displayValue(expanded.value);
    rows.push({ name: v.name, flavor: v.flavor, origin: v.origin, file: v.loc?.path, line: v.loc?.line, value });
  }
  const shellNotRun = result.shellCalls.filter((c) => c.output === undefined).length;
  return { context: spec.label, contextId: spec.id, makefiles: [...result.makefiles], ms, shellNotRun, rows };
}

export function onExpansion(state: ServerState, params: ExpansionParams): ExpansionResult | null {
  const ctx = fileContext(state, params.uri);
  const context = ctx && hoverContextOf(state, ctx.path, params.contextId);
  if (!ctx || !context) return null;
  return fullExpansion(ctx.folder.ws, { file: ctx.path, offset: params.offset }, context) ?? null;
}
