/** What the cells of a BOM say: the header names of its columns, A4S part-number tokens, do-not-populate marks. */

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
 * An A4S-like token anywhere in a cell ("Panasonic AXE640124", "a4s:axe540127"): AXE, then letters,
 * digits or * with at least one digit or * (so that words such as "axes" are not taken). A space,
 * dot, dash or underscore right after AXE ("axe 540127"), or before one letter at the end of the
 * word ("AXE540127-D", "AXE540127 D": a packaging suffix after a separator), is kept in the token,
 * and Cyrillic and Greek look-alike letters are too ("АXE540127" with a Cyrillic А): the part-number
 * decoder (`checkPartNumber`, the one normalisation rule of every face) then calls it invalid with the
 * suggestion, as `a4s decode` does, rather than reading another part or skipping the line.
 */
export const A4S_TOKEN =
  /(?<![0-9A-Z\p{Script=Cyrillic}\p{Script=Greek}])[AАΑ][XХΧ][EЕΕ](?:[ ._-]+)?(?=[0-9A-Z*\p{Script=Cyrillic}\p{Script=Greek}]*[0-9*])[0-9A-Z*\p{Script=Cyrillic}\p{Script=Greek}]+(?:[ ._-]+[A-Z\p{Script=Cyrillic}\p{Script=Greek}](?![0-9\p{L}]))?/iu;
/** The six characters after AXE (role, pins, mated height or inspection form), or null if not of that shape. */
export function partBody(token: string): string | null {
  const m = /^AXE[ ._-]*([56](?:\d{5}|E\d{4}))/i.exec(token.trim());
  return m ? m[1]!.toUpperCase() : null;
}

/**
 * Whether two part bodies are one land pattern because one is an inspection part (5E4026) and the
 * other the standard part of its role and pin count (540127; a header of either height, whose land
 * pattern is the same): the catalog makes the inspection parts with the standard foot pattern.
 */
export function sameLandPattern(a: string, b: string): boolean {
  const inspection = (x: string) => x[1] === 'E';
  if (inspection(a) === inspection(b) || a[0] !== b[0]) return false;
  const pins = (x: string) => (inspection(x) ? x.slice(2, 4) : x.slice(1, 3));
  return pins(a) === pins(b);
}

/** "a 44-pin header of 1.0 mm mated height" from a part body (AXE644224 → 644224). */
export function describeBody(body: string): string {
  const role = body[0] === '5' ? 'socket' : 'header';
  if (body[1] === 'E') return `a ${body.slice(2, 4)}-pin inspection ${role}`;
  const height = role === 'header' ? (body[3] === '1' ? ' of 0.8 mm mated height' : body[3] === '2' ? ' of 1.0 mm mated height' : '') : '';
  return `a ${body.slice(1, 3)}-pin ${role}${height}`;
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
