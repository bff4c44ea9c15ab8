// The command make would run now, on a small Kbuild-shaped tree written to
// disk and built by GNU make for real: an O= build dir, the top Makefile
// descending with $(build)=., Makefile.build with the `$(obj)/%.o: $(src)/%.c`
// pattern rule found through VPATH, a per-object CFLAGS_, a target variable
// inherited from the target the objects are built for, a built-in.a
// explicit rule, and if_changed saving each command in its .cmd file the way
// Kbuild.include does. No corpus, no $(shell).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { whyCommand } from '../../../server/src/cli/cmdfiles';
import { loadCmdStore, whyRebuild } from '../../../server/src/cmdfiles';
import { explainRebuild } from '../../../server/src/ide/builds';
import { createContextSet } from '../../../server/src/kbuild/contexts';
import { currentCommand } from '../../../server/src/kbuild/currentCommand';
import { createNodeHost } from '../../../server/src/lsp/nodeHost';

const TREE: Record<string, string> = {
  Makefile: [
    'VERSION = 1',
    'this-makefile := $(lastword $(MAKEFILE_LIST))',
    'srctree := $(patsubst %/,%,$(dir $(this-makefile)))',
    'VPATH := $(srctree)',
    'export srctree VPATH',
    'include $(srctree)/scripts/Kbuild.include',
    '-include include/config/auto.conf',
    'export KBUILD_CFLAGS := -O2 $(KCFLAGS)',
    'export CC := sh $(srctree)/scripts/cc.sh',
    'build-dir := .',
    '__all: $(build-dir)',
    '$(build-dir):',
    '\t$(Q)$(MAKE) $(build)=$@ need-builtin=1',
    '.PHONY: __all $(build-dir)',
    '',
  ].join('\n'),
  'scripts/Kbuild.include': [
    'build := -f $(srctree)/scripts/Makefile.build obj',
    "squote := '",
    "escsq = $(subst $(squote),'\\$(squote)',$1)",
    'pound := \\#',
    'make-cmd = $(call escsq,$(subst $(pound),$$(pound),$(subst $$,$$$$,$(cmd_$(1)))))',
    'space := $(subst ,, )',
    'space_escape := _-_SPACE_-_',
    'cmd-check = $(filter-out $(subst $(space),$(space_escape),$(strip $(cmd_$@))), $(subst $(space),$(space_escape),$(strip $(cmd_$1))))',
    'newer-prereqs = $(filter-out $(PHONY),$?)',
    'if-changed-cond = $(newer-prereqs)$(cmd-check)',
    'dot-target = $(dir $@).$(notdir $@)',
    "cmd_and_savecmd = @set -e; $(cmd_$(1)); printf '%s\\n' 'cmd_$@ := $(make-cmd)' > $(dot-target).cmd",
    'if_changed = $(if $(if-changed-cond),$(cmd_and_savecmd),@:)',
    '',
  ].join('\n'),
  'scripts/Makefile.build': [
    'src := $(obj)',
    'PHONY := $(obj)/',
    '$(obj)/:',
    'obj-y :=',
    'targets :=',
    '-include include/config/auto.conf',
    'include $(srctree)/scripts/Kbuild.include',
    'kbuild-dir := $(srctree)/$(src)',
    'include $(or $(wildcard $(kbuild-dir)/Kbuild),$(kbuild-dir)/Makefile)',
    'include $(srctree)/scripts/Makefile.lib',
    '$(obj)/: $(obj)/built-in.a $(subdir-ym)',
    'cmd_cc_o_c = $(CC) $(c_flags) -c -o $@ $<',
    '$(obj)/%.o: $(src)/%.c FORCE',
    '\t$(call if_changed,cc_o_c)',
    'cmd_ar_builtin = rm -f $@; ar cDPrST $@ $(real-prereqs)',
    '$(obj)/built-in.a: $(real-obj-y) FORCE',
    '\t$(call if_changed,ar_builtin)',
    '$(subdir-builtin): $(obj)/%/built-in.a: $(obj)/% ;',
    'PHONY += $(subdir-ym)',
    '$(subdir-ym):',
    '\t$(Q)$(MAKE) $(build)=$@ need-builtin=1',
    'targets += $(real-obj-y) $(obj)/built-in.a',
    'existing-targets := $(wildcard $(sort $(targets)))',
    '-include $(foreach f,$(existing-targets),$(dir $(f)).$(notdir $(f)).cmd)',
    'PHONY += FORCE',
    'FORCE:',
    '.PHONY: $(PHONY)',
    '',
  ].join('\n'),
  'scripts/Makefile.lib': [
    'subdir-ym := $(addprefix $(obj)/,$(patsubst %/,%,$(filter %/,$(obj-y))))',
    'real-obj-y := $(addprefix $(obj)/,$(patsubst %/,%/built-in.a,$(obj-y)))',
    'subdir-builtin := $(sort $(filter %/built-in.a, $(real-obj-y)))',
    'target-stem = $(basename $(patsubst $(obj)/%,%,$@))',
    'c_flags = $(KBUILD_CFLAGS) $(ccflags-y) $(CFLAGS_$(target-stem).o) $(asflags-y)',
    'real-prereqs = $(filter-out $(PHONY), $^)',
    '',
  ].join('\n'),
  // A stand-in compiler: copies the source to the -o file.
  'scripts/cc.sh': 'while [ $# -gt 1 ]; do case $1 in -o) out=$2; shift;; esac; shift; done\ncp "$1" "$out"\n',
  Kbuild: 'obj-y += kern/\n',
  'kern/Makefile': 'obj-y += a.o b.o\nccflags-y := -DKERN\nCFLAGS_b.o := -DBEE\n$(obj)/built-in.a: asflags-y := -DFROM_PARENT\n',
  'kern/a.c': 'int a;\n',
  'kern/b.c': 'int b;\n',
  'out/Makefile': 'include ../Makefile\n',
  'out/.config': '#\n# Linux/x86 1.0 Kernel Configuration\nCONFIG_X=y\n',
  'out/include/config/auto.conf': 'CONFIG_X=y\n',
};

