// Custom notifications between the server and the VS Code client, declared
// once for both sides. Types and method names only: each side sends them
// with its own library (vscode-languageserver / vscode-languageclient).

/** Server → client after each indexing run of the workspace folders (the status bar shows it). */
export const INDEX_STATE_NOTIFICATION = 'kbuild/indexState';

export interface IndexStateParams {
  /** `ready`: every discovered make file is loaded. */
  state: 'indexing' | 'ready';
  /** Make files indexed (ready) or found so far (indexing). */
  files: number;
  /** Time the run took, in milliseconds. */
  ms: number;
}

/**
 * Server → client once a workspace folder's build dirs have their .cmd
 * indexes loaded: after each indexing run of the folder (it follows that
 * run's `kbuild/indexState`) and when `buildDirectory` changes.
 */
export const BUILDS_STATE_NOTIFICATION = 'kbuild/buildsState';

export interface BuildsStateParams {
  /** The workspace folder's URI. */
  folder: string;
  /** Its build dirs (none when it has none), each with its .cmd index loaded. */
  builds: Array<{ buildDir: string; cmdFiles: number; objects: number }>;
  /** Time loading them took, in milliseconds. */
  ms: number;
}
