import { catalog, PRODUCT_TYPES_SOURCE } from '../../catalog/index.js';
import { type PartNumberFields, checkPartNumber, RENAMED_SOURCE, type PartNumberCheck } from '../../partnumber/index.js';
import { MAX_ORDER_PIECES } from '../../order/index.js';
import { CHECK_CODES, type BomFindingCode } from '../codes.js';
import { detectDelimiter, joinQuotedCells, plainDecimal, type OpenQuotedCell } from '../shared/index.js';
import { limits } from '../shared/index.js';
import { SEVERITY_RANK, type InputError, type Severity } from '../types.js';
import type { BomFinding, BomPart, BomOptions, BomChecker } from './types.js';
import { nf, partFindings, toBomPart } from './findings.js';
import {
  A4S_TOKEN,
  describeBody,
  DNP_COLUMNS,
  DNP_WORDS,
  FITTED_COLUMNS,
  headerKey,
  NO,
  PART_COLUMNS,
  partBody,
  QUANTITY_COLUMNS,
  sameLandPattern,
  REFERENCE_COLUMNS,
} from './columns.js';
import { compareNames, groupDigits } from '../../numbers.js';

export type { BomChecker, BomFinding, BomOptions, BomPart, BomReport } from './types.js';

const CACHE_LIMIT = 10_000;
/** What the pieces of one line given to `push` are joined back with (NUL: text does not hold it). */
const LINE_PIECE_SEPARATOR = '\u0000';
/**
 * Lines one quoted cell may run over before its opening quote is taken for a stray one (assumed: a
 * multi-line cell of a BOM is a description of a few lines; this bounds the lines held in memory).
 */
