import { builtInSeries, seriesDerived, type MatedHeightMm, type PackagingId, type PartNumberForm, type Role, type Series } from '../catalog/index.js';
import { writePartNumber } from './form.js';
import { alternation, escapeRegExp, grammarOf, readCodes, roleOf } from './grammar.js';

/**
 * The one matcher of part numbers in text: netlist values and fields, BOM cells, footprint names,
 * board files. Each caller asks for the looseness it needs; every pattern is compiled once per
 * series from its grammar (catalog.partNumberGrammar.form), so another edition finds its own numbers
 * and never the built-in ones.
 */
export type Looseness =
  /** A whole part number of either form, as one word, any case ("AXE540127D", "axe5e4026"): netlist values and fields. */
  | 'exact'
  /**
   * The fields as people write them in names: separators after the prefix and before the pins, the
   * code written in part or with wildcards ("AXE5 40127", "AXE6_10x24", "AXE5E4026_vendor"), inside
   * other words: footprint names, values, file names. Fields written as a wildcard (or not written) are null.
   */
  | 'written'
  /**
   * Anything that looks like a part number of the series, to be decoded rather than skipped (BOM cells):
   * the prefix (Cyrillic and Greek look-alike letters too, any case), a space, dot, dash or underscore
   * after it, then letters, digits or * with at least one digit or * (so that words such as "axes" are
   * not taken), and a single letter after a separator at the end of the word ("AXE540127-D"). The fields
   * are read only when the token states role, pins and code in the grammar's shape.
   */
  | 'token'
  /** The prefix and a role digit only ("AXE-5…"): is a part of the series named at all? */
  | 'mention';

export interface FindOptions {
  readonly looseness?: Looseness;
}

/** One part number (or part-number-like token) found in text, with the fields it states. */
export interface PartNumberMatch {
  /** The text matched, as written. */
  readonly text: string;
  /** Where it starts in the text searched (UTF-16 index). */
  readonly index: number;
  /** null when the match does not state it (a token not in the grammar's shape, a mention's pins). */
  readonly role: Role | null;
  readonly inspection: boolean | null;
  readonly pins: number | null;
  /** The pin count's digits as written ("08"). */
  readonly pinsText: string | null;
  /** The code after the pins as written (digits, upper case), null if absent or written with wildcards. */
  readonly code: string | null;
  /** A header's mated height as its code states it (by the code's first digit); null for sockets, inspection parts, wildcards. */
  readonly matedHeightMm: MatedHeightMm | null;
  /** The packaging its suffix states ('exact' only; null otherwise or for inspection parts). */
  readonly packaging: PackagingId | null;
  /**
   * What the part is, as written after the prefix without the packaging suffix (role, pins, code:
   * "640124", "5E4026"): two matches with the same key are the same connector. null when not stated.
   */
  readonly key: string | null;
  /** 'exact': the part number as written, upper case; otherwise null (decode `text` to learn what it is). */
  readonly partNumber: string | null;
  /** A socket written with an older edition's code (AXE5nn124): that number as the edition wrote it; else null. */
  readonly renamedFrom: string | null;
}

/** Latin capitals and their Cyrillic and Greek look-alikes (a BOM typed or pasted with them must still be read). */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  A: '\u0410\u0391',
  B: '\u0412\u0392',
  C: '\u0421\u03f9',
  E: '\u0415\u0395',
  H: '\u041d\u0397',
  I: '\u0406\u0399',
  J: '\u0408',
  K: '\u041a\u039a',
  M: '\u041c\u039c',
  N: '\u039d',
  O: '\u041e\u039f',
  P: '\u0420\u03a1',
  S: '\u0405',
  T: '\u0422\u03a4',
  X: '\u0425\u03a7',
  Y: '\u03a5',
  Z: '\u0396',
};

/** Letters and digits of a token, with Cyrillic and Greek letters (look-alikes are kept in the token, to be named invalid). */
const TOKEN_CHAR = '0-9A-Z\\p{Script=Cyrillic}\\p{Script=Greek}';

