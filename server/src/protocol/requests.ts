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
