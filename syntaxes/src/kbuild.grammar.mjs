// Source of syntaxes/kbuild.tmLanguage.json (scope source.kbuild) and of the
// injection grammars into VS Code's own `source.makefile`.
// Regenerate with `node syntaxes/src/build.mjs` (test/unit/grammar checks that
// the committed JSON matches).
//
// Design notes (see docs/languages.md for the user-facing side):
// - Every construct that can open on one line and go on is bounded: make
//   statements end at the first newline not preceded by a backslash (END);
//   rule bodies and recipe blocks are begin/while rules, so whatever the
//   embedded shell grammar leaves open (an odd quote, a heredoc) is closed at
//   the next line that cannot belong to the rule. A `define` body is begin/end
//   (nested defines count), but its recipe lines are while-bounded too.
// - Regexes are linear: alternatives inside repeated groups start with
//   disjoint characters and are possessive; nothing scans a line twice.

const r = String.raw;

/** End of a logical make line: a newline that is not escaped by a backslash. */
export const END = r`(?<!\\)(?=\n)`;

const KEYWORD_LINE = r`(?:ifeq|ifneq|ifdef|ifndef|else|endif|define|endef|include|-include|sinclude|export|unexport|override|private|undefine|vpath)(?=\s|$)`;

// A make reference with up to six levels of nested parentheses/braces (the
// kernel goes to four: arch/powerpc/boot/Makefile). Written out level by
// level: the regex grows linearly and each level is possessive.
function nested(open, close, levels) {
  const o = `\\${open}`, c = `\\${close}`, other = `[^${open}${close}\\n]`;
  let re = `${o}${other}*+${c}`;
  for (let i = 1; i < levels; i++) re = `${o}(?:${other}|${re})*+${c}`;
  return re;
}
const P1 = nested('(', ')', 6);
const B1 = nested('{', '}', 6);
const REF = r`\$(?:${P1}|${B1}|[^({\n])`;

/** A variable name as written on the left of an assignment: may contain references. */
const NAME = r`(?:[^\s:#=$\\()]|${REF}|\\.)++`;
const OP = r`(?:::?:?|[+?!])?=`;
const MODIFIERS = r`((?:(?:override|export|private)\s+)*+)`;

// Kbuild's own variables (Documentation/kbuild/makefiles.rst).
const KBUILD_LIST = r`(?:obj|lib|subdir|always|extra|hostprogs|hostprogs-always|userprogs|userprogs-always|targets|clean-files|clean-dirs|no-clean-files|mandatory|generic|generated|header-test|dtb|(?:subdir-)?(?:cc|as|ld|cpp|rust)flags(?:-remove)?|host(?:c|cxx|ld|rust)flags|userccflags|userldflags|userldlibs|core|drivers|libs|head|init|net|virt)`;
const KBUILD_SUFFIX = r`(?:-(?:[ymn]|objs|\$\((?:CONFIG_[A-Za-z0-9_]+|[A-Za-z0-9_.-]+)\)))`;
const KBUILD_PER_FILE = r`(?:CFLAGS|AFLAGS|CPPFLAGS|LDFLAGS|RUSTFLAGS|HOSTCFLAGS|HOSTCXXFLAGS|HOSTLDFLAGS|HOSTLDLIBS|HOSTRUSTFLAGS|OBJECT_FILES_NON_STANDARD|KASAN_SANITIZE|KCSAN_SANITIZE|KMSAN_SANITIZE|UBSAN_SANITIZE|KCOV_INSTRUMENT|GCOV_PROFILE|KCSAN_INSTRUMENT_BARRIERS|KMSAN_ENABLE_CHECKS)(?:_(?:[A-Za-z0-9_.+-]|\$\([^()\s]*\))*+)?`;
const KBUILD_COMPOSITE = r`(?:[A-Za-z0-9_.+]|\$\([A-Za-z0-9_.-]+\)|-)+?-(?:[ym]|objs|\$\(CONFIG_[A-Za-z0-9_]+\))`;
/** Kbuild variables as assigned: obj-y, obj-$(CONFIG_X), foo-objs, ccflags-y, CFLAGS_foo.o, KBUILD_CFLAGS... */
export const KBUILD_VAR = r`(?:${KBUILD_LIST}${KBUILD_SUFFIX}?|${KBUILD_PER_FILE}|KBUILD_[A-Za-z0-9_]+|${KBUILD_COMPOSITE})`;
/** Kbuild variables as read: the above plus obj/src/srctree/objtree/Q/quiet... */
const KBUILD_READ = r`(?:obj|src|srctree|objtree|Q|quiet|KECHO|kecho|MAKEFLAGS|squote|pound|comma|space|empty|dot-target|depfile|basetarget|modname|modfile|target-stem|real-prereqs|c_flags|a_flags|cpp_flags|ld_flags|rust_flags|${KBUILD_VAR})`;

