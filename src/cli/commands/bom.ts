import { extname } from 'node:path';
import { SingleBar } from 'cli-progress';
import {
  checkBomStream,
  MAX_BOM_LINE_BYTES,
  pairBomReports,
  pairedBomOptions,
  renderReport,
  type BomOptions,
  type BomPairReport,
  type BomReport,
  type InputError,
} from '../../checks/index.js';
import type { Series } from '../../catalog/index.js';
import type { Result } from '../../result.js';
import { groupDigits } from '../../numbers.js';
import type { RegisterCommand } from '../context.js';
import { CliUsageError, EXIT, choiceOption, json, printable, sharedOption, write, type CliIo } from '../io.js';
import { OPTIONS } from '../../options.js';
import { openStream, rejectFormatWithJson } from './_checks-io.js';
import { BoundExceeded, boundedChunks } from '../bounded.js';

interface BomCliOptions {
  column?: string;
  qtyColumn?: string;
  mate?: string;
  mateColumn?: string;
  mateFixture?: boolean;
  boards?: string;
  fixture?: boolean;
  json?: boolean;
  format?: string;
}

/** The CLI reads BOMs up to 1 GiB (assumed: a 1,000,000-line BOM is about 60 MB; bounds a FIFO or device that never ends). */
export const MAX_BOM_BYTES = 1024 ** 3;

/** Runs one BOM file through `checkBomStream`; a file it cannot read (or whose header it cannot use) is exit code 2. */
async function checkBomFile(io: CliIo, file: string, options: BomOptions, label: string, series: Series): Promise<BomReport> {
  if (['.xlsx', '.xls', '.ods'].includes(extname(file).toLowerCase())) {
    throw new CliUsageError('INPUT_UNREADABLE', `${file}: spreadsheets are not read; export the sheet as CSV or TSV.`);
  }
  const { stream, size } = await openStream(io, file);
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
  const progress = (chunk: Uint8Array) => {
    bytes += chunk.length;
    for (let lf = chunk.indexOf(10); lf >= 0; lf = chunk.indexOf(10, lf + 1)) lines++;
    bar?.update(bytes, { lines });
  };
  bar?.start(size ?? 1, 0, { lines: 0 });
  let result: Result<BomReport, InputError>;
  try {
    result = await checkBomStream(boundedChunks(stream, MAX_BOM_BYTES, bar ? progress : undefined), options, series);
  } catch (err) {
    if (err instanceof BoundExceeded) {
      throw new CliUsageError(
        'BOM_TOO_LARGE',
        `${file}: more than ${err.bound.toLocaleString('en-US')} bytes; a BOM is read up to that bound; reading stopped.`,
      );
    }
    throw new CliUsageError('INPUT_UNREADABLE', `Cannot read ${file}: ${(err as Error).message}`);
  } finally {
    bar?.stop();
    stream.destroy();
  }
  if (result.ok) return result.value;
  const e = result.error;
  if (e.code === 'BOM_EMPTY') throw new CliUsageError('BOM_EMPTY', `${file} is empty (no header row).`);
  if (e.code === 'BOM_TOO_LARGE') {
    throw new CliUsageError(
      'BOM_TOO_LARGE',
      `${file}: line ${e.line} is longer than ${groupDigits(MAX_BOM_LINE_BYTES)} bytes, which no BOM line is; reading stopped.`,
    );
  }
  throw new CliUsageError(e.code, printable(`${file}: ${e.message}`));
}

/**
 * Both boards' BOMs, each checked as fully as alone with the other's parts as its partners, then
 * the pairing (`pairBomReports`). Each board needs the other's parts first, so one file is read
 * twice (first for its parts): the other board's, or this board's when the other is standard input.
 */
