// The .cmd index on the real tinyconfig build of kernel 6.1, checked against
// counts taken independently with find/grep/awk/sed/realpath over the same
// files: objects with deps, distinct dependency paths, the exact objects that
// depend on include/linux/kernel.h and on one CONFIG symbol.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import {
  buildRelative,
  loadCmdStore,
  objectsForConfig,
  rebuiltBy,
  storeStats,
  updateCmdFile,
  whyRebuild,
} from '../../server/src/cmdfiles';
import { createNodeHost } from '../../server/src/lsp/nodeHost';
import { kernelTinyBuild } from '../helpers/kernel';

/** Runs a pipeline in the build dir; `CMDS` is the list of .cmd files, NUL separated. */
function sh(build: string, pipeline: string): string {
  const script = `find . -name '.*.cmd' -type f -print0 > "$TMPDIR_CMDS"; ${pipeline}`;
  const tmp = execFileSync('mktemp', { encoding: 'utf8' }).trim();
  try {
    return execFileSync('bash', ['-o', 'pipefail', '-c', script], { cwd: build, encoding: 'utf8', env: { ...process.env, TMPDIR_CMDS: tmp }, maxBuffer: 64 << 20 }).trim();
  } finally {
    execFileSync('rm', ['-f', tmp]);
  }
}

const files = 'xargs -0 -a "$TMPDIR_CMDS"';
/** Target named by each file's cmd_/savedcmd_ line, for files read from stdin. */
const targetsOf = `xargs -r sed -n 's/^\\(saved\\)\\{0,1\\}cmd_\\([^ ]*\\) := .*/\\2/p' | xargs -r realpath -m -s --relative-to=. | sort`;

test('the index of the tinyconfig build agrees with shell counts', () => {
  const build = kernelTinyBuild();
  const host = createNodeHost();
  const store = loadCmdStore({ host, buildDir: build });
  const stats = storeStats(store);

  const cmdFiles = Number(sh(build, `tr -cd '\\0' < "$TMPDIR_CMDS" | wc -c`));
  const withDeps = Number(sh(build, `${files} grep -l '^deps_' | wc -l`));
  // File entries of every deps_ block: lines after `deps_X := \` up to the blank line, minus $(wildcard).
  const depPaths = Number(sh(build, `${files} awk '/^deps_/ {d=1; next} /^$/ {d=0} d && !/wildcard/ {print $1}' | sort -u | xargs realpath -m -s | sort -u | wc -l`));
  const depEntries = Number(sh(build, `${files} awk '/^deps_/ {d=1; next} /^$/ {d=0} d && !/wildcard/' | wc -l`));
  const configEntries = Number(sh(build, `${files} cat | grep -c '^ *\\$(wildcard include/config/'`));
  const kernelH = sh(build, `${files} grep -l '^  \\.\\./include/linux/kernel\\.h \\\\$' | ${targetsOf}`).split('\n');
  const bpf = sh(build, `${files} grep -l '$(wildcard include/config/BPF)' | ${targetsOf}`).split('\n');

  console.log(`tinyconfig: ${stats.cmdFiles} .cmd files (shell ${cmdFiles}), ${stats.objectsWithDeps} with deps (shell ${withDeps}), `
    + `${stats.depPaths} distinct dependency paths (shell ${depPaths}), ${stats.depEntries} dep entries (shell ${depEntries}), `
    + `${stats.configEntries} CONFIG entries (shell ${configEntries}), ${stats.configs} distinct CONFIG symbols, `
    + `kernel.h → ${kernelH.length} objects, CONFIG_BPF → ${bpf.length} objects, ${stats.filesWithDiagnostics} files with diagnostics`);

  assert.equal(stats.cmdFiles, cmdFiles);
  assert.equal(stats.objects, cmdFiles);
  assert.equal(stats.objectsWithDeps, withDeps);
  assert.equal(stats.depPaths, depPaths);
  assert.equal(stats.depEntries, depEntries);
  assert.equal(stats.configEntries, configEntries);
  assert.equal(stats.filesWithDiagnostics, 0, JSON.stringify([...store.diagnostics].slice(0, 3)));
  assert.ok(kernelH.length > 100 && bpf.length >= 3 && bpf.length < 20, 'the chosen examples are what they were picked for');
  const src = `${build}/..`;
  assert.deepEqual(rebuiltBy(store, `${src}/include/linux/kernel.h`).map((o) => buildRelative(store, o)), kernelH);
  assert.deepEqual(objectsForConfig(store, 'CONFIG_BPF').map((o) => buildRelative(store, o)), bpf);
});

test('re-reading every .cmd file one by one leaves the same index', () => {
  const build = kernelTinyBuild();
  const host = createNodeHost();
  const fresh = loadCmdStore({ host, buildDir: build });
  const updated = loadCmdStore({ host, buildDir: build });
  for (const file of [...updated.byCmdFile.keys()].reverse()) updateCmdFile({ store: updated, host, cmdFile: file });
  assert.deepEqual(storeStats(updated), storeStats(fresh));
  for (const path of ['include/linux/kernel.h', 'include/linux/types.h', 'init/main.c', 'arch/x86/include/asm/page.h']) {
    assert.deepEqual(rebuiltBy(updated, `${build}/../${path}`), rebuiltBy(fresh, `${build}/../${path}`), path);
  }
  for (const config of ['CONFIG_SMP', 'CONFIG_BPF', 'CONFIG_PRINTK']) {
    assert.deepEqual(objectsForConfig(updated, config), objectsForConfig(fresh, config), config);
  }
});

test('why on every object of the finished build', () => {
  const build = kernelTinyBuild();
  const host = createNodeHost();
  const store = loadCmdStore({ host, buildDir: build });
  const kinds = new Map<string, number>();
  let upToDate = 0;
  for (const obj of store.objects.values()) {
    const r = whyRebuild({ store, host, target: store.paths.names[obj.target] });
    if (r.upToDate) upToDate++;
    for (const reason of r.reasons) kinds.set(reason.kind, (kinds.get(reason.kind) ?? 0) + 1);
  }
  console.log(`why: ${upToDate} of ${store.objects.size} objects up to date by .cmd + mtimes; reasons: ${JSON.stringify(Object.fromEntries(kinds))}`);
  // Every object's saved command exists, so an unchecked command is the only gap.
  assert.equal(kinds.get('no-saved-command') ?? 0, 0);
});