/** cmd_x, quiet_cmd_x, savedcmd_x, rule_x, filechk_x, cmd_and_fixdep: Kbuild's command definitions. */
const CMD_NAME = r`(?:(?:quiet_|savedcmd_)?cmd_|rule_|filechk_)(?:[A-Za-z0-9_.+/-]|\$\([^()\s]*\))*+`;

/** Kbuild's well-known functions (scripts/Kbuild.include, Makefile.compiler...). */
const KNOWN_FUNCTIONS = r`(?:cc-option|cc-option-yn|cc-disable-warning|cc-ifversion|cc-min-version|gcc-min-version|clang-min-version|cc-cross-prefix|cc-ldoption|ld-option|ld-ifversion|as-option|as-instr|rustc-option|rustc-option-yn|hostcc-option|try-run|try-run-cached|__cc-option|__rustc-option|if_changed|if_changed_dep|if_changed_rule|cmd|cmd_and_fixdep|filechk|echo-cmd|escsq|make-cmd|cmd-check|arg-check|any-prereq|newer-prereqs|noop|multi-search|real-search|suffix-search|objtool-args|cmd_and_savecmd|if-success|success|failure|shell-sym)`;

/** Functions whose second argument names a cmd_/rule_ definition. */
const CMD_FUNCTIONS = r`(?:cmd|if_changed|if_changed_dep|if_changed_rule|cmd_and_fixdep|cmd_and_savecmd|filechk|echo-cmd)`;

const BUILTINS = r`(?:subst|patsubst|strip|findstring|filter-out|filter|sort|wordlist|words|word|firstword|lastword|dir|notdir|suffix|basename|addsuffix|addprefix|join|wildcard|realpath|abspath|if|or|and|intcmp|foreach|file|call|value|eval|origin|flavor|shell|error|warning|info|guile|let)`;

const MAKE_VARS = r`(?:MAKEFILES|VPATH|SHELL|MAKESHELL|MAKE|MAKE_VERSION|MAKE_HOST|MAKELEVEL|MAKEFLAGS|GNUMAKEFLAGS|MAKECMDGOALS|CURDIR|SUFFIXES|MAKEFILE_LIST|MAKE_RESTARTS|MAKE_TERMOUT|MAKE_TERMERR|\.DEFAULT_GOAL|\.RECIPEPREFIX|\.VARIABLES|\.FEATURES|\.INCLUDE_DIRS|\.SHELLFLAGS|\.LIBPATTERNS|\.EXTRA_PREREQS|\.LOADED)`;

const SPECIAL_TARGETS = r`\.(?:PHONY|SUFFIXES|DEFAULT|PRECIOUS|INTERMEDIATE|NOTINTERMEDIATE|SECONDARY|SECONDEXPANSION|DELETE_ON_ERROR|IGNORE|LOW_RESOLUTION_TIME|SILENT|EXPORT_ALL_VARIABLES|NOTPARALLEL|ONESHELL|POSIX|WAIT)`;

