import type { A4sError } from '../../errors.js';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import { SingleBar } from 'cli-progress';
import { parse, type CsvError } from 'csv-parse';
import { BOM_LINE_PIECE_SEPARATOR, createBomChecker, renderReport, type BomChecker, type BomOptions, type BomReport } from '../../checks/index.js';
import type { RegisterCommand } from '../context.js';
import { CliUsageError, EXIT, choiceOption, json, numberOption, printable, write, type CliIo } from '../io.js';
import { openStream, rejectFormatWithJson } from './_checks-io.js';
import { BoundExceeded, byteAndLineBound } from '../bounded.js';

interface BomCliOptions {
  column?: string;
  qtyColumn?: string;
  mate?: string;
  boards?: string;
  fixture?: boolean;
  json?: boolean;
  format?: string;
}

/**
 * csv-parse options shared by the CLI, the HTTP API and the bench's parse-only baseline. csv-parse
 * is used as a streaming LINE reader (record delimiters, a byte-order mark, line numbers, empty lines):
 * no quote handling (`quote: false`), and a NUL delimiter, which text never holds, so that each record
 * is one whole line. With quotes interpreted here, one unclosed quote would swallow every line after
 * it into one cell and be reported at the end of the file; with the real delimiter and quotes off, a
 * quoted cell holding the delimiter gives lines of uneven cell counts, for which csv-parse builds an
 * error object each (2.5× slower). The BOM checker splits the line on the delimiter (detected from
 * the header line) and joins quoted cells itself (`joinQuotedCells`), reporting a stray quote on the
 * line where it opened. `_delimiter` is accepted for callers that detect it, and not needed.
 */
export function bomParserOptions(_delimiter?: string) {
  return {
    delimiter: BOM_LINE_PIECE_SEPARATOR,
    quote: false,
    bom: true,
    relax_column_count: true,
    skip_records_with_error: true,
    skip_empty_lines: true,
    info: true,
  } as const;
}

/**
 * Streams CSV/TSV bytes through csv-parse into `onRecord`, one line at a time (constant memory):
 * each record is one line (see `bomParserOptions`), to be given as it is to `BomChecker.push`.
 * Lines csv-parse cannot read go to `onUnreadable` with their line number. `onBytes` reports progress.
 */
export async function streamCsv(
  input: Readable,
  onRecord: (cells: string[], line: number) => boolean | void,
  onUnreadable: (line: number, reason: string) => void,
  onBytes?: (n: number) => void,
  bounds: { maxBytes: number; maxLineBytes: number } = { maxBytes: MAX_BOM_BYTES, maxLineBytes: MAX_BOM_LINE_BYTES },
): Promise<void> {
  const parser = parse(bomParserOptions());
  parser.on('skip', (err: CsvError & { lines?: number }) => onUnreadable(err.lines ?? 0, err.message));
  // Bytes and line length are bounded before csv-parse, which would hold an endless line whole.
  const source = input.pipe(byteAndLineBound(bounds.maxBytes, bounds.maxLineBytes));
  input.on('error', (err) => source.destroy(err));
  await new Promise<void>((resolvePromise, reject) => {
    let done = false;
    const finish = (err?: Error) => {
      if (done) return;
      done = true;
      if (err) reject(err);
      else resolvePromise();
    };
    // 'data' events, not async iteration: iterating an object-mode stream costs ~5× the parse itself.
    parser.on('data', (item: { record: string[]; info: { lines: number } }) => {
      if (done) return;
      if (onRecord(item.record, item.info.lines) === false) {
        source.unpipe(parser);
        parser.destroy();
        finish();
      }
    });
    parser.on('end', () => finish());
    parser.on('error', (err) => finish(err));
    source.on('error', (err) => finish(err));
    if (onBytes) source.on('data', (chunk: Buffer | string) => onBytes(chunk.length));
    source.pipe(parser);
  });
}

/** The CLI reads BOMs up to 1 GiB (assumed: a 1,000,000-line BOM is about 60 MB; bounds a FIFO or device that never ends). */
export const MAX_BOM_BYTES = 1024 ** 3;
/** No BOM line is longer than 256 KiB (assumed; a quoted cell over lines holds at most 65,536 characters). */
export const MAX_BOM_LINE_BYTES = 256 * 1024;

