import { drawingSvg } from '../../drawing/index.js';
import type { RegisterCommand } from '../context.js';
import { OVERRIDES_HELP, readRoleOverrides } from './_kicad-io.js';
import { emit, partStatus, unwrap } from './_output-io.js';

export const registerDrawing: RegisterCommand = (command, ctx) => {
  command
    .option('-o, --output <file>', 'write to this file instead of stdout (a symbolic link at the path is refused, never written through)')
    .option('--overrides <file>', `${OVERRIDES_HELP}; drawn in the "override" colour`)
    .option(
      '--json',
      'print JSON: part number, status, file name, size, the numbers drawn with their provenance, checks, and the content (or the path written with -o)',
    )
    .addHelpText('after', '\nExit code: 0 for catalog parts, 1 for an unlisted (nonstandard) or invalid part number, 2 on usage errors or bad overrides.')
    .action(async (pn: string, options: { output?: string; overrides?: string; json?: boolean }) => {
      const overrides = (await readRoleOverrides(ctx.io.cwd, options.overrides)) ?? {};
      const file = unwrap(drawingSvg(pn, overrides, ctx.series));
      const status = partStatus([pn], ctx.io, ctx.series);
      ctx.exitCode = status.exitCode;
      const report = options.json
        ? {
            summary: { partNumber: status.partNumbers[0], status: status.status, format: 'svg' },
            details: { numbers: file.numbers, checksBeforeFabrication: file.checksBeforeFabrication, warnings: status.warnings },
          }
        : undefined;
      await emit(ctx.io, file, options.output, report);
    });
};