/** Targets of a rule: up to the rule's colon (not `:=`, `::=`, `:::=`). */
const TARGETS = r`(?:[^\s:=#$\\;|&]|&(?!:)|\\.|\$\$|${REF})(?:[^:=#$\\;\n&]|&(?!:)|\\.|\$\$|${REF})*+`;

const include = (name) => ({ include: name.startsWith('#') || name.includes('.') ? name : `#${name}` });

/** Rules shared by the full grammar and by the injections. */
function repository() {
  const repo = {};

  repo['line-continuation'] = {
    match: r`\\\n`,
    name: 'constant.character.escape.line-continuation.kbuild',
  };
  repo['dollar-escape'] = {
    match: r`\$\$`,
    name: 'constant.character.escape.dollar.kbuild',
  };
  repo['hash-escape'] = {
    match: r`\\#`,
    name: 'constant.character.escape.kbuild',
  };
  repo.comment = {
    begin: '#',
    beginCaptures: { 0: { name: 'punctuation.definition.comment.kbuild' } },
    end: END,
    name: 'comment.line.number-sign.kbuild',
    patterns: [include('line-continuation')],
  };
  repo['config-symbol'] = {
    match: r`\bCONFIG_[A-Za-z0-9_]+\b`,
    name: 'variable.other.constant.config.kbuild',
  };
  repo['automatic-variable'] = {
    match: r`\$[@<^?*%+|]`,
    name: 'variable.language.automatic.kbuild',
  };
  repo['short-variable'] = {
    patterns: [
      { match: r`\$[0-9]`, name: 'variable.parameter.kbuild' },
      { match: r`\$[A-Za-z_]`, name: 'variable.other.kbuild' },
    ],
  };
  repo['variable-reference'] = {
    patterns: [
      include('dollar-escape'),
      include('automatic-variable'),
      include('short-variable'),
      reference('(', ')', 'paren'),
      reference('{', '}', 'brace'),
    ],
  };
  // Make text: what a value, a directive argument or a stray line holds.
  repo.text = {
    patterns: [
      include('line-continuation'),
      include('hash-escape'),
      include('variable-reference'),
      include('config-symbol'),
    ],
  };
  repo['reference-body'] = {
    patterns: [
      include('line-continuation'),
      include('variable-reference'),
      include('config-symbol'),
      { match: ',', name: 'punctuation.separator.arguments.kbuild' },
      { match: '%', name: 'constant.other.placeholder.kbuild' },
      include('nested-parens'),
    ],
  };
  repo['nested-parens'] = {
    patterns: [
      { begin: r`\(`, end: r`\)|${END}`, patterns: [include('reference-body')] },
      { begin: r`\{`, end: r`\}|${END}`, patterns: [include('reference-body')] },
    ],
  };

  // ---- statements --------------------------------------------------------
  repo.statements = {
    patterns: [
      include('comment'),
      include('define'),
      include('endef'),
      include('conditional'),
      include('include-directive'),
      include('assignment'),
      include('export-directive'),
      include('other-directive'),
      include('target-variable'),
      include('rule'),
      include('text'),
    ],
  };

  repo.define = defineRule(r`^[ \t]*`);
  repo.endef = {
    match: r`^[ \t]*(endef)(?=\s|$)`,
    captures: { 1: { name: 'keyword.control.define.kbuild' } },
  };
  repo['define-body'] = {
    patterns: [
      include('define'),
      include('recipe-block'),
      include('statements'),
    ],
  };

  repo.conditional = conditionalRule(r`^[ \t]*`);
  repo['conditional-arguments'] = {
    patterns: [
      include('comment'),
      include('line-continuation'),
      { match: r`\(|\)`, name: 'punctuation.section.parens.kbuild' },
      { match: ',', name: 'punctuation.separator.arguments.kbuild' },
      { begin: '"', end: r`"|${END}`, name: 'string.quoted.double.kbuild', patterns: [include('variable-reference')] },
      { begin: "'", end: r`'|${END}`, name: 'string.quoted.single.kbuild', patterns: [include('variable-reference')] },
      include('variable-reference'),
      include('config-symbol'),
    ],
  };

  repo['include-directive'] = {
    begin: r`^[ \t]*(-include|sinclude|include)(?=\s|$)`,
    beginCaptures: { 1: { name: 'keyword.control.include.kbuild' } },
    end: END,
    name: 'meta.include.kbuild',
    patterns: [include('comment'), include('text')],
  };

  repo.assignment = assignmentRule(r`^[ \t]*`);

  repo['export-directive'] = {
    begin: r`^[ \t]*((?:(?:override|export|unexport|private)\s+)*(?:export|unexport))(?=\s|$)`,
    beginCaptures: { 1: { patterns: [include('modifier')] } },
    end: END,
    patterns: [include('comment'), include('variable-name'), include('text')],
  };
  repo['other-directive'] = {
    begin: r`^[ \t]*${MODIFIERS}(undefine|vpath)(?=\s|$)`,
    beginCaptures: {
      1: { patterns: [include('modifier')] },
      2: { name: 'keyword.control.directive.kbuild' },
    },
    end: END,
    patterns: [
      include('comment'),
      { match: '%', name: 'constant.other.placeholder.kbuild' },
      include('variable-name'),
      include('text'),
    ],
  };
  repo.modifier = {
    match: r`\b(?:override|export|unexport|private)\b`,
    name: 'storage.modifier.kbuild',
  };
  // A bare variable name (export FOO, undefine FOO, ifdef FOO).
  repo['variable-name'] = {
    patterns: [
      { match: r`(?<![^\s])CONFIG_[A-Za-z0-9_]+(?![^\s)])`, name: 'variable.other.constant.config.kbuild' },
      { match: r`(?<![^\s])${KBUILD_VAR}(?![^\s)])`, name: 'support.variable.kbuild' },
      { match: r`(?<![^\s])${CMD_NAME}(?![^\s)])`, name: 'entity.name.function.cmd.kbuild' },
      { match: r`(?<![^\s])[^\s$#\\():=]+(?![^\s)])`, name: 'variable.other.kbuild' },
    ],
  };

  // ---- rules and recipes ---------------------------------------------------
  // `target: VAR := value` sets a variable for a target; it opens no recipe.
  repo['target-variable'] = assignmentRule(r`^(?![ \t]*${KEYWORD_LINE})[ \t]*(${TARGETS})(&?::?)(?![:=])[ \t]*`, {
    1: { patterns: [include('targets')] },
    2: { name: 'punctuation.separator.rule.kbuild' },
  });
  repo['target-variable'].name = 'meta.assignment.target-specific.kbuild';

  repo.rule = {
    // The rule's targets and colon; the body goes on while lines can still
    // belong to the rule: recipe lines, continuations, blanks, comments and
    // conditionals (make keeps the rule context across them).
    begin: r`^(?![ \t]*${KEYWORD_LINE})[ \t]*(${TARGETS})(?=&?::?(?![:=]))`,
    beginCaptures: {
      1: { patterns: [include('targets')] },
    },
    while: r`^(?=[\t ]|[ \t]*\n|#|(?:ifeq|ifneq|ifdef|ifndef|else|endif)(?:\s|$))(?![ \t]*endef(?:\s|$))`,
    name: 'meta.rule.kbuild',
    patterns: [
      include('prerequisites'),
      include('recipe-block'),
      include('statements'),
    ],
  };
  repo.targets = {
    patterns: [
      { match: SPECIAL_TARGETS, name: 'support.function.target.kbuild' },
      include('variable-reference'),
      { match: '%', name: 'constant.other.placeholder.kbuild entity.name.function.target.kbuild' },
      { match: r`(?:[^\s$%\\]|\\.)+`, name: 'entity.name.function.target.kbuild' },
    ],
  };
  repo.prerequisites = {
    // (begins with the colon: a zero-width begin inside a begin/while rule
    // would never see its end in vscode-textmate)
    begin: r`\G(&?::?)`,
    beginCaptures: { 1: { name: 'punctuation.separator.rule.kbuild' } },
    end: END,
    name: 'meta.prerequisites.kbuild',
    patterns: [
      targetAssignment(),
      include('comment'),
      { begin: ';', beginCaptures: { 0: { name: 'punctuation.separator.recipe.kbuild' } }, end: END, name: 'meta.recipe.kbuild', contentName: 'meta.embedded.shell.kbuild', patterns: [include('shell')] },
      { match: r`\|`, name: 'punctuation.separator.order-only.kbuild' },
      { match: r`(?<![^\s:])FORCE(?![^\s])`, name: 'support.constant.force.kbuild' },
      { match: ':', name: 'punctuation.separator.rule.kbuild' },
      { match: '%', name: 'constant.other.placeholder.kbuild' },
      include('text'),
    ],
  };
  repo['recipe-block'] = {
    // Consecutive recipe lines, plus the continuation lines that start with
    // spaces; ends at the first line that cannot be one.
    begin: r`^(?=\t)`,
    while: r`^(?=\t| +(?!(?:ifeq|ifneq|ifdef|ifndef|else|endif|define|endef)(?:\s|$))\S)(?![ \t]*endef(?:\s|$))`,
    patterns: [include('recipe-line'), include('statements')],
  };
  repo['recipe-line'] = {
    begin: r`^(\t)([@+\-]*)`,
    beginCaptures: { 2: { name: 'keyword.operator.recipe-prefix.kbuild' } },
    end: END,
    name: 'meta.recipe.kbuild',
    contentName: 'meta.embedded.shell.kbuild',
    patterns: [include('shell')],
  };
  repo.shell = {
    patterns: [
      include('line-continuation'),
      include('make-in-shell'),
      { include: 'source.shell' },
    ],
  };
  // What make itself does to a shell line before the shell sees it. Also
  // injected into the embedded shell grammar (see `injections`), so that it
  // wins inside shell strings and command substitutions too.
  repo['make-in-shell'] = {
    patterns: [
      {
        match: r`(\$\$)(\{[^}\n]*\}|[A-Za-z_][A-Za-z0-9_]*|[0-9@#?*!-])`,
        captures: {
          1: { name: 'constant.character.escape.dollar.kbuild' },
          2: { name: 'variable.other.shell.kbuild' },
        },
      },
      include('variable-reference'),
    ],
  };
  return repo;
}

