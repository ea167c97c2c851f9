import { circuitJsonPart } from '../../formats/index.js';
import type { RegisterCommand } from '../context.js';
import { writeOutputFile } from '../files.js';
import { exitCodeOfStatus, json, printable, write } from '../io.js';
import { resultError } from './_kicad-io.js';

export const registerCircuitJson: RegisterCommand = (command, ctx) => {
  command
    .option('-o, --output <file>', 'write the JSON to this file instead of standard output')
    .option('--name <ref>', 'the component name (reference designator), default J1')
    .addHelpText(
      'after',
      '\nOutput: a JSON array of circuit-json elements (mm; y up, as circuit-json). Exit code: 0 for a catalog part, 1 for an unlisted or invalid part number, 2 on usage errors.',
    )
    .action(async (pn: string, options: { output?: string; name?: string }) => {
      const r = circuitJsonPart(pn, options.name !== undefined ? { name: options.name } : {}, ctx.series);
      if (!r.ok) throw resultError(r.error, r.suggestions);
      ctx.exitCode = exitCodeOfStatus(r.value.status);
      if (r.value.status !== 'standard')
        ctx.io.stderr.write(
          `warning [NOT_LISTED]: ${r.value.partNumber} is not in the catalog tables; its land pattern uses derived dimensions. Ask Panasonic sales.\n`,
        );
      const text = json(r.value.elements);
      if (options.output === undefined) return write(ctx.io.stdout, text);
      writeOutputFile(ctx.io.cwd, options.output, text);
      await write(ctx.io.stdout, `${r.value.partNumber}: ${r.value.elements.length} circuit-json elements → ${printable(options.output)}\n`);
    });
};
