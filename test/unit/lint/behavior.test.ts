// What the fixture markers do not show: related locations, quick-fix edits
// applied to the text, severity overrides and the ignore list, evaluated
// values through the hook, code actions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintFile, type EvaluatedValues, type TextEdit } from '../../../server/src/analysis/lint';
import { allDiagnostics, lintCodeActions, lintDiagnostics, lintSource } from '../../../server/src/ide/lint';
import { lineOf, loadTree, shellParser } from './harness';

function apply(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

const PERF = `
//- /tools/scripts/Makefile.include
OUTPUT := $(O)/
INSTALL = install
//- /tools/perf/Makefile.perf
include ../scripts/Makefile.include
VPATH += $(OUTPUT)
SCRIPTS = $(patsubst %.sh,%,perf-archive.sh)

$(SCRIPTS) : % : %.sh
	$(QUIET_GEN)$(INSTALL) '$@.sh' '$(OUTPUT)$@'
`;

test('output-prefix-target: names the VPATH line and the write; the fix prefixes target and pattern', async () => {
  const f = loadTree(PERF);
  const file = '/w/tools/perf/Makefile.perf';
  const text = f.texts.get(file) as string;
  const [d] = lintFile({ src: lintSource(f.ws), file, parser: await shellParser() });
  assert.equal(d.code, 'output-prefix-target');
  assert.equal(d.severity, 'warning');
  assert.deepEqual(
    d.related.map((r) => `${lineOf(text, r.span.start)}: ${text.slice(r.span.start, r.span.end)}`),
    ['6: $(OUTPUT)$@', '2: VPATH += $(OUTPUT)'],
  );
  assert.equal(
    apply(text, d.fixes[0].edits).split('\n').slice(4, 6).join('\n'),
    "$(addprefix $(OUTPUT),$(SCRIPTS)) : $(OUTPUT)% : %.sh\n\t$(QUIET_GEN)$(INSTALL) '$<' '$@'",
  );
});

test('output-prefix-target: no fix when another $@ would change meaning', async () => {
  const f = loadTree(`
//- /tools/scripts/Makefile.include
OUTPUT := $(O)/
//- /tools/gen/Makefile
include ../scripts/Makefile.include
gen.h: gen.sh
	./gen.sh $@ > $(OUTPUT)$@
`);
  const [d] = lintFile({ src: lintSource(f.ws), file: '/w/tools/gen/Makefile', parser: await shellParser() });
  assert.equal(d.code, 'output-prefix-target');
  assert.equal(d.severity, undefined);
  assert.deepEqual(d.fixes, []);
});

test('fixes of the other rules, applied', async () => {
  const f = loadTree(`
//- /tools/scripts/Makefile.include
OUTPUT := $(O)/
//- /tools/perf/Makefile
include ../scripts/Makefile.include
$(OUTPUT)cmds.h: cmds.txt
	./gen.sh > $@
$(OUTPUT)help.o: help.c cmds.h FORCE
	$(call if_changed_dep,cc_o_c)
$(OUTPUT)x.o: x.c
	$(call if_changed_dep,cc_o_c)
all: $(OUTPUT)help.o $(OUTPUT)x.o
cmd_cc_o_c = $(CC) -c -o $@ $<
`);
  const file = '/w/tools/perf/Makefile';
  const text = f.texts.get(file) as string;
  const found = lintFile({ src: lintSource(f.ws), file, parser: await shellParser() });
  assert.deepEqual(found.map((d) => d.code), ['output-prefix-prereq', 'if-changed-force', 'phony-missing']);
  const fixed = apply(text, found.flatMap((d) => d.fixes[0].edits));
  assert.equal(
    fixed,
    text
      .replace('help.c cmds.h FORCE', 'help.c $(OUTPUT)cmds.h FORCE')
      .replace('$(OUTPUT)x.o: x.c', '$(OUTPUT)x.o: x.c FORCE')
      .replace('all: $(OUTPUT)help.o', '.PHONY: all\nall: $(OUTPUT)help.o'),
  );
});

test('severity overrides, off, and the docs link', async () => {
  const f = loadTree(`
//- /tools/tc/Makefile
CFLAGS += -I$(top_scrdir)/include
all: a b
`);
  const file = '/w/tools/tc/Makefile';
  const base = lintDiagnostics({ ws: f.ws, file });
  assert.deepEqual(base.map((d) => `${d.code}:${d.severity}`), ['undefined-variable:warning', 'phony-missing:warning']);
  assert.match(base[0].docs, /docs\/diagnostics\/undefined-variable\.md$/);
  const changed = lintDiagnostics({ ws: f.ws, file, settings: { severity: { 'undefined-variable': 'error', 'phony-missing': 'off' }, docsBase: 'file:///x/' } });
  assert.deepEqual(changed.map((d) => `${d.code}:${d.severity}:${d.docs}`), ['undefined-variable:error:file:///x/docs/diagnostics/undefined-variable.md']);
  assert.deepEqual(lintDiagnostics({ ws: f.ws, file, settings: { ignoreVariables: ['top_scrdir'] } }).map((d) => d.code), ['phony-missing']);
});

test('code actions: the fixes of the diagnostics under the cursor', () => {
  const f = loadTree(`
//- /tools/tool/Makefile
all: a b
a:
	touch a
`);
  const file = '/w/tools/tool/Makefile';
  const actions = lintCodeActions({ ws: f.ws, file, span: { start: 1, end: 1 } });
  assert.deepEqual(actions.map((a) => `${a.title} ${a.preferred}`), ['Declare all .PHONY true']);
  assert.deepEqual(lintCodeActions({ ws: f.ws, file, span: { start: 12, end: 12 } }), []);
});

test('evaluated values answer what the static view cannot', async () => {
  const spec = `
//- /tools/scripts/Makefile.include
OUTPUT := $(O)/
//- /tools/gen/Makefile
include ../scripts/Makefile.include
GEN := $(shell ./name.sh)
$(GEN): gen.sh
	./gen.sh > $(OUTPUT)$@
`;
  const f = loadTree(spec);
  const file = '/w/tools/gen/Makefile';
  const parser = await shellParser();
  assert.deepEqual(lintFile({ src: lintSource(f.ws), file, parser }), []);
  const values: EvaluatedValues = { value: ({ name }) => ({ GEN: 'gen.h', OUTPUT: '/tmp/out/' })[name] };
  assert.deepEqual(lintFile({ src: lintSource(f.ws), file, parser, values }).map((d) => d.code), ['output-prefix-target']);
});

test('allDiagnostics: reader and lint diagnostics in one list', () => {
  const f = loadTree(`
//- /tools/tool/Makefile
all: a b
ifeq (x,y)
`);
  const file = '/w/tools/tool/Makefile';
  assert.deepEqual(allDiagnostics({ ws: f.ws, file }).map((d) => `${d.code}:${d.severity}`), ['make-syntax:error', 'phony-missing:warning']);
});
