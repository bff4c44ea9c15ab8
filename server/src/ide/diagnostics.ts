// Diagnostics of one file: what the reader found, worded like make.
import type { Workspace } from '../workspace/workspace';
import type { IdeDiagnostic } from './types';

export function fileDiagnostics(ws: Workspace, file: string): IdeDiagnostic[] {
  const entry = ws.files.get(file);
  if (!entry) return [];
  return entry.parse.diagnostics.map((d) => ({
    span: d.span,
    message: d.message,
    severity: d.severity,
    code: 'make-syntax',
    source: 'kbuild-analyzer',
  }));
}