/** `$(...)` / `${...}`: variable references and function calls. */
function reference(open, close, kind) {
  const o = open === '(' ? r`\(` : r`\{`;
  const c = close === ')' ? r`\)` : r`\}`;
  const endName = close === ')' ? r`(?=[):]|\n)` : r`(?=[}:]|\n)`;
  return {
    begin: r`(\$)(${o})`,
    beginCaptures: {
      1: { name: 'punctuation.definition.variable.kbuild' },
      2: { name: 'punctuation.definition.variable.begin.kbuild' },
    },
    end: r`(${c})|${END}`,
    endCaptures: { 1: { name: 'punctuation.definition.variable.end.kbuild' } },
    name: `meta.reference.${kind}.kbuild`,
    patterns: [
      {
        // $(call fn,...), and $(call if_changed,cmdname): the cmd's name too
        match: r`\G(call)(?:\s+(?:(${CMD_FUNCTIONS})\s*(,)\s*([A-Za-z0-9_]+)(?=\s*[,${close}])|(${KNOWN_FUNCTIONS}(?=[\s,${close}])|[^\s,(){}$\\]+)))?`,
        captures: {
          1: { name: 'support.function.builtin.kbuild' },
          2: { name: 'entity.name.function.kbuild' },
          3: { name: 'punctuation.separator.arguments.kbuild' },
          4: { name: 'entity.name.function.cmd.kbuild' },
          5: { name: 'entity.name.function.kbuild' },
        },
      },
      {
        match: r`\G(foreach|let)\s+([^\s,(){}$]+)(?=\s*,)`,
        captures: {
          1: { name: 'support.function.builtin.kbuild' },
          2: { name: 'variable.parameter.kbuild' },
        },
      },
      {
        match: r`\G(origin|flavor|value)\s+([^\s,(){}$]+)(?=\s*${c})`,
        captures: {
          1: { name: 'support.function.builtin.kbuild' },
          2: { name: 'variable.other.kbuild' },
        },
      },
      { match: r`\G${BUILTINS}(?=\s|${c})`, name: 'support.function.builtin.kbuild' },
      { match: r`\G[@<^?*%+|][DF]?(?=${c})`, name: 'variable.language.automatic.kbuild' },
      { match: r`\G[0-9]+(?=${c})`, name: 'variable.parameter.kbuild' },
      { match: r`\GCONFIG_[A-Za-z0-9_]+${endName}`, name: 'variable.other.constant.config.kbuild' },
      { match: r`\G${CMD_NAME}${endName}`, name: 'entity.name.function.cmd.kbuild' },
      { match: r`\G${KNOWN_FUNCTIONS}${endName}`, name: 'entity.name.function.kbuild' },
      { match: r`\G${MAKE_VARS}${endName}`, name: 'variable.language.make.kbuild' },
      { match: r`\G${KBUILD_READ}${endName}`, name: 'support.variable.kbuild' },
      { match: r`\G[^\s:(){}$,=#\\]+`, name: 'variable.other.kbuild' },
      {
        // substitution reference $(var:a=b)
        match: r`(?<=[^\s(${open},]):(?=[^,()\n]*=)`,
        name: 'keyword.operator.substitution.kbuild',
      },
      include('reference-body'),
    ],
  };
}

