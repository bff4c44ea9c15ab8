// What a CLI subcommand is: argv after the subcommand name in, text and an
// exit code out. cli.ts prints the result; handlers never write to the console.
export interface CliResult {
  stdout: string;
  exitCode: number;
  /** Messages for a person (usage errors, missing files). */
  stderr?: string;
}

export type CliHandler = (argv: string[]) => Promise<CliResult>;

/** Exit code for bad arguments or unreadable inputs. */
export const USAGE_ERROR = 2;

export function json(value: unknown, exitCode = 0): CliResult {
  return { stdout: `${JSON.stringify(value, null, 2)}\n`, exitCode };
}

export function usageError(message: string): CliResult {
  return { stdout: '', stderr: `kbuild-analyzer: ${message}\n`, exitCode: USAGE_ERROR };
}
