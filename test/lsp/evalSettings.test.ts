// The evaluation settings reach the build contexts: `arch` is given to the
// top Makefile as make's ARCH=, and `limits.evaluationSteps` bounds an
// evaluation (it stops with the state read so far, never hangs).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { EVALUATED_VARIABLES_REQUEST, type EvaluatedVariablesResult } from '../../server/src/protocol/contexts';
import { removeTree, uriOf, writeTree, type TestClient } from './harness';
import { openFile, startOn } from './evalFixture';

const DIGITS = '0 1 2 3 4 5 6 7 8 9';
const MAKEFILE = [
  'VERSION = 6',
  'SRCARCH := $(ARCH)',
  `BIG := $(foreach a,${DIGITS},$(foreach b,${DIGITS},$(foreach c,${DIGITS},$(foreach d,${DIGITS},$(a)$(b)$(c)$(d)))))`,
  'AFTER := read',
  'all:',
  '',
].join('\n');

describe('evaluation settings over stdio', { timeout: 60_000 }, () => {
  const root = writeTree({ Makefile: MAKEFILE, 'scripts/Makefile.build': '' });
  const clients: TestClient[] = [];

  after(() => {
    for (const c of clients) c.child.kill();
    removeTree(root);
  });

  async function variables(settings: unknown): Promise<Map<string, { value: string; origin: string }>> {
    const client = await startOn(root, { exclude: [], trusted: false, settings });
    clients.push(client);
    const path = join(root, 'Makefile');
    await openFile(client, path);
    const r: EvaluatedVariablesResult | null = await client.connection.sendRequest(EVALUATED_VARIABLES_REQUEST, { uri: uriOf(path) });
    assert.ok(r);
    return new Map(r.rows.map((row) => [row.name, row]));
  }

  test('arch: ARCH on the command line of the top context', async () => {
    const vars = await variables({ arch: 'arm64' });
    assert.deepEqual([vars.get('ARCH')?.value, vars.get('ARCH')?.origin], ['arm64', 'command line']);
    assert.equal(vars.get('SRCARCH')?.value, 'arm64');
  });

  test('limits.evaluationSteps: a small bound stops the evaluation at the expensive line', async () => {
    const unbounded = await variables({});
    assert.equal(unbounded.get('AFTER')?.value, 'read');
    assert.equal(unbounded.get('BIG')?.value.split(' ').length, 10_000);
    const bounded = await variables({ limits: { evaluationSteps: 10_000 } });
    assert.equal(bounded.get('AFTER'), undefined, 'reading stopped before AFTER');
    assert.equal(bounded.get('SRCARCH')?.origin, 'file', 'what was read before stays');
  });
});
