import { familiesOf } from '../../geometry/index.js';
import { eagleLibrary } from '../../formats/index.js';
import type { RegisterCommand } from '../context.js';
import { WHOLE_FILE_HELP, writeOutputFile } from '../files.js';
import { json, printable, write } from '../io.js';

export const registerEagleLib: RegisterCommand = (command, ctx) => {
  command
    .option('--json', 'print a JSON summary (file, packages, symbols, device sets, technologies)')
    .addHelpText('after', `\n${WHOLE_FILE_HELP}\nExit code: 0 written, 2 when the file cannot be written.`)
    .action(async (file: string, options: { json?: boolean }) => {
      const families = familiesOf(ctx.series);
      const text = eagleLibrary(families, ctx.series);
      if (file === '-') return write(ctx.io.stdout, text);
      writeOutputFile(ctx.io.cwd, file, text);
      const summary = {
        file,
        packages: families.length,
        symbols: families.length,
        devicesets: families.length,
        technologies: families.reduce((s, f) => s + f.partNumbers.length, 0),
        bytes: Buffer.byteLength(text),
      };
      await write(
        ctx.io.stdout,
        options.json
          ? json(summary)
          : `${printable(file)}: ${summary.packages} packages, ${summary.symbols} symbols, ${summary.devicesets} device sets (${summary.technologies} part numbers)\n`,
      );
    });
};
