// The "unknown" value: what a `$(shell)` that was not run (or a file that
// could not be read) expands to. It is one private-use character, so it is
// a non-blank part of a word and survives string operations unchanged:
// `$(shell uname -m)/boot` is "\uE000/boot", a word that is partly unknown.
// Builtins that cannot answer from the known parts (words, sort, if, …)
// answer UNKNOWN; see docs/evaluator.md for the rules per function.

export const UNKNOWN = '\uE000';

export function hasUnknown(text: string): boolean {
  return text.includes(UNKNOWN);
}

/** The value as a person reads it: each unknown part shown as «unknown». */
export function displayValue(text: string): string {
  return hasUnknown(text) ? text.split(UNKNOWN).join('«unknown»') : text;
}

/** The known parts only (unknown parts taken as empty), for decisions that must be made. */
export function withoutUnknown(text: string): string {
  return hasUnknown(text) ? text.split(UNKNOWN).join('') : text;
}
