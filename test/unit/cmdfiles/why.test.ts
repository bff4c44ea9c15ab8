// whyRebuild on a real build tree written into a temp dir, with real mtimes
// (utimesSync). Each reason is also put to GNU make: a small makefile of
// ours includes the same .cmd file and prints what Kbuild's if_changed
// looks at ($? without PHONY, and the cmd-check filter), and our verdict
// and prerequisite list must match make's.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { buildRelative, createCmdStore, updateCmdFile, whyRebuild, type WhyInput, type WhyResult } from '../../../server/src/cmdfiles';
import { createNodeHost } from '../../../server/src/lsp/nodeHost';
import { cmdText } from './memoryHost';

const T0 = 1_700_000_000;
const COMMAND = 'gcc -Wp,-MMD,init/.main.o.d -O2 -c -o init/main.o ../init/main.c';

// Our stand-in for Kbuild's if_changed test: prints its two inputs.
const CHECK_MK = `empty :=
space := $(empty) $(empty)
space_escape := _-_SPACE_-_
pound := \\#
-include init/.main.o.cmd
PHONY := FORCE
init/main.o: ../init/main.c FORCE
\t@echo 'newer=$(sort $(filter-out $(PHONY),$?))'
\t@echo 'cmd=$(if $(filter-out $(subst $(space),$(space_escape),$(strip $(cmd_$@))),$(subst $(space),$(space_escape),$(strip $(CURRENT)))),changed)'
FORCE:
.PHONY: $(PHONY)
`;

let root: string;
let build: string;

function write(path: string, text: string, time = T0): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  utimesSync(path, time, time);
}

function touch(path: string, time: number): void {
  utimesSync(path, time, time);
}

function freshTree(): void {
  rmSync(root, { recursive: true, force: true });
  write(join(root, 'include/linux/kernel.h'), '#include <linux/init.h>\n');
  write(join(root, 'include/linux/init.h'), '\n');
  write(join(root, 'init/main.c'), '#include <linux/kernel.h>\n');
  write(join(build, '.config'), 'CONFIG_SMP=y\n');
  write(join(build, 'include/config/auto.conf'), 'CONFIG_SMP=y\n');
  write(join(build, 'include/config/SMP'), '');
  write(join(build, 'Makefile'), 'include ../Makefile\n');
  write(join(build, 'check.mk'), CHECK_MK);
  write(join(build, 'init/.main.o.cmd'), cmdText({
    target: 'init/main.o',
    command: COMMAND,
    source: '../init/main.c',
    deps: ['../include/linux/kernel.h', '../include/linux/init.h'],
    configs: ['SMP', 'PREEMPT'],
  }), T0 + 100);
  write(join(build, 'init/main.o'), 'ELF', T0 + 100);
}

function why(input: Partial<WhyInput> = {}): WhyResult {
  const host = createNodeHost();
  const store = createCmdStore(build);
  updateCmdFile({ store, host, cmdFile: 'init/.main.o.cmd' });
  return whyRebuild({ store, host, target: 'init/main.o', ...input });
}

/** What make's if_changed inputs say, run in the build dir. */
function make(current: string): { newer: string[]; commandChanged: boolean } {
  const out = execFileSync('make', ['-s', '-f', 'check.mk', 'init/main.o', `CURRENT=${current}`], { cwd: build, encoding: 'utf8' });
  const newer = /^newer=(.*)$/m.exec(out)?.[1] ?? '';
  return { newer: newer.split(' ').filter(Boolean), commandChanged: /^cmd=changed$/m.test(out) };
}

/** Our answer in make's terms: the prerequisites if_changed would see as newer. */
function ourNewer(r: WhyResult): string[] {
  const store = createCmdStore(build);
  const out: string[] = [];
  for (const reason of r.reasons) {
    if (reason.kind === 'newer-prerequisites' || reason.kind === 'missing-prerequisites') out.push(...reason.paths.map((p) => buildRelative(store, p)));
    if (reason.kind === 'changed-configs') out.push(...reason.configs.map((c) => `include/config/${c.slice('CONFIG_'.length)}`));
  }
  return out.sort();
}

function agreeWithMake(current: string): WhyResult {
  const r = why({ command: current });
  const m = make(current);
  assert.deepEqual(ourNewer(r), m.newer, 'newer prerequisites');
  assert.equal(r.reasons.some((x) => x.kind === 'command-changed' || x.kind === 'no-saved-command'), m.commandChanged, 'command check');
  assert.equal(r.upToDate, m.newer.length === 0 && !m.commandChanged, 'verdict');
  return r;
}

