import { symbolLibraryFile } from '../../kicad/index.js';
import type { RegisterCommand } from '../context.js';
import { printable } from '../io.js';
import { emitKicadPartFile } from './_kicad-io.js';

export const registerSymbol: RegisterCommand = (program, ctx) => {
  program
    .command('symbol')
    .description('KiCad symbol library (.kicad_sym, KiCad 8 format: KiCad 8 and later) holding the symbol of a part, its MPN field set to the part number')
    .argument('<partNumber>')
    .option('-o, --output <file>', 'write the library to this file instead of standard output (a symbolic link at the path is refused, never written through)')
    .option('--json', 'print JSON: file name, status and the file content')
    .addHelpText('after', '\nExit code: 0 for a catalog part, 1 for an unlisted (nonstandard) or invalid part number, 2 on usage errors.')
    .action(async (pn: string, options: { output?: string; json?: boolean }) =>
      emitKicadPartFile(ctx, symbolLibraryFile(pn), options, (sym) => ({
        notListedDetail: '',
        jsonFields: { fileName: sym.fileName },
        writtenLine: `${sym.fileName} → ${printable(options.output ?? '')}\n`,
      })),
    );
};
