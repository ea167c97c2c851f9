import { footprintFile } from '../../kicad/index.js';
import type { RegisterCommand } from '../context.js';
import { printable } from '../io.js';
import { emitKicadPartFile, OVERRIDES_HELP, readOverrides } from './_kicad-io.js';

export const registerFootprint: RegisterCommand = (command, ctx) => {
  command
    .option(
      '-o, --output <file>',
      'write the footprint to this file instead of standard output (a symbolic link at the path is refused, never written through)',
    )
    .option('--overrides <file>', OVERRIDES_HELP)
    .option('--json', 'print JSON: name, file name, status and the file content')
    .addHelpText('after', '\nExit code: 0 for a catalog part, 1 for an unlisted (nonstandard) or invalid part number, 2 on usage errors or bad overrides.')
    .action(async (pn: string, options: { output?: string; overrides?: string; json?: boolean }) => {
      const given = await readOverrides(ctx.io.cwd, options.overrides);
      const r = footprintFile(pn, given ? { overrides: given.overrides, overrideOrigin: given.origin } : {}, ctx.series);
      await emitKicadPartFile(ctx, r, options, (fp) => ({
        notListedDetail: `; its footprint uses ${fp.landPattern.dimensions.provenance} dimensions`,
        jsonFields: { name: fp.name, fileName: fp.fileName },
        writtenLine: `${fp.name}: ${fp.landPattern.pads.length} pads → ${printable(options.output ?? '')}\n`,
      }));
    });
};
