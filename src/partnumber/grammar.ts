import { builtInSeries, catalog, padPins, PRODUCT_TYPES_SOURCE, type MatedHeightMm, type PackagingId, type Role, type Series } from '../catalog/index.js';
import { writePartNumber } from './form.js';
import { error, type A4sError } from '../errors.js';

/** What a well-formed part number says, field by field (grammar inferred from the tables). */
export interface PartNumberFields {
  readonly role: Role;
  readonly pins: number;
  readonly inspection: boolean;
  /** Header: 0.8 (code 1) or 1.0 (code 2); socket and inspection parts: null. */
  readonly matedHeightMm: MatedHeightMm | null;
  /** null for inspection parts (the catalog does not state their packaging). */
  readonly packaging: PackagingId | null;
}

export type ParseResult =
  | { readonly ok: true; readonly partNumber: string; readonly fields: PartNumberFields }
  | { readonly ok: false; readonly error: A4sError /** fields read before the error, to guide suggestions */; readonly partial: Partial<PartNumberFields> };

export const MAX_INPUT_LENGTH = 40;

const { pinsMin, pinsMax } = catalog.series;

/** Upper-case and trim: the only changes we make to what the user typed. */
export function normalizePartNumber(input: string): string {
  return input.trim().toUpperCase();
}

const STANDARD_FORM = /^AXE([56])(\d\d)([12])(2[47])(D?)$/;
const INSPECTION_FORM = /^AXE([56])E(\d\d)26$/;

/** Parses a normalised part number. Pure, never throws, O(length). */
export function parsePartNumber(normalized: string, series: Series = builtInSeries): ParseResult {
  const fast = STANDARD_FORM.exec(normalized);
  if (fast) return fromStandardMatch(normalized, fast);
  const insp = INSPECTION_FORM.exec(normalized);
  if (insp) return fromInspectionMatch(normalized, insp);
  return diagnose(normalized);
}

function roleOf(digit: string): Role {
  return digit === '5' ? 'socket' : 'header';
}

function checkPins(pinsText: string, partial: Partial<PartNumberFields>): ParseResult | number {
  const pins = Number(pinsText);
  if (pins % 2 !== 0)
    return { ok: false, error: error('PINS_ODD', `${pins} pins: A4S has two rows of contacts, so the pin count is even.`), partial: { ...partial, pins } };
  if (pins < pinsMin || pins > pinsMax) {
    return {
      ok: false,
      error: error('PINS_OUT_OF_RANGE', `${pins} pins: A4S is listed from ${pinsMin} to ${pinsMax} pins (${PRODUCT_TYPES_SOURCE}).`),
      partial: { ...partial, pins },
    };
  }
  return pins;
}

function fromStandardMatch(normalized: string, m: RegExpExecArray): ParseResult {
  const [, roleDigit, pinsText, heightDigit, tail, suffix] = m as unknown as [string, string, string, string, string, string];
  const role = roleOf(roleDigit);
  const pins = checkPins(pinsText, { role, inspection: false });
  if (typeof pins !== 'number') return pins;
  const packaging: PackagingId = suffix === 'D' ? '4mm-pitch' : '8mm-pitch';
  const partial = { role, pins, inspection: false, packaging };
  const code = `${heightDigit}${tail}`;
  if (role === 'socket') {
    if (code !== '127') {
      // 124 was the sockets' ending in the 2013-03 catalog (validate.ts reads AXE5nn124 as renamed);
      // with a D suffix (4 mm tape, from 2016) or at an unlisted pin count it never named a part.
      const old =
        code === '124' ? ` (124 was the sockets' ending in the 2013-03 catalog, today 127${suffix === 'D' ? '; the D suffix came only later' : ''})` : '';
      return {
        ok: false,
        error: error('BAD_VARIANT', `Socket code ${code}: every A4S socket ends in 127 (one socket serves both mated heights)${old}.`),
        partial,
      };
    }
    return { ok: true, partNumber: normalized, fields: { role, pins, inspection: false, matedHeightMm: null, packaging } };
  }
  if (tail !== '24') return { ok: false, error: error('BAD_VARIANT', `Header code ${code}: headers end in 124 (0.8 mm) or 224 (1.0 mm).`), partial };
  const matedHeightMm: MatedHeightMm = heightDigit === '1' ? 0.8 : 1.0;
  return { ok: true, partNumber: normalized, fields: { role, pins, inspection: false, matedHeightMm, packaging } };
}

