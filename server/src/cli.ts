#!/usr/bin/env node
// kbuild-analyzer on the command line: a table of subcommands, each a
// handler in cli/ returning { stdout, exitCode }. Add a row to add one.
import { cmdCommand, rdepsCommand, whyCommand } from './cli/cmdfiles';
import { barriersCommand, criticalPathCommand, graphCommand, profileCommand } from './cli/graph';
import { lintCommand } from './cli/lint';
import { definitionCommand, parseCommand, referencesCommand, symbolsCommand } from './cli/navigation';
import { USAGE_ERROR, type CliHandler, type CliResult } from './cli/types';
import { varsCommand } from './cli/vars';

interface Command {
  run: CliHandler;
  usage: string;
  summary: string;
}

const COMMANDS: Record<string, Command> = {
  parse: {
    run: parseCommand,
    usage: 'parse [PATH…]',
    summary: 'syntax diagnostics as JSON (a directory: every make file under it); exit 1 on errors',
  },
  symbols: { run: symbolsCommand, usage: 'symbols [FILE]', summary: 'document symbols of FILE as JSON' },
  definition: {
    run: definitionCommand,
    usage: 'definition FILE:LINE:COL [--root DIR]',
    summary: 'where the name at LINE:COL is defined (1-based), as JSON locations',
  },
  references: {
    run: referencesCommand,
    usage: 'references FILE:LINE:COL [--root DIR]',
    summary: 'every use of the name at LINE:COL, definitions included',
  },
  rdeps: {
    run: rdepsCommand,
    usage: 'rdeps PATH|CONFIG_FOO [--build DIR] [--json]',
    summary: 'objects rebuilt when PATH (a header or source) or a CONFIG option changes; exit 1 when none',
  },
  lint: {
    run: lintCommand,
    usage: 'lint [PATH…] [--format text|json|sarif] [--severity CODE=LEVEL]… [--ignore-variable NAME]… [--root DIR]',
    summary: 'lint diagnostics of every make file under PATH (default .); exit 1 when an error remains',
  },
  why: { run: whyCommand, usage: 'why OBJECT [--build DIR] [--json] [--shell]', summary: 'why make would rebuild OBJECT now, from its .cmd file and mtimes' },
  cmd: { run: cmdCommand, usage: 'cmd OBJECT [--build DIR] [--json]', summary: 'the saved command, source and dependency counts of OBJECT' },
  vars: { run: varsCommand, usage: 'vars [-C DIR] [-f FILE] [NAME=VALUE…] [GOAL…] [--shell] [--context ID] [--build DIR] [--names A,B]', summary: "evaluated variables (name, flavor, origin, file, line, value) as JSON, like make -p; $(shell) runs only with --shell; --context top|dir:DIR|tools:tools/X of a kernel tree" },
  profile: {
    run: profileCommand,
    usage: 'profile -C DIR [-o TRACE.json] [--json] [-- MAKE ARGS…]',
    summary: 'run make under the timing wrapper; save a Chrome trace (ui.perfetto.dev) and print the totals',
  },
  graph: {
    run: graphCommand,
    usage: 'graph (--db FILE | -C DIR) [--profile FILE] [-j N] [--json] [-- MAKE ARGS…]',
    summary: 'the build graph from make -pn data bases, with barriers (and durations, critical path)',
  },
  barriers: {
    run: barriersCommand,
    usage: 'barriers (--db FILE | -C DIR) [--profile FILE [--uses FILE]] [-j N] [--json]',
    summary: 'umbrella targets many others wait for: fan-in, fan-out, and with a profile what the wait costs',
  },
  'critical-path': {
    run: criticalPathCommand,
    usage: 'critical-path --profile FILE [--db FILE | -C DIR] [-j N] [--json]',
    summary: 'the chain of recipes that bounds the wall time of a profiled build',
  },
};

function help(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  const rows = Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: kbuild-analyzer COMMAND [ARGS…]',
    '',
    'Commands:',
    ...rows,
    '',
    'Without a PATH or FILE, parse and symbols use the bundled example tree (examples/tiny-kernel).',
    'The workspace root (--root) defaults to the nearest directory above FILE whose Makefile',
    'has a `VERSION =` line (a kernel tree); else the current directory when FILE is inside it;',
    "else FILE's directory. Every make file under the root is loaded.",
    'Lines and columns are 1-based; columns count UTF-16 units, like LSP.',
    '',
  ].join('\n');
}

async function main(argv: string[]): Promise<CliResult> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') return { stdout: help(), exitCode: 0 };
  const command = COMMANDS[name];
  if (!command) return { stdout: '', stderr: `kbuild-analyzer: unknown command '${name}'\n\n${help()}`, exitCode: USAGE_ERROR };
  if (rest.includes('--help') || rest.includes('-h')) return { stdout: `Usage: kbuild-analyzer ${command.usage}\n  ${command.summary}\n`, exitCode: 0 };
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (result) => {
    process.stdout.write(result.stdout);
    if (result.stderr) process.stderr.write(result.stderr);
    process.exitCode = result.exitCode;
  },
  (error: unknown) => {
    process.stderr.write(`kbuild-analyzer: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
