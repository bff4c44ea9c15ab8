// The one settings schema (server/src/protocol/settings.ts) and what is
// generated from it: package.json's contributes.configuration and
// untrustedWorkspaces, the README table (scripts/sync-settings.ts). Plus
// readSettings/applyTrust on what a client may send.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, untrustedWorkspaces, withTable } from '../../scripts/sync-settings';
import { SETTINGS, applyTrust, defaultSettings, manifestConfiguration, readSettings, restrictedSettings } from '../../server/src/protocol/settings';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { configuration: unknown };
  capabilities: { untrustedWorkspaces: unknown };
};
const SYNC = 'run `node --import tsx scripts/sync-settings.ts`';

test('package.json contributes.configuration is the schema, key for key', () => {
  assert.deepEqual(manifest.contributes.configuration, manifestConfiguration(), SYNC);
});

test('package.json declares limited untrusted support with exactly the restricted settings', () => {
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces, untrustedWorkspaces(), SYNC);
  const restricted = restrictedSettings();
  for (const key of ['shell.enable', 'profile.make', 'profile.makeArgs', 'profile.bash']) assert.ok(restricted.includes(`kbuild-analyzer.${key}`), key);
  for (const key of ['exclude', 'buildDirectory', 'diagnostics.severity']) assert.ok(!restricted.includes(`kbuild-analyzer.${key}`), key);
});

test('the README settings table is the generated one', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  assert.equal(withTable(readme), readme, SYNC);
});

test('the schema holds the settings the issue asks for', () => {
  for (const key of ['buildDirectory', 'exclude', 'shell.enable', 'shell.timeoutMs', 'diagnostics.severity', 'trace.server']) {
    assert.ok(key in SETTINGS, key);
  }
});

test('readSettings takes nested and flat shapes and falls back to defaults on bad values', () => {
  const nested = readSettings({ shell: { enable: true }, exclude: ['build-*/**', 7], trace: { server: 'loud' } });
  assert.equal(nested.shell.enable, true);
  assert.deepEqual(nested.exclude, ['build-*/**']);
  assert.equal(nested.trace.server, 'off');
  const flat = readSettings({ 'shell.enable': 'yes', 'profile.makeArgs': ['-j8'], 'diagnostics.severity': { 'undefined-variable': 'off', x: 'loud' } });
  assert.equal(flat.shell.enable, false);
  assert.deepEqual(flat.profile.makeArgs, ['-j8']);
  assert.deepEqual(flat.diagnostics.severity, { 'undefined-variable': 'off' });
  assert.deepEqual(readSettings(null), defaultSettings());
});

test('applyTrust resets the restricted settings only, and only when untrusted', () => {
  const chosen = readSettings({ shell: { enable: true }, profile: { make: '/opt/make', makeArgs: ['-j8'], bash: '/bin/bash' }, buildDirectory: 'build' });
  const untrusted = applyTrust(chosen, false);
  assert.equal(untrusted.shell.enable, false);
  assert.deepEqual(untrusted.profile, defaultSettings().profile);
  assert.equal(untrusted.buildDirectory, 'build');
  assert.deepEqual(applyTrust(chosen, true), chosen);
});
