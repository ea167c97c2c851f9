import { builtInSeries, type Series } from '../../catalog/index.js';
import { checkPartNumber } from '../../partnumber/index.js';
import type { Result } from '../../result.js';
import { writeOutputFile } from '../files.js';
import { CliUsageError, EXIT, json, printable, write, type CliIo } from '../io.js';

/** Output helpers of the commands that generate one file (model, drawing). */
export interface GeneratedFile {
  readonly fileName: string;
  readonly content: string;
}

/**
 * Turns a failed Result into the CLI's error; its exit code is its code's (exitCodeOf): 1 for an
 * unusable part number, 2 when the user's land-pattern overrides are the problem (as for any bad input file).
 */
export function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  const hint = r.suggestions?.length ? ` Did you mean: ${r.suggestions.join(', ')}?` : '';
  throw new CliUsageError(r.error.code, `${r.error.message}${hint}`);
}

/** What --json says besides the file: `summary` comes first (part number, status, format), `details` after the file's name and size. */
export interface JsonReport {
  readonly summary: Record<string, unknown>;
  readonly details: Record<string, unknown>;
}

/**
 * Writes a generated file to -o (relative to the working directory) or to stdout. With `report`
 * (--json), stdout gets one JSON object instead: the summary, the file name and size, the details,
 * and last either the content or, with -o, the path written (`writtenTo`).
 */
export async function emit(io: CliIo, file: GeneratedFile, output: string | undefined, report?: JsonReport): Promise<void> {
  const path = output ? writeOutputFile(io.cwd, output, file.content) : null;
  if (report) {
    const bytes = Buffer.byteLength(file.content);
    return write(
      io.stdout,
      json({ ...report.summary, fileName: file.fileName, bytes, ...report.details, ...(path !== null ? { writtenTo: path } : { content: file.content }) }),
    );
  }
  if (path === null) return write(io.stdout, file.content);
  await write(io.stderr, `wrote ${printable(path)} (${Buffer.byteLength(file.content)} bytes)\n`);
}

export interface PartStatus {
  /** 0, or 1 when a part number is not in the catalog tables (its file is still written). */
  readonly exitCode: number;
  /** standard, or nonstandard when any part number is. */
  readonly status: 'standard' | 'nonstandard';
  readonly warnings: { code: string; message: string }[];
  /** The part numbers as the catalog writes them (upper case, trimmed). */
  readonly partNumbers: string[];
}

/** Nonstandard part numbers still get a file (dimensions from the table's formula) and exit code 1; each is warned of on stderr. */
export function partStatus(pns: readonly string[], io: CliIo, series: Series = builtInSeries): PartStatus {
  const warnings: { code: string; message: string }[] = [];
  const partNumbers: string[] = [];
  for (const pn of pns) {
    const check = checkPartNumber(pn, series);
    partNumbers.push(check.partNumber ?? pn);
    if (check.status === 'nonstandard' || check.status === 'renamed') {
      const warning = { code: check.errors[0]?.code ?? 'NOT_LISTED', message: check.errors[0]?.message ?? '' };
      void io.stderr.write(`warning [${warning.code}]: ${warning.message}\n`);
      warnings.push(warning);
    }
  }
  return warnings.length
    ? { exitCode: EXIT.FINDINGS, status: 'nonstandard', warnings, partNumbers }
    : { exitCode: EXIT.OK, status: 'standard', warnings, partNumbers };
}
