// The .cmd reader, data-driven: fixture files under test/fixtures/cmdfiles/
// reader (NAME.cmd → NAME.expected dump) and small inline cases for the odd
// inputs (empty, binary, malformed, CRLF, several entries per line).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseCmdFile, type CmdFileParse } from '../../../server/src/cmdfiles/parse';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'cmdfiles', 'reader');

/** Stable text form of a parse; sections without content are left out. */
function dump(p: CmdFileParse): string {
  const out: string[] = [];
  if (p.target !== undefined) out.push(`target: ${p.target}`);
  if (p.commandVariable !== undefined) out.push(`variable: ${p.commandVariable}`);
  if (p.command !== undefined) out.push(`command: ${p.command}`);
  if (p.source !== undefined) out.push(`source: ${p.source}`);
  if (p.hasDeps) {
    out.push(`deps (${p.deps.length}):`, ...p.deps.map((d) => `  ${d}`));
    out.push(`configs (${p.configs.length}, ${p.configStyle}):`, ...p.configs.map((c) => `  ${c}`));
  }
  if (p.diagnostics.length > 0) out.push('diagnostics:', ...p.diagnostics.map((d) => `  ${d.line} ${d.severity}: ${d.message}`));
  return `${out.join('\n')}\n`;
}

function check(text: string, expected: string): void {
  assert.equal(dump(parseCmdFile(text)), expected.replace(/^\n/, ''));
}

describe('reader: fixture files', () => {
  const names = readdirSync(FIXTURES).filter((n) => n.endsWith('.cmd'));
  test('there are fixtures', () => assert.ok(names.length >= 5));
  for (const name of names) {
    test(name, () => {
      const text = readFileSync(join(FIXTURES, name), 'utf8');
      const expected = readFileSync(join(FIXTURES, name.replace(/\.cmd$/, '.expected')), 'utf8');
      assert.equal(dump(parseCmdFile(text)), expected);
    });
  }
});

