import { resolve } from 'node:path';
import { symbolLibraryFile } from '../../kicad/index.js';
import type { RegisterCommand } from '../context.js';
import { writeErrorText, writeFileNoFollow } from '../files.js';
import { CliUsageError, EXIT, json, write } from '../io.js';
import { resultError } from './_kicad-io.js';

export const registerSymbol: RegisterCommand = (program, ctx) => {
  program
    .command('symbol')
    .description('KiCad symbol library (.kicad_sym, KiCad 8+ format) holding the symbol of a part, its MPN field set to the part number')
    .argument('<partNumber>')
    .option('-o, --output <file>', 'write the library to this file instead of standard output (a symbolic link at the path is refused, never written through)')
    .option('--json', 'print JSON: file name, status and the file content')
    .addHelpText('after', '\nExit code: 0 for a catalog part, 1 for an unlisted (nonstandard) or invalid part number, 2 on usage errors.')
    .action(async (pn: string, options: { output?: string; json?: boolean }) => {
      const r = symbolLibraryFile(pn);
      if (!r.ok) throw resultError(r.error, r.suggestions);
      const sym = r.value;
      ctx.exitCode = sym.status === 'standard' ? EXIT.OK : EXIT.FINDINGS;
      if (sym.status !== 'standard') ctx.io.stderr.write(`warning [NOT_LISTED]: ${sym.partNumber} is not in the catalog tables. Ask Panasonic sales.\n`);
      if (options.output !== undefined) {
        const path = resolve(ctx.io.cwd, options.output);
        try {
          writeFileNoFollow(path, sym.content);
        } catch (err) {
          throw new CliUsageError('OUTPUT_WRITE_FAILED', `Cannot write ${options.output}: ${writeErrorText(path, err)}`);
        }
      }
      if (options.json) {
        await write(
          ctx.io.stdout,
          json({
            partNumber: sym.partNumber,
            status: sym.status,
            fileName: sym.fileName,
            ...(options.output !== undefined ? { writtenTo: options.output } : { content: sym.content }),
          }),
        );
      } else if (options.output !== undefined) {
        await write(ctx.io.stdout, `${sym.fileName} → ${options.output}\n`);
      } else {
        await write(ctx.io.stdout, sym.content);
      }
    });
};