describe('whyRebuild on a real tree', () => {
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'kbuild-why-'));
    build = join(root, 'build');
  });
  after(() => rmSync(root, { recursive: true, force: true }));
  beforeEach(freshTree);

  test('up to date; the command compares after make\'s $(strip)', () => {
    const r = agreeWithMake(`  ${COMMAND.replace(/ /g, '   ')} `);
    assert.deepEqual(r.reasons, []);
    assert.deepEqual(r.unchecked, []);
  });

  test('without a current command, the command check is reported as skipped', () => {
    const r = why();
    assert.equal(r.upToDate, true);
    assert.deepEqual(r.unchecked, ['command']);
  });

  test('touched header', () => {
    touch(join(root, 'include/linux/kernel.h'), T0 + 200);
    const r = agreeWithMake(COMMAND);
    assert.deepEqual(r.reasons, [{ kind: 'newer-prerequisites', paths: [join(root, 'include/linux/kernel.h')] }]);
  });

  test('touched source, newest first', () => {
    touch(join(root, 'include/linux/init.h'), T0 + 200);
    touch(join(root, 'init/main.c'), T0 + 300);
    const r = agreeWithMake(COMMAND);
    assert.deepEqual(r.reasons, [{ kind: 'newer-prerequisites', paths: [join(root, 'init/main.c'), join(root, 'include/linux/init.h')] }]);
  });

  test('deleted header', () => {
    rmSync(join(root, 'include/linux/init.h'));
    const r = agreeWithMake(COMMAND);
    assert.deepEqual(r.reasons, [{ kind: 'missing-prerequisites', paths: [join(root, 'include/linux/init.h')] }]);
  });

  test('changed option: its include/config stamp is newer; a missing stamp is no prerequisite', () => {
    touch(join(build, 'include/config/SMP'), T0 + 200);
    const r = agreeWithMake(COMMAND);
    assert.deepEqual(r.reasons, [{ kind: 'changed-configs', configs: ['CONFIG_SMP'] }]);
  });

  test('changed command, with the words that differ', () => {
    const r = agreeWithMake(COMMAND.replace('-O2', '-O3 -g'));
    assert.deepEqual(r.reasons, [{
      kind: 'command-changed',
      saved: COMMAND,
      current: COMMAND.replace('-O2', '-O3 -g'),
      removed: ['-O2'],
      added: ['-O3', '-g'],
    }]);
  });

  test('no .cmd file: no saved command', () => {
    rmSync(join(build, 'init/.main.o.cmd'));
    const r = agreeWithMake(COMMAND);
    assert.deepEqual(r.reasons, [{ kind: 'no-saved-command' }]);
  });

  test('target missing', () => {
    rmSync(join(build, 'init/main.o'));
    assert.deepEqual(why({ command: COMMAND }).reasons, [{ kind: 'target-missing' }]);
  });

  test('FORCE: a reason only when the recipe is not if_changed', () => {
    assert.deepEqual(why({ prerequisites: ['FORCE'], ifChanged: false }).reasons, [{ kind: 'force' }]);
    assert.deepEqual(why({ prerequisites: ['../init/main.c', 'FORCE'], command: COMMAND }).reasons, []);
  });

  test('prerequisites from the rule are checked like deps', () => {
    write(join(build, 'init/extra.lds'), '', T0 + 200);
    const r = why({ prerequisites: ['init/extra.lds', 'FORCE'], command: COMMAND });
    assert.deepEqual(r.reasons, [{ kind: 'newer-prerequisites', paths: [join(build, 'init/extra.lds')] }]);
  });

  test('pre-5.13 stamp layout: include/config/preempt/count.h for CONFIG_PREEMPT_COUNT', () => {
    const legacy = 'cmd_init/main.o := cc\n\nsource_init/main.o := ../init/main.c\n\ndeps_init/main.o := \\\n'
      + '    $(wildcard include/config/preempt/count.h) \\\n    $(wildcard include/config/smp.h) \\\n\n'
      + 'init/main.o: $(deps_init/main.o)\n\n$(deps_init/main.o):\n';
    write(join(build, 'init/.main.o.cmd'), legacy, T0 + 100);
    write(join(build, 'include/config/preempt/count.h'), '', T0 + 200);
    write(join(build, 'include/config/smp.h'), '', T0);
    assert.deepEqual(why({ command: 'cc' }).reasons, [{ kind: 'changed-configs', configs: ['CONFIG_PREEMPT_COUNT'] }]);
  });

  test("objtool's `X: $(wildcard objtool)` line: a newer objtool rebuilds X, a missing one is no prerequisite", () => {
    const cmd = join(build, 'init/.main.o.cmd');
    const withObjtool = `${cmdText({ target: 'init/main.o', command: COMMAND, source: '../init/main.c', deps: ['../include/linux/kernel.h'] })}\ninit/main.o: $(wildcard ./tools/objtool/objtool)\n`;
    write(cmd, withObjtool, T0 + 100);
    write(join(build, 'tools/objtool/objtool'), 'ELF', T0 + 200);
    const r = agreeWithMake(COMMAND);
    assert.deepEqual(r.reasons, [{ kind: 'newer-prerequisites', paths: [join(build, 'tools/objtool/objtool')] }]);
    rmSync(join(build, 'tools/objtool/objtool'));
    assert.deepEqual(agreeWithMake(COMMAND).reasons, []);
  });

  test('several reasons at once, in Kbuild order', () => {
    touch(join(root, 'include/linux/kernel.h'), T0 + 200);
    touch(join(build, 'include/config/SMP'), T0 + 200);
    rmSync(join(root, 'include/linux/init.h'));
    const r = agreeWithMake('gcc -c');
    assert.deepEqual(r.reasons.map((x) => x.kind), ['newer-prerequisites', 'changed-configs', 'missing-prerequisites', 'command-changed']);
  });
});
