// The CLI on the real tinyconfig build, the way a kernel developer types it.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { kernelTinyBuild } from '../helpers/kernel';

const cli = resolve(__dirname, '../../dist/cli.js');

test('rdeps takes a source-tree path for an O= build (include/linux/kernel.h)', () => {
  const build = kernelTinyBuild();
  const out = spawnSync('node', [cli, 'rdeps', 'include/linux/kernel.h', '--build', build], { encoding: 'utf8', cwd: '/' });
  assert.equal(out.status, 0, out.stderr);
  const objects = out.stdout.trim().split('\n');
  const count = Number(execFileSync('bash', ['-c', `grep -lE '^ +[.][.]/include/linux/kernel[.]h' $(find ${build} -name '.*.cmd') | wc -l`], { encoding: 'utf8' }));
  assert.equal(objects.length, count);
  assert.ok(objects.includes('kernel/sysctl.o'));
});
