import { catalog } from '../catalog/index.js';
import type { PartNumberFields } from '../partnumber/index.js';
import { checkPartNumber, type PartNumberCheck } from '../partnumber/index.js';
import { MAX_ORDER_PIECES, orderQuantities } from '../order/index.js';
import { matesOf } from '../select/index.js';
import { CHECK_CODES, type BomFindingCode } from './codes.js';
import { detectDelimiter, joinQuotedCells, plainDecimal, type CsvDelimiter, type OpenQuotedCell } from './csv.js';
import { limits } from './limits.js';
import { SEVERITY_RANK, type InputError, type Severity } from './types.js';
import type { Result } from '../result.js';

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
  /** Line numbers kept per finding, and per-line findings kept per code (memory stays constant). */
  readonly maxLinesPerFinding?: number;
  readonly maxFindingsPerCode?: number;
  /** The cell delimiter; by default the one the header line uses most (comma, semicolon or tab). */
  readonly delimiter?: CsvDelimiter;
}

export interface BomChecker {
  /**
   * Feed one line of the file, the header first: as csv-parse gives it with `bomParserOptions` (the
   * line in one piece; pieces, if the line holds NUL characters, are joined back with NUL), or
   * `[line]`. The checker splits it on the delimiter and joins quoted cells itself (RFC 4180, across
   * lines too), so that a stray quote costs its own line only: when a quote is not closed (by the end
   * of the file, within MAX_QUOTED_LINES lines, or closed and followed by text), the line where it
   * opened is reported and the lines after it are read again on their own.
   * Returns an error only for a header that cannot be used.
   */
  push(cells: readonly string[], line: number): InputError | null;
  /** A line the CSV reader could not read: reported, never dropped silently. */
  unreadable(line: number, reason: string): void;
  /** The report; the checker is done after this. */
  finish(): BomReport;
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9#]/g, '');
/** Header names of part-number columns in KiCad, JLCPCB, Octopart-style and distributor BOMs, best first. */
const PART_COLUMNS = ['mpn', 'manufacturerpartnumber', 'manufacturerpn', 'mfrpartnumber', 'mfrpart#', 'mfrpn', 'mfgpartnumber', 'mfgpn', 'partnumber', 'partno', 'part#', 'pn', 'value', 'comment', 'part'];
const QUANTITY_COLUMNS = ['qty', 'quantity', 'qnty', 'quantityperpcb', 'count'];
const REFERENCE_COLUMNS = ['reference', 'references', 'designator', 'designators', 'ref', 'refdes'];
/**
 * An A4S-like token anywhere in a cell ("Panasonic AXE640124", "a4s:axe540127"): AXE, then letters,
 * digits or * with at least one digit or * (so that words such as "axes" are not taken). A space,
 * dot, dash or underscore right after AXE ("axe 540127"), or before one letter at the end of the
 * word ("AXE540127-D", "AXE540127 D": a packaging suffix after a separator), is kept in the token,
 * and Cyrillic and Greek look-alike letters are too ("АXE540127" with a Cyrillic А): the part-number
 * decoder (`checkPartNumber`, the one normalisation rule of every face) then calls it invalid with the
 * suggestion, as `a4s decode` does, rather than reading another part or skipping the line.
 */
const A4S_TOKEN = /(?<![0-9A-Z\p{Script=Cyrillic}\p{Script=Greek}])[AАΑ][XХΧ][EЕΕ](?:[ ._-]+)?(?=[0-9A-Z*\p{Script=Cyrillic}\p{Script=Greek}]*[0-9*])[0-9A-Z*\p{Script=Cyrillic}\p{Script=Greek}]+(?:[ ._-]+[A-Z\p{Script=Cyrillic}\p{Script=Greek}](?![0-9\p{L}]))?/iu;
/**
 * Do-not-populate words in any cell of a line (KiCad's "DNP", "Do not populate", "Not fitted", DNF/DNI,
 * JLCPCB's "DNP" in the comment): the line is listed, not counted.
 */
const DNP_WORDS = /(?<![\p{L}\p{N}])(?:DNP|DNF|DNI|NOPOP|NO[ _-]?POP|do[ _-]?not[ _-]?(?:populate|place|fit|mount|install|stuff)|not[ _-]?(?:fitted|populated|placed|mounted|installed|stuffed))(?![\p{L}\p{N}])/iu;
/** Header names of a do-not-populate column (KiCad 8+ "DNP"): any mark but no/0/false is do-not-populate. */
const DNP_COLUMNS = ['dnp', 'dnf', 'dni', 'donotpopulate', 'donotplace', 'donotfit'];
/** Header names of a populate column: "no", "n", "0", "false" (or a DNP word) is do-not-populate. */
const FITTED_COLUMNS = ['fitted', 'fit', 'populate', 'populated', 'place', 'placed', 'mount', 'mounted', 'install', 'installed'];
const NO = new Set(['no', 'n', '0', 'false', 'f', 'off']);
const nf = (n: number) => n.toLocaleString('en-US');
const CACHE_LIMIT = 10_000;
/** What csv-parse splits a BOM line on (`bomParserOptions`): NUL, which text does not hold, so that a record is a whole line. */
export const BOM_LINE_PIECE_SEPARATOR = '\u0000';
/**
 * Lines one quoted cell may run over before its opening quote is taken for a stray one (assumed: a
 * multi-line cell of a BOM is a description of a few lines; this bounds the lines held in memory).
 */
export const MAX_QUOTED_LINES = 100;
/** Characters one quoted cell may hold over several lines (assumed, as MAX_QUOTED_LINES: bounds the text held). */
export const MAX_QUOTED_CHARS = 65_536;
const charsOf = (pieces: readonly string[]) => pieces.reduce((n, p) => n + p.length + 1, 0);

/** Incremental BOM checker: constant memory whatever the number of lines. Pure (runs in the browser). */
export function createBomChecker(options: BomOptions = {}): BomChecker {
  const maxLines = options.maxLinesPerFinding ?? 20;
  const maxPerCode = options.maxFindingsPerCode ?? 100;
  const boards = options.boards ?? 1;
  const l = limits();
  let partIdx: number[] | null = null; // candidate columns, best first; [] = scan every cell
  let partColumn: string | null = null;
  let qtyIdx = -1;
  let refIdx = -1;
  let dnpIdx = -1;
  let fittedIdx = -1;
  let dnpLines = 0;
  let quantityColumn: string | null = null;
  let headerLength = 0;
  let headerNames: string[] = [];
  let lines = 0;
  let a4sLines = 0;
  let unreadableLines = 0;
  const cache = new Map<string, PartNumberCheck>();
  const parts = new Map<string, { check: PartNumberCheck; quantity: number; lines: number[]; lineCount: number }>();
  const perLine: BomFinding[] = [];
  const perCodeCount = new Map<BomFindingCode, number>();
  let delimiter: string = options.delimiter ?? ',';
  /** A record whose quoted cell is still open: its lines (first line first), the open cell, the characters held. */
  let pending: { lines: { cells: readonly string[]; line: number }[]; carry: OpenQuotedCell; chars: number } | null = null;

  const lineFinding = (code: BomFindingCode, severity: Severity, line: number, partNumbers: string[], message: string, source: string, fix?: string) => {
    const n = (perCodeCount.get(code) ?? 0) + 1;
    perCodeCount.set(code, n);
    if (n <= maxPerCode) perLine.push({ code, severity, lines: [line], moreLines: 0, partNumbers, message, source, fix: fix ?? CHECK_CODES[code].fix });
  };

  function header(cells: readonly string[], line: number): InputError | null {
    const names = cells.map((c) => c.trim());
    headerNames = names;
    const normalized = names.map(norm);
    headerLength = names.length;
    if (options.column !== undefined) {
      const i = normalized.indexOf(norm(options.column));
      if (i < 0) return { code: 'BOM_COLUMN_NOT_FOUND', message: `Column "${options.column}" is not in the header (line ${line}): ${names.map((n) => JSON.stringify(n)).join(', ')}.`, line, field: options.column };
      partIdx = [i];
      partColumn = names[i]!;
    } else {
      partIdx = PART_COLUMNS.flatMap((c) => normalized.flatMap((n, i) => (n === c ? [i] : [])));
      partColumn = partIdx.length ? names[partIdx[0]!]! : null;
    }
    if (options.quantityColumn !== undefined) {
      qtyIdx = normalized.indexOf(norm(options.quantityColumn));
      if (qtyIdx < 0) return { code: 'BOM_COLUMN_NOT_FOUND', message: `Quantity column "${options.quantityColumn}" is not in the header (line ${line}).`, line, field: options.quantityColumn };
    } else {
      qtyIdx = normalized.findIndex((n) => QUANTITY_COLUMNS.includes(n));
    }
    quantityColumn = qtyIdx >= 0 ? names[qtyIdx]! : null;
    refIdx = normalized.findIndex((n) => REFERENCE_COLUMNS.includes(n));
    dnpIdx = normalized.findIndex((n) => DNP_COLUMNS.includes(n));
    fittedIdx = normalized.findIndex((n) => FITTED_COLUMNS.includes(n));
    return null;
  }

  /** Why a line is do-not-populate (the column or the word that says so), or null. */
  function dnpMark(cells: readonly string[]): string | null {
    if (dnpIdx >= 0) {
      const v = (cells[dnpIdx] ?? '').trim();
      if (v !== '' && !NO.has(v.toLowerCase())) return `column "${headerNames[dnpIdx]}" = "${v}"`;
    }
    if (fittedIdx >= 0) {
      const v = (cells[fittedIdx] ?? '').trim();
      if (NO.has(v.toLowerCase()) || DNP_WORDS.test(v)) return `column "${headerNames[fittedIdx]}" = "${v}"`;
    }
    for (const [i, c] of cells.entries()) {
      if (i === dnpIdx || i === fittedIdx) continue;
      const m = DNP_WORDS.exec(c);
      if (m) return `"${m[0]}"`;
    }
    return null;
  }

  function classify(token: string): PartNumberCheck {
    let check = cache.get(token);
    if (!check) {
      check = checkPartNumber(token);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(token, check);
    }
    return check;
  }

  function quantityOf(cells: readonly string[], line: number, pn: string): number | null {
    if (qtyIdx >= 0) {
      const raw = (cells[qtyIdx] ?? '').trim();
      if (raw === '' && refIdx < 0) return 1;
      if (raw !== '') {
        const q = plainDecimal(raw);
        if (q !== null && Number.isInteger(q) && q >= 1 && q <= MAX_ORDER_PIECES) return q;
        if (q !== null && Number.isInteger(q) && q > MAX_ORDER_PIECES) {
          lineFinding('BOM_QUANTITY_TOO_LARGE', 'error', line, [pn], `Line ${line}: quantity "${raw}" of ${pn} is more than ${nf(MAX_ORDER_PIECES)} pieces, the bound of a4s order (ORDER_QUANTITY_TOO_LARGE: a typo, such as a part number pasted as quantity); the line is counted as 1 piece.`, 'BOM');
          return 1;
        }
        const why = q === null ? ' (hex such as 0x10 and exponents such as 1e3 are not read)' : q === 0 ? ' (zero: mark a part that is not fitted DNP instead)' : '';
        lineFinding('BOM_QUANTITY_UNREADABLE', 'warning', line, [pn], `Line ${line}: quantity "${raw}" of ${pn} is not a positive whole decimal number${why}; the line is counted as 1 piece.`, 'BOM');
        return 1;
      }
    }
    if (refIdx >= 0) {
      const refs = (cells[refIdx] ?? '').split(/[\s,;]+/).filter(Boolean);
      return Math.max(1, refs.length);
    }
    return 1;
  }

  function row(cells: readonly string[], line: number): void {
    lines++;
    let cell: string | undefined;
    let token: string | undefined;
    const idx = partIdx!;
    const scan = (c: string | undefined): boolean => {
      const m = c === undefined ? null : A4S_TOKEN.exec(c);
      if (!m) return false;
      cell = c;
      token = m[0];
      return true;
    };
    if (idx.length > 0) {
      for (const i of idx) if (scan(cells[i])) break;
    } else {
      for (const c of cells) if (scan(c)) break;
    }
    if (cell === undefined || token === undefined) return;
    a4sLines++;
    const check = classify(token);
    if (check.status === 'invalid' || !check.partNumber || !check.fields) {
      const e = check.errors[0];
      const shown = cell.trim() === token ? `"${token}"` : `"${token}" (in "${cell.trim()}")`;
      lineFinding('BOM_PART_INVALID', 'error', line, [token], `Line ${line}: ${shown} is not a valid A4S part number: ${e?.message ?? ''}${check.suggestions.length ? ` Did you mean ${check.suggestions.join(', ')}?` : ''}`, 'PRODUCT TYPES; ORDERING INFORMATION', check.suggestions.length ? `Use ${check.suggestions[0]} (or ${check.suggestions.slice(1).join(', ') || 'another listed part'}).` : undefined);
      return;
    }
    const dnp = dnpMark(cells);
    if (dnp !== null) {
      dnpLines++;
      lineFinding('BOM_LINE_DNP', 'info', line, [check.partNumber], `Line ${line}: ${check.partNumber} is marked do-not-populate (${dnp}): listed, not counted in quantities, reels or mating checks.`, 'BOM');
      return;
    }
    const quantity = quantityOf(cells, line, check.partNumber);
    const entry = parts.get(check.partNumber) ?? { check, quantity: 0, lines: [], lineCount: 0 };
    entry.quantity += quantity ?? 1;
    entry.lineCount++;
    if (entry.lines.length < maxLines) entry.lines.push(line);
    parts.set(check.partNumber, entry);
  }

  function unreadable(line: number, reason: string): void {
    unreadableLines++;
    lineFinding('BOM_LINE_UNREADABLE', 'error', line, [], `Line ${line} could not be read (${reason}); it was not checked.`, 'BOM');
  }

  /** A whole record (its quoted cells joined), from its first line. */
  function record(cells: readonly string[], line: number): InputError | null {
    if (partIdx === null) return header(cells, line);
    if (cells.length !== headerLength) {
      unreadable(line, `${cells.length} cells, the header has ${headerLength}`);
      return null;
    }
    row(cells, line);
    return null;
  }

  /** One line as split on the delimiter: joins its quoted cells, or holds it while a quote is open. */
  function take(raw: readonly string[], line: number): InputError | null {
    if (pending) return goOn(raw, line);
    const joined = joinQuotedCells(raw, delimiter);
    if (joined.ok) return record(joined.cells, line);
    if (partIdx === null) return headerUnreadable(line, joined.open ? `the quote that opens cell ${joined.cell} is not closed on the header line` : joined.reason);
    if (!joined.open) {
      unreadable(line, joined.reason);
      return null;
    }
    pending = { lines: [{ cells: raw, line }], carry: joined.carry, chars: charsOf(raw) };
    return null;
  }

  function headerUnreadable(line: number, reason: string): InputError {
    return { code: 'BOM_HEADER_UNREADABLE', message: `The header row (line ${line}) cannot be read: ${reason}.`, line };
  }

  /** The next line of a record whose quoted cell is open: the cell goes on after a line break. */
  function goOn(raw: readonly string[], line: number): InputError | null {
    const held = pending!;
    held.lines.push({ cells: raw, line });
    held.chars += charsOf(raw);
    const joined = joinQuotedCells(raw, delimiter, held.carry);
    const later = `${held.lines.length - 1} line${held.lines.length === 2 ? '' : 's'} later`;
    if (joined.ok) {
      if (joined.cells.length === headerLength) {
        pending = null;
        return record(joined.cells, held.lines[0]!.line);
      }
      return recover(`the quote that opens cell ${held.carry.cell} closes ${later}, leaving ${joined.cells.length} cells where the header has ${headerLength}`);
    }
    if (!joined.open) return recover(`the quote that opens cell ${held.carry.cell} is not closed properly (${joined.reason}, ${later})`);
    held.carry = joined.carry;
    if (held.lines.length > MAX_QUOTED_LINES || held.chars > MAX_QUOTED_CHARS) return recover(`the quote that opens cell ${held.carry.cell} is not closed within ${MAX_QUOTED_LINES} lines or ${MAX_QUOTED_CHARS.toLocaleString('en-US')} characters`);
    return null;
  }

  /** Reports the line where the stray quote opened and reads the lines after it again, on their own. */
  function recover(reason: string): InputError | null {
    const [first, ...rest] = pending!.lines;
    pending = null;
    unreadable(first!.line, `${reason}; the lines after it were read on their own`);
    for (const r of rest) {
      const e = take(r.cells, r.line);
      if (e) return e;
    }
    return null;
  }

  return {
    push(pieces, line) {
      const text = pieces.length === 1 ? pieces[0]! : pieces.join(BOM_LINE_PIECE_SEPARATOR);
      if (partIdx === null && pending === null && options.delimiter === undefined) delimiter = detectDelimiter(text.replace(/^\uFEFF/, ''));
      return take(text.split(delimiter), line);
    },
    unreadable,
    finish() {
      // A quote still open at the end of the file: its line is reported, the lines after it re-read.
      while (pending) recover(`the quote that opens cell ${pending.carry.cell} is not closed by the end of the file`);
      const bomParts: BomPart[] = [...parts.values()].map(({ check, quantity, lines: ls }) => toBomPart(check, quantity, ls)).sort((a, b) => a.partNumber.localeCompare(b.partNumber));
      const findings = [...perLine];
      for (const [code, n] of perCodeCount) {
        if (n > maxPerCode) {
          findings.push({ code, severity: code === 'BOM_QUANTITY_UNREADABLE' ? 'warning' : code === 'BOM_LINE_DNP' ? 'info' : 'error', lines: [], moreLines: n - maxPerCode, partNumbers: [], message: `${n - maxPerCode} more lines with ${code} (only the first ${maxPerCode} are listed).`, source: 'BOM', fix: CHECK_CODES[code].fix });
        }
      }
      findings.push(...partFindings(bomParts, parts, options, boards, l));
      findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.lines[0] ?? Infinity) - (b.lines[0] ?? Infinity) || a.code.localeCompare(b.code));
      const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
      return { partColumn: partIdx && partIdx.length ? partColumn : null, quantityColumn, lines, a4sLines, dnpLines, unreadableLines, boards, parts: bomParts, findings, summary: { errors: count('error'), warnings: count('warning'), infos: count('info') } };
    },
  };
}

