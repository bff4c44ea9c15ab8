// Definition, references and symbols on small trees of ours.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { definition, documentSymbols, references, workspaceSymbols } from '../../../server/src/ide';
import { describe, loadFixture } from '../../helpers/fixture';

function defs(spec: string, exists?: (p: string) => boolean): string[] {
  const f = loadFixture(spec);
  assert.ok(f.cursor, 'fixture has a $0 cursor');
  return definition(f.ws, f.cursor, { exists }).map((d) => describe(f, d.file, d.span.start));
}

const KERNEL = `
//- /scripts/Kbuild.include
build := -f $(srctree)/scripts/Makefile.build obj
cmd = @$(echo-cmd) $(cmd_$(1))
if_changed = $(if $(newer-prereqs),$(cmd_$(1)))
if_changed_rule = $(rule_$(1))
//- /scripts/Makefile.build
include $(srctree)/scripts/Kbuild.include
KBUILD_CFLAGS += -DBUILD
//- /Makefile
KBUILD_CFLAGS := -O2
KBUILD_CFLAGS += -g
include $(srctree)/scripts/Kbuild.include
prepare: prepare0
prepare0: archprepare
`;

test('variable: every definition site, += included, across the include closure and parent contexts', () => {
  const got = defs(`${KERNEL}
//- /kernel/Makefile
obj-y += a.o
ccflags-y := $(KBUILD_C$0FLAGS)
`);
  assert.deepEqual(got, ['/scripts/Makefile.build:2: KBUILD_CFLAGS += -DBUILD', '/Makefile:1: KBUILD_CFLAGS := -O2', '/Makefile:2: KBUILD_CFLAGS += -g']);
});

test('$(call if_changed,foo): the helper name goes to if_changed, the argument to cmd_foo and quiet_cmd_foo', () => {
  const base = `${KERNEL}
//- /kernel/Makefile
quiet_cmd_gen = GEN $@
      cmd_gen = ./gen > $@
`;
  assert.deepEqual(defs(`${base}$(obj)/x.h: FORCE\n\t$(call if_cha$0nged,gen)\n`), ['/scripts/Kbuild.include:3: if_changed = $(if $(newer-prereqs),$(cmd_$(1)))']);
  assert.deepEqual(defs(`${base}$(obj)/x.h: FORCE\n\t$(call if_changed,g$0en)\n`), ['/kernel/Makefile:2:       cmd_gen = ./gen > $@', '/kernel/Makefile:1: quiet_cmd_gen = GEN $@']);
  assert.deepEqual(defs(`${base}rule_mk = x\n$(obj)/y: FORCE\n\t$(call if_changed_rule,m$0k)\n`), ['/kernel/Makefile:3: rule_mk = x']);
});

test('targets: explicit rules first, then pattern rules that match', () => {
  assert.deepEqual(defs(`${KERNEL}//- /tools/perf/Makefile.perf\n$(PERF_IN): prep$0are FORCE\nprepare: gen.h\n`), ['/tools/perf/Makefile.perf:2: prepare: gen.h']);
  assert.deepEqual(defs(`//- /Makefile\nall: $(OUTPUT)fo$0o.o\n$(OUTPUT)%.o: %.c\n\tcc\n`), ['/Makefile:2: $(OUTPUT)%.o: %.c']);
});

test('obj-y words: composite objects, source files, subdirectories', () => {
  const tree = `${KERNEL}
//- /drivers/Makefile
obj-y += foo.o bar.o sub/
foo-y := foo_main.o foo_util.o
//- /drivers/sub/Kbuild
obj-y += x.o
`;
  assert.deepEqual(defs(tree.replace('foo.o bar.o', 'f$0oo.o bar.o')), ['/drivers/Makefile:2: foo-y := foo_main.o foo_util.o']);
  assert.deepEqual(defs(tree.replace('bar.o', 'b$0ar.o'), (p) => p === '/w/drivers/bar.c'), ['/drivers/bar.c:1: ']);
  assert.deepEqual(defs(tree.replace('sub/', 's$0ub/')), ['/drivers/sub/Kbuild:1: obj-y += x.o']);
});

test('$(build)=dir and include lines open the file they name', () => {
  assert.deepEqual(defs(`${KERNEL}//- /kernel/Kbuild\nobj-y := k.o\n//- /Makefile2\nall:\n\t$(Q)$(MAKE) $(build)=ker$0nel\n`), ['/kernel/Kbuild:1: obj-y := k.o']);
  assert.deepEqual(defs(`${KERNEL}//- /arch/Makefile\ninclude $(srctree)/scripts/Kbu$0ild.include\n`), ['/scripts/Kbuild.include:1: build := -f $(srctree)/scripts/Makefile.build obj']);
});

test('computed names: obj-$(CONFIG_X) defines obj-y and obj-m', () => {
  assert.deepEqual(defs(`//- /d/Makefile\nobj-$(CONFIG_A) += a.o\nobj-y += b.o\nall: $(ob$0j-y)\n`), ['/d/Makefile:1: obj-$(CONFIG_A) += a.o', '/d/Makefile:2: obj-y += b.o']);
});

test('references: uses, definitions, and uses through Kbuild helpers', () => {
  const f = loadFixture(`${KERNEL}//- /k/Makefile\ncmd_c$0c = cc\nx: FORCE\n\t$(call if_changed,cc)\ny:\n\t$(call cmd,cc)\nz = $(cmd_cc)\n`);
  const got = references(f.ws, { ...f.cursor!, includeDeclaration: true }).map((r) => describe(f, r.file, r.span.start));
  assert.deepEqual(got, ['/k/Makefile:1: cmd_cc = cc', '/k/Makefile:3: \t$(call if_changed,cc)', '/k/Makefile:5: \t$(call cmd,cc)', '/k/Makefile:6: z = $(cmd_cc)']);
});

test('document symbols nest under conditionals; workspace symbols search every file', () => {
  const f = loadFixture(`//- /Makefile\nA = 1\nifdef A\nB = 2\nall: x\nendif\ndefine D\nendef\n`);
  const syms = documentSymbols(f.ws, '/w/Makefile');
  assert.deepEqual(syms.map((s) => `${s.kind} ${s.name} [${s.children.map((c) => `${c.kind} ${c.name}`).join(', ')}]`), [
    'variable A []',
    'conditional ifdef A [variable B, rule all]',
    'define D []',
  ]);
  assert.deepEqual(workspaceSymbols(f.ws, 'al').map((s) => `${s.kind} ${s.name}`), ['target all']);
});
