import { builtInSeries, characteristicValue, type Series } from '../catalog/index.js';

export interface MatingForces {
  readonly pins: number;
  /** Composite insertion force, maximum (initial). */
  readonly insertionMaxN: number;
  /** Composite removal force, minimum; null for inspection parts (not warranted). */
  readonly removalMinN: number | null;
  readonly formula: string;
  readonly source: string;
  readonly note: string | null;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Catalog: max 1.200 N/pin contact × pin contacts to insert, min 0.165 N/pin contact × pin
 * contacts to remove. Inspection parts: "Mating retention force cannot be warranted", so no
 * removal minimum; the insertion maximum is the characteristics table's (stated for the series).
 */
export function matingForces(pins: number, options: { inspection?: boolean } = {}, series: Series = builtInSeries): MatingForces {
  const insertion = characteristicValue('insertion-force', 'forcePerContactN', series.catalog);
  const removal = characteristicValue('removal-force', 'forcePerContactN', series.catalog);
  const inspection = options.inspection === true;
  return {
    pins,
    insertionMaxN: round3(insertion.value * pins),
    removalMinN: inspection ? null : round3(removal.value * pins),
    formula: inspection ? `insertion ≤ ${insertion.value} N × ${pins}` : `insertion ≤ ${insertion.value} N × ${pins}; removal ≥ ${removal.value} N × ${pins}`,
    source: inspection ? `${insertion.source}; ${series.catalog.inspection.source}` : `${insertion.source}; ${removal.source}`,
    note: inspection ? 'Inspection part: mating retention force cannot be warranted (catalog), so there is no removal minimum.' : null,
  };
}
