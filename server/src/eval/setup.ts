// The variables make has before it reads the first makefile (main.c of GNU
// make 4.3): its own (MAKE_VERSION, .FEATURES, CURDIR, …), the environment
// (SHELL is never taken from it; MAKEFLAGS in it carries switches and
// command-line variables of a parent make), command-line variables, the
// switches as MAKEFLAGS/MFLAGS show them while reading, and the default
// variables unless -R.
import { parseVariableDefinition } from '../syntax/assignment';
import { assign } from './assign';
import { expandText } from './expand';
import {
  AUTOMATIC_DERIVED,
  BUILTIN_VARIABLES,
  DEFAULT_INCLUDE_DIRS,
  DEFAULT_SUFFIXES,
  FEATURES,
  MAKE_HOST,
  MAKE_VERSION,
} from './defaults';
import type { Ctx, Var } from './state';
import type { EvalInput, Flavor, Origin } from './types';
import { defineVar } from './variables';
import { splitWords } from './words';

/** Single-letter switches in the order make lists them in MAKEFLAGS. */
const SWITCH_ORDER = 'bBdeiLkmnpqrRsStw';
/** Long options make shows in MAKEFLAGS while reading. */
const LONG_OPTIONS = new Set(['--no-print-directory', '--warn-undefined-variables', '--trace']);

interface Switches {
  letters: Set<string>;
  longs: string[];
  includeDirs: string[];
  /** Command-line variables carried by the environment's MAKEFLAGS (after ` -- `). */
  vars: string[];
}

function decodeMakeflags(text: string, into: Switches): void {
  const words = splitWords(text.replace(/\\ /g, '\u0001'));
  let k = 0;
  if (words.length > 0 && !words[0].startsWith('-') && !words[0].includes('=')) {
    for (const c of words[0]) into.letters.add(c);
    k = 1;
  }
  for (; k < words.length; k++) {
    const w = words[k].replace(/\u0001/g, ' ');
    if (w === '--') {
      into.vars.push(...words.slice(k + 1).map((v) => v.replace(/\u0001/g, ' ')));
      return;
    }
    if (w.startsWith('--include-dir')) {
      const dir = w.startsWith('--include-dir=') ? w.slice('--include-dir='.length) : words[++k]?.replace(/\u0001/g, ' ');
      if (dir) into.includeDirs.push(dir);
    } else if (w.startsWith('--')) {
      if (LONG_OPTIONS.has(w) && !into.longs.includes(w)) into.longs.push(w);
    } else if (w.startsWith('-I')) {
      const dir = w.length > 2 ? w.slice(2) : words[++k]?.replace(/\u0001/g, ' ');
      if (dir) into.includeDirs.push(dir);
    } else if (w.startsWith('-')) {
      for (const c of w.slice(1)) if (SWITCH_ORDER.includes(c)) into.letters.add(c);
    } else if (w.includes('=')) into.vars.push(w);
  }
}

function define(cx: Ctx, d: { name: string; value: string; flavor: Flavor; origin: Origin }): void {
  const { name, value, flavor, origin } = d;
  defineVar({ set: cx.global, name, value, flavor, origin, loc: null, op: origin === 'default' ? 'default' : origin.startsWith('environment') ? 'environment' : ':=', envOverrides: false });
}

