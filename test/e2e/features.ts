// The features the E2E suites have hooks for before they land: each hook
// test runs only when the feature's command is registered (in the
// extension host: vscode.commands.getCommands; through the UI: the
// installed manifest's contributes.commands, which is what the palette
// shows) and is reported as skipped, with this reason, until then.
// Rename a command here if the feature registers another id.

export interface GuardedFeature {
  /** The command whose registration means the feature is there. */
  command: string;
  what: string;
}

export const FEATURES = {
  /** Hover shows the evaluated value of a variable (the evaluator in the server). */
  evaluatedHover: { command: 'kbuild-analyzer.showEvaluatedVariables', what: 'hover with evaluated values' },
  /** Kbuild: Show Barrier Graph opens the webview. */
  barrierGraph: { command: 'kbuild-analyzer.showBarrierGraph', what: 'the barrier graph webview' },
} as const satisfies Record<string, GuardedFeature>;

export function skipReason(feature: GuardedFeature): string {
  return `${feature.what} not wired yet: command ${feature.command} is not registered`;
}
