// The only window the engine has on the outside world. lsp/nodeHost.ts
// implements it over node:fs and node:child_process; tests pass in-memory hosts.

export interface FileStat {
  /** Modification time in milliseconds since the epoch. */
  mtimeMs: number;
  size: number;
  isDirectory: boolean;
}

export interface ShellResult {
  stdout: string;
  status: number;
}

export interface Host {
  /** Text of a file, or undefined when it does not exist or is not readable. */
  readFile(path: string): string | undefined;
  /**
   * The same text as readFile, for reading many small files in a row (the
   * .cmd index: thousands per load). Optional: callers fall back to readFile.
   */
  readFileFast?(path: string): string | undefined;
  stat(path: string): FileStat | undefined;
  /** Names (not paths) in a directory; [] when it is not one. */
  readDir(path: string): string[];
  /**
   * Run a shell command. Undefined means "not allowed here": the engine then
   * records the command and treats its output as unknown.
   */
  shell?(command: string, cwd: string): ShellResult | undefined;
}
