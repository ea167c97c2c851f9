import {
  builtInSeries,
  dimensionRow,
  dimensionTableFor,
  evaluate,
  fitColumn,
  type DimensionTable,
  type LinearFormula,
  type MatedHeightMm,
  type Role,
  type Series,
} from '../catalog/index.js';
import type { Provenance } from '../provenance.js';

export interface DimensionsMm {
  readonly A: number;
  readonly B: number;
  readonly C: number;
}

export interface DimensionsAnswer {
  readonly dimensionsMm: DimensionsMm;
  /** catalog: read from the table row; derived: from the linear formula the table follows. */
  readonly provenance: Extract<Provenance, 'catalog' | 'derived'>;
  readonly source: string;
  readonly formulas: { readonly A: string; readonly B: string; readonly C: string } | null;
  readonly generalToleranceMm: number | null;
  readonly note: string | null;
}

// Keyed by the table itself: each catalog edition has its own tables.
const formulaCache = new WeakMap<DimensionTable, Record<'A' | 'B' | 'C', LinearFormula>>();

/** The linear formulas A/B/C(pins) of one dimension table (exact for every catalog row). */
export function dimensionFormulas(role: Role, matedHeightMm: MatedHeightMm | null, series: Series = builtInSeries): Record<'A' | 'B' | 'C', LinearFormula> {
  const table = dimensionTableFor(role, matedHeightMm, series.catalog);
  let formulas = formulaCache.get(table);
  if (!formulas) {
    formulas = { A: fitColumn(table, 'A'), B: fitColumn(table, 'B'), C: fitColumn(table, 'C') };
    formulaCache.set(table, formulas);
  }
  return formulas;
}

/**
 * A/B/C of a socket or header. Inspection parts have the "same external dimensions as standard
 * type" (catalog), so they read the standard tables.
 */
export function dimensionsFor(
  role: Role,
  pins: number,
  matedHeightMm: MatedHeightMm | null,
  inspection = false,
  series: Series = builtInSeries,
): DimensionsAnswer {
  const { catalog } = series;
  const table = dimensionTableFor(role, matedHeightMm, catalog);
  const row = dimensionRow(table, pins);
  const inspectionNote = inspection ? `Inspection part: "${catalog.inspection.features[1]}" (${catalog.inspection.source}).` : null;
  if (row) {
    return {
      dimensionsMm: { A: row.A, B: row.B, C: row.C },
      provenance: 'catalog',
      source: `${table.source}, row ${pins} pins`,
      formulas: null,
      generalToleranceMm: table.generalToleranceMm,
      note: inspectionNote,
    };
  }
  const f = dimensionFormulas(role, matedHeightMm, series);
  return {
    dimensionsMm: { A: evaluate(f.A, pins), B: evaluate(f.B, pins), C: evaluate(f.C, pins) },
    provenance: 'derived',
    source: `derived from ${table.source}: ${pins} pins is not a row of the table`,
    formulas: { A: f.A.text, B: f.B.text, C: f.C.text },
    generalToleranceMm: table.generalToleranceMm,
    note: inspectionNote ?? 'Not a catalog row: the value follows the linear formula every row of the table obeys. Confirm with Panasonic before use.',
  };
}
