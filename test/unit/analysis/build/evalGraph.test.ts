// The static build graph from the evaluator (analysis/build/evalGraph.ts),
// on small make trees held in memory: rules and order-only prerequisites,
// pattern rules filled in for targets without a recipe, a pattern rule that
// waits for a named target as a node of its own, sub-makes (`$(MAKE) -C`,
// Kbuild's `$(MAKE) -f scripts/Makefile.build obj=DIR`) followed only when
// the goals reach them, and the cap on makes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { graphFromEvaluation } from '../../../../server/src/analysis/build/evalGraph';
import type { BuildGraph, GraphEdge } from '../../../../server/src/protocol/graph';
import { memHost } from '../../eval/memHost';

function graphOf(files: Record<string, string>, o: { goals?: string[]; maxMakes?: number } = {}) {
  const host = memHost(Object.fromEntries(Object.entries(files).map(([p, t]) => [`/w/${p}`, t])));
  return graphFromEvaluation({ input: { entry: 'Makefile', cwd: '/w', host, env: {}, goals: o.goals }, maxMakes: o.maxMakes ?? 16 });
}

const node = (g: BuildGraph, id: string) => g.nodes.find((n) => n.id === id);
const edgesInto = (g: BuildGraph, to: string): GraphEdge[] => g.edges.filter((e) => e.to === to);
const lineOf = (text: string, start: string): number => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;

test('rules: prerequisites, order-only ones, recipe locations, phony targets', () => {
  const makefile = `.PHONY: all
all: prog
prog: a.o b.o | outdir
\tcc -o $@ $^
a.o: a.c
\tcc -c $<
b.o: b.c
\tcc -c $<
outdir:
\tmkdir -p $@
`;
  const { graph, problems, makes } = graphOf({ Makefile: makefile, 'a.c': '', 'b.c': '' });
  assert.deepEqual(problems, []);
  assert.equal(makes.length, 1);
  assert.deepEqual(edgesInto(graph, 'prog'), [{ from: 'a.o', to: 'prog' }, { from: 'b.o', to: 'prog' }, { from: 'outdir', to: 'prog', orderOnly: true }]);
  assert.deepEqual(edgesInto(graph, 'a.o'), [{ from: 'a.c', to: 'a.o' }]);
  assert.deepEqual(node(graph, 'prog')?.loc, { file: '/w/Makefile', line: lineOf(makefile, 'prog:') });
  assert.equal(node(graph, 'all')?.kind, 'phony');
  assert.deepEqual(node(graph, 'all')?.loc, { file: '/w/Makefile', line: lineOf(makefile, 'all:') }, 'a phony target without a recipe: its rule');
  assert.equal(node(graph, 'a.c')?.loc, undefined, 'a source file has no recipe');
  assert.equal(node(graph, 'a.c')?.kind, 'file');
});

test('pattern rules fill in targets without a recipe, when their prerequisites exist or are named', () => {
  const makefile = `all: x.o y.o z.o w.o
x.o: x.h
w.o: gen.c
gen.c:
\techo > $@
%.o: %.c
\tcc -c $<
`;
  const { graph } = graphOf({ Makefile: makefile, 'x.c': '', 'x.h': '', 'z.c': '' });
  const pattern = { file: '/w/Makefile', line: lineOf(makefile, '%.o:') };
  // x.o has a rule without a recipe: the pattern rule adds x.c and gives the place.
  assert.deepEqual(edgesInto(graph, 'x.o').map((e) => e.from), ['x.h', 'x.c']);
  assert.deepEqual(node(graph, 'x.o')?.loc, pattern);
  // z.o is only named as a prerequisite; z.c exists.
  assert.deepEqual(edgesInto(graph, 'z.o').map((e) => e.from), ['z.c']);
  assert.deepEqual(node(graph, 'z.o')?.loc, pattern);
  // y.c neither exists nor is named: make could not use the rule.
  assert.deepEqual(edgesInto(graph, 'y.o'), []);
  assert.equal(node(graph, 'y.o')?.loc, undefined);
  // w.o keeps its own prerequisite; w.c does not exist, so the pattern rule does not apply.
  assert.deepEqual(edgesInto(graph, 'w.o').map((e) => e.from), ['gen.c']);
  assert.equal(node(graph, 'w.o')?.loc, undefined);
});

test('a pattern rule that waits for a named target is a node of its own', () => {
  const makefile = `.PHONY: all prepare FORCE
all: prepare out/a.o
prepare: gen.h
gen.h:
\ttouch $@
out/%.o: %.c prepare FORCE
\tcc -c $< -o $@
FORCE:
`;
  const { graph } = graphOf({ Makefile: makefile, 'a.c': '' });
  const rule = node(graph, 'out/%.o');
  assert.ok(rule, graph.nodes.map((n) => n.id).join(' '));
  assert.equal(rule.label, 'out/%.o');
  assert.deepEqual(rule.loc, { file: '/w/Makefile', line: lineOf(makefile, 'out/%.o:') });
  assert.deepEqual(edgesInto(graph, 'out/%.o').map((e) => e.from), ['prepare', 'FORCE'], 'the named targets, not the stem prerequisite');
  // The object the goals name gets the rule filled in.
  assert.deepEqual(edgesInto(graph, 'out/a.o').map((e) => e.from), ['a.c', 'prepare', 'FORCE']);
});

