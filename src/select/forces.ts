import { characteristicValue } from '../catalog/index.js';

export interface MatingForces {
  readonly pins: number;
  /** Composite insertion force, maximum (initial). */
  readonly insertionMaxN: number;
  /** Composite removal force, minimum. */
  readonly removalMinN: number;
  readonly formula: string;
  readonly source: string;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Catalog: max 1.200 N/pin contact × pin contacts to insert, min 0.165 N/pin contact × pin contacts to remove. */
export function matingForces(pins: number): MatingForces {
  const insertion = characteristicValue('insertion-force', 'forcePerContactN');
  const removal = characteristicValue('removal-force', 'forcePerContactN');
  return {
    pins,
    insertionMaxN: round3(insertion.value * pins),
    removalMinN: round3(removal.value * pins),
    formula: `insertion ≤ ${insertion.value} N × ${pins}; removal ≥ ${removal.value} N × ${pins}`,
    source: `${insertion.source}; ${removal.source}`,
  };
}
