// Kbuild's indirections, as plain facts: which variable a `$(call X,name)`
// really runs, which variables list objects and directories, and how a
// recipe names a directory to descend into.

/** `$(call if_changed,foo)` runs `cmd_foo`; `if_changed_rule` runs `rule_foo`. */
const CALL_TARGET_PREFIX: ReadonlyMap<string, readonly string[]> = new Map([
  ['cmd', ['cmd_', 'quiet_cmd_']],
  ['if_changed', ['cmd_', 'quiet_cmd_']],
  ['if_changed_dep', ['cmd_', 'quiet_cmd_']],
  ['if_changed_except', ['cmd_', 'quiet_cmd_']],
  ['if_changed_rule', ['rule_']],
  ['cmd_and_fixdep', ['cmd_']],
  ['filechk', ['filechk_']],
  ['cmd_and_savecmd', ['cmd_']],
]);

/** Variables a `$(call FN,name…)` argument names, for Kbuild's command helpers. */
export function indirectVariables(fn: string, arg: string): string[] {
  const prefixes = CALL_TARGET_PREFIX.get(fn);
  return prefixes ? prefixes.map((p) => p + arg) : [];
}

/** Whether `$(call fn,…)`'s second argument names a cmd_/rule_ suffix. */
export function isCommandHelper(fn: string): boolean {
  return CALL_TARGET_PREFIX.has(fn);
}

/**
 * Variables whose words are objects or subdirectories of the Makefile's
 * directory: obj-y, lib-m, foo-objs, foo-y, hostprogs, always-y, targets…
 */
export function isObjectListVariable(name: string): boolean {
  return /^(obj|lib|subdir|extra|always|targets|hostprogs|userprogs|real-obj|head|core|drivers|libs|net|virt)(-[a-z$()_A-Z0-9]*)?$/.test(name) ||
    /-(y|m|objs|\$\(CONFIG_[A-Za-z0-9_]+\))$/.test(name) ||
    /^(obj|lib)-\$\(/.test(name);
}

/** Source files a Kbuild object may be built from, relative to its directory. */
export function objectSources(object: string): string[] {
  const m = /^(.*)\.o$/.exec(object);
  if (!m) return [];
  return ['.c', '.S', '.rs', '.s'].map((ext) => m[1] + ext);
}

/** Composite object variables: `foo.o` is built from `foo-y`, `foo-objs`, `foo-m`. */
export function compositeVariables(object: string): string[] {
  const m = /^(.*)\.o$/.exec(object);
  if (!m) return [];
  return [`${m[1]}-y`, `${m[1]}-objs`, `${m[1]}-m`];
}

/** The Makefile a directory's sub-make reads: Kbuild wins over Makefile, as in Makefile.build. */
export const DIRECTORY_MAKEFILES = ['Kbuild', 'Makefile'] as const;

/**
 * Directories a recipe line descends into: `$(build)=DIR`, `-f …Makefile.build obj=DIR`,
 * `$(MAKE) -C DIR`. Returns [start, end) offsets of DIR within the line.
 */
export function subMakeDirectories(line: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  const re = /(\$\(build\)=|\bobj=|\$\(MAKE\)[^;|&]*?\s-C\s*|\bmake\b[^;|&]*?\s-C\s*)(['"]?)([^\s'";|&]+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const start = m.index + m[1].length + m[2].length;
    found.push({ start, end: start + m[3].length });
  }
  return found;
}

/** Candidate literal names for a computed Kbuild name: `obj-$(CONFIG_X)` → obj-y, obj-m, obj-. */
export function configNameCandidates(template: string): string[] {
  // The shape almost every kernel line has, `prefix$(CONFIG_X)suffix` and no
  // other reference, answered without regexes (the index runs this per line).
  const at = template.indexOf('$(CONFIG_');
  if (at === -1) return [];
  let close = at + 9;
  while (close < template.length && isConfigNameCode(template.charCodeAt(close))) close++;
  if (close > at + 9 && template[close] === ')' && template.indexOf('$') === at && template.indexOf('$', close) === -1) {
    const prefix = template.slice(0, at);
    const suffix = template.slice(close + 1);
    return [`${prefix}y${suffix}`, `${prefix}m${suffix}`, prefix + suffix];
  }
  if (!/\$\(CONFIG_[A-Za-z0-9_]+\)/.test(template)) return [];
  const parts = template.split(/\$\(CONFIG_[A-Za-z0-9_]+\)/);
  if (parts.some((p) => p.includes('$'))) return [];
  let names = [''];
  parts.forEach((part, i) => {
    names = names.map((n) => n + part);
    if (i < parts.length - 1) names = names.flatMap((n) => [n + 'y', n + 'm', n]);
  });
  return [...new Set(names)];
}

/** [A-Za-z0-9_] */
function isConfigNameCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}
