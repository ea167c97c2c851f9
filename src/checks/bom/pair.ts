import { builtInSeries, type Series } from '../../catalog/index.js';
import { matedHeightCodes, productTypesSource } from '../shared/index.js';
import { compareNames } from '../../numbers.js';
import type { Result } from '../../result.js';
import { checkBomText } from './stream.js';
import type { BomFinding, BomOptions, BomPart, BomReport } from './types.js';
import { CHECK_CODES } from '../codes.js';
import { SEVERITY_RANK, type InputError, type Severity } from '../types.js';

/**
 * The BOMs of the two boards a connector pair joins (`a4s bom main.csv --mate fpc.csv`): each BOM is
 * checked as fully as if it were given alone (every finding of both boards, the reel plans of both),
 * each with the other's parts as the place where its mating partners may be; then the pairing: which
 * socket of one board meets which header of the other, at which mated height, and what does not pair
 * across the two boards.
 */

/** Which of the two BOMs: this board's (the file checked) or the other board's (`--mate`). */
export type BomBoard = 'board' | 'mate';

export interface BomPairEnd {
  readonly board: BomBoard;
  readonly partNumber: string;
  /** Lines of its BOM (the first ones, as in the board's report). */
  readonly lines: readonly number[];
}

/** A socket of one board and a header of the other with the same pin count: they mate. */
export interface BomMatedPair {
  readonly pins: number;
  readonly socket: BomPairEnd;
  readonly header: BomPairEnd;
  /** The header decides the mated height (catalog); null for an inspection header, whose height the catalog does not state. */
  readonly matedHeightMm: number | null;
  readonly source: string;
}

export interface BomPairReport {
  /** How each board is named in the report (file names, or "this board" / "other board"). */
  readonly names: { readonly board: string; readonly mate: string };
  /** This board's BOM, checked as alone, with the other board's parts as mating partners. */
  readonly board: BomReport;
  /** The other board's BOM, checked the same way. */
  readonly mate: BomReport;
  readonly pairs: BomMatedPair[];
  /** Findings of the pairing across the two boards (BOM_HEIGHT_CONFLICT, BOM_PAIR_NOT_ACROSS); lines are named in the message. */
  readonly findings: BomFinding[];
  /** Both boards' findings and the pairing's. */
  readonly summary: { readonly errors: number; readonly warnings: number; readonly infos: number };
}

export interface BomPairOptions extends Omit<BomOptions, 'mateParts' | 'pairChecked' | 'column'> {
  /** Header of the part-number column of this board's BOM (found automatically when absent). */
  readonly column?: string;
  /** Header of the part-number column of the other board's BOM. */
  readonly mateColumn?: string;
  /** `fixture` is this board's (the BOM named first); the other board's BOM is an inspection fixture's too only with this. */
  readonly mateFixture?: boolean;
  readonly names?: { readonly board: string; readonly mate: string };
}

/** An input error of one of the two BOMs, with the board it belongs to. */
export type BomPairInputError = InputError & { readonly board: BomBoard };

export const isBomPairReport = (r: object): r is BomPairReport => 'pairs' in r && 'names' in r && 'mate' in r && 'board' in r;

/** The options one board's BOM is checked with when two are checked together: the other board's parts are its partners. */
export function pairedBomOptions(options: BomOptions, otherParts: readonly BomPart[]): BomOptions {
  return { ...options, mateParts: otherParts, pairChecked: true };
}

/**
 * Both BOMs held as text (the page, the API): the other board's BOM is read first for its parts,
 * then this board's is checked with them, then the other board's with this board's parts.
 */
export function checkBomPairText(
  boardText: string,
  mateText: string,
  options: BomPairOptions = {},
  series: Series = builtInSeries,
): Result<BomPairReport, BomPairInputError> {
  const { column, mateColumn, mateFixture, names, ...common } = options;
  const own: BomOptions = { ...common, ...(column !== undefined ? { column } : {}) };
  const other: BomOptions = { ...common, fixture: mateFixture === true, ...(mateColumn !== undefined ? { column: mateColumn } : {}) };
  const first = checkBomText(mateText, other, series);
  if (!first.ok) return { ok: false, error: { ...first.error, board: 'mate' } };
  const board = checkBomText(boardText, pairedBomOptions(own, first.value.parts), series);
  if (!board.ok) return { ok: false, error: { ...board.error, board: 'board' } };
  const mate = checkBomText(mateText, pairedBomOptions(other, board.value.parts), series);
  if (!mate.ok) return { ok: false, error: { ...mate.error, board: 'mate' } };
  return { ok: true, value: pairBomReports(board.value, mate.value, names, series) };
}

/**
 * The pairing of two boards' reports, each checked with `pairedBomOptions` (the other's parts):
 * the mated pairs across the boards with their heights, heights that disagree across the boards
 * (said once here, not by each board), and parts whose partner is only on their own board.
 */