function toBomPart(check: PartNumberCheck, quantity: number, lines: number[]): BomPart {
  const f = check.fields!;
  return { partNumber: check.partNumber!, status: check.status === 'standard' ? 'standard' : 'nonstandard', role: f.role, pins: f.pins, inspection: f.inspection, matedHeightMm: f.matedHeightMm, packaging: f.packaging, quantity, lines };
}

function partFindings(bomParts: readonly BomPart[], raw: ReadonlyMap<string, { check: PartNumberCheck; lineCount: number }>, options: BomOptions, boards: number, l: ReturnType<typeof limits>): BomFinding[] {
  const out: BomFinding[] = [];
  const add = (code: BomFindingCode, severity: Severity, p: readonly BomPart[], message: string, source: string, fix?: string) => {
    const lines = p.flatMap((x) => x.lines).sort((a, b) => a - b);
    const total = p.reduce((s, x) => s + (raw.get(x.partNumber)?.lineCount ?? x.lines.length), 0);
    out.push({ code, severity, lines, moreLines: Math.max(0, total - lines.length), partNumbers: p.map((x) => x.partNumber), message, source, fix: fix ?? CHECK_CODES[code].fix });
  };
  const mateParts = options.mateParts ?? [];
  const everywhere = [...bomParts, ...mateParts];
  for (const p of bomParts) {
    const check = raw.get(p.partNumber)!.check;
    if (p.status === 'nonstandard') {
      add('BOM_PART_NONSTANDARD', 'warning', [p], `${p.partNumber}: ${check.errors[0]?.message ?? 'not listed.'}${check.suggestions.length ? ` Standard: ${check.suggestions.join(', ')}.` : ''}`, 'PRODUCT TYPES (Notes 2)', check.suggestions.length ? `Use ${check.suggestions[0]}, or confirm availability with Panasonic sales.` : undefined);
    }
    const partnerPresent = everywhere.some((o) => o.role !== p.role && o.pins === p.pins);
    if (!partnerPresent) {
      const other = p.role === 'socket' ? 'header' : 'socket';
      const where = options.mateParts ? 'either BOM' : 'the BOM (give the other board’s BOM with --mate)';
      const partners = matesOf(p.partNumber).partners.filter((x) => x.inspection === p.inspection).map((x) => x.partNumber).slice(0, 4);
      if (partners.length > 0) {
        const shown = partners.map((x) => (checkPartNumber(x).status === 'standard' ? x : `${x} (not listed)`)).join(', ');
        add('BOM_MATE_MISSING', 'warning', [p], `${p.partNumber} (${p.role}, ${p.pins} pins): no mating ${other} in ${where}; partners: ${shown}.`, 'PRODUCT TYPES (socket and header on one row)', `Add one of ${partners.join(', ')} to the other board’s BOM.`);
      } else {
        const nearest = check.suggestions.slice(0, 3);
        add(
          'BOM_MATE_MISSING',
          'warning',
          [p],
          `${p.partNumber} (${p.role}, ${p.pins} pins): no mating ${other} in ${where}, and no standard ${other} mates with it: the catalog lists no ${other} for this ${p.role}${nearest.length ? `; the nearest standard ${p.role}s: ${nearest.join(', ')}` : ''}.`,
          'PRODUCT TYPES (socket and header on one row)',
          nearest.length ? `Use a standard ${p.role} (${nearest.join(', ')}) and its ${other}, or confirm this part and its ${other} with Panasonic sales.` : `Confirm this part and its ${other} with Panasonic sales.`,
        );
      }
    }
    if (p.inspection) {
      if (!options.fixture) add('BOM_INSPECTION_PART', 'error', [p], `${p.partNumber} is an inspection part (${catalog.inspection.matingCycles.toLocaleString('en-US')} cycles, retention force not warranted) in a production BOM; the catalog says to avoid uses other than inspection.`, catalog.inspection.source, `Use the standard ${p.role} of ${p.pins} pins in production, or pass --fixture for an inspection-fixture BOM.`);
      const pieces = p.quantity * boards;
      if (pieces < l.inspectionMinLot.value) add('BOM_INSPECTION_MIN_LOT', 'warning', [p], `${p.partNumber}: ${pieces} pieces needed (${p.quantity} × ${boards} boards), below the minimum of ${l.inspectionMinLot.value} pieces per lot: order ${l.inspectionMinLot.value}.`, l.inspectionMinLot.source);
    } else {
      const pieces = p.quantity * boards;
      if (pieces > MAX_ORDER_PIECES) {
        add('BOM_QUANTITY_TOO_LARGE', 'error', [p], `${p.partNumber}: ${nf(pieces)} pieces (${nf(p.quantity)} × ${nf(boards)} board${boards === 1 ? '' : 's'}) is more than ${nf(MAX_ORDER_PIECES)} pieces, the bound of a4s order (ORDER_QUANTITY_TOO_LARGE): no reel plan is made.`, 'BOM');
        continue;
      }
      const plan = orderQuantities(p.partNumber, Math.max(1, pieces));
      if (plan.ok && plan.value.reels) {
        const r = plan.value.reels;
        add('BOM_REEL_ROUNDING', 'info', [p], `${p.partNumber}: ${p.quantity * boards} piece${p.quantity * boards === 1 ? '' : 's'} (${p.quantity} × ${boards} board${boards === 1 ? '' : 's'}) → ${r.reels} reel${r.reels === 1 ? '' : 's'} of ${r.piecesPerReel.value.toLocaleString('en-US')} = ${r.orderedPieces.toLocaleString('en-US')} pieces, ${r.leftoverPieces.toLocaleString('en-US')} left over${r.outerCartons !== null ? `; ${r.outerCartons} outer carton${r.outerCartons === 1 ? '' : 's'} + ${r.looseReels} reel${r.looseReels === 1 ? '' : 's'}` : ''}.${plan.value.suggestion ? ` Consider ${plan.value.suggestion}` : ''}`, r.piecesPerReel.source, plan.value.suggestion ? `Order ${plan.value.alternative!.partNumber}: ${plan.value.alternative!.reels} reel(s) instead of ${r.reels}.` : `Order ${r.reels} reel(s).`);
      }
    }
  }
  // Heights: the header decides the mated height; two header heights at one pin count disagree.
  const headersByPins = new Map<number, Set<number>>();
  for (const p of everywhere) if (p.role === 'header' && !p.inspection && p.matedHeightMm !== null) headersByPins.set(p.pins, (headersByPins.get(p.pins) ?? new Set()).add(p.matedHeightMm));
  for (const [pins, heights] of headersByPins) {
    if (heights.size < 2) continue;
    const involved = bomParts.filter((p) => p.role === 'header' && p.pins === pins);
    add('BOM_HEIGHT_CONFLICT', 'warning', involved, `${pins}-pin headers of mated heights ${[...heights].sort().map((h) => h.toFixed(1)).join(' and ')} mm are listed (${everywhere.filter((p) => p.role === 'header' && p.pins === pins).map((p) => p.partNumber).join(', ')}): the two boards would sit at different heights.`, 'PRODUCT TYPES (mated height 0.8 mm: AXE6xx124; 1.0 mm: AXE6xx224)');
  }
  // The same part on both packagings.
  const byFields = new Map<string, BomPart[]>();
  for (const p of bomParts) {
    if (p.inspection) continue;
    const key = `${p.role}/${p.pins}/${p.matedHeightMm}`;
    byFields.set(key, [...(byFields.get(key) ?? []), p]);
  }
  for (const group of byFields.values()) {
    if (group.length < 2) continue;
    add('BOM_MIXED_PACKAGING', 'info', group, `${group.map((p) => p.partNumber).join(' and ')} are the same part on ${group.map((p) => (p.packaging === '4mm-pitch' ? '4 mm' : '8 mm')).join(' and ')} tape: each is ordered by whole reels.`, 'PRODUCT TYPES (8 mm / 4 mm pitch embossed packaging)');
  }
  return out;
}

export type { PartNumberFields };

/**
 * Checks a BOM held in memory (browser, small uploads): CSV or TSV, delimiter from the header line.
 * Read as the CLI and the API read a stream (csv-parse with `bomParserOptions`): lines split on the
 * delimiter, empty lines skipped, quotes joined by the checker; same cells and line numbers.
 */
export function checkBomText(text: string, options: BomOptions = {}): Result<BomReport, InputError> {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.trim() === '') return { ok: false, error: { code: 'BOM_EMPTY', message: 'The BOM is empty (no header row).', line: 1 } };
  const checker = createBomChecker(options);
  const physical = body.split(/\r\n|\n|\r/);
  if (physical.at(-1) === '') physical.pop();
  for (const [i, line] of physical.entries()) {
    if (line === '') continue;
    const e = checker.push([line], i + 1);
    if (e) return { ok: false, error: e };
  }
  return { ok: true, value: checker.finish() };
}
