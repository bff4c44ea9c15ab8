// The one configuration schema: every `kbuild-analyzer.*` setting with its
// type, default and description. package.json `contributes.configuration`
// and `capabilities.untrustedWorkspaces.restrictedConfigurations` are
// generated from it (scripts/sync-settings.ts; test/unit/settings.test.ts checks
// they match), and so is the README's settings table. `readSettings` turns
// whatever the client sends into typed settings, never throwing: a value of
// the wrong type falls back to its default. No imports: the client, the
// server and the tests share this file.

export const SECTION = 'kbuild-analyzer';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

interface Common {
  markdownDescription: string;
  /** VS Code's configuration scope. */
  scope: 'window' | 'resource' | 'machine-overridable';
  /** Names or runs a program: ignored (default value) in an untrusted workspace. */
  restricted?: boolean;
}

export type SettingSchema = Common &
  (
    | { type: 'boolean'; default: boolean }
    | { type: 'number'; default: number; minimum?: number }
    | { type: 'string'; default: string; enum?: readonly string[]; enumDescriptions?: readonly string[] }
    | { type: 'array'; default: readonly string[]; items: { type: 'string' } }
    | { type: 'object'; default: Readonly<Record<string, string>>; additionalProperties: { type: 'string'; enum: readonly string[] } }
  );

const SEVERITY_OR_OFF = ['error', 'warning', 'information', 'hint', 'off'] as const;

/** Keys without the `kbuild-analyzer.` prefix; a dot nests (VS Code's getConfiguration does the same). */
export const SETTINGS = {
  exclude: {
    type: 'array',
    items: { type: 'string' },
    default: [],
    scope: 'window',
    markdownDescription:
      'Globs, relative to each workspace folder, of make files and directories not to index, on top of `#files.exclude#` (e.g. `build-*/**`). A change re-indexes.',
  },
  buildDirectory: {
    type: 'string',
    default: '',
    scope: 'window',
    markdownDescription:
      'The kernel build directory (`O=`) whose `.*.cmd` files tell why objects rebuild: absolute, or relative to the first workspace folder. Empty: the nearest directory at or above the folder that has `.config` and `include/config/auto.conf`.',
  },
  arch: {
    type: 'string',
    default: '',
    scope: 'window',
    markdownDescription:
      'ARCH of the kernel build contexts (`x86`, `arm64`, …), as `make ARCH=…` takes it. Empty: the architecture of the build directory\'s `.config`, else the host\'s.',
  },
  'limits.evaluationSteps': {
    type: 'number',
    default: 20000000,
    minimum: 10000,
    scope: 'window',
    markdownDescription:
      'How many expansion steps one build context may take before its evaluation stops with a diagnostic (a runaway `$(eval)`/`$(call)` never hangs the server). The kernel\'s top context takes well under a million.',
  },
  'shell.enable': {
    type: 'boolean',
    default: false,
    scope: 'window',
    restricted: true,
    markdownDescription:
      'Run `$(shell …)` while evaluating make files (trusted workspaces only). Off: the command is recorded with its location and its output is unknown.',
  },
  'shell.timeoutMs': {
    type: 'number',
    default: 10000,
    minimum: 100,
    scope: 'window',
    markdownDescription:
      'How long one `$(shell …)` command may run (milliseconds) when `#kbuild-analyzer.shell.enable#` is on; a command that takes longer is stopped and its output is empty.',
  },
  'profile.make': {
    type: 'string',
    default: 'make',
    scope: 'window',
    restricted: true,
    markdownDescription: 'The make program run for a profiled build and for `make -pn` (the build graph).',
  },
  'profile.makeArgs': {
    type: 'array',
    items: { type: 'string' },
    default: [],
    scope: 'window',
    restricted: true,
    markdownDescription: 'Arguments given to make on every profiled build, e.g. `-j8`, `O=build`, `ARCH=x86_64`.',
  },
  'profile.bash': {
    type: 'string',
    default: '',
    scope: 'window',
    restricted: true,
    markdownDescription: 'The bash (version 5 or later) that runs the profiling wrapper. Empty: the first `bash` on `PATH`.',
  },
  'diagnostics.severity': {
    type: 'object',
    additionalProperties: { type: 'string', enum: SEVERITY_OR_OFF },
    default: {},
    scope: 'window',
    markdownDescription:
      'Severity of a diagnostic by its code, `off` to hide it, e.g. `{ "undefined-variable": "off", "output-source-write": "error" }`.',
  },
  'diagnostics.ignoreVariables': {
    type: 'array',
    items: { type: 'string' },
    default: [],
    scope: 'window',
    markdownDescription:
      'Variable names never reported by `undefined-variable` (on top of the environment and make\'s own), e.g. variables your build always passes on the command line.',
  },
  'trace.server': {
    type: 'string',
    enum: ['off', 'messages', 'verbose'],
    enumDescriptions: ['No trace.', 'Each request and notification, by name.', 'Each message with its parameters.'],
    default: 'off',
    scope: 'window',
    markdownDescription: 'Traces the messages between VS Code and the language server in the output channel "Kbuild Analyzer".',
  },
} as const satisfies Record<string, SettingSchema>;

