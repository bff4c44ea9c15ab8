// `npm run bench`: every figure the issues set a goal for, each against a
// reference measured in the same run. Sections whose inputs are missing say so.
import { formatRows, type BenchRow } from './types';
import { benchCmdfiles } from './cmdfiles';
import { benchServerMemory } from './serverMemory';
import { benchIndex } from './index';
import { benchLint } from './lint';
import { benchWebview } from './webview';
import { benchAnalysis } from './analysis';
import { benchEval } from './eval';

const sections: Array<[string, () => Promise<BenchRow[]>]> = [
  ['Index and navigation (kernel 6.1, issue 2)', benchIndex],
  ['Evaluator and build contexts (kernel 6.1, issue 3)', benchEval],
  ['.cmd dependency index (kernel 6.1, issue 4)', benchCmdfiles],
  ['Memory of the server (kernel 6.1, issue 4)', benchServerMemory],
  ['Lint (kernel 6.1 tools/, issue 7)', benchLint],
  ['Graph view in Chromium (issue 6)', benchWebview],
  ['Build graph, barriers, critical path (issue 5)', benchAnalysis],
];

(async () => {
  for (const [title, run] of sections) {
    try {
      console.log(formatRows(title, await run()));
    } catch (e) {
      console.log(`## ${title}\n- not measured: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
})();