describe('reader: odd inputs', () => {
  test('empty and blank files', () => {
    const expected = '\ndiagnostics:\n  1 error: empty .cmd file: make will see no saved command\n';
    check('', expected);
    check('\n\n  \n', expected);
  });

  test('binary data is refused, not read, wherever its first NUL is', () => {
    const refused = '\ndiagnostics:\n  1 error: binary data in .cmd file: not read\n';
    check('cmd_a.o := gcc\0\x01\x02\nsource_a.o := a.c\n', refused);
    // In a continued command line, a deps_ entry, a CONFIG entry, the rules after the list.
    check('cmd_a.o := gcc \\\n  -c\0 a.c\n', refused);
    check('cmd_a.o := gcc\n\ndeps_a.o := \\\n  x.h \\\n  y\0.h \\\n\na.o: $(deps_a.o)\n\n$(deps_a.o):\n', refused);
    check('cmd_a.o := gcc\n\ndeps_a.o := \\\n    $(wildcard include/config/A\0) \\\n\na.o: $(deps_a.o)\n', refused);
    check('cmd_a.o := gcc\n\ndeps_a.o := \\\n  x.h \\\n\na.o: $(deps_a.o)\n\n$(deps_a.o):\0\n', refused);
  });

  test('a cmd_ line without := is an error, and nothing else is invented', () => {
    check('cmd_a.o gcc -c a.c\n', '\ndiagnostics:\n  1 error: malformed cmd_ line: expected \'cmd_TARGET := COMMAND\'\n');
  });

  test('no command line at all', () => {
    check('source_a.o := a.c\n', `
target: a.o
source: a.c
diagnostics:
  1 error: no cmd_ or savedcmd_ line: make will see no saved command
`);
  });

  test('a file cut inside a continued command line', () => {
    check('cmd_a.o := gcc -c \\\n  -o a.o \\', `
target: a.o
variable: cmd
command: gcc -c -o a.o
diagnostics:
  1 error: file ends inside a continued command line (truncated?)
`);
  });

  test('deps block complete but the two rules missing', () => {
    check('cmd_a.o := cc\n\nsource_a.o := a.c\n\ndeps_a.o := \\\n  b.h \\\n\n', `
target: a.o
variable: cmd
command: cc
source: a.c
deps (1):
  b.h
configs (0, name):
diagnostics:
  7 warning: missing 'a.o: $(deps_a.o)' line (truncated?)
`);
    check('cmd_a.o := cc\ndeps_a.o := \\\n  b.h \\\n\na.o: $(deps_a.o)\n', `
target: a.o
variable: cmd
command: cc
deps (1):
  b.h
configs (0, name):
diagnostics:
  5 warning: missing '$(deps_a.o):' line (truncated?)
`);
  });

  test('CRLF line endings read like LF', () => {
    const lf = 'cmd_a.o := cc -c a.c\n\nsource_a.o := a.c\n\ndeps_a.o := \\\n  b.h \\\n    $(wildcard include/config/FOO) \\\n\na.o: $(deps_a.o)\n\n$(deps_a.o):\n';
    assert.deepEqual(parseCmdFile(lf.replace(/\n/g, '\r\n')), parseCmdFile(lf));
    assert.deepEqual(parseCmdFile(lf).deps, ['b.h']);
    assert.deepEqual(parseCmdFile(lf).configs, ['CONFIG_FOO']);
  });

  test('several entries on one line, and entries on the deps_ line itself', () => {
    const p = parseCmdFile('cmd_a.o := cc\ndeps_a.o := x.h y.h \\\n  b.h  c.h $(wildcard include/config/A) d.h \\\n\na.o: $(deps_a.o)\n\n$(deps_a.o):\n');
    assert.deepEqual(p.deps, ['x.h', 'y.h', 'b.h', 'c.h', 'd.h']);
    assert.deepEqual(p.configs, ['CONFIG_A']);
    assert.deepEqual(p.diagnostics, []);
  });

  test('a deps_ list on one line without continuation', () => {
    const p = parseCmdFile('cmd_a.o := cc\ndeps_a.o := b.h\na.o: $(deps_a.o)\n$(deps_a.o):\n');
    assert.deepEqual(p.deps, ['b.h']);
    assert.deepEqual(p.diagnostics, []);
  });

  test('unexpected entries and lines are warnings; the rest is still read', () => {
    check('cmd_a.o := cc\ndeps_a.o := \\\n  $(wildcard foo/bar) \\\n  $(shell x) \\\n  b.h \\\n  $(wildcard include/config/ \\\n\nhello world\n', `
target: a.o
variable: cmd
command: cc
deps (1):
  b.h
configs (0, name):
diagnostics:
  3 warning: unexpected entry '$(wildcard foo/bar)' in deps_ list (ignored)
  4 warning: unexpected entry '$(shell x)' in deps_ list (ignored)
  6 error: unterminated '$(' in deps_ list
  8 warning: unrecognized line in .cmd file: 'hello world'
`);
  });

  test("objtool's `X: $(wildcard FILE)` line is an optional prerequisite, not a warning; another target's is", () => {
    const base = 'cmd_a.o := cc\n\ndeps_a.o := \\\n  b.h \\\n\na.o: $(deps_a.o)\n\n$(deps_a.o):\n\n';
    const ok = parseCmdFile(`${base}a.o: $(wildcard ./tools/objtool/objtool)\n`);
    assert.deepEqual([ok.optionalPrereqs, ok.deps, ok.diagnostics], [['./tools/objtool/objtool'], ['b.h'], []]);
    const other = parseCmdFile(`${base}b.o: $(wildcard ./tools/objtool/objtool)\na.o: $(wildcard $(X))\n`);
    assert.deepEqual(other.optionalPrereqs, []);
    assert.deepEqual(other.diagnostics.map((d) => d.line), [10, 11]);
  });

  test("tools/build without fixdep: gcc's depfile after `# cannot find fixdep` gives the deps", () => {
    const text = [
      '# cannot find fixdep (/b/tools/objtool//fixdep)',
      '# using basic dep data',
      '',
      '/b/tools/objtool/fixdep.o: \\',
      ' fixdep.c /usr/include/stdc-predef.h \\',
      ' /usr/include/features.h',
      '',
      "cmd_/b/tools/objtool/fixdep.o := gcc -c -o /b/tools/objtool/fixdep.o fixdep.c",
      '',
    ].join('\n');
    const p = parseCmdFile(text);
    assert.deepEqual([p.target, p.command, p.deps, p.diagnostics], ['/b/tools/objtool/fixdep.o', 'gcc -c -o /b/tools/objtool/fixdep.o fixdep.c', ['fixdep.c', '/usr/include/stdc-predef.h', '/usr/include/features.h'], []]);
    // Without the comment such a rule is still an unrecognized line; cut inside the rule is an error.
    assert.equal(parseCmdFile(text.replace(/^# cannot.*\n/, '')).diagnostics.length, 3);
    assert.deepEqual(parseCmdFile(text.slice(0, text.indexOf(' /usr/include/features.h'))).diagnostics.map((d) => d.severity), ['error']);
  });

  test('source_ or deps_ for another target', () => {
    check('cmd_a.o := cc\nsource_b.o := b.c\n', `
target: a.o
variable: cmd
command: cc
source: b.c
diagnostics:
  2 warning: source_ names target 'b.o', expected 'a.o'
`);
  });

  test('command escapes: $$, $(pound), \\#, a comment, and references make would expand', () => {
    const p = parseCmdFile("cmd_x := a $$b $(pound)c \\#d $(FOO) $x # trailing comment\n");
    assert.equal(p.command, 'a $b #c #d $(FOO) $x ');
    assert.deepEqual(p.diagnostics.map((d) => d.message), [
      "make would expand '$(FOO)' in the saved command",
      "make would expand '$x' in the saved command",
    ]);
  });

  test('a second command line is reported and ignored', () => {
    const p = parseCmdFile('cmd_a.o := one\ncmd_a.o := two\n');
    assert.equal(p.command, 'one');
    assert.deepEqual(p.diagnostics, [{ line: 2, severity: 'warning', message: "second cmd_ line for 'a.o' ignored" }]);
  });

  test('garbage never throws', () => {
    const pieces = ['cmd_', 'savedcmd_', 'deps_', 'source_', ':=', ' \\', '\n', '$(', ')', '$(wildcard ', 'include/config/', '#', '$$', '\r', 'a.o', ' '];
    let seed = 7;
    for (let i = 0; i < 2000; i++) {
      let text = '';
      for (let j = 0; j < 30; j++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        text += pieces[(seed >>> 16) % pieces.length];
      }
      const p = parseCmdFile(text);
      assert.ok(Array.isArray(p.deps) && Array.isArray(p.diagnostics));
    }
  });
});
