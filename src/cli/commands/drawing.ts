import { drawingSvg } from '../../drawing/index.js';
import type { RegisterCommand } from '../context.js';
import { emit, statusExit, unwrap } from './_output-io.js';

export const registerDrawing: RegisterCommand = (program, ctx) => {
  program
    .command('drawing')
    .description('SVG drawing of a part: land pattern, outline, pin 1, A/B/C dimensions, where every number comes from, checks before fabrication (A4, mm)')
    .argument('<partNumber>')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (pn: string, options: { output?: string }) => {
      const file = unwrap(drawingSvg(pn));
      ctx.exitCode = statusExit([pn], ctx.io);
      await emit(ctx.io, file, options.output);
    });
};