/** Runs one BOM file through a checker; a header it cannot use is exit code 2. */
async function checkBomFile(io: CliIo, file: string, options: BomOptions, label: string): Promise<BomReport> {
  if (['.xlsx', '.xls', '.ods'].includes(extname(file).toLowerCase())) {
    throw new CliUsageError('INPUT_UNREADABLE', `${file}: spreadsheets are not read; export the sheet as CSV or TSV.`);
  }
  const { stream, size } = await openStream(io, file);
  const checker: BomChecker = createBomChecker(options);
  const showBar = Boolean((io.stderr as { isTTY?: boolean }).isTTY) && size !== null && size > 0;
  const bar = showBar
    ? new SingleBar({
        format: `${label} [{bar}] {percentage}% | {lines} lines`,
        stream: io.stderr as NodeJS.WriteStream,
        hideCursor: true,
        clearOnComplete: true,
      })
    : null;
  let bytes = 0;
  let lines = 0;
  let headerSeen = false;
  let headerError: A4sError | null = null;
  bar?.start(size ?? 1, 0, { lines: 0 });
  try {
    await streamCsv(
      stream,
      (cells, line) => {
        lines = line;
        headerSeen = true;
        const e = checker.push(cells, line);
        if (e) {
          headerError = e;
          return false;
        }
      },
      (line, reason) => checker.unreadable(line, reason),
      bar
        ? (n) => {
            bytes += n;
            bar.update(bytes, { lines });
          }
        : undefined,
    );
  } catch (err) {
    if (err instanceof BoundExceeded) {
      throw new CliUsageError(
        'BOM_TOO_LARGE',
        `${file}: ${err.kind === 'bytes' ? `more than ${err.bound.toLocaleString('en-US')} bytes; a BOM is read up to that bound` : `line ${err.line} is longer than ${err.bound.toLocaleString('en-US')} bytes, which no BOM line is`}; reading stopped.`,
      );
    }
    throw new CliUsageError('INPUT_UNREADABLE', `Cannot read ${file}: ${(err as Error).message}`);
  } finally {
    bar?.stop();
    stream.destroy();
  }
  if (headerError) {
    const e: A4sError = headerError;
    throw new CliUsageError(e.code, printable(`${file}: ${e.message}`));
  }
  if (!headerSeen) throw new CliUsageError('BOM_EMPTY', `${file} is empty (no header row).`);
  return checker.finish();
}

export const registerBom: RegisterCommand = (program, ctx) => {
  program
    .command('bom')
    .description(
      'Check a BOM (CSV/TSV: KiCad, JLCPCB or any file with a part-number column) for A4S parts: status, mating partners, heights, reels, inspection parts',
    )
    .argument('<file>', 'BOM file, CSV or TSV ("-" = standard input)')
    .option(
      '--column <name>',
      'header of the part-number column (default: found among MPN, Manufacturer Part Number, Part Number, Value, Comment…; else every cell is scanned)',
    )
    .option('--qty-column <name>', 'header of the quantity column (default: Qty, Quantity…; else the references are counted)')
    .option('--mate <other.csv>', 'BOM of the other board, where the mating partners may be')
    .option('--boards <n>', 'boards to build (quantities are per board; default 1)')
    .option('--fixture', 'the BOM is an inspection fixture’s: inspection parts are expected')
    .option('--json', 'print the report as JSON (not with --format)')
    .option('--format <format>', 'human report format: text (default), md or html')
    .addHelpText(
      'after',
      '\nStreams the file (constant memory); a progress bar is drawn on standard error when it is a terminal.\nExit code: 0 no error-level finding, 1 error-level findings (invalid part numbers, unreadable lines, inspection parts in production), 2 unreadable input or usage error.',
    )
    .action(async (file: string, options: BomCliOptions) => {
      rejectFormatWithJson(options);
      const format = choiceOption('format', options.format, ['text', 'md', 'html'] as const) ?? 'text';
      const boards = numberOption('boards', options.boards, { integer: true, min: 1, max: 1_000_000_000 }) ?? 1;
      const base: BomOptions = {
        ...(options.qtyColumn !== undefined ? { quantityColumn: options.qtyColumn } : {}),
        boards,
        fixture: Boolean(options.fixture),
      };
      const mateParts = options.mate ? (await checkBomFile(ctx.io, options.mate, base, 'mate BOM')).parts : undefined;
      const report = await checkBomFile(
        ctx.io,
        file,
        { ...base, ...(options.column !== undefined ? { column: options.column } : {}), ...(mateParts ? { mateParts } : {}) },
        'BOM',
      );
      ctx.exitCode = report.summary.errors > 0 ? EXIT.FINDINGS : EXIT.OK;
      await write(ctx.io.stdout, options.json ? json(report) : renderReport(report, format));
    });
};
