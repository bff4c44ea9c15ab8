// The client's settings in the server: typed through the one schema
// (protocol/settings.ts) at initialize and on every didChangeConfiguration.
// Features read `state.settings` / `state.trusted` when they run; those that
// keep derived state (lint severities, build dirs, shell policy) subscribe
// with onSettingsChange.
import { readSettings, SECTION, type Settings } from '../protocol/settings';
import type { LintSettings } from '../ide/lint';
import type { ServerState } from './state';

export type SettingsListener = (state: ServerState, previous: Settings) => void;

/** The lint part of the settings, with the docs base the server found. */
function lintSettings(settings: Settings, docsBase: string | undefined): LintSettings {
  return { severity: settings.diagnostics.severity as LintSettings['severity'], ignoreVariables: settings.diagnostics.ignoreVariables, docsBase };
}

/**
 * Applies the settings a client sent (`initializationOptions.settings`, or the
 * `kbuild-analyzer` section of didChangeConfiguration) and the trust flag.
 * A client that sends nothing keeps the defaults, and is untrusted: nothing runs.
 */
export function applySettings(state: ServerState, raw: unknown, trusted: unknown): void {
  const previous = state.settings;
  state.settings = readSettings(raw);
  state.trusted = trusted === true;
  state.lint = lintSettings(state.settings, state.lint.docsBase);
  for (const listener of state.settingsListeners) listener(state, previous);
}

/** The `kbuild-analyzer` section of a didChangeConfiguration payload, if it has one. */
export function settingsSection(payload: unknown): unknown {
  return payload && typeof payload === 'object' ? (payload as Record<string, unknown>)[SECTION] : undefined;
}

export function onSettingsChange(state: ServerState, listener: SettingsListener): void {
  state.settingsListeners.push(listener);
}
