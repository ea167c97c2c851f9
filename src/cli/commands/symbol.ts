import { symbolLibraryFile } from '../../kicad/index.js';
import type { RegisterCommand } from '../context.js';
import { printable } from '../io.js';
import { emitKicadPartFile } from './_kicad-io.js';

export const registerSymbol: RegisterCommand = (command, ctx) => {
  command
    .option('-o, --output <file>', 'write the library to this file instead of standard output (a symbolic link at the path is refused, never written through)')
    .option('--json', 'print JSON: file name, status and the file content')
    .addHelpText('after', '\nExit code: 0 for a catalog part, 1 for an unlisted (nonstandard) or invalid part number, 2 on usage errors.')
    .action(async (pn: string, options: { output?: string; json?: boolean }) =>
      emitKicadPartFile(ctx, symbolLibraryFile(pn, ctx.series), options, (sym) => ({
        notListedDetail: '',
        jsonFields: { fileName: sym.fileName },
        writtenLine: `${sym.fileName} → ${printable(options.output ?? '')}\n`,
      })),
    );
};
