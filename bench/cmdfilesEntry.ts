// What bench/cmdfiles.ts times, in one module to bundle (bench/bundled.ts).
export { createCmdStore, findCmdFiles, loadCmdStore, storeStats, updateCmdFile, whyRebuild } from '../server/src/cmdfiles';
export { readCmdText } from '../server/src/cmdfiles/store';
export { createNodeHost } from '../server/src/lsp/nodeHost';
