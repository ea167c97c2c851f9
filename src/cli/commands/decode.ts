import { createInterface } from 'node:readline';
import { describePart, type PartDescription } from '../../select/index.js';
import type { RegisterCommand } from '../context.js';
import { EXIT, cell, heights, json, table, write } from '../io.js';

const HEADERS = ['input', 'part number', 'status', 'role', 'pins', 'mated height mm', 'tape', 'A×B×C mm', 'notes'];
const WIDTHS = [14, 12, 12, 7, 5, 16, 5, 18];

function row(d: PartDescription): string[] {
  const notes = [...d.errors.map((e) => `${e.code}: ${e.message}`), d.suggestions.length ? `try ${d.suggestions.join(', ')}` : '']
    .filter(Boolean)
    .join(' ');
  return [
    d.input,
    cell(d.partNumber),
    d.status,
    cell(d.role),
    cell(d.pins),
    d.inspection ? 'inspection' : heights(d.matedHeightsMm),
    d.packaging ? `${d.packaging.tapePitchMm}mm` : '—',
    d.dimensionsMm ? `${d.dimensionsMm.A}×${d.dimensionsMm.B}×${d.dimensionsMm.C}${d.dimensionsProvenance === 'derived' ? '*' : ''}` : '—',
    notes,
  ];
}

const fixedLine = (cells: string[]) => cells.map((c, i) => (WIDTHS[i] ? c.padEnd(WIDTHS[i]!) : c)).join(' ').trimEnd() + '\n';

export const registerDecode: RegisterCommand = (program, ctx) => {
  program
    .command('decode')
    .description('Decode part numbers: role, pins, mated heights, packaging, dimensions; "-" reads one per line from stdin')
    .argument('<partNumbers...>', 'part numbers, or - to read them from standard input')
    .option('--json', 'print a JSON array of decode objects')
    .addHelpText('after', '\nExit code: 0 when every input is standard, 1 when any is nonstandard or invalid, 2 on usage errors.\n* after dimensions: derived from the catalog table\'s linear formula (pin count not in the table).')
    .action(async (inputs: string[], options: { json?: boolean }) => {
      let allStandard = true;
      const fromStdin = inputs.length === 1 && inputs[0] === '-';
      if (!fromStdin) {
        const described = inputs.map((pn) => describePart(pn));
        allStandard = described.every((d) => d.status === 'standard');
        await write(ctx.io.stdout, options.json ? json(described) : table(HEADERS, described.map(row)));
      } else {
        // Streams: one line in, one result out, so a million-line list runs in constant memory.
        const lines = createInterface({ input: ctx.io.stdin, crlfDelay: Infinity });
        let first = true;
        if (options.json) await write(ctx.io.stdout, '[');
        else await write(ctx.io.stdout, fixedLine(HEADERS));
        for await (const line of lines) {
          if (line.trim() === '') continue;
          const d = describePart(line);
          if (d.status !== 'standard') allStandard = false;
          if (options.json) {
            await write(ctx.io.stdout, `${first ? '\n' : ',\n'}${JSON.stringify(d)}`);
          } else {
            await write(ctx.io.stdout, fixedLine(row(d)));
          }
          first = false;
        }
        if (options.json) await write(ctx.io.stdout, first ? ']\n' : '\n]\n');
      }
      ctx.exitCode = allStandard ? EXIT.OK : EXIT.FINDINGS;
    });
};
