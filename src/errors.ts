/**
 * Errors are values: `{ code, message }` with a stable code. Every code any module can emit is
 * listed here with what it means and what to do, and a test checks that each is documented
 * (README table generated from this list).
 */
export interface A4sError {
  readonly code: ErrorCode;
  readonly message: string;
}

import { SELECT_CODES } from './select/codes.js';
import { GEOMETRY_CODES } from './geometry/codes.js';
import { CHECK_CODES } from './checks/codes.js';
import { ORDER_CODES } from './order/codes.js';
import { MODEL3D_CODES } from './model3d/codes.js';
import { KICAD_CODES } from './kicad/codes.js';
import { VERIFY_CODES } from './verify/codes.js';
import { SEXPR_CODES } from './sexpr/codes.js';
import { CATALOG_CODES } from './catalog/codes.js';

const PART_NUMBER_CODES = {
  // part numbers (src/partnumber)
  EMPTY: { summary: 'The part number is empty.', fix: 'Give a part number such as AXE540127.' },
  TOO_LONG: { summary: 'The input is far longer than any A4S part number (10 characters).', fix: 'Give one part number per argument or line.' },
  BAD_CHARACTERS: {
    summary: 'The part number contains characters other than letters and digits.',
    fix: 'Remove spaces, dashes and other symbols inside the part number.',
  },
  BAD_PREFIX: { summary: 'A4S part numbers start with AXE.', fix: 'Check the series: A4S sockets are AXE5…, headers AXE6….' },
  BAD_ROLE: { summary: 'The 4th character must be 5 (socket) or 6 (header).', fix: 'Use AXE5… for a socket, AXE6… for a header.' },
  BAD_PINS: { summary: 'Characters 5-6 must be the two-digit number of pins.', fix: 'Write the pin count with two digits, e.g. AXE540127 for 40 pins.' },
  PINS_ODD: { summary: 'A4S has two rows of contacts, so the pin count is even.', fix: 'Use an even pin count; standard counts are listed by `a4s parts`.' },
  PINS_OUT_OF_RANGE: { summary: 'A4S is listed from 10 to 80 pins.', fix: 'Use a pin count from 10 to 80, or contact Panasonic sales for others.' },
  BAD_VARIANT: {
    summary: 'The code after the pin count is not one the catalog lists (socket 127; header 124 for 0.8 mm, 224 for 1.0 mm).',
    fix: 'Sockets end in 127 (one socket serves both heights); headers in 124 (0.8 mm) or 224 (1.0 mm).',
  },
  BAD_SUFFIX: {
    summary: 'The only packaging suffix is D (4 mm pitch tape); no suffix is 8 mm pitch tape.',
    fix: 'Drop the suffix, or use D for 4 mm pitch embossed tape.',
  },
  INSPECTION_PINS_MISSING: {
    summary: 'The inspection pattern AXE5E**26 / AXE6E**26 needs the pin count in place of **.',
    fix: 'Replace ** with the pin count, e.g. AXE5E4026.',
  },
  INSPECTION_FORM: {
    summary: 'Inspection parts have the form AXE5E<pins>26 (socket) or AXE6E<pins>26 (header), with no suffix.',
    fix: 'Write e.g. AXE5E4026 or AXE6E4026.',
  },
  PART_RENAMED: {
    summary:
      'An old catalog number of a listed part (a warning, not invalid): sockets of the 2013-03 catalog edition were numbered AXE5nn124; the same sockets are AXE5nn127 today.',
    fix: "Write today's number (given in the message) in the BOM and the design; the part is the same.",
  },
  NOT_LISTED: {
    summary: 'Well formed, but not in the catalog tables: the catalog says to contact the sales representative.',
    fix: 'Use one of the suggested standard part numbers, or ask Panasonic sales.',
  },
} as const;

/** The library entry (src/index.ts): arguments a function cannot use, from a caller without types. */
const LIBRARY_CODES = {
  INVALID_ARGUMENT: {
    summary:
      'A library function was given an argument it cannot use (null, undefined, a wrong type, an object without the fields it needs): it answers with this error instead of throwing.',
    fix: 'Pass the arguments the function\'s types state (README, "Library API"); text from users goes to the parse… and check… functions, which say what is wrong with it.',
  },
  INPUT_NOT_TEXT: {
    summary:
      'The input is not text: a PDF, a ZIP archive (an Excel .xlsx), an image, NUL characters (binary data, or UTF-16 without its byte-order mark), or more than 5 % of its head undecodable or control characters. Every text reader (BOM, pin map, net map, netlist, footprint) refuses it rather than read it as empty.',
    fix: 'Give the text file itself: export the spreadsheet as CSV (UTF-8, or UTF-16 with its byte-order mark), the netlist from KiCad, the footprint as .kicad_mod.',
  },
} as const;

