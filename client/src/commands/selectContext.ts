// kbuild-analyzer.selectContext: choose the build context (for now the top
// Makefile of a workspace folder) from a quick pick; the status bar shows it.
import { pickContext } from '../statusBar';
import type { CommandFactory } from './index';

export const selectContext: CommandFactory = (ctx) => () => pickContext(ctx.statusBar);