export const MAX_QUOTED_LINES = 100;
/** Characters one quoted cell may hold over several lines (assumed, as MAX_QUOTED_LINES: bounds the text held). */
export const MAX_QUOTED_CHARS = 65_536;
/** The catalog's own sentence (inspection FEATURES): the inspection parts have the standard part's foot pattern. */
const INSPECTION_FOOT_PATTERN =
  catalog.inspection.features.find((f) => /foot pattern/i.test(f)) ?? 'Same external dimensions and foot pattern as standard type.';
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
    const normalized = names.map(headerKey);
    headerLength = names.length;
    if (options.column !== undefined) {
      const i = normalized.indexOf(headerKey(options.column));
      if (i < 0)
        return {
          code: 'BOM_COLUMN_NOT_FOUND',
          message: `Column "${options.column}" is not in the header (line ${line}): ${names.map((n) => JSON.stringify(n)).join(', ')}.`,
          line,
          field: options.column,
        };
      partIdx = [i];
      partColumn = names[i]!;
    } else {
      partIdx = PART_COLUMNS.flatMap((c) => normalized.flatMap((n, i) => (n === c ? [i] : [])));
      partColumn = partIdx.length ? names[partIdx[0]!]! : null;
    }
    if (options.quantityColumn !== undefined) {
      qtyIdx = normalized.indexOf(headerKey(options.quantityColumn));
      if (qtyIdx < 0)
        return {
          code: 'BOM_COLUMN_NOT_FOUND',
          message: `Quantity column "${options.quantityColumn}" is not in the header (line ${line}).`,
          line,
          field: options.quantityColumn,
        };
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
          lineFinding(
            'BOM_QUANTITY_TOO_LARGE',
            'error',
            line,
            [pn],
            `Line ${line}: quantity "${raw}" of ${pn} is more than ${nf(MAX_ORDER_PIECES)} pieces, the bound of a4s order (ORDER_QUANTITY_TOO_LARGE: a typo, such as a part number pasted as quantity); the line is counted as 1 piece.`,
            'BOM',
          );
          return 1;
        }
        const why =
          q === null ? ' (hex such as 0x10 and exponents such as 1e3 are not read)' : q === 0 ? ' (zero: mark a part that is not fitted DNP instead)' : '';
        lineFinding(
          'BOM_QUANTITY_UNREADABLE',
          'warning',
          line,
          [pn],
          `Line ${line}: quantity "${raw}" of ${pn} is not a positive whole decimal number${why}; the line is counted as 1 piece.`,
          'BOM',
        );
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
    partConflict(cells, cell, token, line);
    const check = classify(token);
    if (check.status === 'invalid' || !check.partNumber || !check.fields) {
      const e = check.errors[0];
      const shown = cell.trim() === token ? `"${token}"` : `"${token}" (in "${cell.trim()}")`;
      lineFinding(
        'BOM_PART_INVALID',
        'error',
        line,
        [token],
        `Line ${line}: ${shown} is not a valid A4S part number: ${e?.message ?? ''}${check.suggestions.length ? ` Did you mean ${check.suggestions.join(', ')}?` : ''}`,
        `${PRODUCT_TYPES_SOURCE}; ORDERING INFORMATION`,
        check.suggestions.length ? `Use ${check.suggestions[0]} (or ${check.suggestions.slice(1).join(', ') || 'another listed part'}).` : undefined,
      );
      return;
    }
    if (check.status === 'renamed') {
      const shown = cell.trim() === token ? `"${token}"` : `"${token}" (in "${cell.trim()}")`;
      lineFinding(
        'BOM_PART_RENAMED',
        'warning',
        line,
        [check.partNumber],
        `Line ${line}: ${shown}: ${check.errors[0]?.message ?? `renamed: today ${check.partNumber}.`} Counted as ${check.partNumber}.`,
        RENAMED_SOURCE,
      );
    }
    const dnp = dnpMark(cells);
    if (dnp !== null) {
      dnpLines++;
      lineFinding(
        'BOM_LINE_DNP',
        'info',
        line,
        [check.partNumber],
        `Line ${line}: ${check.partNumber} is marked do-not-populate (${dnp}): listed, not counted in quantities, reels or mating checks.`,
        'BOM',
      );
      return;
    }
    const quantity = quantityOf(cells, line, check.partNumber);
    const entry = parts.get(check.partNumber) ?? { check, quantity: 0, lines: [], lineCount: 0 };
    entry.quantity += quantity ?? 1;
    entry.lineCount++;
    if (entry.lines.length < maxLines) entry.lines.push(line);
    parts.set(check.partNumber, entry);
  }

  /**
   * Another cell of the line naming another A4S part (a Footprint cell "AXE644224A" beside a
   * Comment "AXE644124A": a 1.0 mm footprint under a 0.8 mm part): the board and the order disagree.
   * Parts are compared by what they are (role, pins, mated height or inspection form: the six
   * characters after AXE); a packaging suffix is no conflict, since the footprint is the same.
   */
  function partConflict(cells: readonly string[], partCell: string, token: string, line: number): void {
    const body = partBody(token);
    if (body === null) return;
    for (const c of cells) {
      if (c === partCell) continue;
      const m = A4S_TOKEN.exec(c);
      const other = m ? partBody(m[0]) : null;
      if (other === null || other === body) continue;
      if (sameLandPattern(body, other)) {
        lineFinding(
          'BOM_INSPECTION_FOOTPRINT',
          'info',
          line,
          [token.trim(), m![0].trim()],
          `Line ${line}: ${token.trim()} (in "${partCell.trim()}") with ${m![0].trim()} (in "${c.trim()}"): ${describeBody(body)} and ${describeBody(other)} have one land pattern; the catalog says of the inspection parts: "${INSPECTION_FOOT_PATTERN}"`,
          catalog.inspection.source,
        );
        return;
      }
      lineFinding(
        'BOM_LINE_PART_CONFLICT',
        'error',
        line,
        [token.trim(), m![0].trim()],
        `Line ${line}: the part is ${token.trim()} (in "${partCell.trim()}") but another cell names ${m![0].trim()} (in "${c.trim()}"): ${describeBody(body)} against ${describeBody(other)}. The footprint placed and the part ordered must be the same connector.`,
        PRODUCT_TYPES_SOURCE,
        'Make the part-number cell and the footprint (or other) cell name the same part.',
      );
      return;
    }
  }

  function unreadable(line: number, reason: string): void {
    unreadableLines++;
    lineFinding('BOM_LINE_UNREADABLE', 'error', line, [], `Line ${line} could not be read (${reason}); it was not checked.`, 'BOM');
  }

  /** A whole record (its quoted cells joined), from its first line. */
  function record(cells: readonly string[], line: number): InputError | null {
    if (partIdx === null) return header(cells, line);
    const fitted = fitToHeader(cells);
    if (fitted === null) {
      unreadable(line, `${cells.length} cells, the header has ${headerLength}`);
      return null;
    }
    row(fitted, line);
    return null;
  }

  /**
   * The cells of a line as many as the header's, or null. Empty cells past the header's last column
   * are dropped (exporters end lines with extra delimiters, e.g. `…;"AXE540127";;;` under a header
   * ending in one `;`): they can hold no value. A filled cell there, or a cell missing, leaves the
   * line unreadable, since which cell belongs to which column is then unknown.
   */
  function fitToHeader(cells: readonly string[]): readonly string[] | null {
    if (cells.length === headerLength) return cells;
    if (cells.length < headerLength) return null;
    for (let i = headerLength; i < cells.length; i++) if (cells[i]!.trim() !== '') return null;
    return cells.slice(0, headerLength);
  }

  /** One line as split on the delimiter: joins its quoted cells, or holds it while a quote is open. */
  function take(raw: readonly string[], line: number): InputError | null {
    if (pending) return goOn(raw, line);
    const joined = joinQuotedCells(raw, delimiter);
    if (joined.ok) return record(joined.cells, line);
    if (partIdx === null)
      return headerUnreadable(line, joined.open ? `the quote that opens cell ${joined.cell} is not closed on the header line` : joined.reason);
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
      if (fitToHeader(joined.cells) !== null) {
        pending = null;
        return record(joined.cells, held.lines[0]!.line);
      }
      return recover(`the quote that opens cell ${held.carry.cell} closes ${later}, leaving ${joined.cells.length} cells where the header has ${headerLength}`);
    }
    if (!joined.open) return recover(`the quote that opens cell ${held.carry.cell} is not closed properly (${joined.reason}, ${later})`);
    held.carry = joined.carry;
    if (held.lines.length > MAX_QUOTED_LINES || held.chars > MAX_QUOTED_CHARS)
      return recover(
        `the quote that opens cell ${held.carry.cell} is not closed within ${MAX_QUOTED_LINES} lines or ${groupDigits(MAX_QUOTED_CHARS)} characters`,
      );
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
      const text = pieces.length === 1 ? pieces[0]! : pieces.join(LINE_PIECE_SEPARATOR);
      if (partIdx === null && pending === null && options.delimiter === undefined) delimiter = detectDelimiter(text.replace(/^\uFEFF/, ''));
      return take(text.split(delimiter), line);
    },
    unreadable,
    finish() {
      // A quote still open at the end of the file: its line is reported, the lines after it re-read.
      while (pending) recover(`the quote that opens cell ${pending.carry.cell} is not closed by the end of the file`);
      const bomParts: BomPart[] = [...parts.values()]
        .map(({ check, quantity, lines: ls }) => toBomPart(check, quantity, ls))
        .sort((a, b) => compareNames(a.partNumber, b.partNumber));
      const findings = [...perLine];
      for (const [code, n] of perCodeCount) {
        if (n > maxPerCode) {
          findings.push({
            code,
            severity:
              code === 'BOM_QUANTITY_UNREADABLE' || code === 'BOM_PART_RENAMED'
                ? 'warning'
                : code === 'BOM_LINE_DNP' || code === 'BOM_INSPECTION_FOOTPRINT'
                  ? 'info'
                  : 'error',
            lines: [],
            moreLines: n - maxPerCode,
            partNumbers: [],
            message: `${n - maxPerCode} more lines with ${code} (only the first ${maxPerCode} are listed).`,
            source: 'BOM',
            fix: CHECK_CODES[code].fix,
          });
        }
      }
      findings.push(...partFindings(bomParts, parts, options, boards, l));
      findings.sort(
        (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.lines[0] ?? Infinity) - (b.lines[0] ?? Infinity) || compareNames(a.code, b.code),
      );
      const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
      return {
        partColumn: partIdx?.length ? partColumn : null,
        quantityColumn,
        lines,
        a4sLines,
        dnpLines,
        unreadableLines,
        boards,
        parts: bomParts,
        findings,
        summary: { errors: count('error'), warnings: count('warning'), infos: count('info') },
      };
    },
  };
}

export type { PartNumberFields };
