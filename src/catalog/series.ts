import { catalog as builtInCatalog } from './load.js';
import { buildParts, type CatalogPart, catalogPartIndex, catalogParts, pinCountsOf } from './parts.js';
import type { Catalog, PartNumberForm } from './schema.js';

/**
 * A connector series as one value: a catalog edition and what is derived from it (its part-number
 * grammar, its parts). The core takes a `Series` rather than reading one global catalog, so another
 * edition (or a sister family printed in the same form) is a data file: `createSeries(catalog)`
 * with a catalog the zod schema accepted (`loadSeries` in the package root validates one).
 * Every function of the core that reads catalog data takes `series` as its last argument, defaulting
 * to `builtInSeries`, the validated build-time catalog (no validation and no zod at start-up).
 */
export interface Series {
  readonly catalog: Catalog;
  /** The series name as the catalog prints it ("A4S"). */
  readonly name: string;
  /** The part-number grammar, read from the catalog (catalog.partNumberGrammar.form). */
  readonly grammar: PartNumberForm;
  readonly pitchMm: number;
  /** Every part number the catalog lists, in listing order. */
  readonly parts: readonly CatalogPart[];
  readonly partIndex: ReadonlyMap<string, CatalogPart>;
  /** Every pin count of any product-type or inspection table, ascending. */
  readonly standardPinCounts: readonly number[];
}

/** A series from a catalog the schema accepted (it is not validated again here: see `loadSeries`). */
export function createSeries(catalog: Catalog): Series {
  if (catalog === builtInCatalog && builtIn) return builtIn;
  const parts = catalog === builtInCatalog ? catalogParts : Object.freeze(buildParts(catalog));
  return Object.freeze({
    catalog,
    name: catalog.series.name,
    grammar: catalog.partNumberGrammar.form,
    pitchMm: catalog.series.pitchMm,
    parts,
    partIndex: catalog === builtInCatalog ? catalogPartIndex : new Map(parts.map((p) => [p.partNumber, p])),
    standardPinCounts: pinCountsOf(parts),
  });
}

let builtIn: Series | undefined;
/** The series of the built-in catalog (data/a4s.catalog.json as accepted at build time). */
export const builtInSeries: Series = createSeries(builtInCatalog);
builtIn = builtInSeries;

const derivedBySeries = new WeakMap<Series, Map<(series: Series) => unknown, unknown>>();

/**
 * A value a module derives from a series (its footprint families, its regular expressions), built
 * once per series and kept as long as the series is: `build` must be a module-level function (it is
 * the key).
 */
export function seriesDerived<T>(series: Series, build: (series: Series) => T): T {
  let values = derivedBySeries.get(series);
  if (!values) {
    values = new Map();
    derivedBySeries.set(series, values);
  }
  if (values.has(build)) return values.get(build) as T;
  const value = build(series);
  values.set(build, value);
  return value;
}
