import { familiesOf } from '../../geometry/index.js';
import { easyedaLibrary } from '../../formats/index.js';
import type { RegisterCommand } from '../context.js';
import { WHOLE_FILE_HELP, writeOutputFile } from '../files.js';
import { json, printable, write } from '../io.js';

export const registerEasyedaLib: RegisterCommand = (command, ctx) => {
  command
    .option('--json', 'print a JSON summary (file, footprints, symbols, devices, bytes)')
    .addHelpText(
      'after',
      `\nImport in EasyEDA Pro: File > Import > EasyEDA (Professional), choose the file, import its library items. The importers recognise the file by its extension: keep .elibz (or .zip).\n${WHOLE_FILE_HELP}\nExit code: 0 written, 2 when the file cannot be written.`,
    )
    .action(async (file: string, options: { json?: boolean }) => {
      const families = familiesOf(ctx.series);
      const bytes = easyedaLibrary(families, ctx.series);
      if (file === '-') {
        if (!ctx.io.stdout.write(Buffer.from(bytes))) await new Promise((r) => ctx.io.stdout.once('drain', r));
        return;
      }
      writeOutputFile(ctx.io.cwd, file, bytes);
      const summary = {
        file,
        footprints: families.length,
        symbols: families.length,
        devices: families.reduce((n, f) => n + f.partNumbers.length, 0),
        bytes: bytes.byteLength,
      };
      await write(
        ctx.io.stdout,
        options.json
          ? json(summary)
          : `${printable(file)}: ${summary.footprints} footprints, ${summary.symbols} symbols, ${summary.devices} devices (EasyEDA Pro library, ${summary.bytes} bytes)\n`,
      );
    });
};
