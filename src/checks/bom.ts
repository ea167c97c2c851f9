import { catalog } from '../catalog/index.js';
import type { PartNumberFields } from '../partnumber/index.js';
import { checkPartNumber, type PartNumberCheck } from '../partnumber/index.js';
import { orderQuantities } from '../order/index.js';
import { matesOf } from '../select/index.js';
import { CHECK_CODES, type BomFindingCode } from './codes.js';
import { csvRecords, detectDelimiter } from './csv.js';
import { limits } from './limits.js';
import type { InputError, Severity } from './types.js';

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
}

export interface BomChecker {
  /** Feed one parsed record; the first is the header. Returns an error only for a header that cannot be used. */
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
const A4S_CELL = /^\s*"?axe/i;
const CACHE_LIMIT = 10_000;

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
  let quantityColumn: string | null = null;
  let headerLength = 0;
  let lines = 0;
  let a4sLines = 0;
  let unreadableLines = 0;
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
    const names = cells.map((c) => c.trim());
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
    return null;
  }

  function classify(cell: string): PartNumberCheck {
    let check = cache.get(cell);
    if (!check) {
      check = checkPartNumber(cell.trim().split(/\s+/)[0] ?? '');
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(cell, check);
    }
    return check;
  }

  function quantityOf(cells: readonly string[], line: number, pn: string): number | null {
    if (qtyIdx >= 0) {
      const raw = (cells[qtyIdx] ?? '').trim();
      if (raw === '' && refIdx < 0) return 1;
      if (raw !== '') {
        const q = Number(raw);
        if (Number.isInteger(q) && q >= 0) return q;
        lineFinding('BOM_QUANTITY_UNREADABLE', 'warning', line, [pn], `Line ${line}: quantity "${raw}" of ${pn} is not a whole number; the line is counted as 1 piece.`, 'BOM');
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
    const idx = partIdx!;
    if (idx.length > 0) {
      for (const i of idx) {
        const c = cells[i];
        if (c !== undefined && A4S_CELL.test(c)) {
          cell = c;
          break;
        }
      }
    } else {
      for (const c of cells) {
        if (A4S_CELL.test(c)) {
          cell = c;
          break;
        }
      }
    }
    if (cell === undefined) return;
    a4sLines++;
    const check = classify(cell);
    if (check.status === 'invalid' || !check.partNumber || !check.fields) {
      const e = check.errors[0];
      lineFinding('BOM_PART_INVALID', 'error', line, [cell.trim()], `Line ${line}: "${cell.trim()}" is not a valid A4S part number: ${e?.message ?? ''}${check.suggestions.length ? ` Did you mean ${check.suggestions.join(', ')}?` : ''}`, 'PRODUCT TYPES; ORDERING INFORMATION', check.suggestions.length ? `Use ${check.suggestions[0]} (or ${check.suggestions.slice(1).join(', ') || 'another listed part'}).` : undefined);
      return;
    }
    const quantity = quantityOf(cells, line, check.partNumber);
    const entry = parts.get(check.partNumber) ?? { check, quantity: 0, lines: [], lineCount: 0 };
    entry.quantity += quantity ?? 1;
    entry.lineCount++;
    if (entry.lines.length < maxLines) entry.lines.push(line);
    parts.set(check.partNumber, entry);
  }

  return {
    push(cells, line) {
      if (partIdx === null) return header(cells, line);
      if (cells.length !== headerLength) {
        this.unreadable(line, `${cells.length} cells, the header has ${headerLength}`);
        return null;
      }
      row(cells, line);
      return null;
    },
    unreadable(line, reason) {
      unreadableLines++;
      lineFinding('BOM_LINE_UNREADABLE', 'error', line, [], `Line ${line} could not be read (${reason}); it was not checked.`, 'BOM');
    },
    finish() {
      const bomParts: BomPart[] = [...parts.values()].map(({ check, quantity, lines: ls }) => toBomPart(check, quantity, ls)).sort((a, b) => a.partNumber.localeCompare(b.partNumber));
      const findings = [...perLine];
      for (const [code, n] of perCodeCount) {
        if (n > maxPerCode) {
          findings.push({ code, severity: code === 'BOM_QUANTITY_UNREADABLE' ? 'warning' : 'error', lines: [], moreLines: n - maxPerCode, partNumbers: [], message: `${n - maxPerCode} more lines with ${code} (only the first ${maxPerCode} are listed).`, source: 'BOM', fix: CHECK_CODES[code].fix });
        }
      }
      findings.push(...partFindings(bomParts, parts, options, boards, l));
      const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
      findings.sort((a, b) => rank[a.severity] - rank[b.severity] || (a.lines[0] ?? Infinity) - (b.lines[0] ?? Infinity) || a.code.localeCompare(b.code));
      const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
      return { partColumn: partIdx && partIdx.length ? partColumn : null, quantityColumn, lines, a4sLines, unreadableLines, boards, parts: bomParts, findings, summary: { errors: count('error'), warnings: count('warning'), infos: count('info') } };
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
      const partners = matesOf(p.partNumber).partners.filter((x) => x.inspection === p.inspection).map((x) => x.partNumber);
      add('BOM_MATE_MISSING', 'warning', [p], `${p.partNumber} (${p.role}, ${p.pins} pins): no mating ${p.role === 'socket' ? 'header' : 'socket'} in ${options.mateParts ? 'either BOM' : 'the BOM (give the other board’s BOM with --mate)'}; partners: ${partners.slice(0, 4).join(', ')}.`, 'PRODUCT TYPES (socket and header on one row)', `Add one of ${partners.slice(0, 4).join(', ')} to the other board’s BOM.`);
    }
    if (p.inspection) {
      if (!options.fixture) add('BOM_INSPECTION_PART', 'error', [p], `${p.partNumber} is an inspection part (${catalog.inspection.matingCycles.toLocaleString('en-US')} cycles, retention force not warranted) in a production BOM; the catalog says to avoid uses other than inspection.`, catalog.inspection.source, `Use the standard ${p.role} of ${p.pins} pins in production, or pass --fixture for an inspection-fixture BOM.`);
      const pieces = p.quantity * boards;
      if (pieces < l.inspectionMinLot.value) add('BOM_INSPECTION_MIN_LOT', 'warning', [p], `${p.partNumber}: ${pieces} pieces needed (${p.quantity} × ${boards} boards), below the minimum of ${l.inspectionMinLot.value} pieces per lot: order ${l.inspectionMinLot.value}.`, l.inspectionMinLot.source);
    } else {
      const plan = orderQuantities(p.partNumber, Math.max(1, p.quantity * boards));
      if (plan.ok && plan.value.reels) {
        const r = plan.value.reels;
        add('BOM_REEL_ROUNDING', 'info', [p], `${p.partNumber}: ${p.quantity * boards} pieces (${p.quantity} × ${boards} board${boards === 1 ? '' : 's'}) → ${r.reels} reel${r.reels === 1 ? '' : 's'} of ${r.piecesPerReel.value.toLocaleString('en-US')} = ${r.orderedPieces.toLocaleString('en-US')} pieces, ${r.leftoverPieces.toLocaleString('en-US')} left over${r.outerCartons !== null ? `; ${r.outerCartons} outer carton${r.outerCartons === 1 ? '' : 's'} + ${r.looseReels} reel${r.looseReels === 1 ? '' : 's'}` : ''}.${plan.value.suggestion ? ` Consider ${plan.value.suggestion}` : ''}`, r.piecesPerReel.source, plan.value.suggestion ? `Order ${plan.value.alternative!.partNumber}: ${plan.value.alternative!.reels} reel(s) instead of ${r.reels}.` : `Order ${r.reels} reel(s).`);
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

/** Checks a BOM held in memory (browser, small uploads): CSV or TSV, delimiter from the header line. */
export function checkBomText(text: string, options: BomOptions = {}): { ok: true; value: BomReport } | { ok: false; error: InputError } {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.trim() === '') return { ok: false, error: { code: 'BOM_EMPTY', message: 'The BOM is empty (no header row).', line: 1 } };
  const checker = createBomChecker(options);
  for (const record of csvRecords(text, detectDelimiter(firstLine))) {
    if (!record.ok) {
      checker.unreadable(record.line, record.reason);
      continue;
    }
    const e = checker.push(record.cells, record.line);
    if (e) return { ok: false, error: e };
  }
  return { ok: true, value: checker.finish() };
}