/** Define make's initial variables in the order make does, so origins settle the same way. */
export function setupVariables(cx: Ctx, input: EvalInput): void {
  const env = input.env ?? {};
  const sw: Switches = { letters: new Set(input.flags ?? ''), longs: [], includeDirs: [], vars: [] };
  if (env.MAKEFLAGS !== undefined) decodeMakeflags(env.MAKEFLAGS, sw);
  if (env.GNUMAKEFLAGS !== undefined) decodeMakeflags(env.GNUMAKEFLAGS, sw);
  cx.includeDirs = [...sw.includeDirs, ...cx.includeDirs];
  cx.envOverrides = sw.letters.has('e');
  const envOrigin: Origin = 'environment';
  /** make's own variables of origin environment are "environment override" under -e. */
  const ownEnv: Origin = cx.envOverrides ? 'environment override' : 'environment';

  define(cx, { name: '.VARIABLES', value: '', flavor: 'simple', origin: 'default' });
  define(cx, { name: '.RECIPEPREFIX', value: '', flavor: 'simple', origin: 'default' });
  define(cx, { name: '.SHELLFLAGS', value: '-c', flavor: 'simple', origin: 'default' });
  define(cx, { name: 'MAKE_VERSION', value: MAKE_VERSION, flavor: 'simple', origin: 'default' });
  define(cx, { name: 'MAKE_HOST', value: MAKE_HOST, flavor: 'simple', origin: 'default' });
  define(cx, { name: '.FEATURES', value: FEATURES, flavor: 'simple', origin: 'default' });
  define(cx, { name: '.LOADED', value: '', flavor: 'simple', origin: 'default' });
  define(cx, { name: '.INCLUDE_DIRS', value: [...cx.includeDirs, ...DEFAULT_INCLUDE_DIRS].join(' '), flavor: 'recursive', origin: 'default' });
  for (const [name, value] of AUTOMATIC_DERIVED) define(cx, { name: name, value: value, flavor: 'recursive', origin: 'automatic' });

  for (const [name, value] of Object.entries(env)) {
    if (name === 'SHELL' || name === 'MAKEFLAGS' || name === 'GNUMAKEFLAGS' || name === 'MAKELEVEL' || name === 'MFLAGS') continue;
    if (name === '' || name.includes('\0')) continue;
    define(cx, { name: name, value: value, flavor: 'recursive', origin: envOrigin });
    const v = cx.global.get(name);
    if (v) v.fromEnvironment = true;
  }
  if (env.SHELL !== undefined) {
    defineVar({ set: cx.global, name: 'SHELL', value: '/bin/sh', flavor: 'recursive', origin: 'file', loc: null, op: '=', envOverrides: false });
  }
  cx.makeLevel = /^[0-9]+$/.test(env.MAKELEVEL ?? '') ? Number(env.MAKELEVEL) : 0;
  define(cx, { name: 'MAKELEVEL', value: String(cx.makeLevel), flavor: 'simple', origin: ownEnv });
  define(cx, { name: 'GNUMAKEFLAGS', value: '', flavor: 'simple', origin: ownEnv });

  const commandLine = [...sw.vars, ...(input.commandLine ?? [])];
  // One entry per variable, where it first appeared, with its last value (make's command_variables list).
  const byName = new Map<string, string>();
  for (const arg of commandLine) {
    const v = commandLineVariable(cx, arg);
    if (v) byName.set(v.name, `${v.name}${v.flavor === 'simple' ? ':=' : '='}${v.value}`);
  }
  const overrides = [...byName.values()];
  if (overrides.length > 0) {
    // make's quote_for_env: '$' doubled, blanks and backslashes escaped.
    const quoted = overrides.map((a) => a.replace(/\$/g, '$$$$').replace(/([ \t\\])/g, '\\$1')).reverse();
    define(cx, { name: '-*-command-variables-*-', value: quoted.join(' '), flavor: 'simple', origin: 'automatic' });
    define(cx, { name: 'MAKEOVERRIDES', value: '${-*-command-variables-*-}', flavor: 'recursive', origin: ownEnv });
  }

  // A sub-make prints its directory (-w) unless told to be silent or not to.
  if (cx.makeLevel > 0 && !sw.letters.has('s') && !sw.longs.includes('--no-print-directory')) sw.letters.add('w');
  const letters = [...SWITCH_ORDER].filter((c) => sw.letters.has(c)).join('');
  const longs = sw.longs.join(' ');
  const makeflags = letters && longs ? `${letters} ${longs}` : letters || (longs ? ' ' + longs : '');
  define(cx, { name: 'MAKEFLAGS', value: makeflags, flavor: 'recursive', origin: cx.envOverrides ? 'environment override' : 'file' });
  define(cx, { name: 'MFLAGS', value: letters ? '-' + makeflags : longs, flavor: 'recursive', origin: ownEnv });
  define(cx, { name: 'CURDIR', value: cx.cwd, flavor: 'simple', origin: 'file' });
  define(cx, { name: '.DEFAULT_GOAL', value: '', flavor: 'simple', origin: 'file' });
  if (input.goals && input.goals.length > 0) define(cx, { name: 'MAKECMDGOALS', value: input.goals.join(' '), flavor: 'simple', origin: 'default' });

  define(cx, { name: 'MAKE_COMMAND', value: input.makeCommand ?? 'make', flavor: 'simple', origin: 'default' });
  define(cx, { name: 'MAKE', value: '$(MAKE_COMMAND)', flavor: 'recursive', origin: 'default' });
  define(cx, { name: 'MAKEFILES', value: '', flavor: 'simple', origin: 'default' });
  define(cx, { name: 'SHELL', value: '/bin/sh', flavor: 'simple', origin: 'default' });
  define(cx, { name: 'SUFFIXES', value: sw.letters.has('r') ? '' : DEFAULT_SUFFIXES, flavor: 'simple', origin: 'default' });
  cx.noBuiltinVariables = sw.letters.has('R');
  if (!sw.letters.has('R')) {
    define(cx, { name: '.LIBPATTERNS', value: 'lib%.so lib%.a', flavor: 'recursive', origin: 'default' });
    for (const [name, value] of BUILTIN_VARIABLES) define(cx, { name: name, value: value, flavor: 'recursive', origin: 'default' });
  }
}

