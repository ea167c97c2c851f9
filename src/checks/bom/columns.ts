import { builtInSeries, type Series } from '../../catalog/index.js';
import { findPartNumber, type PartNumberMatch } from '../../partnumber/index.js';

/** What the cells of a BOM say: the header names of its columns, part-number tokens, do-not-populate marks. */

/** A header name as compared: lower case, letters, digits and # only ("Mfr. Part #" → "mfrpart#"). */
export const headerKey = (s: string) => s.toLowerCase().replace(/[^a-z0-9#]/g, '');
/** Header names of part-number columns in KiCad, JLCPCB, Octopart-style and distributor BOMs, best first. */
export const PART_COLUMNS = [
  'mpn',
  'manufacturerpartnumber',
  'manufacturerpn',
  'mfrpartnumber',
  'mfrpart#',
  'mfrpn',
  'mfgpartnumber',
  'mfgpn',
  'partnumber',
  'partno',
  'part#',
  'pn',
  'value',
  'comment',
  'part',
];
export const QUANTITY_COLUMNS = ['qty', 'quantity', 'qnty', 'quantityperpcb', 'count'];
export const REFERENCE_COLUMNS = ['reference', 'references', 'designator', 'designators', 'ref', 'refdes'];
/**
 * The part-number token of a cell ("Panasonic AXE640124", "a4s:axe540127", "axe 540127", "AXE540127-D",
 * a Cyrillic look-alike "АXE540127"), or null: the partnumber matcher with the looseness of BOM cells
 * ('token'), so that the decoder (`checkPartNumber`, the one normalisation rule of every face) names
 * a mistyped number invalid with a suggestion, as `a4s decode` does, rather than reading another part
 * or skipping the line.
 */
export function partToken(cell: string, series: Series = builtInSeries): PartNumberMatch | null {
  return findPartNumber(cell, BOM_TOKEN, series);
}
const BOM_TOKEN = { looseness: 'token' } as const;

/**
 * Whether two tokens are one land pattern because one is an inspection part (AXE5E4026) and the
 * other the standard part of its role and pin count (AXE540127; a header of either height, whose land
 * pattern is the same): the catalog makes the inspection parts with the standard foot pattern.
 */
export function sameLandPattern(a: PartNumberMatch, b: PartNumberMatch): boolean {
  if (a.inspection === b.inspection || a.role !== b.role) return false;
  return a.pinsText === b.pinsText;
}

/** "a 44-pin header of 1.0 mm mated height", from the fields a token states. */
export function describeBody(part: PartNumberMatch): string {
  if (part.inspection) return `a ${part.pinsText}-pin inspection ${part.role}`;
  const height = part.role === 'header' && part.matedHeightMm !== null ? ` of ${part.matedHeightMm.toFixed(1)} mm mated height` : '';
  return `a ${part.pinsText}-pin ${part.role}${height}`;
}

/**
 * Do-not-populate words in any cell of a line (KiCad's "DNP", "Do not populate", "Not fitted", DNF/DNI,
 * JLCPCB's "DNP" in the comment): the line is listed, not counted.
 */
export const DNP_WORDS =
  /(?<![\p{L}\p{N}])(?:DNP|DNF|DNI|NOPOP|NO[ _-]?POP|do[ _-]?not[ _-]?(?:populate|place|fit|mount|install|stuff)|not[ _-]?(?:fitted|populated|placed|mounted|installed|stuffed))(?![\p{L}\p{N}])/iu;
/** Header names of a do-not-populate column (KiCad 8+ "DNP"): any mark but no/0/false is do-not-populate. */
export const DNP_COLUMNS = ['dnp', 'dnf', 'dni', 'donotpopulate', 'donotplace', 'donotfit'];
/** Header names of a populate column: "no", "n", "0", "false" (or a DNP word) is do-not-populate. */
export const FITTED_COLUMNS = ['fitted', 'fit', 'populate', 'populated', 'place', 'placed', 'mount', 'mounted', 'install', 'installed'];
export const NO = new Set(['no', 'n', '0', 'false', 'f', 'off']);
