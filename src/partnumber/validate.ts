import { builtInSeries, type Series, seriesDerived, compareCatalogCodes, type CatalogPart, type PartNumberForm } from '../catalog/index.js';
import { error, type A4sError } from '../errors.js';
import { escapeRegExp, formatPartNumber, MAX_INPUT_LENGTH, normalizePartNumber, parsePartNumber, type PartNumberFields } from './grammar.js';
import { writePartNumber } from './form.js';

/**
 * `renamed`: an old catalog number of a listed part (the sockets' AXE5nn124 of the 2013-03 edition):
 * the part is today's (`partNumber`, `fields`, `catalogPart` are the current number's), with a
 * PART_RENAMED warning; not invalid, not silently the same.
 */
export type PartNumberStatus = 'standard' | 'renamed' | 'nonstandard' | 'invalid';

export interface PartNumberCheck {
  readonly input: string;
  /** Normalised part number (renamed: today's number), or null when invalid. */
  readonly partNumber: string | null;
  /** Renamed: the old number as written (normalised); otherwise null. */
  readonly renamedFrom: string | null;
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
export function checkPartNumber(input: string, series: Series = builtInSeries): PartNumberCheck {
  if (typeof input !== 'string') {
    return {
      // String() throws on a Symbol or an object without a prototype: typeof says what was given instead.
      input:
        input === null ? 'null' : typeof input === 'object' || typeof input === 'symbol' || typeof input === 'function' ? `(${typeof input})` : String(input),
      partNumber: null,
      renamedFrom: null,
      status: 'invalid',
      fields: null,
      catalogPart: null,
      errors: [error('EMPTY', 'The part number must be a string.')],
      suggestions: [],
    };
  }
  const normalized = normalizePartNumber(input);
  const listed = series.partIndex.get(normalized);
  if (listed) {
    return { input, partNumber: normalized, renamedFrom: null, status: 'standard', fields: fieldsOf(listed), catalogPart: listed, errors: [], suggestions: [] };
  }
  const renamed = renamedPart(normalized, series);
  if (renamed) {
    const { part, old } = renamed;
    return {
      input,
      partNumber: part.partNumber,
      renamedFrom: normalized,
      status: 'renamed',
      fields: fieldsOf(part),
      catalogPart: part,
      errors: [error('PART_RENAMED', renamedMessage(normalized, part.partNumber, old, series))],
      suggestions: [part.partNumber],
    };
  }
  const parsed = parsePartNumber(normalized, series);
  if (!parsed.ok) {
    return {
      input,
      partNumber: null,
      renamedFrom: null,
      status: 'invalid',
      fields: null,
      catalogPart: null,
      errors: [parsed.error],
      suggestions: suggestForInvalid(normalized, parsed.partial, series),
    };
  }
  return {
    input,
    partNumber: parsed.partNumber,
    renamedFrom: null,
    status: 'nonstandard',
    fields: parsed.fields,
    catalogPart: null,
    errors: [error('NOT_LISTED', notListedReason(parsed.fields, series))],
    suggestions: nearestStandard(parsed.fields, series),
  };
}

/**
 * Sockets of the 2013-03 catalog edition ended in 124 (surface-treatment digit 4); from the 2013-10
 * edition the same sockets end in 127 (data/source/A4S-reference.md, "Old part numbers"). The old
 * codes are data (form.renamedSocketCodes): only a socket with an old code and that edition's
 * packaging suffix is the old form (AXE6nn124 is a current header number, and the D suffix did not
 * exist before 2016).
 */
type RenamedCode = PartNumberForm['renamedSocketCodes'][number];

function oldSocketForms(series: Series): readonly { readonly form: RegExp; readonly old: RenamedCode }[] {
  const g = series.grammar;
  return g.renamedSocketCodes.map((old) => ({
    form: new RegExp(
      `^${escapeRegExp(g.prefix)}${escapeRegExp(g.roleDigit.socket)}(\\d{${g.pinsDigits}})${escapeRegExp(old.code)}${escapeRegExp(g.packagingSuffix[old.packaging])}$`,
    ),
    old,
  }));
}

export const RENAMED_SOURCE =
  'data/source/A4S-reference.md, "Old part numbers" (developing-today/hardware-doc, components/panasonic/a4s-series-datasheet-revisions.md: datasheet ACCTB7E 201303 lists sockets AXE5nn124, 201310 and later AXE5nn127, same description)';

function renamedPart(normalized: string, series: Series): { readonly part: CatalogPart; readonly old: RenamedCode } | undefined {
  for (const { form, old } of seriesDerived(series, oldSocketForms)) {
    const m = form.exec(normalized);
    if (!m) continue;
    const current = writePartNumber(series.grammar, { role: 'socket', pins: Number(m[1]), inspection: false, matedHeightMm: null, packaging: old.packaging });
    const part = series.partIndex.get(current);
    if (part) return { part, old };
  }
  return undefined;
}

/** What changed between the old and today's socket code: "4 → 7" when one digit differs, else the codes. */
function renumbered(oldCode: string, code: string): string {
  const changed = [...code].map((_c, i) => i).filter((i) => oldCode[i] !== code[i]);
  if (oldCode.length === code.length && changed.length === 1) {
    const i = changed[0]!;
    return `the surface-treatment digit was renumbered, ${oldCode[i]} → ${code[i]}`;
  }
  return `the code was renumbered, ${oldCode} → ${code}`;
}

function renamedMessage(old: string, current: string, renamed: RenamedCode, series: Series): string {
  // The citation is the record's source up to its first colon ("data/source/A4S-reference.md, Old part numbers").
  const cited = renamed.source.split(':')[0]!.replace(/"/g, '');
  return `${old} is the socket's number in the ${renamed.edition} catalog edition; renamed: today ${current} (the same part; only ${renumbered(renamed.code, series.grammar.socketCode)}). Order and place it as ${current} (source: ${cited}).`;
}

export function fieldsOf(part: CatalogPart): PartNumberFields {
  return { role: part.role, pins: part.pins, inspection: part.inspection, matedHeightMm: part.matedHeightMm, packaging: part.packaging };
}

function notListedReason(fields: PartNumberFields, series: Series): string {
  const what = fields.inspection
    ? `an inspection ${fields.role} with ${fields.pins} pins`
    : fields.role === 'socket'
      ? `a ${fields.pins}-pin socket on ${fields.packaging === '4mm-pitch' ? '4' : '8'} mm pitch tape`
      : `a ${fields.pins}-pin ${fields.matedHeightMm?.toFixed(1)} mm header on ${fields.packaging === '4mm-pitch' ? '4' : '8'} mm pitch tape`;
  return `Well formed, but the catalog does not list ${what}. ${series.catalog.productTypes[0]!.otherPinCounts}`;
}

/** Standard parts of the same kind, closest first: same pins other packaging/height, then nearest pin counts. */
export function nearestStandard(fields: Partial<PartNumberFields>, series: Series = builtInSeries): string[] {
  if (!fields.role) return [];
  const candidates = candidatesFor(fields.role, fields.inspection, series);
  const distance = (p: CatalogPart) =>
    (fields.pins === undefined ? 0 : Math.abs(p.pins - fields.pins) * 10) +
    (fields.packaging !== undefined && p.packaging !== fields.packaging ? 3 : 0) +
    (fields.matedHeightMm !== undefined && fields.matedHeightMm !== null && p.matedHeightMm !== fields.matedHeightMm ? 4 : 0);
  // Keep the best few in one pass (candidates are already in pins order, so ties keep that order).
  const best: { p: CatalogPart; d: number }[] = [];
  for (const p of candidates) {
    const d = distance(p);
    if (best.length === MAX_SUGGESTIONS && d >= best[MAX_SUGGESTIONS - 1]!.d) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.d > d) at--;
    best.splice(at, 0, { p, d });
    if (best.length > MAX_SUGGESTIONS) best.pop();
  }
  return best.map(({ p }) => p.partNumber);
}

const newCandidateCache = (_series: Series) => new Map<string, CatalogPart[]>();
function candidatesFor(role: CatalogPart['role'], inspection: boolean | undefined, series: Series): CatalogPart[] {
  const key = `${role}/${inspection}`;
  const candidateCache = seriesDerived(series, newCandidateCache);
  let list = candidateCache.get(key);
  if (!list) {
    list = series.parts
      .filter((p) => p.role === role && (inspection === undefined || p.inspection === inspection))
      .sort((a, b) => a.pins - b.pins || compareCatalogCodes(a.partNumber, b.partNumber));
    candidateCache.set(key, list);
  }
  return list;
}

function suggestForInvalid(normalized: string, partial: Partial<PartNumberFields>, series: Series): string[] {
  if (normalized.length === 0 || normalized.length > MAX_INPUT_LENGTH) return [];
  if (partial.role && partial.pins !== undefined) {
    // The fields read so far are the best guide (e.g. a socket written with a header's code).
    const fixedPins = partial.pins % 2 === 0 ? partial.pins : partial.pins + 1;
    const pins = Math.min(series.catalog.series.pinsMax, Math.max(series.catalog.series.pinsMin, fixedPins));
    return nearestStandard({ ...partial, pins }, series);
  }
  return closestByEditDistance(normalized.replace(/[^A-Z0-9]/g, ''), series);
}

const MAX_EDIT_DISTANCE = 3;

function closestByEditDistance(text: string, series: Series): string[] {
  const scored: { pn: string; d: number }[] = [];
  const textCounts = countChars(text);
  for (const p of series.parts) {
    if (Math.abs(p.partNumber.length - text.length) > MAX_EDIT_DISTANCE) continue;
    // Bag distance is a cheap lower bound of the edit distance: most garbage stops here.
    if (bagDistance(textCounts, text.length, p.partNumber) > MAX_EDIT_DISTANCE) continue;
    const d = editDistance(text, p.partNumber, MAX_EDIT_DISTANCE);
    if (d <= MAX_EDIT_DISTANCE) scored.push({ pn: p.partNumber, d });
  }
  return scored
    .sort((a, b) => a.d - b.d || compareCatalogCodes(a.pn, b.pn))
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => s.pn);
}

