export * from './types';
export { definition, definitionOf, targetDefinitions, type DefinitionOptions } from './definition';
export { references } from './references';
export { documentSymbols, workspaceSymbols } from './symbols';
export { fileDiagnostics } from './diagnostics';
export { hover } from './hover';
export { unfoldCall, substituteArguments } from './callChain';
export { allDiagnostics, lintCodeActions, lintDiagnostics, lintSource, docsUrl, type LintSettings, type LintDiagnostic, type LintCodeAction } from './lint';
