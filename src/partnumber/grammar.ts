import {
  builtInSeries,
  seriesDerived,
  sourceHeading,
  type MatedHeightMm,
  type PackagingId,
  type PartNumberForm,
  type Role,
  type Series,
} from '../catalog/index.js';
import { writePartNumber, writePartNumberPattern } from './form.js';
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

/** Upper-case and trim: the only changes we make to what the user typed. */
export function normalizePartNumber(input: string): string {
  return input.trim().toUpperCase();
}

/** Escapes text for a RegExp (a prefix or code read from a catalog file must match itself only). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An alternation of literal strings, longest first (so that a longer code is not cut by a shorter one). */
export function alternation(values: readonly string[]): string {
  return [...new Set(values)]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map(escapeRegExp)
    .join('|');
}

/** "9 or 10", "9, 10 or 11": a list of lengths as a sentence says it. */
function orList(values: readonly (string | number)[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

const TAPE_WORDS: Record<PackagingId, string> = { '8mm-pitch': '8 mm pitch tape', '4mm-pitch': '4 mm pitch tape' };

/**
 * The codes read as a code (then checked against the role): every first digit of a code with every
 * ending (A4S: 1/2 × 24/27 = 124, 127, 224, 227), so that a code one digit off another role's is
 * named wrong rather than not recognised. The parser's fast path and the matcher's exact form share it.
 */
export function readCodes(form: PartNumberForm): string[] {
  const codes = [form.socketCode, form.headerCodeByMatedHeightMm['0.8'], form.headerCodeByMatedHeightMm['1.0']];
  const heads = [...new Set(codes.map((c) => c.slice(0, 1)))];
  const tails = [...new Set(codes.map((c) => c.slice(1)))];
  return heads.flatMap((h) => tails.map((t) => h + t));
}

/**
 * The grammar of a series compiled once (seriesDerived): the regular expressions of the two forms
 * and the parts of the messages that name the series, its prefix and its codes, all read from
 * `series.grammar` (catalog.partNumberGrammar.form).
 */
export interface CompiledGrammar {
  readonly form: PartNumberForm;
  /** Prefix, role digit, pins, code, packaging suffix. The code group holds every code of either role (and the first digit of one with the rest of another: a header written with a socket's ending is diagnosed, not unknown). */
  readonly standard: RegExp;
  /** Prefix, role digit, inspection marker, pins, inspection code. */
  readonly inspection: RegExp;
  readonly pinsMin: number;
  readonly pinsMax: number;
  readonly productTypesSource: string;
  /** The header codes as messages say them: "124 (0.8 mm) or 224 (1.0 mm)". */
  readonly headerCodesText: string;
  /** The lengths a part number can have, as a sentence: "9 or 10". */
  readonly lengthsText: string;
  readonly packagingBySuffix: ReadonlyMap<string, PackagingId>;
  readonly codeLength: number;
}

export function compileGrammar(series: Series): CompiledGrammar {
  const form = series.grammar;
  const prefix = escapeRegExp(form.prefix);
  const roles = alternation([form.roleDigit.socket, form.roleDigit.header]);
  const pins = `\\d{${form.pinsDigits}}`;
  const suffixes = Object.values(form.packagingSuffix);
  const suffixGroup = `(${alternation(suffixes.filter((x) => x !== ''))})${suffixes.includes('') ? '?' : ''}`;
  const standard = new RegExp(`^${prefix}(${roles})(${pins})(${alternation(readCodes(form))})${suffixGroup}$`);
  const inspection = new RegExp(`^${prefix}(${roles})${escapeRegExp(form.inspection.marker)}(${pins})${escapeRegExp(form.inspection.code)}$`);
  const codeLength = form.socketCode.length;
  const lengths = new Set<number>();
  for (const suffix of suffixes) lengths.add(form.prefix.length + 1 + form.pinsDigits + codeLength + suffix.length);
  lengths.add(form.prefix.length + 2 + form.pinsDigits + form.inspection.code.length);
  return {
    form,
    standard,
    inspection,
    pinsMin: series.catalog.series.pinsMin,
    pinsMax: series.catalog.series.pinsMax,
    productTypesSource: sourceHeading(series.catalog.productTypes[0]!.source, 1),
    headerCodesText: `${form.headerCodeByMatedHeightMm['0.8']} (0.8 mm) or ${form.headerCodeByMatedHeightMm['1.0']} (1.0 mm)`,
    lengthsText: orList([...lengths].sort((a, b) => a - b)),
    packagingBySuffix: new Map((Object.entries(form.packagingSuffix) as [PackagingId, string][]).map(([id, suffix]) => [suffix, id])),
    codeLength,
  };
}

/** The series' compiled grammar (built once per series). */
export function grammarOf(series: Series): CompiledGrammar {
  return seriesDerived(series, compileGrammar);
}

/** Parses a normalised part number. Pure, never throws, O(length). */
export function parsePartNumber(normalized: string, series: Series = builtInSeries): ParseResult {
  const g = grammarOf(series);
  const fast = g.standard.exec(normalized);
  if (fast) return fromStandardMatch(normalized, fast, series, g);
  const insp = g.inspection.exec(normalized);
  if (insp) return fromInspectionMatch(normalized, insp, series, g);
  return diagnose(normalized, series, g);
}

/** The role a (valid) role digit says. */
export function roleOf(digit: string, form: PartNumberForm): Role {
  return digit === form.roleDigit.socket ? 'socket' : 'header';
}

/** The mated height a header code says, or null if it is no header code. */
function heightOfHeaderCode(code: string, form: PartNumberForm): MatedHeightMm | null {
  if (code === form.headerCodeByMatedHeightMm['0.8']) return 0.8;
  if (code === form.headerCodeByMatedHeightMm['1.0']) return 1.0;
  return null;
}

function checkPins(pinsText: string, partial: Partial<PartNumberFields>, series: Series, g: CompiledGrammar): ParseResult | number {
  const pins = Number(pinsText);
  if (pins % 2 !== 0)
    return {
      ok: false,
      error: error('PINS_ODD', `${pins} pins: ${series.name} has two rows of contacts, so the pin count is even.`),
      partial: { ...partial, pins },
    };
  if (pins < g.pinsMin || pins > g.pinsMax) {
    return {
      ok: false,
      error: error('PINS_OUT_OF_RANGE', `${pins} pins: ${series.name} is listed from ${g.pinsMin} to ${g.pinsMax} pins (${g.productTypesSource}).`),
      partial: { ...partial, pins },
    };
  }
  return pins;
}

function fromStandardMatch(normalized: string, m: RegExpExecArray, series: Series, g: CompiledGrammar): ParseResult {
  const [, roleDigit, pinsText, code, suffix = ''] = m as unknown as [string, string, string, string, string | undefined];
  const form = g.form;
  const role = roleOf(roleDigit, form);
  const pins = checkPins(pinsText, { role, inspection: false }, series, g);
  if (typeof pins !== 'number') return pins;
  const packaging: PackagingId = g.packagingBySuffix.get(suffix) ?? '8mm-pitch';
  const partial = { role, pins, inspection: false, packaging };
  if (role === 'socket') {
    if (code !== form.socketCode) {
      // An older edition's socket code (validate.ts reads AXE5nn124 as renamed); with another packaging
      // suffix (the D of 4 mm tape came in 2016) or at an unlisted pin count it never named a part.
      const renamed = form.renamedSocketCodes.find((r) => r.code === code);
      const later = renamed && suffix !== '' && suffix !== form.packagingSuffix[renamed.packaging] ? `; the ${suffix} suffix came only later` : '';
      const old = renamed ? ` (${code} was the sockets' ending in the ${renamed.edition} catalog, today ${form.socketCode}${later})` : '';
      return {
        ok: false,
        error: error(
          'BAD_VARIANT',
          `Socket code ${code}: every ${series.name} socket ends in ${form.socketCode} (one socket serves both mated heights)${old}.`,
        ),
        partial,
      };
    }
    return { ok: true, partNumber: normalized, fields: { role, pins, inspection: false, matedHeightMm: null, packaging } };
  }
  const matedHeightMm = heightOfHeaderCode(code, form);
  if (matedHeightMm === null) return { ok: false, error: error('BAD_VARIANT', `Header code ${code}: headers end in ${g.headerCodesText}.`), partial };
  return { ok: true, partNumber: normalized, fields: { role, pins, inspection: false, matedHeightMm, packaging } };
}

function fromInspectionMatch(normalized: string, m: RegExpExecArray, series: Series, g: CompiledGrammar): ParseResult {
  const [, roleDigit, pinsText] = m as unknown as [string, string, string];
  const role = roleOf(roleDigit, g.form);
  const pins = checkPins(pinsText, { role, inspection: true }, series, g);
  if (typeof pins !== 'number') return pins;
  return { ok: true, partNumber: normalized, fields: { role, pins, inspection: true, matedHeightMm: null, packaging: null } };
}

/** The pin count examples use: 40, or the nearest listed count if the series does not reach 40. */
function examplePins(g: CompiledGrammar): number {
  return Math.min(g.pinsMax, Math.max(g.pinsMin, 40));
}

/** "the only packaging suffix is D (4 mm pitch tape); no suffix means 8 mm pitch tape", from the grammar. */
function suffixRule(form: PartNumberForm): string {
  const entries = Object.entries(form.packagingSuffix) as [PackagingId, string][];
  const written = entries.filter(([, suffix]) => suffix !== '').map(([id, suffix]) => `${suffix} (${TAPE_WORDS[id]})`);
  const bare = entries.find(([, suffix]) => suffix === '');
  const head =
    written.length === 1 ? `the only packaging suffix is ${written[0]}` : `the packaging suffixes are ${orList(written).replace(/ or ([^,]*)$/, ' and $1')}`;
  return bare ? `${head}; no suffix means ${TAPE_WORDS[bare[0]]}` : head;
}

/** Slow path: says which position is wrong. Only reached for input that is not well formed. */
function diagnose(s: string, series: Series, g: CompiledGrammar): ParseResult {
  const form = g.form;
  if (s.length === 0) return { ok: false, error: error('EMPTY', 'The part number is empty.'), partial: {} };
  if (s.length > MAX_INPUT_LENGTH) {
    return {
      ok: false,
      error: error('TOO_LONG', `The input has ${s.length} characters; an ${series.name} part number has ${g.lengthsText}.`),
      partial: {},
    };
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
  if (!s.startsWith(form.prefix))
    return {
      ok: false,
      error: error('BAD_PREFIX', `"${s}" does not start with ${form.prefix}, the prefix of every ${series.name} part number.`),
      partial: {},
    };
  const at = form.prefix.length;
  const roleDigit = s[at];
  if (roleDigit !== form.roleDigit.socket && roleDigit !== form.roleDigit.header) {
    return {
      ok: false,
      error: error(
        'BAD_ROLE',
        `Character ${at + 1} is "${roleDigit ?? ''}"; it must be ${form.roleDigit.socket} (socket) or ${form.roleDigit.header} (header).`,
      ),
      partial: {},
    };
  }
  const role = roleOf(roleDigit, form);
  const inspectionFields = (pins: number) => writePartNumber(form, { role, pins, inspection: true, matedHeightMm: null, packaging: null });
  if (s[at + 1] === form.inspection.marker) {
    const pinsText = s.slice(at + 2, at + 2 + form.pinsDigits);
    if (pinsText.includes('*')) {
      return {
        ok: false,
        error: error(
          'INSPECTION_PINS_MISSING',
          `${s} is the catalog's pattern: replace ${'*'.repeat(form.pinsDigits)} with the number of pins (e.g. ${inspectionFields(examplePins(g))}).`,
        ),
        partial: { role, inspection: true },
      };
    }
    const pins = new RegExp(`^\\d{${form.pinsDigits}}$`).test(pinsText) ? Number(pinsText) : undefined;
    return {
      ok: false,
      error: error(
        'INSPECTION_FORM',
        `${s}: inspection parts are written ${form.prefix}${roleDigit}${form.inspection.marker}<pins>${form.inspection.code} with no suffix, e.g. ${inspectionFields(pins ?? examplePins(g))}.`,
      ),
      partial: pins === undefined ? { role, inspection: true } : { role, inspection: true, pins },
    };
  }
  const pinsText = s.slice(at + 1, at + 1 + form.pinsDigits);
  if (!new RegExp(`^\\d{${form.pinsDigits}}$`).test(pinsText)) {
    const where = form.pinsDigits === 1 ? `Character ${at + 2} is` : `Characters ${at + 2}-${at + 1 + form.pinsDigits} are`;
    const digitsWord = ['one', 'two', 'three'][form.pinsDigits - 1] ?? String(form.pinsDigits);
    const must = form.pinsDigits === 1 ? 'it must be' : 'they must be';
    return { ok: false, error: error('BAD_PINS', `${where} "${pinsText}"; ${must} the ${digitsWord}-digit pin count.`), partial: { role } };
  }
  const pins = checkPins(pinsText, { role }, series, g);
  if (typeof pins !== 'number') return pins;
  const codeAt = at + 1 + form.pinsDigits;
  const code = s.slice(codeAt, codeAt + g.codeLength);
  const suffix = s.slice(codeAt + g.codeLength);
  const partial: Partial<PartNumberFields> = { role, pins, inspection: false };
  const matedHeightMm = role === 'header' ? heightOfHeaderCode(code, form) : null;
  if (role === 'socket' ? code !== form.socketCode : matedHeightMm === null) {
    const expected = role === 'socket' ? `${form.socketCode} (one socket serves both mated heights)` : g.headerCodesText;
    return { ok: false, error: error('BAD_VARIANT', `Code "${code}" after the pin count: a ${role} has ${expected}.`), partial };
  }
  const plain = g.packagingBySuffix.get('') ?? '8mm-pitch';
  return {
    ok: false,
    error: error('BAD_SUFFIX', `Suffix "${suffix}": ${suffixRule(form)}.`),
    partial: { ...partial, matedHeightMm, packaging: plain },
  };
}

/** Writes the part number for a set of fields (the inverse of parsePartNumber): src/partnumber/form.ts with the series' grammar. */
export function formatPartNumber(fields: PartNumberFields, series: Series = builtInSeries): string {
  return writePartNumber(series.grammar, fields);
}

/** A family of part numbers with the pins as a wildcard (AXE6nn124; `wildcard` 'x' gives AXE6xx224): the series' grammar, src/partnumber/form.ts. */
export function formatPartNumberPattern(fields: Omit<PartNumberFields, 'pins'>, wildcard = 'n', series: Series = builtInSeries): string {
  return writePartNumberPattern(series.grammar, fields, wildcard);
}