const charCounts = new Int16Array(128);
function countChars(text: string): Int16Array {
  charCounts.fill(0);
  for (let i = 0; i < text.length; i++) charCounts[text.charCodeAt(i) & 127]!++;
  return charCounts;
}

/** max(characters of a missing from b, characters of b missing from a), as multisets; leaves aCounts unchanged. */
function bagDistance(aCounts: Int16Array, aLength: number, b: string): number {
  let bUnmatched = 0;
  let taken = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i) & 127;
    if (aCounts[c]! > 0) {
      aCounts[c]!--;
      takenChars[taken++] = c;
    } else bUnmatched++;
  }
  for (let i = 0; i < taken; i++) aCounts[takenChars[i]!]!++;
  return Math.max(bUnmatched, aLength - taken);
}
const takenChars = new Int16Array(64);

/**
 * Levenshtein distance; stops early and returns `limit + 1` once every path exceeds `limit`
 * (inputs are capped at 40 characters by the caller, so this is cheap either way).
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  // Two reusable rows: this runs for every invalid input, so it must not allocate.
  if (b.length + 1 > rowA.length) return a === b ? 0 : Math.max(a.length, b.length);
  let previous = rowA;
  let current = rowB;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous[b.length]!;
}

const rowA = new Int32Array(64);
const rowB = new Int32Array(64);

export { formatPartNumber };