async function checkTwoBoards(io: CliIo, file: string, mateFile: string, own: BomOptions, other: BomOptions, series: Series): Promise<BomPairReport> {
  if (file === '-' && mateFile === '-') throw new CliUsageError('BAD_OPTION', 'Only one of the two BOMs can be standard input ("-").');
  let board: BomReport;
  let mate: BomReport;
  if (mateFile !== '-') {
    const mateParts = (await checkBomFile(io, mateFile, other, 'mate BOM', series)).parts;
    board = await checkBomFile(io, file, pairedBomOptions(own, mateParts), 'BOM', series);
    mate = await checkBomFile(io, mateFile, pairedBomOptions(other, board.parts), 'mate BOM', series);
  } else {
    const boardParts = (await checkBomFile(io, file, own, 'BOM', series)).parts;
    mate = await checkBomFile(io, mateFile, pairedBomOptions(other, boardParts), 'mate BOM', series);
    board = await checkBomFile(io, file, pairedBomOptions(own, mate.parts), 'BOM', series);
  }
  const name = (f: string, fallback: string) => (f === '-' ? fallback : printable(f));
  return pairBomReports(board, mate, { board: name(file, 'standard input'), mate: name(mateFile, 'standard input') }, series);
}

export const registerBom: RegisterCommand = (command, ctx) => {
  command
    .option(
      '--column <name>',
      'header of the part-number column (default: found among MPN, Manufacturer Part Number, Part Number, Value, Comment…; else every cell is scanned)',
    )
    .option('--qty-column <name>', 'header of the quantity column (default: Qty, Quantity…; else the references are counted)')
    .option(
      '--mate <other.csv>',
      'BOM of the other board (the FPC): checked as fully as this one (findings of both boards, labelled by board; reels for both), then the pairing (which socket meets which header, at which mated height)',
    )
    .option('--mate-column <name>', 'header of the part-number column of the --mate BOM (default: found automatically)')
    .option('--boards <n>', 'boards to build (quantities are per board; default 1)')
    .option('--fixture', 'the BOM is an inspection fixture’s: inspection parts are expected (on the standard footprint too: same foot pattern)')
    .option('--mate-fixture', 'the --mate BOM is an inspection fixture’s too (by default it is checked as a production BOM)')
    .option('--json', 'print the report as JSON (not with --format)')
    .option('--format <format>', 'human report format: text (default), md or html')
    .addHelpText(
      'after',
      '\nStreams the file (constant memory); a progress bar is drawn on standard error when it is a terminal.\nExit code: 0 no error-level finding, 1 error-level findings (invalid part numbers, unreadable lines, inspection parts in production), 2 unreadable input or usage error.',
    )
    .action(async (file: string, options: BomCliOptions) => {
      rejectFormatWithJson(options);
      const format = choiceOption('format', options.format, ['text', 'md', 'html'] as const) ?? 'text';
      const boards = sharedOption(OPTIONS.boards, options.boards) ?? 1;
      const base: BomOptions = {
        ...(options.qtyColumn !== undefined ? { quantityColumn: options.qtyColumn } : {}),
        boards,
        fixture: Boolean(options.fixture),
      };
      const own: BomOptions = { ...base, ...(options.column !== undefined ? { column: options.column } : {}) };
      if (!options.mate) {
        if (options.mateColumn !== undefined || options.mateFixture)
          throw new CliUsageError('BAD_OPTION', `${options.mateFixture ? '--mate-fixture' : '--mate-column'} goes with --mate other.csv.`);
        const report = await checkBomFile(ctx.io, file, own, 'BOM', ctx.series);
        ctx.exitCode = report.summary.errors > 0 ? EXIT.FINDINGS : EXIT.OK;
        await write(ctx.io.stdout, options.json ? json(report) : renderReport(report, format, ctx.series));
        return;
      }
      const other: BomOptions = {
        ...base,
        fixture: Boolean(options.mateFixture),
        ...(options.mateColumn !== undefined ? { column: options.mateColumn } : {}),
      };
      const report = await checkTwoBoards(ctx.io, file, options.mate, own, other, ctx.series);
      ctx.exitCode = report.summary.errors > 0 ? EXIT.FINDINGS : EXIT.OK;
      await write(ctx.io.stdout, options.json ? json(report) : renderReport(report, format, ctx.series));
    });
};
