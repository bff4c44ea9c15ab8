// The index snapshot (lsp/indexSnapshot.ts): a run with a snapshot gives the
// workspace a run without one gives, whatever changed in between; unchanged
// trees are not read again; entries changed just before a run are not kept.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createIgnoreFilter } from '../../server/src/lsp/discovery';
import { indexTree } from '../../server/src/lsp/indexing';
import { loadSnapshot, snapshotPlace, type SnapshotPlace } from '../../server/src/lsp/indexSnapshot';
import { createWorkspace, type Workspace } from '../../server/src/workspace/workspace';
import { ageTree as age, removeTree, writeTree } from './harness';

/** Everything answers depend on: files and texts in order, every occurrence, every name index list in order. */
function fullShape(ws: Workspace): unknown {
  const index = (m: Workspace['defs']) => [...m].map(([name, list]) => [name, list.map((e) => [e.file, e.occ])]);
  return {
    files: [...ws.files.values()].map((f) => [f.path, f.text, f.occurrences]),
    indexes: [ws.defs, ws.refs, ws.targets, ws.prereqs].map(index),
  };
}

const tree: Record<string, string> = {
  Makefile: 'FOO := 1\nall: sub/built.o\ninclude scripts/Kbuild.include\n',
  'scripts/Kbuild.include': 'helper = $(1)\nFOO += 2\n',
  'a/Makefile': 'obj-$(CONFIG_A) += a.o\nFOO = a\n',
  'b/Kbuild': 'obj-y += b.o\n',
  'gone/Makefile': 'GONE = 1\n',
  'tools/perf/Build': 'perf-y += builtin.o\n',
  'ignored/Makefile': 'FOO = ignored\n',
  // Kept apart in the snapshot: characters outside Latin-1, and Latin-1 ones.
  'u/Makefile': '# naïve — ✓\nU := ü\n',
  'v/Makefile': '# café\nV := é\n',
};
for (let i = 0; i < 40; i++) tree[`d${i % 4}/s${i}/Makefile`] = `V${i % 3} := ${i}\nt${i}: V${i % 3}\n`;

describe('index snapshot', () => {
  const storage = mkdtempSync(join(tmpdir(), 'kbuild-snapshot-'));
  const roots: string[] = [];
  after(() => [storage, ...roots].forEach(removeTree));

  const setup = async (): Promise<{ root: string; place: SnapshotPlace; run: () => Promise<{ ws: Workspace; saved: boolean }> }> => {
    const root = writeTree(tree);
    roots.push(root);
    const isIgnored = await createIgnoreFilter({ root, exclude: ['ignored/**'] });
    const place = snapshotPlace(storage, root, isIgnored) as SnapshotPlace;
    const run = async () => {
      const ws = createWorkspace({ root });
      let saved = false;
      await indexTree({ ws, root, isIgnored, snapshot: place, onSnapshotSaved: () => (saved = true) });
      await new Promise((resolve) => setImmediate(resolve)); // the save runs right after the run
      return { ws, saved };
    };
    return { root, place, run };
  };
  const withoutSnapshot = async (root: string) => {
    const ws = createWorkspace({ root });
    await indexTree({ ws, root, isIgnored: await createIgnoreFilter({ root, exclude: ['ignored/**'] }) });
    return ws;
  };

  test('a run on an unchanged tree restores the same workspace and reads nothing', async () => {
    const { root, run } = await setup();
    age(root);
    const first = await run();
    assert.ok(first.saved, 'the first run writes the snapshot');
    const second = await run();
    assert.equal(second.saved, false, 'nothing read, nothing to write');
    assert.deepEqual(fullShape(second.ws), fullShape(first.ws));
    assert.deepEqual(fullShape(second.ws), fullShape(await withoutSnapshot(root)));
  });

  test('sees edited, added and deleted files and directories', async () => {
    const { root, run } = await setup();
    age(root);
    await run();
    writeFileSync(join(root, 'a/Makefile'), 'obj-$(CONFIG_A) += a.o c.o\nFOO = edited\n');
    writeFileSync(join(root, 'b/Makefile'), 'NEW_IN_OLD_DIR = 1\n');
    mkdirSync(join(root, 'new/deep'), { recursive: true });
    writeFileSync(join(root, 'new/deep/Kbuild'), 'obj-y += n.o\n');
    rmSync(join(root, 'gone'), { recursive: true });
    rmSync(join(root, 'd1/s1/Makefile'));
    const second = await run();
    assert.ok(second.saved, 'what was read again is kept for the next run');
    const expected = await withoutSnapshot(root);
    assert.deepEqual(fullShape(second.ws), fullShape(expected));
    assert.ok(second.ws.defs.has('NEW_IN_OLD_DIR') && second.ws.files.has(join(root, 'new/deep/Kbuild')) && !second.ws.defs.has('GONE'));
    assert.deepEqual(fullShape((await run()).ws), fullShape(expected));
  });

  test('keeps nothing changed within two seconds before the run', async () => {
    const { root, place, run } = await setup();
    age(root);
    utimesSync(join(root, 'a/Makefile'), new Date(), new Date());
    await run();
    const kept = loadSnapshot(place);
    assert.ok(kept && kept.files.size > 0);
    assert.ok(!kept.files.has(join(root, 'a/Makefile')) && kept.files.has(join(root, 'b/Kbuild')));
  });

  test('snapshots neither written nor used for 30 days are deleted when one is written', async () => {
    const { place, run, root } = await setup();
    const dir = join(place.file, '..');
    mkdirSync(dir, { recursive: true });
    const day = 24 * 3600;
    const aged = (name: string, days: number) => {
      writeFileSync(join(dir, name), 'x');
      utimesSync(join(dir, name), Date.now() / 1000 - days * day, Date.now() / 1000 - days * day);
      return join(dir, name);
    };
    const old = aged('old.v8', 40);
    const recent = aged('recent.v8', 20);
    age(root);
    await run();
    assert.ok(!existsSync(old) && existsSync(recent) && existsSync(place.file));
    // A run that only used this folder's snapshot marks it as used.
    utimesSync(place.file, Date.now() / 1000 - 20 * day, Date.now() / 1000 - 20 * day);
    assert.equal((await run()).saved, false);
    assert.ok(Date.now() - statSync(place.file).mtimeMs < 60_000);
  });

  test('a damaged snapshot, or one for another filter, is not used', async () => {
    const { root, place, run } = await setup();
    age(root);
    await run();
    const other = snapshotPlace(storage, root, await createIgnoreFilter({ root, exclude: [] })) as SnapshotPlace;
    assert.equal(other.file, place.file);
    assert.equal(loadSnapshot(other), undefined);
    writeFileSync(place.file, 'not a snapshot');
    assert.equal(loadSnapshot(place), undefined);
    const again = await run();
    assert.ok(again.saved);
    assert.deepEqual(fullShape(again.ws), fullShape(await withoutSnapshot(root)));
  });
});
