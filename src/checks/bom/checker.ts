import { builtInSeries, seriesDerived, type Series } from '../../catalog/index.js';
import { type PartNumberFields, checkPartNumber, RENAMED_SOURCE, type PartNumberCheck, type PartNumberMatch } from '../../partnumber/index.js';
import { MAX_ORDER_PIECES } from '../../order/index.js';
import { CHECK_CODES, type BomFindingCode } from '../codes.js';
import { plainDecimal } from '../shared/index.js';
import { limits, productTypesSource } from '../shared/index.js';
import { SEVERITY_RANK, type InputError, type Severity } from '../types.js';
import type { BomFinding, BomPart, BomOptions, BomChecker } from './types.js';
import { nf, partFindings, toBomPart } from './findings.js';
import {
  describeBody,
  DNP_COLUMNS,
  DNP_WORDS,
  FITTED_COLUMNS,
  headerKey,
  NO,
  PART_COLUMNS,
  partToken,
  QUANTITY_COLUMNS,
  sameLandPattern,
  REFERENCE_COLUMNS,
} from './columns.js';
import { compareNames } from '../../numbers.js';
import { BomRecords } from './records.js';

export type { BomChecker, BomFinding, BomOptions, BomPart, BomReport } from './types.js';
export { MAX_QUOTED_CHARS, MAX_QUOTED_LINES } from './records.js';

const CACHE_LIMIT = 10_000;
/** The catalog's own sentence (inspection FEATURES): the inspection parts have the standard part's foot pattern. */
const inspectionFootPattern = (series: Series): string =>
  series.catalog.inspection.features.find((f) => /foot pattern/i.test(f)) ?? 'Same external dimensions and foot pattern as standard type.';

/** What the header row says: its names and where the part numbers, quantities, references and do-not-populate marks are (-1: no such column). */
interface HeaderColumns {
  readonly names: readonly string[];
  /** Candidate part-number columns, best first; [] = scan every cell. */
  readonly part: readonly number[];
  readonly partName: string | null;
  readonly quantity: number;
  readonly quantityName: string | null;
  readonly reference: number;
  readonly dnp: number;
  readonly fitted: number;
}

/** The header's columns, or the error of a column asked for (`--column`, `--qty-column`) that it does not have. */
function readHeader(cells: readonly string[], line: number, options: BomOptions): HeaderColumns | InputError {
  const names = cells.map((c) => c.trim());
  const normalized = names.map(headerKey);
  let part: number[];
  if (options.column !== undefined) {
    const i = normalized.indexOf(headerKey(options.column));
    if (i < 0)
      return {
        code: 'BOM_COLUMN_NOT_FOUND',
        message: `Column "${options.column}" is not in the header (line ${line}): ${names.map((n) => JSON.stringify(n)).join(', ')}.`,
        line,
        field: options.column,
      };
    part = [i];
  } else {
    part = PART_COLUMNS.flatMap((c) => normalized.flatMap((n, i) => (n === c ? [i] : [])));
  }
  let quantity: number;
  if (options.quantityColumn !== undefined) {
    quantity = normalized.indexOf(headerKey(options.quantityColumn));
    if (quantity < 0)
      return {
        code: 'BOM_COLUMN_NOT_FOUND',
        message: `Quantity column "${options.quantityColumn}" is not in the header (line ${line}).`,
        line,
        field: options.quantityColumn,
      };
  } else {
    quantity = normalized.findIndex((n) => QUANTITY_COLUMNS.includes(n));
  }
  return {
    names,
    part,
    partName: part.length ? names[part[0]!]! : null,
    quantity,
    quantityName: quantity >= 0 ? names[quantity]! : null,
    reference: normalized.findIndex((n) => REFERENCE_COLUMNS.includes(n)),
    dnp: normalized.findIndex((n) => DNP_COLUMNS.includes(n)),
    fitted: normalized.findIndex((n) => FITTED_COLUMNS.includes(n)),
  };
}

/**
 * Incremental BOM checker: constant memory whatever the number of lines. Pure (runs in the browser).
 * Its lines become records in `BomRecords` (records.ts); the checker reads the header and checks the rows.
 */
