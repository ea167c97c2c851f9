import { basename } from 'node:path';
import { MAX_FOOTPRINT_CHARS, renderFootprintReport, verifyFootprint } from '../../verify/index.js';
import type { RegisterCommand } from '../context.js';
import { CliUsageError, EXIT, json, printable, write } from '../io.js';
import { readText } from './_checks-io.js';

export const registerVerifyFootprint: RegisterCommand = (program, ctx) => {
  program
    .command('verify-footprint')
    .description('Check a KiCad footprint (.kicad_mod, KiCad 5-9, from any vendor, or one cut out of a .kicad_pcb) against the catalog model of an A4S part: pins, terminals, pitch, B, C, rows, pad sizes, numbering, chirality (pin n meets pin n of the mating part), courtyard, fab, pin-1 mark')
    .argument('<file>', 'the .kicad_mod file, or a .kicad_pcb board with --ref ("-" = standard input)')
    .option('--part <pn>', 'the A4S part the footprint is for (default: found in the file name, footprint name, value, description or tags, else from the pad count)')
    .option('--ref <designator>', 'in a board file (.kicad_pcb): the connector\'s reference designator, e.g. J2 (default: the board\'s only A4S footprint)')
    .option('--json', 'print the report as JSON ({ file, part, placement, tolerancesMm, findings: [{ code, severity, pads, message, expected, found, toleranceMm, provenance, source }], summary, matches })')
    .addHelpText('after', '\nExit code: 0 the footprint matches, 1 error or warning findings, 2 unreadable file or usage error.')
    .action(async (file: string, options: { part?: string; ref?: string; json?: boolean }) => {
      const text = await readText(ctx.io, file, MAX_FOOTPRINT_CHARS);
      const result = verifyFootprint(text, { ...(options.part !== undefined ? { part: options.part } : {}), ...(file !== '-' ? { fileName: basename(file) } : {}), ...(options.ref !== undefined ? { reference: options.ref } : {}) });
      if (!result.ok) {
        const hint = result.suggestions?.length ? ` Did you mean: ${result.suggestions.join(', ')}?` : '';
        throw new CliUsageError(result.error.code, printable(`${file}: ${result.error.message}${hint}`), EXIT.USAGE);
      }
      ctx.exitCode = result.value.matches ? EXIT.OK : EXIT.FINDINGS;
      await write(ctx.io.stdout, options.json ? json(result.value) : printable(renderFootprintReport(result.value)).replace(/\\x0A/g, '\n'));
    });
};
