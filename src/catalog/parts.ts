import { inspectionPattern, pinsField, writePartNumber } from '../partnumber/form.js';
import { catalog as builtInCatalog } from './load.js';
import type { Catalog, DimensionRow, DimensionTable, MatedHeightMm, PackagingId, Role, TapeRow } from './schema.js';

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

/**
 * The functions below read one catalog edition: the built-in one unless given another
 * (a series' `catalog`, see ./series.ts). Module constants are the built-in edition's.
 */
export const pitchMm = builtInCatalog.series.pitchMm;

/** The pin count as part numbers write it (two digits). */
export function padPins(pins: number, catalog: Catalog = builtInCatalog): string {
  return pinsField(catalog.partNumberGrammar.form, pins);
}

/** The inspection part number: the catalog's pattern (`AXE5E**26`) with the asterisks replaced by the pin count, as its note says. */
export function inspectionPartNumber(role: Role, pins: number, catalog: Catalog = builtInCatalog): string {
  return writePartNumber(catalog.partNumberGrammar.form, { role, pins, inspection: true, matedHeightMm: null, packaging: null });
}

/** The catalog's own inspection pattern for a role, as printed (AXE5E**26). */
export function inspectionPatternOf(role: Role, catalog: Catalog = builtInCatalog): string {
  return inspectionPattern(catalog.partNumberGrammar.form, role);
}

/** Every part number the catalog lists, with what its table says (built once per edition: ./series.ts). */
export function buildParts(catalog: Catalog): CatalogPart[] {
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
      add(
        { partNumber: inspectionPartNumber(role, pins, catalog), role, pins, inspection: true, packaging: null, matedHeightMm: null },
        catalog.inspection.source,
      );
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

export const catalogParts: readonly CatalogPart[] = Object.freeze(buildParts(builtInCatalog));
export const catalogPartIndex: ReadonlyMap<string, CatalogPart> = new Map(catalogParts.map((p) => [p.partNumber, p]));

export function productTypeTable(packaging: PackagingId, catalog: Catalog = builtInCatalog) {
  const table = catalog.productTypes.find((t) => t.packaging === packaging);
  if (!table) throw new Error(`no product-type table for ${packaging}`);
  return table;
}

export function dimensionTableFor(role: Role, matedHeightMm: MatedHeightMm | null, catalog: Catalog = builtInCatalog): DimensionTable {
  const id = role === 'socket' ? 'socket' : matedHeightMm === 1.0 ? 'header-1.0' : 'header-0.8';
  const table = catalog.dimensionTables.find((t) => t.id === id);
  if (!table) throw new Error(`no dimension table ${id}`);
  return table;
}

export function dimensionRow(table: DimensionTable, pins: number): DimensionRow | undefined {
  return table.rows.find((r) => r.pins === pins);
}

/** The tape-table row whose pin range holds `pins`, or undefined (e.g. 26 pins falls between rows). */
export function tapeRowFor(packaging: PackagingId, pins: number, catalog: Catalog = builtInCatalog): { row: TapeRow; source: string } | undefined {
  const table = catalog.tape.tables.find((t) => t.packaging === packaging);
  if (!table) return undefined;
  const row = table.rows.find((r) => (r.pinsMin === null || pins >= r.pinsMin) && pins <= r.pinsMax);
  return row ? { row, source: table.source } : undefined;
}

/** A number from the characteristics table, by row id and value name. */
export function characteristicValue(id: string, name: string, catalog: Catalog = builtInCatalog): { value: number; unit: string; source: string } {
  const row = catalog.characteristics.find((c) => c.id === id);
  const value = row?.values.find((v) => v.name === name);
  if (!row || !value) throw new Error(`catalog characteristic ${id}.${name} is missing`);
  return { value: value.value, unit: value.unit, source: `${row.source} / ${row.item}` };
}

/** Every pin count that appears in any product-type or inspection table. */
export function pinCountsOf(parts: readonly CatalogPart[]): readonly number[] {
  return Object.freeze([...new Set(parts.map((p) => p.pins))].sort((a, b) => a - b));
}
export const standardPinCounts: readonly number[] = pinCountsOf(catalogParts);