export function pairBomReports(
  board: BomReport,
  mate: BomReport,
  names = { board: 'this board', mate: 'other board' },
  series: Series = builtInSeries,
): BomPairReport {
  const productTypes = productTypesSource(series);
  const sides: [BomBoard, BomReport][] = [
    ['board', board],
    ['mate', mate],
  ];
  const nameOf = (b: BomBoard) => names[b];
  const end = (b: BomBoard, p: BomPart): BomPairEnd => ({ board: b, partNumber: p.partNumber, lines: p.lines });
  const at = (b: BomBoard, p: BomPart) =>
    `${p.partNumber} (${nameOf(b)}${p.lines.length ? ` line${p.lines.length > 1 ? 's' : ''} ${p.lines.join(', ')}` : ''})`;

  const pairs: BomMatedPair[] = [];
  for (const [b, r] of sides) {
    const otherSide: BomBoard = b === 'board' ? 'mate' : 'board';
    const other = otherSide === 'board' ? board : mate;
    for (const socket of r.parts.filter((p) => p.role === 'socket')) {
      for (const header of other.parts.filter((p) => p.role === 'header' && p.pins === socket.pins)) {
        pairs.push({
          pins: socket.pins,
          socket: end(b, socket),
          header: end(otherSide, header),
          matedHeightMm: header.inspection ? null : header.matedHeightMm,
          source: header.inspection ? `${series.catalog.inspection.source} (no mated height stated)` : `${productTypes} (the header decides the mated height)`,
        });
      }
    }
  }
  pairs.sort((x, y) => x.pins - y.pins || compareNames(x.socket.partNumber, y.socket.partNumber) || compareNames(x.header.partNumber, y.header.partNumber));

  const findings: BomFinding[] = [];
  const add = (code: BomFinding['code'], severity: Severity, partNumbers: string[], message: string, source: string) =>
    findings.push({ code, severity, lines: [], moreLines: 0, partNumbers, message, source, fix: CHECK_CODES[code].fix });

  // Heights: the header decides; headers of one pin count at two heights across the boards, when
  // neither board alone has both (that one is its own board's finding already).
  const heights = (r: BomReport, pins: number) =>
    new Set(r.parts.filter((p) => p.role === 'header' && !p.inspection && p.pins === pins && p.matedHeightMm !== null).map((p) => p.matedHeightMm!));
  const pinCounts = [...new Set([...board.parts, ...mate.parts].map((p) => p.pins))].sort((a, b) => a - b);
  for (const pins of pinCounts) {
    const own = heights(board, pins);
    const theirs = heights(mate, pins);
    const all = new Set([...own, ...theirs]);
    if (all.size < 2 || own.size > 1 || theirs.size > 1) continue;
    const headers = sides.flatMap(([b, r]) =>
      r.parts.filter((p) => p.role === 'header' && !p.inspection && p.pins === pins && p.matedHeightMm !== null).map((p) => ({ b, p })),
    );
    add(
      'BOM_HEIGHT_CONFLICT',
      'warning',
      headers.map(({ p }) => p.partNumber),
      `${pins}-pin headers of mated heights ${[...all]
        .sort()
        .map((h) => h.toFixed(1))
        .join(
          ' and ',
        )} mm on the two boards (${headers.map(({ b, p }) => `${at(b, p)}: ${p.matedHeightMm!.toFixed(1)} mm`).join('; ')}): the boards would not sit at one height.`,
      `${productTypes} (${matedHeightCodes(series)})`,
    );
  }

  // A part whose partner is only on its own board: that pair does not join the two boards.
  for (const [b, r] of sides) {
    const other = b === 'board' ? mate : board;
    for (const p of r.parts) {
      const across = other.parts.some((o) => o.role !== p.role && o.pins === p.pins);
      const onOwn = r.parts.filter((o) => o.role !== p.role && o.pins === p.pins);
      if (across || onOwn.length === 0) continue; // no partner anywhere: BOM_MATE_MISSING of its board
      const otherName = nameOf(b === 'board' ? 'mate' : 'board');
      add(
        'BOM_PAIR_NOT_ACROSS',
        'warning',
        [p.partNumber, ...onOwn.map((o) => o.partNumber)],
        `${at(b, p)}, ${p.role} of ${p.pins} pins: its ${p.role === 'socket' ? 'header' : 'socket'} ${onOwn.map((o) => o.partNumber).join(', ')} is on the same board, and ${otherName} has none: this pair does not join the two boards.`,
        `${productTypes} (socket and header on one row)`,
      );
    }
  }
  findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || compareNames(a.code, b.code));
  const count = (s: Severity) => [...board.findings, ...mate.findings, ...findings].filter((f) => f.severity === s).length;
  return { names, board, mate, pairs, findings, summary: { errors: count('error'), warnings: count('warning'), infos: count('info') } };
}