function assignmentRule(lead, leadCaptures = {}) {
  const n = Object.keys(leadCaptures).length;
  return {
    begin: r`${lead}${MODIFIERS}(?:(${KBUILD_VAR})|(${CMD_NAME})|(${KNOWN_FUNCTIONS}|${NAME}(?=\s*=[^#\n]*?\$(?:\(\d\)|\{\d\}|\d)))|(${NAME}))\s*(${OP})`,
    beginCaptures: {
      ...leadCaptures,
      [n + 1]: { patterns: [include('modifier')] },
      [n + 2]: { name: 'support.variable.kbuild', patterns: [include('variable-reference')] },
      [n + 3]: { name: 'entity.name.function.cmd.kbuild', patterns: [include('variable-reference')] },
      [n + 4]: { name: 'entity.name.function.kbuild', patterns: [include('variable-reference')] },
      [n + 5]: { name: 'variable.other.kbuild', patterns: [include('variable-reference')] },
      [n + 6]: { name: 'keyword.operator.assignment.kbuild' },
    },
    end: END,
    name: 'meta.assignment.kbuild',
    patterns: [include('comment'), include('text')],
  };
}

function targetAssignment() {
  const a = assignmentRule(r`\G[ \t]*`);
  a.name = 'meta.assignment.target-specific.kbuild';
  return a;
}

