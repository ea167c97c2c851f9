import { basename } from 'node:path';
import type { A4sError } from '../../errors.js';
import { MAX_FOOTPRINT_CHARS, renderFootprintPairReport, renderFootprintReport, verifyFootprint, verifyFootprintPair } from '../../verify/index.js';
import type { RegisterCommand } from '../context.js';
import { CliUsageError, EXIT, json, printable, write } from '../io.js';
import { readText } from './_checks-io.js';

interface VerifyCliOptions {
  part?: string;
  ref?: string;
  mate?: string;
  matePart?: string;
  mateRef?: string;
  json?: boolean;
}

export const registerVerifyFootprint: RegisterCommand = (command, ctx) => {
  command
    .option(
      '--part <pn>',
      'the A4S part the footprint is for (default: found in the file name, footprint name, value, description or tags, else from the pad count)',
    )
    .option('--ref <designator>', "in a board file (.kicad_pcb): the connector's reference designator, e.g. J2 (default: the board's only A4S footprint)")
    .option('--mate <file>', "the mating part's footprint (.kicad_mod or .kicad_pcb): also check that pin n of one meets pin n of the other")
    .option('--mate-part <pn>', 'the A4S part of --mate (default: found as for the first file)')
    .option('--mate-ref <designator>', "in a --mate board file: the mating connector's reference designator")
    .option(
      '--json',
      'print the report as JSON ({ file, part, placement, tolerancesMm, findings: [{ code, severity, pads, message, expected, found, toleranceMm, provenance, source }], summary, verdicts: { copper, paste, outline }, matches }; with --mate: { footprint, mate, matesPinToPin, findings, matches })',
    )
    .addHelpText('after', '\nExit code: 0 the footprint (and pair) matches, 1 error or warning findings, 2 unreadable file or usage error.')
    .action(async (file: string, options: VerifyCliOptions) => {
      const input = async (path: string, part: string | undefined, ref: string | undefined) => ({
        text: await readText(ctx.io, path, MAX_FOOTPRINT_CHARS, {
          code: 'INPUT_UNREADABLE',
          why: "the bound of a footprint or a board given with --ref (README, 'Every input is read with a byte bound'); for a larger board, export the connector's footprint from KiCad (Footprint Editor → Export Footprint) and check that file",
        }),
        ...(part !== undefined ? { part } : {}),
        ...(path !== '-' ? { fileName: basename(path) } : {}),
        ...(ref !== undefined ? { reference: ref } : {}),
      });
      const fail = (name: string, e: A4sError, suggestions?: readonly string[]) => {
        const hint = suggestions?.length ? ` Did you mean: ${suggestions.join(', ')}?` : '';
        // A part number refused here came with --part / --mate-part: a usage error, not the answer about a part.
        return new CliUsageError(e.code, printable(`${name}: ${e.message}${hint}`), 'option');
      };
      const first = await input(file, options.part, options.ref);
      if (options.mate === undefined) {
        if (options.matePart !== undefined || options.mateRef !== undefined)
          throw new CliUsageError('BAD_OPTION', '--mate-part and --mate-ref go with --mate <file>.');
        const { text, ...opts } = first;
        const result = verifyFootprint(text, opts, ctx.series);
        if (!result.ok) throw fail(file, result.error, result.suggestions);
        ctx.exitCode = result.value.matches ? EXIT.OK : EXIT.FINDINGS;
        await write(ctx.io.stdout, options.json ? json(result.value) : printable(renderFootprintReport(result.value, ctx.series)).replace(/\\x0A/g, '\n'));
        return;
      }
      const second = await input(options.mate, options.matePart, options.mateRef);
      const pair = verifyFootprintPair(first, second, ctx.series);
      if (!pair.ok) throw fail(`${file} / ${options.mate}`, pair.error, pair.suggestions);
      ctx.exitCode = pair.value.matches ? EXIT.OK : EXIT.FINDINGS;
      await write(ctx.io.stdout, options.json ? json(pair.value) : printable(renderFootprintPairReport(pair.value, ctx.series)).replace(/\\x0A/g, '\n'));
    });
};
