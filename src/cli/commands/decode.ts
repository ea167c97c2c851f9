import type { Series } from '../../catalog/index.js';
import { describePart, type PartDescription } from '../../select/index.js';
import type { RegisterCommand } from '../context.js';
import { CliUsageError, EXIT, cell, heights, json, printable, table, write } from '../io.js';
import { readLines, type Line } from '../lines.js';
import { BoundExceeded } from '../bounded.js';

const HEADERS = ['input', 'part number', 'status', 'role', 'pins', 'mated height mm', 'tape', 'A×B×C mm', 'notes'];
const WIDTHS = [14, 12, 12, 7, 5, 16, 5, 18];

function row(d: PartDescription): string[] {
  const notes = [...d.errors.map((e) => `${e.code}: ${e.message}`), d.suggestions.length ? `try ${d.suggestions.join(', ')}` : ''].filter(Boolean).join(' ');
  // Messages quote the input: keep terminal control characters out of them too.
  return [
    printable(d.input),
    cell(d.partNumber),
    d.status,
    cell(d.role),
    cell(d.pins),
    d.inspection ? 'inspection' : heights(d.matedHeightsMm),
    d.packaging ? `${d.packaging.tapePitchMm}mm` : '—',
    d.dimensionsMm ? `${d.dimensionsMm.A}×${d.dimensionsMm.B}×${d.dimensionsMm.C}${d.dimensionsProvenance === 'derived' ? '*' : ''}` : '—',
    printable(notes),
  ];
}

/** Longer lines are cut to this many characters (part numbers have 9 or 10). */
export const MAX_LINE_CHARS = 256;

function describeTooLong(head: string, length: number, lineNumber: number, series: Series): PartDescription {
  const d = describePart(head, series);
  return {
    ...d,
    input: `${head}…`,
    partNumber: null,
    status: 'invalid',
    errors: [
      {
        code: 'TOO_LONG',
        message: `Line ${lineNumber} has ${length} characters; an ${series.name} part number has 9 or 10 (only the first ${MAX_LINE_CHARS} are shown).`,
      },
    ],
    suggestions: [],
  };
}

const isDerived = (d: { dimensionsMm: unknown; dimensionsProvenance?: string | null }) => d.dimensionsMm !== null && d.dimensionsProvenance === 'derived';
/** The table's `*`, said under it when it is used. */
const legend = (used: boolean) => (used ? "* derived: A×B×C from the catalog table's linear formula (this pin count is not in the table).\n" : '');

/** Standard input of `decode -`: at most 1 Gi characters, lines of at most 64 Mi characters (assumed bounds; a part number has 10, and a longer line up to the bound is reported TOO_LONG). */
const MAX_STDIN_CHARS = 1024 ** 3;
const MAX_STDIN_LINE_CHARS = 64 * 1024 ** 2;

/** The lines, with a bound passed turned into the CLI's error (exit 2). */
async function* guarded(lines: AsyncGenerator<Line>): AsyncGenerator<Line> {
  try {
    yield* lines;
  } catch (err) {
    if (!(err instanceof BoundExceeded)) throw err;
    throw new CliUsageError(
      'INPUT_UNREADABLE',
      err.kind === 'line'
        ? `Standard input: line ${err.line} is longer than ${err.bound.toLocaleString('en-US')} characters; no list of part numbers has such a line, reading stopped.`
        : `Standard input is over ${err.bound.toLocaleString('en-US')} characters; reading stopped.`,
    );
  }
}

const fixedLine = (cells: string[]) =>
  cells
    .map((c, i) => (WIDTHS[i] ? c.padEnd(WIDTHS[i]!) : c))
    .join(' ')
    .trimEnd() + '\n';

export const registerDecode: RegisterCommand = (command, ctx) => {
  command
    .option('--json', 'print a JSON array of decode objects')
    .addHelpText(
      'after',
      "\nExit code: 0 when every input is standard, 1 when any is renamed (an old number), nonstandard or invalid, 2 on usage errors.\n* after dimensions: derived from the catalog table's linear formula (pin count not in the table).",
    )
    .action(async (inputs: string[], options: { json?: boolean }) => {
      let allStandard = true;
      const fromStdin = inputs.length === 1 && inputs[0] === '-';
      if (!fromStdin && inputs.includes('-')) {
        throw new CliUsageError('BAD_OPTION', '"-" (read part numbers from standard input) must be the only argument: `a4s decode -` or `a4s decode PN PN …`.');
      }
      if (!fromStdin) {
        const described = inputs.map((pn) => describePart(pn, ctx.series));
        allStandard = described.every((d) => d.status === 'standard');
        await write(ctx.io.stdout, options.json ? json(described) : table(HEADERS, described.map(row)) + legend(described.some(isDerived)));
      } else {
        // Streams: one line in, one result out, so a million-line list runs in constant memory;
        // a huge line is cut (it is invalid anyway: TOO_LONG) so it cannot exhaust memory either.
        let first = true;
        let anyDerived = false;
        if (options.json) await write(ctx.io.stdout, '[');
        else await write(ctx.io.stdout, fixedLine(HEADERS));
        const lines = readLines(ctx.io.stdin, MAX_LINE_CHARS, { maxChars: MAX_STDIN_CHARS, maxLineChars: MAX_STDIN_LINE_CHARS });
        for await (const line of guarded(lines)) {
          if (line.text.trim() === '') continue;
          const d = line.length > line.text.length ? describeTooLong(line.text, line.length, line.number, ctx.series) : describePart(line.text, ctx.series);
          if (d.status !== 'standard') allStandard = false;
          if (isDerived(d)) anyDerived = true;
          if (options.json) {
            await write(ctx.io.stdout, `${first ? '\n' : ',\n'}${JSON.stringify(d)}`);
          } else {
            await write(ctx.io.stdout, fixedLine(row(d)));
          }
          first = false;
        }
        if (options.json) await write(ctx.io.stdout, first ? ']\n' : '\n]\n');
        else await write(ctx.io.stdout, legend(anyDerived));
      }
      ctx.exitCode = allStandard ? EXIT.OK : EXIT.FINDINGS;
    });
};
