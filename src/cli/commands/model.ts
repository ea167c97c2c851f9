import { matedPairStep, stepModel, vrmlModel, type ModelFile } from '../../model3d/index.js';
import type { RegisterCommand } from '../context.js';
import { CliUsageError, choiceOption } from '../io.js';
import { OVERRIDES_HELP, readRoleOverrides } from './_kicad-io.js';
import { emit, partStatus, unwrap } from './_output-io.js';

const FORMATS = ['step', 'wrl'] as const;

export const registerModel: RegisterCommand = (command, ctx) => {
  command
    .option('--format <format>', `step | wrl`, 'step')
    .option('-o, --output <file>', 'write to this file instead of stdout (a symbolic link at the path is refused, never written through)')
    .option('--mated-with <header>', 'a header part number: the mated pair, header turned face down onto the socket at the mated height')
    .option('--overrides <file>', `${OVERRIDES_HELP}; the model follows the overridden pads and body`)
    .option('--json', 'print JSON: part number, status, format, file name, size, provenance, checks, and the content (or the path written with -o)')
    .addHelpText('after', '\nExit code: 0 for catalog parts, 1 for an unlisted (nonstandard) or invalid part number, 2 on usage errors or bad overrides.')
    .action(async (pn: string, options: { format: string; output?: string; matedWith?: string; overrides?: string; json?: boolean }) => {
      const format = choiceOption('format', options.format, FORMATS)!;
      const overrides = (await readRoleOverrides(ctx.io.cwd, options.overrides)) ?? {};
      let file: ModelFile;
      if (options.matedWith !== undefined) {
        if (format !== 'step') throw new CliUsageError('BAD_OPTION', '--mated-with writes STEP only: drop --format wrl.');
        file = unwrap(matedPairStep(pn, options.matedWith, overrides, ctx.series));
      } else {
        file = unwrap(format === 'step' ? stepModel(pn, overrides, ctx.series) : vrmlModel(pn, overrides, ctx.series));
      }
      const status = partStatus(options.matedWith ? [pn, options.matedWith] : [pn], ctx.io, ctx.series);
      ctx.exitCode = status.exitCode;
      const report = options.json
        ? {
            summary: {
              partNumber: status.partNumbers[0],
              ...(options.matedWith !== undefined ? { matedWith: status.partNumbers[1] } : {}),
              status: status.status,
              format,
            },
            details: { provenance: file.provenance, checksBeforeFabrication: file.checksBeforeFabrication, warnings: status.warnings },
          }
        : undefined;
      await emit(ctx.io, file, options.output, report);
    });
};
