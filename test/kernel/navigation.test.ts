// Go-to-definition on the real kernel 6.1 tree, the cases a kernel developer hits first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { definition, hover, references } from '../../server/src/ide';
import { join, kernelWorkspace, offsetOf } from '../helpers/kernel';

function lineOf(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? undefined : end);
}

test('Makefile.modfinal: if_changed_except and ld_ko_o land on their definitions', async () => {
  const { src, ws } = await kernelWorkspace();
  const file = join(src, 'scripts/Makefile.modfinal');
  const text = ws.files.get(file)!.text;
  const call = '$(call if_changed_except,ld_ko_o,vmlinux)';
  const helper = definition(ws, { file, offset: offsetOf(text, call, '$(call '.length + 2) });
  assert.equal(helper.length, 1, JSON.stringify(helper));
  // 6.1 defines if_changed_except in Makefile.modfinal itself, not in Kbuild.include.
  assert.equal(helper[0].file, file);
  const helperText = ws.files.get(helper[0].file)!.text;
  assert.match(lineOf(helperText, helper[0].span.start), /^if_changed_except\s*=/);

  const cmd = definition(ws, { file, offset: offsetOf(text, call, '$(call if_changed_except,'.length + 1) });
  const cmdLines = cmd.map((d) => `${d.file.slice(src.length + 1)}: ${lineOf(ws.files.get(d.file)!.text, d.span.start)}`);
  assert.ok(cmdLines.some((l) => /^scripts\/Makefile\.modfinal: +cmd_ld_ko_o +[+:]?=/.test(l)), cmdLines.join('\n'));
});

test('tools/perf/Makefile.perf: prepare in $(PERF_IN): prepare FORCE lands on the prepare: rule', async () => {
  const { src, ws } = await kernelWorkspace();
  const file = join(src, 'tools/perf/Makefile.perf');
  const text = ws.files.get(file)!.text;
  const defs = definition(ws, { file, offset: offsetOf(text, '$(PERF_IN): prepare FORCE', '$(PERF_IN): '.length + 1) });
  assert.ok(defs.length >= 1);
  for (const d of defs) {
    assert.equal(d.file, file);
    assert.match(lineOf(text, d.span.start), /^prepare:/);
  }
});

test('KBUILD_CFLAGS referenced in scripts/Makefile.build lands on the top Makefile', async () => {
  const { src, ws } = await kernelWorkspace();
  const file = join(src, 'scripts/Makefile.build');
  const text = ws.files.get(file)!.text;
  const defs = definition(ws, { file, offset: offsetOf(text, '$(KBUILD_CFLAGS)', 3) });
  const top = defs.filter((d) => d.file === join(src, 'Makefile'));
  assert.ok(top.length >= 3, `top Makefile definitions: ${top.length} of ${defs.length}`);
  for (const d of top) assert.match(lineOf(ws.files.get(d.file)!.text, d.span.start), /KBUILD_CFLAGS\s*[+:]?=/);
});

test('references of cmd_ld_ko_o include its use through if_changed_except', async () => {
  const { src, ws } = await kernelWorkspace();
  const file = join(src, 'scripts/Makefile.modfinal');
  const text = ws.files.get(file)!.text;
  const refs = references(ws, { file, offset: offsetOf(text, 'cmd_ld_ko_o', 2), includeDeclaration: true });
  assert.ok(refs.some((r) => text.slice(r.span.start, r.span.end) === 'ld_ko_o'), JSON.stringify(refs));
});

test('hover on a cc-option call in arch/x86/Makefile shows the chain down to the compiler command', async () => {
  const { src, ws } = await kernelWorkspace();
  const file = join(src, 'arch/x86/Makefile');
  const text = ws.files.get(file)!.text;
  const h = hover(ws, { file, offset: offsetOf(text, '$(call cc-option,-mindirect-branch-cs-prefix)', 10) });
  assert.ok(h, 'hover answers');
  assert.match(h.contents, /\*\*cc-option\*\* \(scripts\/Makefile\.compiler:\d+\)/);
  assert.match(h.contents, /\*\*__cc-option\*\*/);
  assert.match(h.contents, /\*\*try-run\*\*/);
  assert.match(h.contents, /Runs the compiler: `\$\(CC\) -Werror +\$\(KBUILD_CPPFLAGS\) \$\(KBUILD_CFLAGS\) -mindirect-branch-cs-prefix -c -x c \/dev\/null -o "\$\$TMP"`/);
});
