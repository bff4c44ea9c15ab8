// A .cmd file in the editor: outline, what each word names, reader
// diagnostics on their line, and the .config line of a CONFIG option.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cmdFileDiagnostics, cmdFileSymbols, cmdFileTargetAt, configLine } from '../../../server/src/ide/cmdFile';

const CMD = [
  'cmd_init/main.o := gcc -Wp,-MMD,init/.main.o.d -nostdinc -I../include -include ../include/linux/kconfig.h -c -o init/main.o ../init/main.c',
  '',
  'source_init/main.o := ../init/main.c',
  '',
  'deps_init/main.o := \\',
  '    $(wildcard include/config/INIT_ENV_ARG_LIMIT) \\',
  '  ../include/linux/kernel.h \\',
  '',
  'init/main.o: $(deps_init/main.o)',
  '',
  '$(deps_init/main.o):',
  '',
].join('\n');

function at(needle: string, delta = 1): number {
  const i = CMD.indexOf(needle);
  assert.ok(i >= 0, needle);
  return i + delta;
}

test('outline: the saved command, the source, the deps list with its counts, the rule', () => {
  const symbols = cmdFileSymbols(CMD);
  assert.deepEqual(symbols.map((s) => [s.name, s.kind]), [
    ['cmd_init/main.o', 'variable'],
    ['source_init/main.o', 'variable'],
    ['deps_init/main.o (1 files, 1 CONFIG options)', 'define'],
    ['init/main.o', 'rule'],
  ]);
  const deps = symbols[2];
  assert.equal(CMD.slice(deps.span.start, deps.span.end).split('\n').length, 3, 'the deps block spans its continued lines');
  assert.equal(CMD.slice(symbols[0].selectionSpan.start, symbols[0].selectionSpan.end), 'cmd_init/main.o');
});

test('words: paths as written, glued options stripped, CONFIG options from their wildcard', () => {
  const word = (offset: number) => {
    const t = cmdFileTargetAt(CMD, offset);
    return t && (t.kind === 'config' ? t.name : t.path) + '@' + CMD.slice(t.span.start, t.span.end);
  };
  assert.equal(word(at('../init/main.c\n')), '../init/main.c@../init/main.c');
  assert.equal(word(at('-I../include', 4)), '../include@../include');
  assert.equal(word(at('init/.main.o.d')), 'init/.main.o.d@init/.main.o.d');
  assert.equal(word(at('../include/linux/kconfig.h')), '../include/linux/kconfig.h@../include/linux/kconfig.h');
  assert.equal(word(at('../include/linux/kernel.h')), '../include/linux/kernel.h@../include/linux/kernel.h');
  assert.equal(word(at('include/config/INIT')), 'CONFIG_INIT_ENV_ARG_LIMIT@include/config/INIT_ENV_ARG_LIMIT');
  assert.equal(word(at('$(wildcard')), 'CONFIG_INIT_ENV_ARG_LIMIT@include/config/INIT_ENV_ARG_LIMIT');
  assert.equal(word(at('cmd_init/main.o', 6)), 'init/main.o@init/main.o');
  assert.equal(word(at('-nostdinc')), undefined, 'an option is not a path');
  assert.equal(word(at('gcc')), undefined, 'a program name is not a path');
  assert.equal(word(at(':= gcc')), undefined);
});

test('diagnostics: a truncated file is reported on its line', () => {
  const truncated = CMD.slice(0, CMD.indexOf('init/main.o: $('));
  const diagnostics = cmdFileDiagnostics(truncated);
  assert.equal(diagnostics.length, 1);
  assert.match(diagnostics[0].message, /missing 'init\/main\.o: \$\(deps_init\/main\.o\)' line/);
  assert.equal(diagnostics[0].severity, 'warning');
  assert.deepEqual(cmdFileDiagnostics(CMD), []);
  const empty = cmdFileDiagnostics('');
  assert.equal(empty[0].severity, 'error');
});

test('configLine: set, not set, absent', () => {
  const config = '#\n# General setup\nCONFIG_INIT_ENV_ARG_LIMIT=32\n# CONFIG_SMP is not set\n';
  const set = configLine(config, 'CONFIG_INIT_ENV_ARG_LIMIT');
  assert.equal(set && config.slice(set.start, set.end), 'CONFIG_INIT_ENV_ARG_LIMIT=32');
  const unset = configLine(config, 'CONFIG_SMP');
  assert.equal(unset && config.slice(unset.start, unset.end), '# CONFIG_SMP is not set');
  assert.equal(configLine(config, 'CONFIG_INIT'), undefined, 'a prefix of another name is not it');
});
