// kbuild-analyzer.showOutput: bring the output channel "Kbuild Analyzer" forward.
import type { CommandFactory } from './index';

export const showOutput: CommandFactory = (ctx) => () => {
  ctx.output.show(true);
};
