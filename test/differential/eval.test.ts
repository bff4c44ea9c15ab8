// Differential tests of the evaluator against GNU make 4.3: each fixture in
// eval/fixtures/NNN-name.mk is copied, with a dump appended (see
// eval/fixtureSpec.ts), into one temporary directory; real make reads it with
// `make -pqr -f NNN-name.mk ARGS GOALS` in a controlled environment (PATH,
// LC_ALL and the fixture's `# env:`), and so do we, with the same inputs.
// Variables (origin file, command line, override, environment: flavor,
// origin, place, raw and expanded value), target and pattern variables,
// targets with prerequisites and recipes, pattern rules, vpath, $(info)
// output and make's warnings and errors must agree. A difference means the
// evaluator is wrong: fix it, never the fixture's expectation.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { evaluateMakefile } from '../../server/src/eval/evaluate';
import { compareEvaluation } from './eval/compare';
import { dumpText, readSpec } from './eval/fixtureSpec';
import { fsHost } from './eval/fsHost';
import { makeRecipeOutput, ourRecipeOutput } from './eval/recipes';
import { runMake } from './eval/runMake';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'eval', 'fixtures');
const files = readdirSync(FIXTURES)
  .filter((f) => /^\d{3}-.+\.mk$/.test(f))
  .sort();
const version = spawnSync('make', ['--version'], { encoding: 'utf8' }).stdout ?? '';
const skip = version.startsWith('GNU Make 4.3') ? false : 'needs GNU Make 4.3 on PATH';

const work = realpathSync(mkdtempSync(join(tmpdir(), 'kbuild-eval-diff-')));
cpSync(FIXTURES, work, { recursive: true });
after(() => rmSync(work, { recursive: true, force: true }));

test('the differential suite has at least 150 fixtures', () => {
  assert.ok(files.length >= 150, `only ${files.length} fixtures`);
});

for (const file of files) {
  test(file, { skip }, () => {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    const spec = readSpec(text);
    writeFileSync(join(work, file), text + dumpText(spec));
    const env: Record<string, string> = { PATH: '/usr/bin:/bin', LC_ALL: 'C', ...spec.env };
    const make = runMake({ cwd: work, file, spec, env });
    const { host, stderr } = fsHost(env);
    const ours = evaluateMakefile({
      entry: file,
      cwd: work,
      host,
      commandLine: spec.vars,
      env,
      goals: spec.goals,
      includeDirs: spec.includeDirs,
      flags: 'pqr' + spec.flags,
    });
    const diffs = compareEvaluation({ ev: ours, make, shellStderr: stderr });
    if (spec.recipes.length > 0) {
      const theirs = makeRecipeOutput({ cwd: work, file, spec, env });
      const mine = ourRecipeOutput({ cwd: work, file, spec, env, host });
      if (theirs !== mine) diffs.push(`recipe output: make ${JSON.stringify(theirs)} ≠ ours ${JSON.stringify(mine)}`);
    }
    if (diffs.length > 0) assert.fail(`${file}: evaluator differs from GNU make 4.3:\n  ${diffs.join('\n  ')}`);
  });
}