export type SettingKey = keyof typeof SETTINGS;

/** The typed settings, nested as the keys are dotted. */
export interface Settings {
  exclude: string[];
  buildDirectory: string;
  arch: string;
  limits: { evaluationSteps: number };
  shell: { enable: boolean; timeoutMs: number };
  profile: { make: string; makeArgs: string[]; bash: string };
  diagnostics: { severity: Record<string, Severity | 'off'>; ignoreVariables: string[] };
  trace: { server: 'off' | 'messages' | 'verbose' };
}

/** What the VS Code client sends as `initializationOptions` (the server's own `exclude` list stays on top). */
export interface InitializationOptions {
  /** `files.exclude` globs that are on, plus `kbuild-analyzer.exclude`. */
  exclude: string[];
  settings: Settings;
  /** Whether the workspace is trusted; restricted settings already hold their defaults when not. */
  trusted: boolean;
}

/** `workspace/didChangeConfiguration` params.settings as the VS Code client sends them. */
export interface ConfigurationChange {
  /** VS Code's `files.exclude` shape, with `kbuild-analyzer.exclude` merged in. */
  files: { exclude: Record<string, boolean> };
  'kbuild-analyzer': Settings;
  trusted: boolean;
}

/** Full names (`kbuild-analyzer.shell.enable`) of the settings an untrusted workspace may not set. */
export function restrictedSettings(): string[] {
  return (Object.keys(SETTINGS) as SettingKey[]).filter((k) => isRestricted(k)).map((k) => `${SECTION}.${k}`);
}

function isRestricted(key: SettingKey): boolean {
  const schema: SettingSchema = SETTINGS[key];
  return schema.restricted === true;
}

export function defaultSettings(): Settings {
  return readSettings(undefined);
}

/**
 * Typed settings from the `kbuild-analyzer` section as a client sends it:
 * nested (`{ shell: { enable: true } }`, what VS Code's getConfiguration
 * gives) or flat (`{ "shell.enable": true }`). Unknown keys are dropped;
 * a value of the wrong type, or outside its enum, gives the default.
 */
export function readSettings(raw: unknown): Settings {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(SETTINGS) as SettingKey[]) {
    setPath(out, key, normalise(SETTINGS[key], lookup(raw, key)));
  }
  return out as unknown as Settings;
}

/** The settings an untrusted workspace gets: restricted ones back at their defaults. */
export function applyTrust(settings: Settings, trusted: boolean): Settings {
  if (trusted) return settings;
  const flat: Record<string, unknown> = {};
  for (const key of Object.keys(SETTINGS) as SettingKey[]) {
    flat[key] = isRestricted(key) ? SETTINGS[key].default : lookup(settings, key);
  }
  return readSettings(flat);
}

function lookup(raw: unknown, key: string): unknown {
  if (!isObject(raw)) return undefined;
  if (key in raw) return raw[key];
  let node: unknown = raw;
  for (const part of key.split('.')) {
    if (!isObject(node)) return undefined;
    node = node[part];
  }
  return node;
}

function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (!isObject(node[part])) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

function normalise(schema: SettingSchema, value: unknown): unknown {
  switch (schema.type) {
    case 'boolean':
      return typeof value === 'boolean' ? value : schema.default;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value >= (schema.minimum ?? -Infinity) ? value : schema.default;
    case 'string':
      if (typeof value !== 'string') return schema.default;
      return !schema.enum || schema.enum.includes(value) ? value : schema.default;
    case 'array':
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [...schema.default];
    case 'object': {
      if (!isObject(value)) return { ...schema.default };
      const allowed = schema.additionalProperties.enum;
      return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string' && allowed.includes(v)));
    }
    default: {
      const unknown: never = schema;
      throw new Error(`unknown setting type ${JSON.stringify(unknown)}`);
    }
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `contributes.configuration` of package.json, derived from SETTINGS (key order kept). */
export function manifestConfiguration(): { title: string; properties: Record<string, Record<string, unknown>> } {
  const properties: Record<string, Record<string, unknown>> = {};
  for (const key of Object.keys(SETTINGS) as SettingKey[]) {
    const { restricted: _restricted, ...rest } = SETTINGS[key] as SettingSchema;
    properties[`${SECTION}.${key}`] = JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
  }
  return { title: 'Kbuild Analyzer', properties };
}
