// The command make would run now (kbuild/currentCommand.ts) against the
// saved `cmd_` of every .cmd file of the real tinyconfig build of kernel 6.1,
// which that kernel and this machine's gcc just built: with $(shell) run,
// each computed command must equal the saved one (after make's strip), and
// the targets we cannot compute must be the documented limits — never a
// false "command changed". Then a changed flag (KCFLAGS) must show as one.
import assert from 'node:assert/strict';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { loadCmdStore, whyRebuild } from '../../server/src/cmdfiles';
import { makeStrip } from '../../server/src/cmdfiles/makeValue';
import { createContextSet } from '../../server/src/kbuild/contexts';
import { currentCommand } from '../../server/src/kbuild/currentCommand';
import { createNodeHost } from '../../server/src/lsp/nodeHost';
import { kernelTinyBuild } from '../helpers/kernel';

let build: string | undefined;
try {
  build = kernelTinyBuild();
} catch {
  build = undefined;
}
const skip = build === undefined ? 'no kernel corpus (shared/corpus/kernel.sh tiny)' : false;

/**
 * Targets no directory context computes, each a documented limit
 * (docs/cmdfiles.md): link steps run by scripts/Makefile.vmlinux* (no build
 * context), top-level recipes without if_changed, and files made by a
 * makefile of another directory (generated syscall headers from
 * arch/x86/entry/syscalls, compressed/../voffset.h).
 */
const LIMITS = [
  'arch/x86/boot/voffset.h',
  'arch/x86/include/generated/asm/syscalls_32.h',
  'arch/x86/include/generated/uapi/asm/unistd_32.h',
  'arch/x86/include/generated/uapi/asm/unistd_64.h',
  'arch/x86/include/generated/uapi/asm/unistd_x32.h',
  'modules.builtin',
  'modules.builtin.modinfo',
  'vmlinux',
  'vmlinux.o',
  'vmlinux.symvers',
];

function contextsWith(env: Record<string, string>) {
  const b = build as string;
  const host = createNodeHost({ allowShell: true });
  return { host, contexts: createContextSet({ root: join(b, '..'), host, env, buildDir: basename(b) }) };
}

test('with $(shell) run, the current command of every object equals its saved cmd_', { skip, timeout: 600_000 }, () => {
  const b = build as string;
  const { host, contexts } = contextsWith({ PATH: '/usr/bin:/bin' });
  const store = loadCmdStore({ host, buildDir: b });
  let agree = 0;
  const mismatches: string[] = [];
  const unknown: string[] = [];
  for (const [id, obj] of store.objects) {
    if (obj.command === undefined) continue;
    const target = store.paths.names[id];
    const rel = target.slice(b.length + 1);
    const c = currentCommand({ contexts, host, target, runShell: true });
    if (c.kind === 'unknown') unknown.push(rel);
    else if (makeStrip(c.command) === makeStrip(obj.command)) agree++;
    else mismatches.push(`${rel} (${c.context}, cmd_${c.name})`);
  }
  const total = agree + mismatches.length + unknown.length;
  const share = (100 * agree) / total;
  console.log(`current command = saved cmd_: ${agree} of ${total} (${share.toFixed(1)} %); not computed: ${unknown.length}; different: ${mismatches.length}`);
  assert.deepEqual(mismatches, [], 'a computed command that differs from the saved one is a bug');
  assert.deepEqual(unknown.sort(), [...LIMITS].sort());
  assert.ok(agree > 800, `${agree} objects compared`);
});

test('a changed flag (KCFLAGS) is reported as "command changed", with the word added', { skip, timeout: 300_000 }, () => {
  const b = build as string;
  const { host, contexts } = contextsWith({ PATH: '/usr/bin:/bin', KCFLAGS: '-DKBA_TEST' });
  const store = loadCmdStore({ host, buildDir: b });
  const target = join(b, 'init/main.o');
  const c = currentCommand({ contexts, host, target, runShell: true });
  assert.equal(c.kind, 'command', JSON.stringify(c));
  const why = whyRebuild({ store, host, target, command: c.kind === 'command' ? c.command : undefined });
  const changed = why.reasons.find((r) => r.kind === 'command-changed');
  assert.ok(changed && changed.kind === 'command-changed', JSON.stringify(why.reasons));
  assert.deepEqual(changed.added, ['-DKBA_TEST']);
  assert.deepEqual(changed.removed, []);
});