test('$(MAKE) -C sub: the sub-make is evaluated in its directory and hangs under its recipe', () => {
  const makefile = `.PHONY: all sub
all: sub
sub:
\t$(MAKE) -C sub
`;
  const { graph, makes, problems } = graphOf({ Makefile: makefile, 'sub/Makefile': 'all: c.o\nc.o: c.c\n\ttouch $@\n', 'sub/c.c': '' });
  assert.deepEqual(problems, []);
  assert.deepEqual(
    makes.map((m) => [m.name, m.dir, m.runner, m.goals]),
    [
      ['', '/w', null, ['all']],
      ['sub', '/w/sub', 'sub', ['all']],
    ],
  );
  assert.equal(node(graph, 'sub')?.kind, 'submake');
  assert.deepEqual(edgesInto(graph, 'sub'), [{ from: 'sub/all', to: 'sub', submake: true, context: 'sub' }]);
  assert.deepEqual(edgesInto(graph, 'sub/c.o'), [{ from: 'sub/c.c', to: 'sub/c.o' }], 'file ids are relative to the top directory');
  assert.equal(node(graph, 'sub/c.o')?.context, 'sub');
  assert.deepEqual(node(graph, 'sub/c.o')?.loc, { file: '/w/sub/Makefile', line: 2 });
});

const KBUILD_TOP = `build := -f scripts/Makefile.build obj
.PHONY: all dir1 dir2 clean
all: dir1
dir1 dir2:
\t$(MAKE) $(build)=$@ need-builtin=1
clean:
\t$(MAKE) $(build)=dir3
`;
const MAKEFILE_BUILD = `.PHONY: __build
__build: $(obj)/built-in.a
$(obj)/built-in.a: $(obj)/x.o
\tar rcs $@ $^
$(obj)/x.o:
\ttouch $@ $(need-builtin)
`;

test('$(MAKE) -f scripts/Makefile.build obj=DIR: followed only where the goals lead', () => {
  const files = { Makefile: KBUILD_TOP, 'scripts/Makefile.build': MAKEFILE_BUILD };
  const { graph, makes } = graphOf(files);
  assert.deepEqual(
    makes.map((m) => [m.name, m.obj, m.runner, m.goals]),
    [
      ['', null, null, ['all']],
      ['obj=dir1', 'dir1', 'dir1', ['__build']],
    ],
    'dir2 and clean are not reached from all',
  );
  assert.deepEqual(edgesInto(graph, 'dir1'), [{ from: 'obj=dir1:__build', to: 'dir1', submake: true, context: 'obj=dir1' }]);
  assert.deepEqual(edgesInto(graph, 'dir1/built-in.a').map((e) => e.from), ['dir1/x.o']);
  assert.equal(node(graph, 'dir2/x.o'), undefined);
  // Calls not followed are still sub-make nodes.
  assert.equal(node(graph, 'dir2')?.kind, 'submake');
  assert.equal(node(graph, 'clean')?.kind, 'submake');

  // Asked for dir2, the top make follows that call instead.
  const other = graphOf(files, { goals: ['dir2'] });
  assert.deepEqual(
    other.makes.map((m) => m.name),
    ['', 'obj=dir2'],
  );
  assert.ok(node(other.graph, 'dir2/x.o'));
});

test('the cap on makes: calls beyond it are nodes, not followed', () => {
  const makefile = `.PHONY: all a b c
all: a b c
a b c:
\t$(MAKE) -C $@
`;
  const sub = 'all: out\nout:\n\ttouch $@\n';
  const files = { Makefile: makefile, 'a/Makefile': sub, 'b/Makefile': sub, 'c/Makefile': sub };
  assert.deepEqual(
    graphOf(files).makes.map((m) => m.name),
    ['', 'a', 'b', 'c'],
  );
  const capped = graphOf(files, { maxMakes: 2 });
  assert.deepEqual(
    capped.makes.map((m) => m.name),
    ['', 'a'],
  );
  assert.ok(node(capped.graph, 'a/out'));
  assert.equal(node(capped.graph, 'b/out'), undefined);
  assert.deepEqual(
    ['a', 'b', 'c'].map((id) => node(capped.graph, id)?.kind),
    ['submake', 'submake', 'submake'],
  );
  assert.deepEqual(
    graphOf(files, { maxMakes: 1 }).makes.map((m) => m.name),
    [''],
  );
});

test('a goal written ./DIR/ is the goal DIR/ of the sub-make, as make reads it', () => {
  const makefile = `.PHONY: all .
all: .
.:
\t$(MAKE) -f build.mk obj=. ./kernel/time/
`;
  const build = `kernel/time/:
\t@:
`;
  const { graph, makes, problems } = graphOf({ Makefile: makefile, 'build.mk': build });
  assert.deepEqual(problems, []);
  assert.deepEqual(makes[1]?.goals, ['kernel/time/']);
  assert.deepEqual(edgesInto(graph, '.'), [{ from: 'kernel/time', to: '.', submake: true, context: 'obj=.' }]);
});
