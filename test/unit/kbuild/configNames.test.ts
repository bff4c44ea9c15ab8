// configNameCandidates: the names `obj-$(CONFIG_X)` may stand for, on its
// direct path (one CONFIG reference) and its general one (several).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configNameCandidates } from '../../../server/src/kbuild/indirections';

test('one CONFIG reference: y, m and empty, in that order', () => {
  assert.deepEqual(configNameCandidates('obj-$(CONFIG_SMP)'), ['obj-y', 'obj-m', 'obj-']);
  assert.deepEqual(configNameCandidates('lib-$(CONFIG_X86_64)-objs'), ['lib-y-objs', 'lib-m-objs', 'lib--objs']);
});

test('several CONFIG references: every combination', () => {
  assert.deepEqual(configNameCandidates('$(CONFIG_A)-$(CONFIG_B)'), ['y-y', 'y-m', 'y-', 'm-y', 'm-m', 'm-', '-y', '-m', '-']);
});

test('another reference, or none: nothing to offer', () => {
  assert.deepEqual(configNameCandidates('obj-$(CONFIG_X)$(SUFFIX)'), []);
  assert.deepEqual(configNameCandidates('$(PREFIX)-$(CONFIG_X)'), []);
  assert.deepEqual(configNameCandidates('obj-$(CONFIG_)'), []);
  assert.deepEqual(configNameCandidates('obj-y'), []);
});
