import { resolve } from 'node:path';
import { footprintFile } from '../../kicad/index.js';
import type { RegisterCommand } from '../context.js';
import { writeErrorText, writeFileNoFollow } from '../files.js';
import { CliUsageError, EXIT, json, write } from '../io.js';
import { OVERRIDES_HELP, readOverrides, resultError } from './_kicad-io.js';

export const registerFootprint: RegisterCommand = (program, ctx) => {
  program
    .command('footprint')
    .description('KiCad footprint (.kicad_mod, KiCad 8+ format) of a part: pads, paste, mask, silkscreen, courtyard, STEP model link, provenance properties')
    .argument('<partNumber>')
    .option(
      '-o, --output <file>',
      'write the footprint to this file instead of standard output (a symbolic link at the path is refused, never written through)',
    )
    .option('--overrides <file>', OVERRIDES_HELP)
    .option('--json', 'print JSON: name, file name, status and the file content')
    .addHelpText('after', '\nExit code: 0 for a catalog part, 1 for an unlisted (nonstandard) or invalid part number, 2 on usage errors or bad overrides.')
    .action(async (pn: string, options: { output?: string; overrides?: string; json?: boolean }) => {
      const given = await readOverrides(ctx.io.cwd, options.overrides);
      const r = footprintFile(pn, given ? { overrides: given.overrides, overrideOrigin: given.origin } : {});
      if (!r.ok) throw resultError(r.error, r.suggestions);
      const fp = r.value;
      ctx.exitCode = fp.status === 'standard' ? EXIT.OK : EXIT.FINDINGS;
      if (fp.status !== 'standard')
        ctx.io.stderr.write(
          `warning [NOT_LISTED]: ${fp.partNumber} is not in the catalog tables; its footprint uses ${fp.landPattern.dimensions.provenance} dimensions. Ask Panasonic sales.\n`,
        );
      if (options.output !== undefined) {
        const path = resolve(ctx.io.cwd, options.output);
        try {
          writeFileNoFollow(path, fp.content);
        } catch (err) {
          throw new CliUsageError('OUTPUT_WRITE_FAILED', `Cannot write ${options.output}: ${writeErrorText(path, err)}`);
        }
      }
      if (options.json) {
        await write(
          ctx.io.stdout,
          json({
            partNumber: fp.partNumber,
            status: fp.status,
            name: fp.name,
            fileName: fp.fileName,
            ...(options.output !== undefined ? { writtenTo: options.output } : { content: fp.content }),
          }),
        );
      } else if (options.output !== undefined) {
        await write(ctx.io.stdout, `${fp.name}: ${fp.landPattern.pads.length} pads → ${options.output}\n`);
      } else {
        await write(ctx.io.stdout, fp.content);
      }
    });
};