function fromInspectionMatch(normalized: string, m: RegExpExecArray): ParseResult {
  const [, roleDigit, pinsText] = m as unknown as [string, string, string];
  const role = roleOf(roleDigit);
  const pins = checkPins(pinsText, { role, inspection: true });
  if (typeof pins !== 'number') return pins;
  return { ok: true, partNumber: normalized, fields: { role, pins, inspection: true, matedHeightMm: null, packaging: null } };
}

/** Slow path: says which position is wrong. Only reached for input that is not well formed. */
function diagnose(s: string): ParseResult {
  if (s.length === 0) return { ok: false, error: error('EMPTY', 'The part number is empty.'), partial: {} };
  if (s.length > MAX_INPUT_LENGTH) {
    return { ok: false, error: error('TOO_LONG', `The input has ${s.length} characters; an A4S part number has 9 or 10.`), partial: {} };
  }
  const bad = /[^A-Z0-9*]/u.exec(s);
  if (bad) {
    const shown = JSON.stringify(bad[0]);
    return {
      ok: false,
      error: error('BAD_CHARACTERS', `Character ${shown} at position ${bad.index + 1} is not allowed: part numbers are letters and digits only.`),
      partial: {},
    };
  }
  if (!s.startsWith('AXE'))
    return { ok: false, error: error('BAD_PREFIX', `"${s}" does not start with AXE, the prefix of every A4S part number.`), partial: {} };
  const roleDigit = s[3];
  if (roleDigit !== '5' && roleDigit !== '6') {
    return { ok: false, error: error('BAD_ROLE', `Character 4 is "${roleDigit ?? ''}"; it must be 5 (socket) or 6 (header).`), partial: {} };
  }
  const role = roleOf(roleDigit);
  if (s[4] === 'E') {
    const pinsText = s.slice(5, 7);
    if (pinsText.includes('*')) {
      return {
        ok: false,
        error: error('INSPECTION_PINS_MISSING', `${s} is the catalog's pattern: replace ** with the number of pins (e.g. AXE${roleDigit}E4026).`),
        partial: { role, inspection: true },
      };
    }
    const pins = /^\d\d$/.test(pinsText) ? Number(pinsText) : undefined;
    return {
      ok: false,
      error: error(
        'INSPECTION_FORM',
        `${s}: inspection parts are written AXE${roleDigit}E<pins>26 with no suffix, e.g. AXE${roleDigit}E${padPins(pins ?? 40)}26.`,
      ),
      partial: pins === undefined ? { role, inspection: true } : { role, inspection: true, pins },
    };
  }
  const pinsText = s.slice(4, 6);
  if (!/^\d\d$/.test(pinsText)) {
    return { ok: false, error: error('BAD_PINS', `Characters 5-6 are "${pinsText}"; they must be the two-digit pin count.`), partial: { role } };
  }
  const pins = checkPins(pinsText, { role });
  if (typeof pins !== 'number') return pins;
  const code = s.slice(6, 9);
  const suffix = s.slice(9);
  const partial: Partial<PartNumberFields> = { role, pins, inspection: false };
  const validCodes = role === 'socket' ? ['127'] : ['124', '224'];
  if (!validCodes.includes(code)) {
    const expected = role === 'socket' ? '127 (one socket serves both mated heights)' : '124 (0.8 mm) or 224 (1.0 mm)';
    return { ok: false, error: error('BAD_VARIANT', `Code "${code}" after the pin count: a ${role} has ${expected}.`), partial };
  }
  const matedHeightMm: MatedHeightMm | null = role === 'header' ? (code === '224' ? 1.0 : 0.8) : null;
  return {
    ok: false,
    error: error('BAD_SUFFIX', `Suffix "${suffix}": the only packaging suffix is D (4 mm pitch tape); no suffix means 8 mm pitch tape.`),
    partial: { ...partial, matedHeightMm, packaging: '8mm-pitch' },
  };
}

/** A standard-form A4S part number written in free text (a netlist value or field), as one word. */
const PART_NUMBER_IN_TEXT = /\bAXE[56](?:\d{2}[12]2[47]D?|E\d{2}26)\b/i;

/** The first A4S part number written in `text` (upper case), or null: the one matcher for netlist values and fields. */
export function partNumberInText(text: string, series: Series = builtInSeries): string | null {
  return PART_NUMBER_IN_TEXT.exec(text)?.[0]?.toUpperCase() ?? null;
}

/** Writes the part number for a set of fields (the inverse of parsePartNumber): src/partnumber/form.ts with the series' grammar. */
export function formatPartNumber(fields: PartNumberFields, series: Series = builtInSeries): string {
  return writePartNumber(series.grammar, fields);
}