function defineRule(lead) {
  return {
    begin: r`${lead}${MODIFIERS}(define)\s+(?:(${CMD_NAME})|(${NAME}))(?:\s*(${OP}))?(?=\s|$)`,
    beginCaptures: {
      1: { patterns: [include('modifier')] },
      2: { name: 'keyword.control.define.kbuild' },
      3: { name: 'entity.name.function.cmd.kbuild', patterns: [include('variable-reference')] },
      4: { name: 'entity.name.function.kbuild', patterns: [include('variable-reference')] },
      5: { name: 'keyword.operator.assignment.kbuild' },
    },
    end: r`^[ \t]*(endef)(?=\s|$)`,
    endCaptures: { 1: { name: 'keyword.control.define.kbuild' } },
    name: 'meta.define.kbuild',
    patterns: [
      { begin: r`\G`, end: r`\n`, patterns: [include('comment')] },
      include('define-body'),
    ],
  };
}

function conditionalRule(lead) {
  return {
    patterns: [
      {
        begin: r`${lead}(?:(else)[ \t]+)?(ifeq|ifneq)(?=\s|\(|$)`,
        beginCaptures: {
          1: { name: 'keyword.control.conditional.kbuild' },
          2: { name: 'keyword.control.conditional.kbuild' },
        },
        end: END,
        name: 'meta.conditional.kbuild',
        patterns: [include('conditional-arguments')],
      },
      {
        begin: r`${lead}(?:(else)[ \t]+)?(ifdef|ifndef)(?=\s|$)`,
        beginCaptures: {
          1: { name: 'keyword.control.conditional.kbuild' },
          2: { name: 'keyword.control.conditional.kbuild' },
        },
        end: END,
        name: 'meta.conditional.kbuild',
        patterns: [include('comment'), include('variable-name'), include('text')],
      },
      {
        match: r`${lead}(else|endif)(?=\s|$)`,
        captures: { 1: { name: 'keyword.control.conditional.kbuild' } },
      },
    ],
  };
}

