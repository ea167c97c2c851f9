import { footprintFamilies } from '../../geometry/index.js';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { eagleLibrary } from '../../formats/index.js';
import type { RegisterCommand } from '../context.js';
import { CliUsageError, json, write } from '../io.js';

export const registerEagleLib: RegisterCommand = (program, ctx) => {
  program
    .command('eagle-lib')
    .description(
      'Write the whole library as one Eagle 9 XML library (.lbr) for Eagle, Fusion Electronics and importers: a package per footprint (the KiCad land pattern), a symbol per role and pin count, a device set per family with a technology per part number (MPN, MANUFACTURER)',
    )
    .argument('<file>', 'the .lbr file to write ("-" = standard output)')
    .option('--json', 'print a JSON summary (file, packages, symbols, device sets, technologies)')
    .addHelpText('after', '\nExit code: 0 written, 2 when the file cannot be written.')
    .action(async (file: string, options: { json?: boolean }) => {
      const text = eagleLibrary();
      if (file === '-') return write(ctx.io.stdout, text);
      try {
        await writeFile(resolve(ctx.io.cwd, file), text);
      } catch (err) {
        throw new CliUsageError('OUTPUT_WRITE_FAILED', `Cannot write ${file}: ${(err as Error).message}`);
      }
      const summary = {
        file,
        packages: footprintFamilies.length,
        symbols: footprintFamilies.length,
        devicesets: footprintFamilies.length,
        technologies: footprintFamilies.reduce((s, f) => s + f.partNumbers.length, 0),
        bytes: Buffer.byteLength(text),
      };
      await write(
        ctx.io.stdout,
        options.json
          ? json(summary)
          : `${file}: ${summary.packages} packages, ${summary.symbols} symbols, ${summary.devicesets} device sets (${summary.technologies} part numbers)\n`,
      );
    });
};
