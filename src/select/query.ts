import { builtInSeries, type MatedHeightMm, type PackagingId, type Role, type Series, seriesDerived } from '../catalog/index.js';
import { describePart, type PartDescription } from './describe.js';

export interface PartQuery {
  readonly role?: Role;
  /** Exact pin count. */
  readonly pins?: number;
  /** "At least N signals": the smallest standard pin count ≥ N among the other filters' results. */
  readonly minSignals?: number;
  /** Parts usable at this mated height (sockets serve both heights). */
  readonly matedHeightMm?: MatedHeightMm;
  readonly packaging?: PackagingId;
  /** true: inspection parts only; false: production parts only; undefined: both. */
  readonly inspection?: boolean;
}

export interface QueryAnswer {
  readonly parts: PartDescription[];
  /** The pin count chosen by `minSignals`, or null. */
  readonly chosenPins: number | null;
  readonly note: string | null;
}

function matches(part: PartDescription, query: PartQuery): boolean {
  if (query.role && part.role !== query.role) return false;
  if (query.pins !== undefined && part.pins !== query.pins) return false;
  if (query.inspection !== undefined && part.inspection !== query.inspection) return false;
  if (query.packaging && part.packaging?.id !== query.packaging) return false;
  if (query.matedHeightMm !== undefined && !(part.matedHeightsMm ?? []).includes(query.matedHeightMm)) return false;
  return true;
}

/** Every standard part of a series, described, in listing order (described at the first query, not at import). */
function allParts(series: Series): readonly PartDescription[] {
  return series.parts.map((p) => describePart(p.partNumber, series));
}

export function queryParts(given: PartQuery | null = {}, series: Series = builtInSeries): QueryAnswer {
  // null is "no filter", as undefined; anything but an object is no query at all: no part, and the note says why.
  const query: PartQuery = given ?? {};
  if (typeof query !== 'object') return { parts: [], chosenPins: null, note: `INVALID_ARGUMENT: the query is a ${typeof query}, not an object of filters.` };
  let parts = seriesDerived(series, allParts).filter((p) => matches(p, query));
  let chosenPins: number | null = null;
  let note: string | null = null;
  if (query.minSignals !== undefined) {
    const fitting = parts.filter((p) => (p.pins ?? 0) >= query.minSignals!);
    chosenPins = fitting.length > 0 ? Math.min(...fitting.map((p) => p.pins ?? Infinity)) : null;
    parts = fitting.filter((p) => p.pins === chosenPins);
    note =
      chosenPins === null
        ? `No standard part with at least ${query.minSignals} pins matches the other filters.`
        : `${chosenPins} pins is the smallest standard count with at least ${query.minSignals} pins for these filters.`;
  }
  return { parts, chosenPins, note };
}