let root: string;
let out: string;
const host = createNodeHost();

/** Blanks as make's $(strip) leaves them (cmd-check compares after it). */
function squeeze(s: string): string {
  return s.trim().replace(/\s+/g, ' ');
}

function write(rel: string, text: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}

function make(): void {
  execFileSync('make', ['-s'], { cwd: out, env: { PATH: '/usr/bin:/bin' }, stdio: 'pipe' });
}

/** A fresh context set (evaluations are cached per set) and a fresh .cmd store, as after an edit. */
function now(env: Record<string, string> = {}) {
  const contexts = createContextSet({ root, host, env: { PATH: '/usr/bin:/bin', ...env }, buildDir: 'out' });
  return { contexts, store: loadCmdStore({ host, buildDir: out }) };
}

before(() => {
  root = mkdtempSync(join(tmpdir(), 'kba-current-'));
  out = join(root, 'out');
  for (const [rel, text] of Object.entries(TREE)) write(rel, text);
  mkdirSync(join(out, 'kern'), { recursive: true });
  make();
});

after(() => rmSync(root, { recursive: true, force: true }));

test('after a real build, the current command of each target is the one make saved', () => {
  const { contexts, store } = now();
  const saved = (rel: string) => readFileSync(join(out, rel.replace(/([^/]+)$/, '.$1.cmd')), 'utf8');
  const cases: [string, string, string, string][] = [
    ['kern/a.o', 'dir:kern', 'cc_o_c', 'sh ../scripts/cc.sh -O2 -DKERN -DFROM_PARENT -c -o kern/a.o ../kern/a.c'],
    ['kern/b.o', 'dir:kern', 'cc_o_c', 'sh ../scripts/cc.sh -O2 -DKERN -DBEE -DFROM_PARENT -c -o kern/b.o ../kern/b.c'],
    ['kern/built-in.a', 'dir:kern', 'ar_builtin', 'rm -f kern/built-in.a; ar cDPrST kern/built-in.a kern/a.o kern/b.o'],
    ['built-in.a', 'dir:.', 'ar_builtin', 'rm -f built-in.a; ar cDPrST built-in.a kern/built-in.a'],
  ];
  for (const [rel, context, name, text] of cases) {
    assert.match(saved(rel), new RegExp(`^cmd_${rel.replace(/\./g, '\\.')} := `), `make wrote ${rel}'s .cmd file`);
    const c = currentCommand({ contexts, host, target: join(out, rel) });
    assert.deepEqual(c.kind === 'command' && { ...c, command: squeeze(c.command) }, { kind: 'command', command: text, name, context }, rel);
    const why = whyRebuild({ store, host, target: join(out, rel), command: c.kind === 'command' ? c.command : undefined });
    assert.deepEqual([why.upToDate, why.reasons, why.unchecked], [true, [], []], rel);
  }
});

