// What is under the cursor: the innermost occurrence containing the offset.
import type { Occurrence } from '../workspace/occurrences';
import type { WorkspaceFile } from '../workspace/workspace';

export function occurrenceAt(file: WorkspaceFile, offset: number): Occurrence | undefined {
  let best: Occurrence | undefined;
  for (const occ of file.occurrences) {
    if (occ.span.start > offset) break;
    if (offset > occ.span.end) continue;
    if (!best || occ.span.end - occ.span.start < best.span.end - best.span.start) best = occ;
  }
  return best;
}