function strip(obj) {
  if (Array.isArray(obj)) return obj.map(strip);
  if (obj && typeof obj === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(obj)) if (!k.startsWith('_')) out[k] = strip(v);
    return out;
  }
  return obj;
}

export function kbuildGrammar() {
  const repo = repository();
  return strip({
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    information_for_contributors: ['Generated by syntaxes/src/build.mjs from syntaxes/src/kbuild.grammar.mjs: edit those, not this file.'],
    name: 'Kbuild',
    scopeName: 'source.kbuild',
    patterns: [include('statements')],
    injections: {
      // Make expands $(...) and $$ before the shell runs: inside shell strings too.
      'L:meta.embedded.shell.kbuild -meta.reference': { patterns: [include('make-in-shell')] },
    },
    repository: repo,
  });
}

/**
 * Injections into VS Code's built-in makefile grammar (`source.makefile`),
 * used for plain `Makefile`/`*.mk`, which stay in VS Code's `makefile`
 * language. They reuse the rules above (through `source.kbuild#...`).
 */
export function makefileInjections() {
  return [
    {
      file: 'kbuild-makefile-references.injection.tmLanguage.json',
      grammar: {
        information_for_contributors: ['Generated by syntaxes/src/build.mjs: edit syntaxes/src/kbuild.grammar.mjs.'],
        scopeName: 'kbuild.injection.makefile.references',
        // Everywhere in a makefile except comments and our own references.
        injectionSelector: 'L:source.makefile -comment -meta.reference.paren.kbuild -meta.reference.brace.kbuild',
        patterns: [
          { include: 'source.kbuild#variable-reference' },
          { include: 'source.kbuild#config-symbol' },
        ],
      },
    },
    {
      file: 'kbuild-makefile-statements.injection.tmLanguage.json',
      grammar: {
        information_for_contributors: ['Generated by syntaxes/src/build.mjs: edit syntaxes/src/kbuild.grammar.mjs.'],
        scopeName: 'kbuild.injection.makefile.statements',
        // Statements only: not in recipes (VS Code's grammar treats every
        // tab line as a recipe; shell `FOO=bar` lines must stay shell).
        injectionSelector: 'L:source.makefile -comment -meta.scope.recipe.makefile -meta.scope.prerequisites.makefile -meta.reference.paren.kbuild -meta.reference.brace.kbuild -meta.embedded.shell.kbuild',
        patterns: [
          { include: 'source.kbuild#injected-define' },
          { include: 'source.kbuild#injected-conditional' },
          { include: 'source.kbuild#injected-assignment' },
        ],
      },
    },
  ];
}

/** Rules only the injections use: like the full ones, but never on a tab line. */
export function addInjectionRules(grammar) {
  grammar.repository['injected-define'] = strip(defineRule(r`^ *`));
  grammar.repository['injected-conditional'] = strip(conditionalRule(r`^ *`));
  grammar.repository['injected-assignment'] = strip(assignmentRule(r`^ *`));
  return grammar;
}