interface Matchers {
  readonly form: PartNumberForm;
  readonly exact: RegExp;
  readonly written: RegExp;
  readonly token: RegExp;
  readonly tokenBody: RegExp;
  readonly mention: RegExp;
  /** A header code's first digit → its mated height (A4S: 1 → 0.8, 2 → 1.0). */
  readonly heightByHead: ReadonlyMap<string, MatedHeightMm>;
  readonly packagingBySuffix: ReadonlyMap<string, PackagingId>;
}

function compileMatchers(series: Series): Matchers {
  const form = series.grammar;
  const prefix = escapeRegExp(form.prefix);
  const roles = alternation([form.roleDigit.socket, form.roleDigit.header]);
  const pins = `\\d{${form.pinsDigits}}`;
  const marker = escapeRegExp(form.inspection.marker);
  const inspectionCode = escapeRegExp(form.inspection.code);
  const crossed = alternation(readCodes(form));
  const suffixes = alternation(Object.values(form.packagingSuffix).filter((x) => x !== ''));
  const codeLength = form.socketCode.length;
  const tailLengths = [codeLength, form.inspection.code.length].sort((a, b) => a - b);
  const lookAlike = [...form.prefix].map((c) => (LOOK_ALIKES[c] ? `[${escapeRegExp(c)}${LOOK_ALIKES[c]}]` : escapeRegExp(c))).join('');
  const h08 = form.headerCodeByMatedHeightMm['0.8'].slice(0, 1);
  const h10 = form.headerCodeByMatedHeightMm['1.0'].slice(0, 1);
  return {
    form,
    exact: new RegExp(
      `\\b${prefix}(?:(${roles})(${pins})(${crossed})${suffixes ? `(${suffixes})?` : '()'}|(${roles})${marker}(${pins})${inspectionCode})\\b`,
      'gi',
    ),
    written: new RegExp(`${prefix}[-_ ]?(${roles})((?:${marker})?)[-_ ]?(${pins})([0-9xX*]{${tailLengths[0]},${tailLengths[1]}})?`, 'gi'),
    token: new RegExp(
      `(?<![${TOKEN_CHAR}])${lookAlike}(?:[ ._-]+)?(?=[${TOKEN_CHAR}*]*[0-9*])[${TOKEN_CHAR}*]+(?:[ ._-]+[A-Z\\p{Script=Cyrillic}\\p{Script=Greek}](?![0-9\\p{L}]))?`,
      'giu',
    ),
    tokenBody: new RegExp(`^${prefix}[ ._-]*((${roles})(?:(${pins})(\\d{${codeLength}})|${marker}(${pins})\\d{${form.inspection.code.length}}))`, 'i'),
    mention: new RegExp(`${prefix}[-_ ]?(?:${roles})`, 'gi'),
    heightByHead: new Map<string, MatedHeightMm>(
      h08 === h10
        ? []
        : [
            [h08, 0.8],
            [h10, 1.0],
          ],
    ),
    packagingBySuffix: grammarOf(series).packagingBySuffix,
  };
}

/** The old number of a socket written with an older edition's code, as that edition wrote it (its grammar with the old code). */
function renamedFrom(form: PartNumberForm, role: Role, inspection: boolean, pins: number, code: string | null): string | null {
  if (role !== 'socket' || inspection || code === null) return null;
  const old = form.renamedSocketCodes.find((r) => r.code === code);
  return old ? writePartNumber({ ...form, socketCode: old.code }, { role, pins, inspection: false, matedHeightMm: null, packaging: old.packaging }) : null;
}

const NOTHING = {
  role: null,
  inspection: null,
  pins: null,
  pinsText: null,
  code: null,
  matedHeightMm: null,
  packaging: null,
  key: null,
  partNumber: null,
  renamedFrom: null,
} as const;

/** What a standard or inspection number states, read the same way by the exact and token matchers (the height from the code's first character). */
function fieldsRead(x: Matchers, roleDigit: string, inspection: boolean, pinsText: string, code: string | null) {
  const role = roleOf(roleDigit, x.form);
  return {
    role,
    inspection,
    pins: Number(pinsText),
    pinsText,
    code,
    matedHeightMm: role === 'header' && code !== null ? (x.heightByHead.get(code.slice(0, 1)) ?? null) : null,
  };
}

