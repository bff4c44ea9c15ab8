// Hover and definition from an evaluated context: flavor, origin, sites in
// order, raw and expanded values; a cc-option call down to the compiler
// command, and its result when a shell is offered; computed names; folding.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateMakefile, type Evaluation } from '../../../server/src/eval';
import type { ShellResult } from '../../../server/src/eval/host';
import { evaluatedDefinition } from '../../../server/src/ide/evalDefinition';
import { evaluatedHover, fullExpansion, type HoverContext } from '../../../server/src/ide/evalHover';
import { describe as describeSite, loadFixture, type Fixture } from '../../helpers/fixture';
import { memHost } from '../eval/memHost';

const COMPILER = `
//- /scripts/Kbuild.include
try-run = $(shell set -e; if ($(1)) >/dev/null 2>&1; then echo "$(2)"; else echo "$(3)"; fi)
cc-option = $(call try-run,$(CC) -Werror $(KBUILD_CFLAGS) $(1) -c -x c /dev/null -o "$$TMP",$(1),$(2))
//- /Makefile
CC = gcc
include scripts/Kbuild.include
KBUILD_CFLAGS := -O2
KBUILD_CFLAGS += $(call cc-option,-fno-PIE)
LATE = $(call cc-option,-mno-red-zone)
`;

function contextOf(f: Fixture, opts: { shell?: (command: string) => ShellResult; configKnown?: boolean; env?: Record<string, string> } = {}): HoverContext {
  const files = Object.fromEntries(f.texts);
  const host = memHost(files, opts.shell && ((command) => opts.shell?.(command)));
  const ev: Evaluation = evaluateMakefile({ entry: 'Makefile', cwd: '/w', host, env: opts.env ?? {}, flags: 'rR' });
  return { id: 'top', label: 'top Makefile (test)', configKnown: opts.configKnown ?? true, ev, shellAllowed: opts.shell !== undefined };
}

function hoverAt(spec: string, opts: Parameters<typeof contextOf>[1] = {}): string {
  const f = loadFixture(spec);
  const h = evaluatedHover(f.ws, { ...f.cursor!, uri: 'file:///w/x' }, contextOf(f, opts));
  assert.ok(h, 'hover');
  return h.contents;
}

