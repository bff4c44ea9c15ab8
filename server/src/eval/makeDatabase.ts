// Reads the data base GNU make 4.3 prints with `make -p` (usually `make -pq`)
// into plain data: variables with flavor/origin/location, target- and
// pattern-specific variables, explicit targets, pattern rules, vpath.
// Pure and total: text in, data out, never throws. Used by the differential
// tests and to import a user's `make -p` into the build graph, so it reads
// the whole output in one linear pass over lines. An output holding several
// data bases (sub-makes under `make -pq`) yields one per data base.

import {
  type Cursor,
  type Section,
  DB_END,
  DB_START,
  SECTION_HEADERS,
  readFileEntry,
  readGlobalVariable,
  readPatternRule,
  readPatternVariable,
  readVpathLine,
} from './makeDatabaseEntries';
import type { MakeDatabase } from './makeDatabaseTypes';

export type * from './makeDatabaseTypes';

const BANNER = '# GNU Make ';

/** All data bases in the output, in print order (a top-level make prints after its sub-makes). */
export function parseMakeDatabases(text: string): MakeDatabase[] {
  const lines = splitLines(text);
  const dbs: MakeDatabase[] = [];
  // The `# GNU Make 4.3` banner comes a few lines before the data base header.
  let version: string | null = null;
  let k = 0;
  while (k < lines.length) {
    const line = lines[k];
    if (line.startsWith(DB_START)) {
      const cursor: Cursor = { lines, i: k + 1, db: { ...emptyDatabase(), version } };
      readDatabase(cursor);
      cursor.db.directory = cursor.db.variables.find((v) => v.name === 'CURDIR')?.value ?? null;
      dbs.push(cursor.db);
      k = cursor.i;
      continue;
    }
    if (line.startsWith(BANNER)) version = line.slice(BANNER.length).trim();
    k++;
  }
  return dbs;
}

/** The last data base in the output (the top-level make's), or an empty one. */
export function parseMakeDatabase(text: string): MakeDatabase {
  const dbs = parseMakeDatabases(text);
  return dbs[dbs.length - 1] ?? emptyDatabase();
}

function emptyDatabase(): MakeDatabase {
  return {
    version: null,
    directory: null,
    variables: [],
    patternVariables: [],
    patternRules: [],
    targets: [],
    vpaths: [],
    generalVpath: [],
    problems: [],
  };
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (line.endsWith('\r')) lines[k] = line.slice(0, -1);
  }
  return lines;
}

function readDatabase(c: Cursor): void {
  let section: Section = 'preamble';
  while (c.i < c.lines.length) {
    const line = c.lines[c.i];
    if (line.startsWith(DB_END)) {
      c.i++;
      return;
    }
    if (line.startsWith(DB_START)) return;
    const next = SECTION_HEADERS.get(line);
    if (next) {
      section = next;
      c.i++;
      continue;
    }
    const before = c.i;
    readInSection(c, section);
    // Every reader consumes a line; this guard keeps a reader bug from hanging.
    if (c.i === before) c.i++;
  }
}

function readInSection(c: Cursor, section: Section): void {
  switch (section) {
    case 'preamble':
    case 'directories':
      c.i++;
      return;
    case 'variables':
      return readGlobalVariable(c);
    case 'patternVars':
      return readPatternVariable(c);
    case 'implicit':
      return readPatternRule(c);
    case 'files':
      return readFileEntry(c);
    case 'vpath':
      return readVpathLine(c);
    default: {
      const never: never = section;
      return never;
    }
  }
}