function fromExact(m: RegExpExecArray, x: Matchers): PartNumberMatch {
  const text = m[0];
  const inspection = m[1] === undefined;
  const pinsText = inspection ? m[6]! : m[2]!;
  const code = inspection ? null : m[3]!;
  const upper = text.toUpperCase();
  return {
    text,
    index: m.index,
    ...fieldsRead(x, inspection ? m[5]! : m[1]!, inspection, pinsText, code),
    packaging: inspection ? null : (x.packagingBySuffix.get((m[4] ?? '').toUpperCase()) ?? null),
    key: upper.slice(x.form.prefix.length, inspection ? undefined : x.form.prefix.length + 1 + pinsText.length + code!.length),
    partNumber: upper,
    renamedFrom: null,
  };
}

function fromWritten(m: RegExpExecArray, x: Matchers): PartNumberMatch {
  const [text, roleDigit, markerText, pinsText, tail = ''] = m as unknown as [string, string, string, string, string | undefined];
  const role = roleOf(roleDigit, x.form);
  const inspection = markerText !== '';
  const pins = Number(pinsText);
  const code = /^\d+$/.test(tail) ? tail : null;
  return {
    text,
    index: m.index,
    role,
    inspection,
    pins,
    pinsText,
    code,
    // The height is read from the code's first character ("x24" states none, "2x4" states 1.0 mm).
    matedHeightMm: role === 'header' && !inspection ? (x.heightByHead.get(tail.slice(0, 1)) ?? null) : null,
    packaging: null,
    key: code === null ? null : `${roleDigit}${markerText.toUpperCase()}${pinsText}${code}`,
    partNumber: null,
    renamedFrom: renamedFrom(x.form, role, inspection, pins, code),
  };
}

function fromToken(m: RegExpExecArray, x: Matchers): PartNumberMatch {
  const text = m[0];
  const body = x.tokenBody.exec(text.trim());
  if (!body) return { ...NOTHING, text, index: m.index };
  const inspection = body[3] === undefined;
  return {
    ...NOTHING,
    text,
    index: m.index,
    ...fieldsRead(x, body[2]!, inspection, inspection ? body[5]! : body[3]!, inspection ? null : body[4]!),
    key: body[1]!.toUpperCase(),
  };
}

function fromMention(m: RegExpExecArray): PartNumberMatch {
  return { ...NOTHING, text: m[0], index: m.index };
}

/**
 * Every part number of the series written in `text`, in order, with the looseness asked
 * (default 'exact'). Pure; linear in the text (each pattern is a fixed sequence of bounded classes).
 */
export function findPartNumbers(text: string, options: FindOptions = {}, series: Series = builtInSeries): PartNumberMatch[] {
  const x = seriesDerived(series, compileMatchers);
  const looseness = options.looseness ?? 'exact';
  const re = x[looseness];
  const found: PartNumberMatch[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    found.push(
      looseness === 'exact' ? fromExact(m, x) : looseness === 'written' ? fromWritten(m, x) : looseness === 'token' ? fromToken(m, x) : fromMention(m),
    );
    if (m[0] === '') re.lastIndex++;
  }
  re.lastIndex = 0;
  return found;
}

/** The first part number of the series written in `text` (see findPartNumbers), or null. */
export function findPartNumber(text: string, options: FindOptions = {}, series: Series = builtInSeries): PartNumberMatch | null {
  const x = seriesDerived(series, compileMatchers);
  const looseness = options.looseness ?? 'exact';
  const re = x[looseness];
  re.lastIndex = 0;
  const m = re.exec(text);
  re.lastIndex = 0;
  if (!m) return null;
  return looseness === 'exact' ? fromExact(m, x) : looseness === 'written' ? fromWritten(m, x) : looseness === 'token' ? fromToken(m, x) : fromMention(m);
}

/** The first whole part number of the series written in `text` (upper case), or null: netlist values and fields. */
export function partNumberInText(text: string, series: Series = builtInSeries): string | null {
  return findPartNumber(text, {}, series)?.partNumber ?? null;
}