export function createBomChecker(options: BomOptions = {}, series: Series = builtInSeries): BomChecker {
  const maxLines = options.maxLinesPerFinding ?? 20;
  const maxPerCode = options.maxFindingsPerCode ?? 100;
  const boards = options.boards ?? 1;
  const l = limits(series);
  const productTypes = productTypesSource(series);
  const footPattern = seriesDerived(series, inspectionFootPattern);
  /** The header's columns, once the header is read. */
  let columns: HeaderColumns | null = null;
  /** Lines read under the header, lines naming a part, marked do-not-populate, not readable. */
  const counts = { lines: 0, a4sLines: 0, dnpLines: 0, unreadableLines: 0 };
  const cache = new Map<string, PartNumberCheck>();
  const parts = new Map<string, { check: PartNumberCheck; quantity: number; lines: number[]; lineCount: number }>();
  const perLine: BomFinding[] = [];
  const perCodeCount = new Map<BomFindingCode, number>();

  const lineFinding = (code: BomFindingCode, severity: Severity, line: number, partNumbers: string[], message: string, source: string, fix?: string) => {
    const n = (perCodeCount.get(code) ?? 0) + 1;
    perCodeCount.set(code, n);
    if (n <= maxPerCode) perLine.push({ code, severity, lines: [line], moreLines: 0, partNumbers, message, source, fix: fix ?? CHECK_CODES[code].fix });
  };

  function header(cells: readonly string[], line: number): InputError | null {
    const read = readHeader(cells, line, options);
    if ('code' in read) return read;
    columns = read;
    return null;
  }

  /** Why a line is do-not-populate (the column or the word that says so), or null. */
  function dnpMark(cells: readonly string[]): string | null {
    const { dnp, fitted, names } = columns!;
    if (dnp >= 0) {
      const v = (cells[dnp] ?? '').trim();
      if (v !== '' && !NO.has(v.toLowerCase())) return `column "${names[dnp]}" = "${v}"`;
    }
    if (fitted >= 0) {
      const v = (cells[fitted] ?? '').trim();
      if (NO.has(v.toLowerCase()) || DNP_WORDS.test(v)) return `column "${names[fitted]}" = "${v}"`;
    }
    for (const [i, c] of cells.entries()) {
      if (i === dnp || i === fitted) continue;
      const m = DNP_WORDS.exec(c);
      if (m) return `"${m[0]}"`;
    }
    return null;
  }

  function classify(token: string): PartNumberCheck {
    let check = cache.get(token);
    if (!check) {
      check = checkPartNumber(token, series);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(token, check);
    }
    return check;
  }

  function quantityOf(cells: readonly string[], line: number, pn: string): number | null {
    const { quantity, reference } = columns!;
    if (quantity >= 0) {
      const raw = (cells[quantity] ?? '').trim();
      if (raw === '' && reference < 0) return 1;
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
    if (reference >= 0) {
      const refs = (cells[reference] ?? '').split(/[\s,;]+/).filter(Boolean);
      return Math.max(1, refs.length);
    }
    return 1;
  }

  function row(cells: readonly string[], line: number): void {
    counts.lines++;
    let cell: string | undefined;
    let found: PartNumberMatch | undefined;
    const idx = columns!.part;
    const scan = (c: string | undefined): boolean => {
      const m = c === undefined ? null : partToken(c, series);
      if (!m) return false;
      cell = c;
      found = m;
      return true;
    };
    if (idx.length > 0) {
      for (const i of idx) if (scan(cells[i])) break;
    } else {
      for (const c of cells) if (scan(c)) break;
    }
    if (cell === undefined || found === undefined) return;
    const token = found.text;
    counts.a4sLines++;
    partConflict(cells, cell, found, line);
    const check = classify(token);
    if (check.status === 'invalid' || !check.partNumber || !check.fields) {
      const e = check.errors[0];
      const shown = cell.trim() === token ? `"${token}"` : `"${token}" (in "${cell.trim()}")`;
      lineFinding(
        'BOM_PART_INVALID',
        'error',
        line,
        [token],
        `Line ${line}: ${shown} is not a valid ${series.name} part number: ${e?.message ?? ''}${check.suggestions.length ? ` Did you mean ${check.suggestions.join(', ')}?` : ''}`,
        `${productTypes}; ORDERING INFORMATION`,
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
      counts.dnpLines++;
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
  function partConflict(cells: readonly string[], partCell: string, part: PartNumberMatch, line: number): void {
    if (part.key === null) return;
    const token = part.text;
    for (const c of cells) {
      if (c === partCell) continue;
      const m = partToken(c, series);
      if (m === null || m.key === null || m.key === part.key) continue;
      if (sameLandPattern(part, m)) {
        lineFinding(
          'BOM_INSPECTION_FOOTPRINT',
          'info',
          line,
          [token.trim(), m.text.trim()],
          `Line ${line}: ${token.trim()} (in "${partCell.trim()}") with ${m.text.trim()} (in "${c.trim()}"): ${describeBody(part)} and ${describeBody(m)} have one land pattern; the catalog says of the inspection parts: "${footPattern}"`,
          series.catalog.inspection.source,
        );
        return;
      }
      lineFinding(
        'BOM_LINE_PART_CONFLICT',
        'error',
        line,
        [token.trim(), m.text.trim()],
        `Line ${line}: the part is ${token.trim()} (in "${partCell.trim()}") but another cell names ${m.text.trim()} (in "${c.trim()}"): ${describeBody(part)} against ${describeBody(m)}. The footprint placed and the part ordered must be the same connector.`,
        productTypes,
        'Make the part-number cell and the footprint (or other) cell name the same part.',
      );
      return;
    }
  }

  function unreadable(line: number, reason: string): void {
    counts.unreadableLines++;
    lineFinding('BOM_LINE_UNREADABLE', 'error', line, [], `Line ${line} could not be read (${reason}); it was not checked.`, 'BOM');
  }

  const records = new BomRecords({ header, row, unreadable }, options.delimiter);
  return {
    push: (pieces, line) => records.push(pieces, line),
    unreadable,
    finish() {
      records.finish();
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
      findings.push(...partFindings(bomParts, parts, options, boards, l, series));
      findings.sort(
        (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.lines[0] ?? Infinity) - (b.lines[0] ?? Infinity) || compareNames(a.code, b.code),
      );
      const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
      return {
        partColumn: columns?.part.length ? columns.partName : null,
        quantityColumn: columns?.quantityName ?? null,
        ...counts,
        boards,
        parts: bomParts,
        findings,
        summary: { errors: count('error'), warnings: count('warning'), infos: count('info') },
      };
    },
  };
}

export type { PartNumberFields };