export const ERROR_CODES = {
  ...PART_NUMBER_CODES,
  ...LIBRARY_CODES,
  ...SELECT_CODES,
  ...GEOMETRY_CODES,
  ...CHECK_CODES,
  ...ORDER_CODES,
  ...MODEL3D_CODES,
  ...KICAD_CODES,
  ...VERIFY_CODES,
  ...SEXPR_CODES,
  ...CATALOG_CODES,
} as const;

// Each core module lists its codes in its own `codes.ts`, spread in here. The edges register their
// own on top: the HTTP API's are in server/codes.ts (API_ERROR_CODES = core + server), so the core
// never imports an edge.
export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * What an error of each code means for the command line's exit code (one conversion, `exitCodeOf` in
 * src/cli/exit.ts, reads it; the exit codes are src/cli/io.ts's EXIT):
 * - `usage` (exit 2): the command line asks what cannot be done (a bad option, argument or item);
 * - `input` (exit 2): a file or text given cannot be read or used (a syntax error, a missing
 *   column, not text, too large), or a file cannot be written;
 * - `answer` (exit 1): the part number asked about is not a usable A4S part (invalid, not listed,
 *   no catalog packing, two parts that do not mate): the command's answer, not its failure; when
 *   the part number was given to another command's option (`verify-footprint --part`), exit 2;
 * - `finding` (exit 1): a finding in a report (the report's verdict sets the exit code).
 */
export type ExitClass = 'usage' | 'input' | 'answer' | 'finding';

/** Every code of `codes` in class `exit`, but those `except` names. */
function classed<K extends string>(codes: Record<K, unknown>, exit: ExitClass, except: Partial<Record<K, ExitClass>> = {}): Record<K, ExitClass> {
  return Object.fromEntries(Object.keys(codes).map((k) => [k, except[k as K] ?? exit])) as Record<K, ExitClass>;
}

/** The exit class of every registered code (a test checks each has one). */
export const EXIT_CLASS: Readonly<Record<ErrorCode, ExitClass>> = {
  ...classed(PART_NUMBER_CODES, 'answer'),
  ...classed(CATALOG_CODES, 'input'),
  ...classed(LIBRARY_CODES, 'input', { INVALID_ARGUMENT: 'usage' }),
  ...classed(SELECT_CODES, 'usage'),
  ...classed(GEOMETRY_CODES, 'input'),
  // The pin-map, netlist, net-map and BOM readers' errors are input; the rest are findings of a report.
  ...classed(CHECK_CODES, 'finding', {
    INPUT_UNREADABLE: 'input',
    PINMAP_SYNTAX: 'input',
    PINMAP_CSV_SYNTAX: 'input',
    PINMAP_CSV_HEADER: 'input',
    PINMAP_DUPLICATE_KEY: 'input',
    PINMAP_FIELD: 'input',
    PINMAP_RANGE: 'input',
    PINMAP_PART_INVALID: 'input',
    PINMAP_PART_MISSING: 'input',
    PINMAP_EMPTY: 'input',
    PINMAP_TOO_LARGE: 'input',
    PINMAP_TOO_DEEP: 'input',
    NETLIST_SYNTAX: 'input',
    NETLIST_NOT_KICAD: 'input',
    NETLIST_REF_NOT_FOUND: 'input',
    NET_MAP_SYNTAX: 'input',
    NET_MAP_CONTRADICTION: 'input',
    NETLIST_PIN_NOT_NUMERIC: 'input',
    BOM_EMPTY: 'input',
    BOM_COLUMN_NOT_FOUND: 'input',
    BOM_TOO_LARGE: 'input',
    BOM_HEADER_UNREADABLE: 'input',
  }),
  ...classed(ORDER_CODES, 'usage', { ORDER_NO_PACKAGING: 'answer' }),
  ...classed(MODEL3D_CODES, 'input', { PAIR_ROLES: 'answer', PAIR_PINS: 'answer' }),
  ...classed(KICAD_CODES, 'input'),
  ...classed(VERIFY_CODES, 'finding', {
    FOOTPRINT_SYNTAX: 'input',
    FOOTPRINT_NOT_FOOTPRINT: 'input',
    FOOTPRINT_BAD_NUMBER: 'input',
    FOOTPRINT_PART_UNKNOWN: 'input',
  }),
  ...classed(SEXPR_CODES, 'input'),
};

export function error(code: ErrorCode, message: string): A4sError {
  return { code, message };
}
