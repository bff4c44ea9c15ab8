// The kernel's top Makefile (Linux 6.1, tinyconfig build dir of the shared
// corpus) read by GNU make (`make -pq`) and by us, with $(shell) allowed on
// both sides: every variable of origin file, command line, override or
// environment must agree (flavor, origin, place, raw value), and so must
// make's messages. Targets are left out: make -q also remakes the included
// config files and renames prerequisites found through VPATH, which reading
// alone does not do. Skipped when the corpus has not been built.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { evaluateMakefile } from '../../../server/src/eval/evaluate';
import { parseMakeDatabase } from '../../../server/src/eval/makeDatabase';
import { compareEvaluation } from './compare';
import { fsHost } from './fsHost';

const build = join(process.env.KBUILD_CORPUS ?? join(homedir(), '.cache/kbuild-corpus'), 'linux-6.1/build-tiny');
const skip = existsSync(join(build, '.build-ok')) ? false : 'kernel corpus not built (test/helpers/kernel.ts)';

test('kernel top Makefile: variables and messages agree with make -pq', { skip }, () => {
  const env = { PATH: '/usr/bin:/bin', LC_ALL: 'C', HOME: homedir() };
  const r = spawnSync('make', ['-pq'], { cwd: build, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const out = r.stdout ?? '';
  const at = out.startsWith('# GNU Make') ? 0 : out.indexOf('\n# GNU Make ') + 1;
  const make = { info: out.slice(0, at).split('\n').filter(Boolean), dump: null, db: parseMakeDatabase(out.slice(at)), stderr: (r.stderr ?? '').split('\n').filter(Boolean), status: r.status };
  const { host, stderr } = fsHost(env);
  const ours = evaluateMakefile({ entry: 'Makefile', cwd: build, host, env, flags: 'pq' });
  assert.equal(ours.stopped, null);
  const diffs = compareEvaluation({ ev: ours, make, shellStderr: stderr }).filter((d) => !d.startsWith('target '));
  assert.deepEqual(diffs, []);
  assert.ok(ours.variables.size > 600);
});
