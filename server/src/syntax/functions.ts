// Builtin function names of GNU make 4.3 and how many arguments the reader
// splits them into: past the maximum, commas belong to the last argument
// (`$(info a, b)` has one argument). 0 = unlimited. The evaluator keeps its
// own table of implementations keyed by the same names.
export const BUILTIN_MAX_ARGS: ReadonlyMap<string, number> = new Map([
  ['abspath', 1], ['addprefix', 2], ['addsuffix', 2], ['and', 0], ['basename', 1],
  ['call', 0], ['dir', 1], ['error', 1], ['eval', 1], ['file', 2], ['filter', 2],
  ['filter-out', 2], ['findstring', 2], ['firstword', 1], ['flavor', 1], ['foreach', 3],
  ['guile', 1], ['if', 3], ['info', 1], ['join', 2], ['lastword', 1], ['notdir', 1],
  ['or', 0], ['origin', 1], ['patsubst', 3], ['realpath', 1], ['shell', 1], ['sort', 1],
  ['strip', 1], ['subst', 3], ['suffix', 1], ['value', 1], ['warning', 1], ['wildcard', 1],
  ['word', 2], ['wordlist', 3], ['words', 1],
]);