test('a changed flag is "command changed", with the words removed and added, and make agrees', () => {
  write('kern/Makefile', TREE['kern/Makefile'].replace('-DKERN', '-DKERN2'));
  const { contexts, store } = now();
  const c = currentCommand({ contexts, host, target: join(out, 'kern/a.o') });
  assert.equal(c.kind, 'command');
  const why = whyRebuild({ store, host, target: join(out, 'kern/a.o'), command: c.kind === 'command' ? c.command : undefined });
  assert.equal(why.upToDate, false);
  assert.deepEqual(why.reasons, [
    {
      kind: 'command-changed',
      saved: 'sh ../scripts/cc.sh -O2 -DKERN -DFROM_PARENT -c -o kern/a.o ../kern/a.c',
      current: 'sh ../scripts/cc.sh -O2 -DKERN2 -DFROM_PARENT -c -o kern/a.o ../kern/a.c',
      removed: ['-DKERN'],
      added: ['-DKERN2'],
    },
  ]);
  const report = explainRebuild({ build: { store, buildDir: out, srctree: root }, host, target: 'kern/a.o', contexts });
  assert.match(report.text, /the command line changed: removed `-DKERN`, added `-DKERN2`/);
  assert.match(report.text, /compared with `cmd_cc_o_c` expanded in `dir:kern`/);
  // make's own cmd-check says the same: it rebuilds and saves the new command; then both say up to date.
  make();
  assert.match(readFileSync(join(out, 'kern/.a.o.cmd'), 'utf8'), /-DKERN2 /);
  const after = now();
  const again = currentCommand({ contexts: after.contexts, host, target: join(out, 'kern/a.o') });
  const settled = whyRebuild({ store: after.store, host, target: join(out, 'kern/a.o'), command: again.kind === 'command' ? again.command : undefined });
  assert.equal(settled.upToDate, true, JSON.stringify(settled.reasons));
});

test("the top make's environment (KCFLAGS) reaches the command of every directory", () => {
  const { contexts } = now({ KCFLAGS: '-DEXTRA' });
  const c = currentCommand({ contexts, host, target: join(out, 'kern/b.o') });
  assert.equal(c.kind === 'command' && squeeze(c.command), 'sh ../scripts/cc.sh -O2 -DEXTRA -DKERN2 -DBEE -DFROM_PARENT -c -o kern/b.o ../kern/b.c');
});

test('a part from a $(shell) not run is unknown: not compared, never a false "command changed"', () => {
  write('kern/Makefile', TREE['kern/Makefile'] + 'ccflags-y += $(shell echo -DPROBED)\n');
  const { contexts, store } = now();
  const c = currentCommand({ contexts, host, target: join(out, 'kern/a.o') });
  assert.deepEqual(c, { kind: 'unknown', reason: '1 unknown part ($(shell) not run)', context: 'dir:kern', name: 'cc_o_c', unknownParts: 1 });
  const report = explainRebuild({ build: { store, buildDir: out, srctree: root }, host, target: 'kern/a.o', contexts });
  assert.match(report.text, /not compared: 1 unknown part \(\$\(shell\) not run\): allow `\$\(shell\)` to compare/);
  const withShell = createContextSet({ root, host: createNodeHost({ allowShell: true }), env: { PATH: '/usr/bin:/bin' }, buildDir: 'out' });
  const ran = currentCommand({ contexts: withShell, host, target: join(out, 'kern/a.o'), runShell: true });
  assert.equal(ran.kind === 'command' && squeeze(ran.command), 'sh ../scripts/cc.sh -O2 -DKERN -DPROBED -DFROM_PARENT -c -o kern/a.o ../kern/a.c');
});

test('the CLI: why compares only with --shell when a part needs $(shell)', async () => {
  // kern/Makefile still has the $(shell) of the test above; the .cmd file saved -DKERN2.
  const plain = await whyCommand(['kern/a.o', '--build', out]);
  assert.equal(plain.stdout, 'kern/a.o: up to date (command line not compared: 1 unknown part ($(shell) not run); --shell runs them)\n');
  const shell = await whyCommand(['kern/a.o', '--build', out, '--shell']);
  assert.equal(shell.stdout, 'kern/a.o: rebuild (command line compared with cmd_cc_o_c in dir:kern)\n  - command line changed: removed [-DKERN2] added [-DKERN -DPROBED]\n');
  const json = JSON.parse((await whyCommand(['kern/a.o', '--build', out, '--shell', '--json'])).stdout);
  assert.deepEqual([json.current.kind, json.current.context, json.reasons[0].kind], ['command', 'dir:kern', 'command-changed']);
});

test('targets without an if_changed recipe or outside the build dir are unknown, with the reason', () => {
  const { contexts } = now();
  assert.equal(currentCommand({ contexts, host, target: join(root, 'kern/a.o') }).kind, 'unknown');
  const none = currentCommand({ contexts, host, target: join(out, 'kern/none.x') });
  assert.deepEqual(none, { kind: 'unknown', reason: 'no rule for kern/none.x in the directory contexts that could build it' });
});
