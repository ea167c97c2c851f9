import { catalog, catalogPartIndex, catalogParts, type CatalogPart } from '../catalog/index.js';
import { error, type A4sError } from '../errors.js';
import { formatPartNumber, normalizePartNumber, parsePartNumber, type PartNumberFields } from './grammar.js';

export type PartNumberStatus = 'standard' | 'nonstandard' | 'invalid';

export interface PartNumberCheck {
  readonly input: string;
  /** Normalised part number, or null when invalid. */
  readonly partNumber: string | null;
  readonly status: PartNumberStatus;
  readonly fields: PartNumberFields | null;
  /** The catalog record when standard. */
  readonly catalogPart: CatalogPart | null;
  readonly errors: readonly A4sError[];
  readonly suggestions: readonly string[];
}

const MAX_SUGGESTIONS = 3;

/**
 * The one entry point for "what is this string?". Never throws on any string: non-string
 * input from JavaScript callers is reported as invalid too.
 */
export function checkPartNumber(input: string): PartNumberCheck {
  if (typeof input !== 'string') {
    return { input: String(input), partNumber: null, status: 'invalid', fields: null, catalogPart: null, errors: [error('EMPTY', 'The part number must be a string.')], suggestions: [] };
  }
  const normalized = normalizePartNumber(input);
  const listed = catalogPartIndex.get(normalized);
  if (listed) {
    return { input, partNumber: normalized, status: 'standard', fields: fieldsOf(listed), catalogPart: listed, errors: [], suggestions: [] };
  }
  const parsed = parsePartNumber(normalized);
  if (!parsed.ok) {
    return { input, partNumber: null, status: 'invalid', fields: null, catalogPart: null, errors: [parsed.error], suggestions: suggestForInvalid(normalized, parsed.partial) };
  }
  return {
    input,
    partNumber: parsed.partNumber,
    status: 'nonstandard',
    fields: parsed.fields,
    catalogPart: null,
    errors: [error('NOT_LISTED', notListedReason(parsed.fields))],
    suggestions: nearestStandard(parsed.fields),
  };
}

export function fieldsOf(part: CatalogPart): PartNumberFields {
  return { role: part.role, pins: part.pins, inspection: part.inspection, matedHeightMm: part.matedHeightMm, packaging: part.packaging };
}

function notListedReason(fields: PartNumberFields): string {
  const what = fields.inspection
    ? `an inspection ${fields.role} with ${fields.pins} pins`
    : fields.role === 'socket'
      ? `a ${fields.pins}-pin socket on ${fields.packaging === '4mm-pitch' ? '4' : '8'} mm pitch tape`
      : `a ${fields.pins}-pin ${fields.matedHeightMm?.toFixed(1)} mm header on ${fields.packaging === '4mm-pitch' ? '4' : '8'} mm pitch tape`;
  return `Well formed, but the catalog does not list ${what}. ${catalog.productTypes[0]!.otherPinCounts}`;
}

/** Standard parts of the same kind, closest first: same pins other packaging/height, then nearest pin counts. */
export function nearestStandard(fields: Partial<PartNumberFields>): string[] {
  if (!fields.role) return [];
  const candidates = catalogParts.filter((p) => p.role === fields.role && (fields.inspection === undefined || p.inspection === fields.inspection));
  const distance = (p: CatalogPart) =>
    (fields.pins === undefined ? 0 : Math.abs(p.pins - fields.pins) * 10) +
    (fields.packaging !== undefined && p.packaging !== fields.packaging ? 3 : 0) +
    (fields.matedHeightMm !== undefined && fields.matedHeightMm !== null && p.matedHeightMm !== fields.matedHeightMm ? 4 : 0);
  return candidates
    .map((p) => ({ p, d: distance(p) }))
    .sort((a, b) => a.d - b.d || a.p.pins - b.p.pins || a.p.partNumber.localeCompare(b.p.partNumber))
    .slice(0, MAX_SUGGESTIONS)
    .map(({ p }) => p.partNumber);
}

function suggestForInvalid(normalized: string, partial: Partial<PartNumberFields>): string[] {
  if (normalized.length === 0 || normalized.length > 40) return [];
  if (partial.role && partial.pins !== undefined) {
    // The fields read so far are the best guide (e.g. a socket written with a header's code).
    const fixedPins = partial.pins % 2 === 0 ? partial.pins : partial.pins + 1;
    const pins = Math.min(catalog.series.pinsMax, Math.max(catalog.series.pinsMin, fixedPins));
    return nearestStandard({ ...partial, pins });
  }
  return closestByEditDistance(normalized.replace(/[^A-Z0-9]/g, ''));
}

function closestByEditDistance(text: string): string[] {
  const scored = catalogParts.map((p) => ({ pn: p.partNumber, d: editDistance(text, p.partNumber) }));
  const best = scored.filter((s) => s.d <= 3).sort((a, b) => a.d - b.d || a.pn.localeCompare(b.pn));
  return best.slice(0, MAX_SUGGESTIONS).map((s) => s.pn);
}

/** Levenshtein distance; inputs are capped at 40 characters by the caller. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export { formatPartNumber };
