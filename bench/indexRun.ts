// One server start on a tree, in a process of its own as a server is:
// indexTree with the snapshot in STORAGE (none there: a first opening, which
// writes it; else a restart from it). Prints the figures as JSON.
// Run by bench/index.ts, bundled (bench/bundled.ts): node BUNDLE ROOT STORAGE EXCLUDE_JSON
import { createIgnoreFilter } from '../server/src/lsp/discovery';
import { indexTree } from '../server/src/lsp/indexing';
import { snapshotPlace } from '../server/src/lsp/indexSnapshot';
import { createWorkspace } from '../server/src/workspace/workspace';

(async () => {
  const [root, storage, exclude] = process.argv.slice(2);
  const t = performance.now();
  const isIgnored = await createIgnoreFilter({ root, exclude: JSON.parse(exclude) as string[] });
  const ws = createWorkspace({ root });
  let saveMs: number | undefined;
  const files = await indexTree({ ws, root, isIgnored, snapshot: snapshotPlace(storage, root, isIgnored), onSnapshotSaved: (ms) => (saveMs = ms) });
  const ms = performance.now() - t;
  await new Promise((resolve) => setImmediate(resolve));
  process.stdout.write(JSON.stringify({ ms, files, indexed: ws.files.size, saveMs, rssMb: process.resourceUsage().maxRSS / 1024 }));
})();
