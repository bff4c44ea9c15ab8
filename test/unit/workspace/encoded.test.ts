// The compact form of occurrences kept in the index snapshot gives back
// exactly the occurrences it was made from, and a restored file joins the
// name indexes as the parsed file does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMakefile } from '../../../server/src/syntax/reader';
import { decodeOccurrences, encodeOccurrences, reencode, StringTable } from '../../../server/src/workspace/encoded';
import { collectOccurrences, type Occurrence } from '../../../server/src/workspace/occurrences';
import { createWorkspace, encodeFile, prepareFile, restoredFile, setFileText, addFile } from '../../../server/src/workspace/workspace';

const TEXT = [
  'obj-$(CONFIG_X) += a.o b/',
  'foo-objs := x.o',
  'define long',
  'v = $(call if_changed,ld)',
  'endef',
  '$(obj)/a.o: $(src)/a.c FORCE',
  '\t$(call if_changed_rule,cc_o_c)',
  '\t$(Q)$(MAKE) $(build)=sub',
  'include $(srctree)/scripts/Kbuild.include',
  'ifdef CONFIG_Y',
  'export KBUILD_CFLAGS',
  'endif',
  '',
].join('\n');

test('decode(encode(occurrences)) is the occurrences, absent fields and empty alias lists included', () => {
  const occs: Occurrence[] = [
    ...collectOccurrences(parseMakefile(TEXT, '/t/Makefile')),
    { kind: 'varRef', name: 'x', aliases: [], span: { start: 1, end: 2 }, stmtSpan: { start: 0, end: 3 }, detail: '' },
  ];
  assert.ok(occs.some((o) => o.aliases && o.aliases.length > 1) && occs.some((o) => o.value !== undefined) && occs.some((o) => o.owner !== undefined));
  const table = new StringTable();
  const data = encodeOccurrences(occs, table);
  assert.deepEqual(decodeOccurrences({ data, strings: table.strings }), occs);

  const other = new StringTable();
  other.id('something else first');
  assert.deepEqual(decodeOccurrences({ data: reencode({ data, strings: table.strings }, other), strings: other.strings }), occs);
});

test('a restored file answers like the parsed one: occurrences, name indexes, syntax tree', () => {
  const parsed = createWorkspace({ root: '/t' });
  setFileText(parsed, '/t/Makefile', TEXT);
  const table = new StringTable();
  const data = encodeFile(prepareFile('/t/Makefile', TEXT), table);

  const restored = createWorkspace({ root: '/t' });
  const file = addFile(restored, restoredFile('/t/Makefile', TEXT, { data, strings: table.strings }));
  const lists = (ws: typeof parsed) => [ws.defs, ws.refs, ws.targets, ws.prereqs].map((m) => [...m].map(([name, list]) => [name, list.map((e) => [e.file, e.occ])]));
  assert.deepEqual(lists(restored), lists(parsed));
  assert.deepEqual(file.occurrences, parsed.files.get('/t/Makefile')?.occurrences);
  assert.equal(file.parse.stmts.length, parseMakefile(TEXT, '/t/Makefile').stmts.length);
  // The index entries of a restored file hand out the file's own occurrence objects.
  assert.equal(restored.defs.get('foo-objs')?.[0].occ, file.occurrences.find((o) => o.name === 'foo-objs'));
});
