// The store copies runs of deps_ lines from files read just before (see
// server/src/cmdfiles/entries.ts). Whatever it copies, each file must come
// out as the plain reader reads it alone: generated files shaped like
// fixdep's (headers in a few shared orders, each followed by the CONFIG
// lines not listed yet in that object) with the perturbations that break
// runs: missing and extra lines, lines of equal length that differ, a
// header listed twice, lines with two entries or a bad entry, CRLF.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { configsOf, depsOf, loadCmdStore, parseCmdFile, updateCmdFile } from '../../../server/src/cmdfiles';
import { resolvePath } from '../../../server/src/cmdfiles/paths';
import { mulberry32 } from '../../fixtures/random';
import { memoryHost } from './memoryHost';

const B = '/k/build';

// Equal lengths on purpose: only a compare of the characters tells these lines apart.
const HEADERS = Array.from({ length: 40 }, (_, i) => `../include/linux/h${String.fromCharCode(97 + (i % 26))}${i < 26 ? 'x' : 'y'}.h`);
const CONFIGS = Array.from({ length: 30 }, (_, i) => `CFG_${String.fromCharCode(65 + (i % 26))}${i < 26 ? 'A' : 'B'}`);

function generatedFile(random: () => number, target: string, orders: number[][]): string {
  const pick = (n: number): number => Math.floor(random() * n);
  const order = [...orders[pick(orders.length)]];
  // Perturb the shared order: drop, add and swap headers.
  for (let k = pick(4); k > 0; k--) order.splice(pick(order.length), 1);
  for (let k = pick(4); k > 0; k--) order.splice(pick(order.length + 1), 0, pick(HEADERS.length));
  if (random() < 0.3 && order.length > 1) {
    const i = pick(order.length - 1);
    [order[i], order[i + 1]] = [order[i + 1], order[i]];
  }
  const listed = new Set<number>();
  const lines: string[] = [];
  for (const h of order) {
    lines.push(`  ${HEADERS[h]}`);
    // fixdep lists a CONFIG option under the first header that tests it.
    for (const c of [h % CONFIGS.length, (h * 7) % CONFIGS.length, (h * 13 + 5) % CONFIGS.length]) {
      if (listed.has(c)) continue;
      listed.add(c);
      lines.push(`    $(wildcard include/config/${CONFIGS[c]})`);
    }
    const odd = random();
    if (odd < 0.02) lines.push(`  ${HEADERS[pick(HEADERS.length)]} ${HEADERS[pick(HEADERS.length)]}`);
    else if (odd < 0.03) lines.push('  $(bogus)');
  }
  const eol = random() < 0.05 ? '\r\n' : '\n';
  const deps = lines.map((l) => `${l} \\${eol}`).join('');
  return `cmd_${target} := gcc -c -o ${target}${eol}${eol}deps_${target} := \\${eol}${deps}${eol}${target}: $(deps_${target})${eol}${eol}$(deps_${target}):${eol}`;
}

function generatedTree(seed: number, count: number): Record<string, string> {
  const random = mulberry32(seed);
  const orders = Array.from({ length: 3 }, () => Array.from({ length: 25 }, () => Math.floor(random() * HEADERS.length)));
  const files: Record<string, string> = {};
  for (let f = 0; f < count; f++) files[`${B}/d${f % 7}/.o${f}.o.cmd`] = generatedFile(random, `d${f % 7}/o${f}.o`, orders);
  return files;
}

/** Each file of `files` as the plain reader reads it alone, against the store's object. */
function assertAsReadAlone(store: ReturnType<typeof loadCmdStore>, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    const alone = parseCmdFile(text);
    const target = alone.target!;
    assert.deepEqual(depsOf(store, target), alone.deps.map((d) => resolvePath(B, d)), path);
    assert.deepEqual(configsOf(store, target), alone.configs, path);
    assert.deepEqual(store.diagnostics.get(path)?.map((d) => `${d.line}: ${d.message}`) ?? [], alone.diagnostics.map((d) => `${d.line}: ${d.message}`), path);
  }
}

describe('runs of lines copied from earlier files', () => {
  for (const seed of [1, 2, 3]) {
    test(`seed ${seed}: 400 generated files, each as read alone`, () => {
      const files = generatedTree(seed, 400);
      const store = loadCmdStore({ host: memoryHost(files), buildDir: B });
      assert.equal(store.objects.size, 400);
      assertAsReadAlone(store, files);
    });
  }

  test('rewritten one by one after the load, each still as read alone', () => {
    const files = generatedTree(4, 120);
    const host = memoryHost(files);
    const store = loadCmdStore({ host, buildDir: B });
    const rewritten = generatedTree(5, 120);
    for (const [path, text] of Object.entries(rewritten)) {
      host.files.set(path, text);
      updateCmdFile({ store, host, cmdFile: path });
    }
    assertAsReadAlone(store, rewritten);
  });
});