test('a variable: flavor, origin, every site in order with the ignored one marked, raw and expanded values', () => {
  const text = hoverAt(`
//- /Makefile
A = one
A ?= ignored
A += $(B)
B = two
all:
\t@echo $($0A)
`);
  assert.match(text, /\*\*A\*\* — recursive, origin \*file\*/);
  assert.match(text, /In context `top Makefile \(test\)`/);
  assert.match(text, /1\. \[Makefile:1\]\(file:\/\/\/w\/Makefile#L1\) `=` `one`\n2\. \[Makefile:2\]\S+ `\?=` `ignored` — \*ignored by make\*\n3\. \[Makefile:3\]\S+ `\+=` `\$\(B\)`/);
  assert.match(text, /Raw value:\n\n```\none \$\(B\)\n```/);
  assert.match(text, /Expanded value:\n\n```\none two\n```/);
});

test('a $(shell) not run shows «unknown» and says why', () => {
  const text = hoverAt('//- /Makefile\nARCH$0 := $(shell uname -m)/boot\n');
  assert.match(text, /«unknown»\/boot/);
  assert.match(text, /kbuild-analyzer\.shell\.enable/);
});

test('cc-option: each step with $(1) substituted, down to the compiler command; nothing run without a shell', () => {
  const text = hoverAt(COMPILER.replace('cc-option,-fno-PIE', 'cc-op$0tion,-fno-PIE'));
  assert.match(text, /1\. \*\*cc-option\*\* \(\[scripts\/Kbuild\.include:2\]/);
  assert.match(text, /2\. \*\*try-run\*\* \(\[scripts\/Kbuild\.include:1\]/);
  // The steps show the values at the end of reading; the command is the one make ran at that line, $(CC) and flags expanded.
  assert.match(text, /with `\$\(1\)=gcc -Werror -O2 «unknown» -fno-PIE -c -x c \/dev\/null -o "\$TMP"`/);
  assert.match(text, /Compiler command \(as make ran it while reading this line\):\n\n```sh\ngcc -Werror -O2 -fno-PIE -c -x c \/dev\/null -o "\$TMP"\n```/);
  assert.match(text, /Result: «unknown»/);
});

test('cc-option with a shell: the result, and a command only expanded now is run once for the hover', () => {
  const ran: string[] = [];
  const shell = (command: string): ShellResult => {
    ran.push(command);
    return { stdout: command.includes('-mno-red-zone') ? '-mno-red-zone\n' : '-fno-PIE\n', status: 0 };
  };
  const text = hoverAt(COMPILER.replace('cc-option,-mno-red-zone', 'cc-op$0tion,-mno-red-zone'), { shell });
  assert.match(text, /Compiler command:\n\n```sh\ngcc -Werror -O2 -fno-PIE -mno-red-zone -c -x c \/dev\/null -o "\$TMP"\n```/);
  assert.match(text, /Result: `-mno-red-zone` \(run for this hover, cached\)/);
  assert.equal(ran.filter((c) => c.includes('-mno-red-zone')).length, 1);
});

test('obj-$(CONFIG_X) without a configuration: "built when", not a guess', () => {
  const text = hoverAt('//- /Makefile\no$0bj-$(CONFIG_FOO) += foo.o\n', { configKnown: false });
  assert.match(text, /\*\*obj-\$\(CONFIG_FOO\)\*\*: built when CONFIG_FOO=y\/m/);
  assert.match(text, /Adds `foo\.o`/);
  assert.match(text, /CONFIG_ values are unknown/);
});

test('obj-$(CONFIG_X) with a configuration resolves to obj-y, and definition goes to the obj-y sites', () => {
  const spec = '//- /Makefile\nCONFIG_FOO = y\nobj-y += a.o\no$0bj-$(CONFIG_FOO) += foo.o\nobj-m += b.o\n';
  const text = hoverAt(spec);
  assert.match(text, /`obj-\$\(CONFIG_FOO\)` is `obj-y` in this context/);
  assert.match(text, /Value \(expanded when assigned\):|Expanded value:/);
  assert.match(text, /a\.o foo\.o/);
  const f = loadFixture(spec);
  const sites = evaluatedDefinition(f.ws, f.cursor!, contextOf(f).ev).map((s) => describeSite(f, s.file, s.span.start));
  assert.deepEqual(sites, ['/Makefile:2: obj-y += a.o', '/Makefile:3: obj-$(CONFIG_FOO) += foo.o']);
});

test('definition follows the evaluation into a file the static index does not connect (computed include)', () => {
  const f = loadFixture('//- /Makefile\nSUB := inc\ninclude $(SUB)/defs.mk\nall: ; @echo $(FR$0OM_INC)\n//- /inc/defs.mk\nFROM_INC = 1\n//- /other/defs.mk\nFROM_INC = 2\n');
  const sites = evaluatedDefinition(f.ws, f.cursor!, contextOf(f).ev).map((s) => describeSite(f, s.file, s.span.start));
  assert.deepEqual(sites, ['/inc/defs.mk:1: FROM_INC = 1']);
});

test('a long value is folded with a link that opens the full expansion', () => {
  const words = Array.from({ length: 600 }, (_, i) => `-Dword${i}`).join(' ');
  const f = loadFixture(`//- /Makefile\nBIG$0 := ${words}\n`);
  const cx = contextOf(f);
  const h = evaluatedHover(f.ws, { ...f.cursor!, uri: 'file:///w/Makefile' }, cx);
  assert.ok(h);
  assert.ok(h.contents.length < 4000, `${h.contents.length} chars`);
  const link = /\[Open the full expansion\]\(command:kbuild-analyzer\.showExpansion\?([^)]+)\)/.exec(h.contents);
  assert.ok(link, h.contents.slice(-300));
  assert.deepEqual(JSON.parse(decodeURIComponent(link[1])), [{ uri: 'file:///w/Makefile', offset: f.cursor!.offset, contextId: 'top' }]);
  const full = fullExpansion(f.ws, f.cursor!, cx);
  assert.equal(full?.title, 'BIG');
  assert.equal(full?.text.split('\n').filter((l) => l.startsWith('-Dword')).length, 600);
});

test('a name the context does not define falls back to the static sites, saying so', () => {
  const text = hoverAt('//- /Makefile\nifdef NEVER\nX = 1\nendif\nall: ; @echo $($0X)\n');
  assert.match(text, /1 definition site/);
  assert.match(text, /`X` is not defined in context `top Makefile \(test\)`/);
});