/**
 * After reading, make decodes MAKEFLAGS again (a makefile may have added
 * switches, as the kernel's `MAKEFLAGS += -rR` does), removes the default
 * variables if -R is new, and rewrites MAKEFLAGS and MFLAGS the way
 * sub-makes will see them.
 */
export function finishMakeflags(cx: Ctx): void {
  const sw: Switches = { letters: new Set(), longs: [], includeDirs: [], vars: [] };
  decodeMakeflags(expandText(cx, cx.global.get('MAKEFLAGS')?.value ?? ''), sw);
  if (sw.letters.has('R') && !cx.noBuiltinVariables) {
    for (const [name] of BUILTIN_VARIABLES) if (cx.global.get(name)?.origin === 'default') cx.global.delete(name);
  }
  const letters = [...SWITCH_ORDER].filter((c) => sw.letters.has(c)).join('');
  for (const d of sw.includeDirs) if (!cx.includeDirs.includes(d)) cx.includeDirs.push(d);
  const longs = [...cx.includeDirs.map((d) => ' -I' + d), ...sw.longs.map((l) => ' ' + l)].join('');
  const overrides = cx.global.has('-*-command-variables-*-') ? ' -- $(MAKEOVERRIDES)' : '';
  const own: Origin = cx.envOverrides ? 'environment override' : 'environment';
  define(cx, { name: 'MAKEFLAGS', value: letters + longs + overrides, flavor: 'recursive', origin: cx.envOverrides ? 'environment override' : 'file' });
  define(cx, { name: 'MFLAGS', value: letters ? '-' + letters + longs : longs.trimStart(), flavor: 'recursive', origin: own });
  define(cx, { name: 'GNUMAKEFLAGS', value: '', flavor: 'simple', origin: 'override' });
}

/** `NAME=VALUE` (any assignment operator) as make takes it from its command line. */
function commandLineVariable(cx: Ctx, arg: string): Var | undefined {
  const def = parseVariableDefinition(arg, 0, arg.length);
  if (!def) return undefined;
  const name = arg.slice(def.nameStart, def.nameEnd);
  if (name === '') return undefined;
  return assign(cx, { name, op: def.op, text: arg.slice(def.valueStart), expr: null, origin: 'command line', loc: null, defOp: 'command line' });
}
