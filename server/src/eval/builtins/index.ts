// The builtin table of GNU make 4.3: one row per function, gathered from the
// family modules and installed into the expander. `guile` is absent, as in a
// make built without Guile: `$(guile …)` then expands to nothing.
import { installBuiltins } from '../expand';
import { CONTROL_BUILTINS } from './control';
import { FILENAME_BUILTINS } from './filenames';
import { IO_BUILTINS } from './io';
import { META_BUILTINS } from './meta';
import { TEXT_BUILTINS } from './text';
import type { Builtin } from './types';

export const BUILTINS: ReadonlyMap<string, Builtin> = new Map(
  [...TEXT_BUILTINS, ...FILENAME_BUILTINS, ...CONTROL_BUILTINS, ...META_BUILTINS, ...IO_BUILTINS].map((b) => [b.name, b]),
);

installBuiltins(BUILTINS);
