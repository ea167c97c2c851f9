import { matedPairStep, stepModel, vrmlModel, type ModelFile } from '../../model3d/index.js';
import type { RegisterCommand } from '../context.js';
import { CliUsageError, choiceOption } from '../io.js';
import { emit, statusExit, unwrap } from './_output-io.js';

const FORMATS = ['step', 'wrl'] as const;

export const registerModel: RegisterCommand = (program, ctx) => {
  program
    .command('model')
    .description('3D model of a part: STEP AP214 (mm) or VRML for KiCad (0.1 inch units), at the footprint origin; --mated-with for a socket + header pair (STEP)')
    .argument('<partNumber>')
    .option('--format <format>', `step | wrl`, 'step')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--mated-with <header>', 'a header part number: the mated pair, header turned face down onto the socket at the mated height')
    .action(async (pn: string, options: { format: string; output?: string; matedWith?: string }) => {
      const format = choiceOption('format', options.format, FORMATS)!;
      let file: ModelFile;
      if (options.matedWith !== undefined) {
        if (format !== 'step') throw new CliUsageError('BAD_OPTION', '--mated-with writes STEP only: drop --format wrl.');
        file = unwrap(matedPairStep(pn, options.matedWith));
      } else {
        file = unwrap(format === 'step' ? stepModel(pn) : vrmlModel(pn));
      }
      ctx.exitCode = statusExit(options.matedWith ? [pn, options.matedWith] : [pn], ctx.io);
      await emit(ctx.io, file, options.output);
    });
};
