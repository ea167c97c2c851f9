import { catalog } from './load.js';
import type { DimensionRow, DimensionTable, PackagingId, Role, TapeRow } from './schema.js';

export type MatedHeightMm = 0.8 | 1.0;

/** A part number listed in the catalog (product-type tables or the inspection table). */
export interface CatalogPart {
  readonly partNumber: string;
  readonly role: Role;
  readonly pins: number;
  readonly inspection: boolean;
  /** null for inspection parts: the catalog does not state their packaging. */
  readonly packaging: PackagingId | null;
  /** The header's own mated height; null for sockets (common to both heights) and inspection parts. */
  readonly matedHeightMm: MatedHeightMm | null;
  /** Table(s) the part number was read from. */
  readonly sources: readonly string[];
}

export const pitchMm = catalog.series.pitchMm;

export function padPins(pins: number): string {
  return String(pins).padStart(2, '0');
}

/** `AXE5E**26` with the asterisks replaced by the pin count, as the catalog's note says. */
export function inspectionPartNumber(role: Role, pins: number): string {
  const pattern = role === 'socket' ? catalog.inspection.socketPattern : catalog.inspection.headerPattern;
  return pattern.replace('**', padPins(pins));
}

function buildParts(): CatalogPart[] {
  const byNumber = new Map<string, { part: Omit<CatalogPart, 'sources'>; sources: Set<string> }>();
  const add = (part: Omit<CatalogPart, 'sources'>, source: string) => {
    const existing = byNumber.get(part.partNumber);
    if (existing) existing.sources.add(source);
    else byNumber.set(part.partNumber, { part, sources: new Set([source]) });
  };
  for (const table of catalog.productTypes) {
    for (const row of table.rows) {
      add({ partNumber: row.socket, role: 'socket', pins: row.pins, inspection: false, packaging: table.packaging, matedHeightMm: null }, table.source);
      add(
        { partNumber: row.header, role: 'header', pins: row.pins, inspection: false, packaging: table.packaging, matedHeightMm: row.matedHeightMm },
        table.source,
      );
    }
  }
  for (const pins of catalog.inspection.pinsAvailable) {
    for (const role of ['socket', 'header'] as const) {
      add({ partNumber: inspectionPartNumber(role, pins), role, pins, inspection: true, packaging: null, matedHeightMm: null }, catalog.inspection.source);
    }
  }
  return [...byNumber.values()].map(({ part, sources }) => Object.freeze({ ...part, sources: Object.freeze([...sources]) })).sort(comparePartsForListing);
}

/**
 * Orders catalog codes (part numbers, packaging ids: upper-case letters, digits, '-') exactly as
 * localeCompare does for them, without its first-call cost (loading the ICU collator, 10-20 ms of
 * a command's start). test/catalog-built.test.ts proves the same order on every catalog code.
 */
export function compareCatalogCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stable listing order: role, inspection last, pins, height, packaging. */
export function comparePartsForListing(a: CatalogPart, b: CatalogPart): number {
  return (
    (a.role === b.role ? 0 : a.role === 'socket' ? -1 : 1) ||
    Number(a.inspection) - Number(b.inspection) ||
    a.pins - b.pins ||
    (a.matedHeightMm ?? 0) - (b.matedHeightMm ?? 0) ||
    compareCatalogCodes(b.packaging ?? '', a.packaging ?? '') || // 8mm-pitch (the default) first
    compareCatalogCodes(a.partNumber, b.partNumber)
  );
}

export const catalogParts: readonly CatalogPart[] = Object.freeze(buildParts());
export const catalogPartIndex: ReadonlyMap<string, CatalogPart> = new Map(catalogParts.map((p) => [p.partNumber, p]));

export function productTypeTable(packaging: PackagingId) {
  const table = catalog.productTypes.find((t) => t.packaging === packaging);
  if (!table) throw new Error(`no product-type table for ${packaging}`);
  return table;
}

export function dimensionTableFor(role: Role, matedHeightMm: MatedHeightMm | null): DimensionTable {
  const id = role === 'socket' ? 'socket' : matedHeightMm === 1.0 ? 'header-1.0' : 'header-0.8';
  const table = catalog.dimensionTables.find((t) => t.id === id);
  if (!table) throw new Error(`no dimension table ${id}`);
  return table;
}

export function dimensionRow(table: DimensionTable, pins: number): DimensionRow | undefined {
  return table.rows.find((r) => r.pins === pins);
}

/** The tape-table row whose pin range holds `pins`, or undefined (e.g. 26 pins falls between rows). */
export function tapeRowFor(packaging: PackagingId, pins: number): { row: TapeRow; source: string } | undefined {
  const table = catalog.tape.tables.find((t) => t.packaging === packaging);
  if (!table) return undefined;
  const row = table.rows.find((r) => (r.pinsMin === null || pins >= r.pinsMin) && pins <= r.pinsMax);
  return row ? { row, source: table.source } : undefined;
}

/** A number from the characteristics table, by row id and value name. */
export function characteristicValue(id: string, name: string): { value: number; unit: string; source: string } {
  const row = catalog.characteristics.find((c) => c.id === id);
  const value = row?.values.find((v) => v.name === name);
  if (!row || !value) throw new Error(`catalog characteristic ${id}.${name} is missing`);
  return { value: value.value, unit: value.unit, source: `${row.source} / ${row.item}` };
}

/** Every pin count that appears in any product-type or inspection table. */
export const standardPinCounts: readonly number[] = Object.freeze([...new Set(catalogParts.map((p) => p.pins))].sort((a, b) => a - b));
