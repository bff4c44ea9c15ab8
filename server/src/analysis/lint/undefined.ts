// undefined-variable: a reference to a name no file of the context, nor any
// other file of the workspace, assigns. Knobs are respected: make's own and default variables, the
// environment, names the context tests for being set, names some Makefile
// of the workspace exports or passes on a sub-make command line, names a
// $(eval)/define body assigns, and the user's ignore list.
import { definitionsOver, type LintContext } from './context';
import { ASSIGNS_FIRST_ARGUMENT, textFacts, type TextFacts } from './textFacts';
import { runFiles } from './phonySet';
import { fileRefs } from './refs';
import type { Finding, LintSource } from './types';

/** make's special and default variables (GNU make 4.3, `make -p -f /dev/null`), automatic ones aside. */
const MAKE_VARIABLES = new Set(
  ('.DEFAULT_GOAL .FEATURES .INCLUDE_DIRS .LIBPATTERNS .LOADED .RECIPEPREFIX .SHELLFLAGS .VARIABLES .EXTRA_PREREQS ' +
    'AR ARFLAGS AS CC CO COFLAGS CPP CTANGLE CURDIR CWEAVE CXX F77 F77FLAGS FC GET GNUMAKEFLAGS GPATH LD LEX LINT M2C ' +
    'MAKE MAKECMDGOALS MAKEFILES MAKEFILE_LIST MAKEFLAGS MAKEINFO MAKELEVEL MAKEOVERRIDES MAKE_COMMAND MAKE_HOST ' +
    'MAKE_RESTARTS MAKE_TERMERR MAKE_TERMOUT MAKE_VERSION MFLAGS OBJC OUTPUT_OPTION PC RM SHELL SUFFIXES TANGLE TEX ' +
    'TEXI2DVI VPATH WEAVE YACC').split(' '),
);

/**
 * The environment every shell has, and the documented user knobs: GNU
 * coding standards, Kbuild (Documentation/kbuild/kbuild.rst), tools/.
 */
const ENVIRONMENT = new Set(
  ('HOME PATH PWD OLDPWD USER LOGNAME TERM LANG LC_ALL LC_CTYPE TMPDIR HOSTNAME EDITOR DISPLAY SHLVL ' +
    'CFLAGS CPPFLAGS CXXFLAGS LDFLAGS LDLIBS ASFLAGS YFLAGS LFLAGS TARGET_ARCH EXTRA_CFLAGS EXTRA_CXXFLAGS EXTRA_LDFLAGS ' +
    'DESTDIR prefix exec_prefix bindir sbindir libdir libexecdir includedir datadir datarootdir sysconfdir mandir docdir ' +
    'O V W C M CROSS_COMPILE CROSS_COMPILE_COMPAT ARCH SRCARCH SUBARCH LLVM LLVM_IAS obj srctree objtree ' +
    'HOSTCC HOSTCXX HOSTLD HOSTAR HOSTCFLAGS HOSTCXXFLAGS HOSTLDFLAGS HOSTLDLIBS HOSTRUSTFLAGS ' +
    'KCFLAGS KCPPFLAGS KAFLAGS KRUSTFLAGS USERCFLAGS USERLDFLAGS CF CHECK INSTALL_PATH INSTALL_ROOT INSTALL_MOD_PATH ' +
    'INSTALL_MOD_STRIP INSTALL_HDR_PATH INSTALL_DTBS_PATH JOBS').split(' '),
);

function builtin(name: string): boolean {
  return (
    /^([@<^+*?%|][DF]?|[0-9]+)$/.test(name) ||
    MAKE_VARIABLES.has(name) ||
    ENVIRONMENT.has(name) ||
    /^(KBUILD|KCONFIG|CONFIG)_/.test(name) ||
    // Assigned by the .cmd files Kbuild reads back.
    /^(deps|savedcmd|source)_/.test(name) ||
    // Option lists for the user to fill: STRIP_OPTS, MOPTS.
    /^[A-Z0-9_]*OPTS$/.test(name)
  );
}

const EXPORT_LINE = /^[ \t]*(?:override[ \t]+)?export[ \t]+([^\n#]*)/gm;
/** `NAME=value` with nothing around the `=`: a command-line assignment for a sub-make (or a shell variable). */
const COMMAND_LINE_ASSIGNMENT = /(?:^|[\s'"])([A-Za-z_][A-Za-z0-9_]*)=[^=\s]/gm;
const passedCache = new WeakMap<object, Set<string>>();

/** Names a file exports or writes as NAME=value (on a sub-make command line, or in a variable handed to one). */
function passedBy(key: object, text: string): Set<string> {
  const hit = passedCache.get(key);
  if (hit) return hit;
  const names = new Set<string>();
  for (const m of text.matchAll(EXPORT_LINE)) {
    const exported = m[1].split(/(?::{1,3}|\+|\?|!)?=/)[0];
    for (const w of exported.split(/\s+/)) if (/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(w)) names.add(w);
  }
  for (const m of text.matchAll(COMMAND_LINE_ASSIGNMENT)) names.add(m[1]);
  passedCache.set(key, names);
  return names;
}

const passedIndex = new WeakMap<object, { revision: number; names: Set<string> }>();

/** Some file of the workspace exports the name or passes it to a sub-make: it may arrive from a parent make. */
function passedDown(src: LintSource, name: string): boolean {
  let index = passedIndex.get(src.files);
  if (!index || index.revision !== src.revision) {
    const names = new Set<string>();
    for (const file of src.files.values()) passedBy(file.parse.stmts, file.text).forEach((n) => names.add(n));
    index = { revision: src.revision, names };
    passedIndex.set(src.files, index);
  }
  return index.names.has(name);
}

export function undefinedFindings(ctx: LintContext, ignore: readonly string[]): Finding[] {
  const ignored = new Set(ignore);
  // Cheap checks first: most names are assigned somewhere in the workspace (it may reach
  // this file through a parent make we cannot follow).
  const candidates = fileRefs(ctx.entry.parse.stmts).refs.filter(
    (r) => !builtin(r.name) && !ignored.has(r.name) && !ctx.src.assignedAnywhere(r.name) && !passedDown(ctx.src, r.name),
  );
  if (candidates.length === 0) return [];
  const files = [...new Set([...ctx.contextFiles, ...runFiles(ctx)])];
  const run = definitionsOver(ctx.src, files);
  const known = new Set<string>();
  const calls: TextFacts['calls'] = [];
  const templates: RegExp[] = [];
  for (const file of files) {
    const entry = ctx.src.files.get(file);
    if (!entry) continue;
    fileRefs(entry.parse.stmts).tested.forEach((n) => known.add(n));
    const facts = textFacts(entry.parse.stmts, entry.text);
    for (const set of [facts.assigned, facts.bound, facts.commented]) set.forEach((n) => known.add(n));
    calls.push(...facts.calls);
    templates.push(...facts.templates);
  }
  for (const { fn, name } of calls) {
    if (run.definitions(fn).some((d) => ASSIGNS_FIRST_ARGUMENT.test(d.entry.stmt.valueText))) known.add(name);
  }
  const isKnown = (name: string) =>
    known.has(name) || templates.some((t) => t.test(name)) || run.definitions(name).length > 0 || run.computedDefinition(name) !== undefined;
  return candidates
    .filter((ref) => !isKnown(ref.name))
    .map((ref) => ({
      code: 'undefined-variable' as const,
      file: ctx.file,
      span: ref.span,
      message: `Variable \`${ref.name}\` is never assigned, here or anywhere in the workspace, nor documented as a knob: it expands to nothing unless given on the command line.`,
      related: [],
      fixes: [],
    }));
}
