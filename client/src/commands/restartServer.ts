// kbuild-analyzer.restartServer: stop the server process and start a new one
// (it re-indexes the workspace folders).
import type { CommandFactory } from './index';

export const restartServer: CommandFactory = (ctx) => async () => {
  ctx.output.appendLine('Restarting the server');
  await ctx.client.restart();
};
