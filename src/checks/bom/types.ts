import type { BomFindingCode } from '../codes.js';
import type { CsvDelimiter } from '../shared/index.js';
import type { InputError, Severity } from '../types.js';

/** The BOM check's report, options and streaming checker interface. */

export interface BomFinding {
  readonly code: BomFindingCode;
  readonly severity: Severity;
  /** BOM line numbers concerned (the first ones when many; `moreLines` counts the rest). */
  readonly lines: number[];
  readonly moreLines: number;
  readonly partNumbers: string[];
  readonly message: string;
  readonly source: string;
  readonly fix: string;
}

/** One A4S part of the BOM, lines added up. */
export interface BomPart {
  readonly partNumber: string;
  readonly status: 'standard' | 'nonstandard';
  readonly role: 'socket' | 'header';
  readonly pins: number;
  readonly inspection: boolean;
  readonly matedHeightMm: number | null;
  readonly packaging: string | null;
  /** Pieces per board, summed over its lines. */
  readonly quantity: number;
  readonly lines: number[];
}

export interface BomReport {
  readonly partColumn: string | null;
  readonly quantityColumn: string | null;
  /** Data lines read (header excluded). */
  readonly lines: number;
  readonly a4sLines: number;
  /** A4S lines marked do-not-populate: listed (BOM_LINE_DNP), not counted in quantities or mating checks. */
  readonly dnpLines: number;
  readonly unreadableLines: number;
  readonly boards: number;
  readonly parts: BomPart[];
  readonly findings: BomFinding[];
  readonly summary: { readonly errors: number; readonly warnings: number; readonly infos: number };
}

export interface BomOptions {
  /** Header name of the part-number column; found automatically when absent. */
  readonly column?: string;
  readonly quantityColumn?: string;
  /** Boards to build: BOM quantities are per board. */
  readonly boards?: number;
  /** The BOM is an inspection fixture's: inspection parts are expected. */
  readonly fixture?: boolean;
  /** Parts of the other board's BOM (`--mate`), to find mating partners and heights there. */
  readonly mateParts?: readonly BomPart[];
  /**
   * The BOM is one of two checked together (`checkBomPair`, `a4s bom --mate`): the heights across
   * the two boards are checked once, by the pairing; this report checks its own parts' heights.
   */
  readonly pairChecked?: boolean;
  /** Line numbers kept per finding, and per-line findings kept per code (memory stays constant). */
  readonly maxLinesPerFinding?: number;
  readonly maxFindingsPerCode?: number;
  /** The cell delimiter; by default the one the header line uses most (comma, semicolon or tab). */
  readonly delimiter?: CsvDelimiter;
}

export interface BomChecker {
  /**
   * Feed one line of the file, the header first, as `[line]` (as `checkBomStream` and `checkBomText`
   * do; pieces of one line, if given, are joined back with NUL). The checker splits it on the delimiter and joins quoted cells itself (RFC 4180, across
   * lines too), so that a stray quote costs its own line only: when a quote is not closed (by the end
   * of the file, within MAX_QUOTED_LINES lines, or closed and followed by text), the line where it
   * opened is reported and the lines after it are read again on their own.
   * Returns an error only for a header that cannot be used.
   */
  push(cells: readonly string[], line: number): InputError | null;
  /** A line the caller could not read: reported, never dropped silently. */
  unreadable(line: number, reason: string): void;
  /** The report; the checker is done after this. */
  finish(): BomReport;
}
