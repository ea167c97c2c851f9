import { groupDigits } from '../../numbers.js';
import { detectDelimiter, joinQuotedCells, type CsvDelimiter, type OpenQuotedCell } from '../shared/index.js';
import type { InputError } from '../types.js';

/**
 * A BOM's lines back into records (RFC 4180: a quoted cell may hold the delimiter and run over
 * several lines), in constant memory, before any BOM rule sees them. The first whole record is the
 * header; every record after it has as many cells as the header. A stray quote costs its own line
 * only: when a quote is not closed (by the end of the file, within MAX_QUOTED_LINES lines or
 * MAX_QUOTED_CHARS characters, or closed and followed by text), the line where it opened is
 * reported unreadable and the lines after it are read again on their own.
 */

/** What the reader hands its records to (the BOM checker). */
export interface BomRecordSink {
  /** The header record (its cells as split, quotes joined); an error refuses it, and the next line is read as the header again. */
  header(cells: readonly string[], line: number): InputError | null;
  /** A record under the header, fitted to the header's length, numbered by its first line. */
  row(cells: readonly string[], line: number): void;
  /** A line that could not be read as (part of) a record, and why. */
  unreadable(line: number, reason: string): void;
}

/**
 * Lines one quoted cell may run over before its opening quote is taken for a stray one (assumed: a
 * multi-line cell of a BOM is a description of a few lines; this bounds the lines held in memory).
 */
export const MAX_QUOTED_LINES = 100;
/** Characters one quoted cell may hold over several lines (assumed, as MAX_QUOTED_LINES: bounds the text held). */
export const MAX_QUOTED_CHARS = 65_536;
/** What the pieces of one line given to `push` are joined back with (NUL: text does not hold it). */
const LINE_PIECE_SEPARATOR = '\u0000';
const charsOf = (pieces: readonly string[]) => pieces.reduce((n, p) => n + p.length + 1, 0);

/**
 * The cells of a line as many as the header's, or null. Empty cells past the header's last column
 * are dropped (exporters end lines with extra delimiters, e.g. `…;"AXE540127";;;` under a header
 * ending in one `;`): they can hold no value. A filled cell there, or a cell missing, leaves the
 * line unreadable, since which cell belongs to which column is then unknown.
 */
export function fitToHeader(cells: readonly string[], headerLength: number): readonly string[] | null {
  if (cells.length === headerLength) return cells;
  if (cells.length < headerLength) return null;
  for (let i = headerLength; i < cells.length; i++) if (cells[i]!.trim() !== '') return null;
  return cells.slice(0, headerLength);
}

/** Reads records from a BOM's lines, one `push` a line, and hands them to its sink. */
export class BomRecords {
  private readonly sink: BomRecordSink;
  /** The delimiter given, or null: then the header line's (comma, semicolon or tab). */
  private readonly givenDelimiter: CsvDelimiter | null;
  private delimiter: string;
  /** The header's cell count once the sink took the header; null before. */
  private headerLength: number | null = null;
  /** A record whose quoted cell is still open: its lines (first line first), the open cell, the characters held. */
  private pending: { lines: { cells: readonly string[]; line: number }[]; carry: OpenQuotedCell; chars: number } | null = null;

  constructor(sink: BomRecordSink, delimiter?: CsvDelimiter) {
    this.sink = sink;
    this.givenDelimiter = delimiter ?? null;
    this.delimiter = delimiter ?? ',';
  }

  /**
   * One line of the file, the header first, as `[line]` (pieces of one line, if given, are joined
   * back with NUL). Returns an error only for a header that cannot be read or that the sink refuses.
   */
  push(pieces: readonly string[], line: number): InputError | null {
    const text = pieces.length === 1 ? pieces[0]! : pieces.join(LINE_PIECE_SEPARATOR);
    if (this.headerLength === null && this.pending === null && this.givenDelimiter === null) this.delimiter = detectDelimiter(text.replace(/^\uFEFF/, ''));
    return this.take(text.split(this.delimiter), line);
  }

  /** The end of the file: a quote still open is reported at its line, and the lines after it are read again. */
  finish(): void {
    while (this.pending) this.recover(`the quote that opens cell ${this.pending.carry.cell} is not closed by the end of the file`);
  }

  /** A whole record (its quoted cells joined), from its first line. */
  private record(cells: readonly string[], line: number): InputError | null {
    if (this.headerLength === null) {
      const error = this.sink.header(cells, line);
      if (error === null) this.headerLength = cells.length;
      return error;
    }
    const fitted = fitToHeader(cells, this.headerLength);
    if (fitted === null) {
      this.sink.unreadable(line, `${cells.length} cells, the header has ${this.headerLength}`);
      return null;
    }
    this.sink.row(fitted, line);
    return null;
  }

  /** One line as split on the delimiter: joins its quoted cells, or holds it while a quote is open. */
  private take(raw: readonly string[], line: number): InputError | null {
    if (this.pending) return this.goOn(raw, line);
    const joined = joinQuotedCells(raw, this.delimiter);
    if (joined.ok) return this.record(joined.cells, line);
    if (this.headerLength === null)
      return {
        code: 'BOM_HEADER_UNREADABLE',
        message: `The header row (line ${line}) cannot be read: ${joined.open ? `the quote that opens cell ${joined.cell} is not closed on the header line` : joined.reason}.`,
        line,
      };
    if (!joined.open) {
      this.sink.unreadable(line, joined.reason);
      return null;
    }
    this.pending = { lines: [{ cells: raw, line }], carry: joined.carry, chars: charsOf(raw) };
    return null;
  }

  /** The next line of a record whose quoted cell is open: the cell goes on after a line break. */
  private goOn(raw: readonly string[], line: number): InputError | null {
    const held = this.pending!;
    held.lines.push({ cells: raw, line });
    held.chars += charsOf(raw);
    const joined = joinQuotedCells(raw, this.delimiter, held.carry);
    const later = `${held.lines.length - 1} line${held.lines.length === 2 ? '' : 's'} later`;
    if (joined.ok) {
      if (fitToHeader(joined.cells, this.headerLength!) !== null) {
        this.pending = null;
        return this.record(joined.cells, held.lines[0]!.line);
      }
      return this.recover(
        `the quote that opens cell ${held.carry.cell} closes ${later}, leaving ${joined.cells.length} cells where the header has ${this.headerLength}`,
      );
    }
    if (!joined.open) return this.recover(`the quote that opens cell ${held.carry.cell} is not closed properly (${joined.reason}, ${later})`);
    held.carry = joined.carry;
    if (held.lines.length > MAX_QUOTED_LINES || held.chars > MAX_QUOTED_CHARS)
      return this.recover(
        `the quote that opens cell ${held.carry.cell} is not closed within ${MAX_QUOTED_LINES} lines or ${groupDigits(MAX_QUOTED_CHARS)} characters`,
      );
    return null;
  }

  /** Reports the line where the stray quote opened and reads the lines after it again, on their own. */
  private recover(reason: string): InputError | null {
    const [first, ...rest] = this.pending!.lines;
    this.pending = null;
    this.sink.unreadable(first!.line, `${reason}; the lines after it were read on their own`);
    for (const r of rest) {
      const e = this.take(r.cells, r.line);
      if (e) return e;
    }
    return null;
  }
}
