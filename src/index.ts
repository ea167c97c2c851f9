/**
 * Public library entry point: the documented API only (README, "Library API"), the pure core
 * (works in Node and in the browser). Internals (formatting helpers, S-expression and STEP writers,
 * geometry primitives) stay in their modules. `test/exports.test.ts` lists every name exported
 * here: add a name there and to the README when you add it here.
 *
 * Every function here answers, never throws (issue 20, item 6): a caller without types may pass
 * null, a number, an empty object. The part-number functions answer such input as an invalid part
 * number (a decode object, `status: 'invalid'`); `queryParts` with an empty list and a note; every
 * other function with `{ ok: false, error: { code: 'INVALID_ARGUMENT', message } }` (a `Result`'s
 * failure: the functions that return a `Result` already have that shape; the others' types say
 * `| LibraryFailure`). The guards below do it once for all, rather than a check in each module.
 */
import * as checks from './checks/index.js';
import * as drawing from './drawing/index.js';
import { type A4sError, error } from './errors.js';
import * as formats from './formats/index.js';
import * as kicad from './kicad/index.js';
import * as model3d from './model3d/index.js';
import * as order from './order/index.js';
import * as partnumber from './partnumber/index.js';
import * as select from './select/index.js';
import * as verify from './verify/index.js';

/** What a function answers for arguments it cannot use. */
export interface LibraryFailure {
  readonly ok: false;
  readonly error: A4sError;
}

function invalid(name: string, detail: string): LibraryFailure {
  return { ok: false, error: error('INVALID_ARGUMENT', `${name}: ${detail}. See the README, "Library API", for its arguments.`) };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
/** Null and undefined stand for "not given" where an argument has a default. */
const optionalObject = (x: unknown) => x === undefined || x === null || isObject(x);

/**
 * The function, answering `LibraryFailure` instead of throwing: `check` refuses arguments of the
 * wrong kind up front (with a message saying which); anything deeper that still throws (a field of
 * the wrong type inside an object) is caught and said the same way.
 */
function guard<A extends unknown[], R>(name: string, f: (...args: A) => R, check?: (...args: A) => string | null): (...args: A) => R | LibraryFailure {
  return (...args: A) => {
    const wrong = check?.(...args) ?? null;
    if (wrong !== null) return invalid(name, wrong);
    try {
      return f(...args);
    } catch (err) {
      return invalid(name, `its arguments cannot be used (${err instanceof Error ? err.message : String(err)})`);
    }
  };
}

/** `options` given as something other than an object (null and undefined are the defaults). */
const optionsCheck =
  (position: string) =>
  (...args: unknown[]): string | null =>
    optionalObject(args[position === 'first' ? 0 : 1]) ? null : `the ${position === 'first' ? '' : 'second '}argument (options) must be an object`;
const textCheck = (what: string) => (text: unknown) =>
  typeof text === 'string' ? null : `${what} must be a string (${text === null ? 'null' : typeof text} given)`;

// The catalog as data
export { catalog, catalogParts } from './catalog/index.js';
// Part numbers: invalid input is an invalid part number (the decode object says why). The entry's
// checkPartNumber reads the built-in series: a second argument (which a caller without types may
// pass) is not taken for a series.
export const checkPartNumber = (input: string): partnumber.PartNumberCheck => partnumber.checkPartNumber(input);
// Selection, partners, dimensions, forces, explanations
export { describePart, explainPart, queryParts, matesOf } from './select/index.js';
export const dimensionsFor = guard('dimensionsFor', select.dimensionsFor, (role, pins, height) =>
  role !== 'socket' && role !== 'header'
    ? "the role must be 'socket' or 'header'"
    : !Number.isInteger(pins) || pins < 2 || pins > 200
      ? 'pins must be a whole number from 2 to 200'
      : height !== null && height !== undefined && height !== 0.8 && height !== 1.0
        ? 'the mated height must be 0.8, 1.0 or null'
        : null,
);
export const matingForces = guard('matingForces', select.matingForces, (pins, options) =>
  !Number.isInteger(pins) || pins < 2 || pins > 200
    ? 'pins must be a whole number from 2 to 200'
    : optionalObject(options)
      ? null
      : 'options must be an object',
);
// Design files
export const footprintFile = guard('footprintFile', kicad.footprintFile, optionsCheck('second'));
export const symbolLibraryFile = guard('symbolLibraryFile', kicad.symbolLibraryFile);
export const kicadLibrary = guard('kicadLibrary', (options?: kicad.LibraryOptions | null) => kicad.kicadLibrary(options ?? {}), optionsCheck('first'));
export const kicadLibraryFiles = guard(
  'kicadLibraryFiles',
  (options?: kicad.LibraryOptions | null) => kicad.kicadLibraryFiles(options ?? {}),
  optionsCheck('first'),
);
export const stepModel = guard('stepModel', model3d.stepModel, optionsCheck('second'));
export const vrmlModel = guard('vrmlModel', model3d.vrmlModel, optionsCheck('second'));
export const matedPairStep = guard('matedPairStep', model3d.matedPairStep, (_s, _h, options) =>
  optionalObject(options) ? null : 'the third argument (options) must be an object',
);
export const drawingSvg = guard('drawingSvg', drawing.drawingSvg, optionsCheck('second'));
// Design checks
export const checkPinMap = guard('checkPinMap', checks.checkPinMap, (input) =>
  isObject(input) && Array.isArray(input.pins) ? null : 'the pin map must be an object with a pins list (parsePinMapText makes one from text)',
);
export const checkMatedPair = guard('checkMatedPair', checks.checkMatedPair, (input) =>
  isObject(input) && isObject(input.board) && isObject(input.fpc) ? null : 'the input must be an object with board and fpc',
);
export const parsePinMapText = guard('parsePinMapText', checks.parsePinMapText, textCheck('the text'));
export const parseKicadNetlist = guard(
  'parseKicadNetlist',
  checks.parseKicadNetlist,
  (text, reference) => textCheck('the netlist text')(text) ?? (typeof reference === 'string' ? null : 'the reference designator must be a string, e.g. "J1"'),
);
export const pinMapFromNetlist = guard('pinMapFromNetlist', checks.pinMapFromNetlist, (connector, base) =>
  !isObject(connector) || !Array.isArray(connector.pins)
    ? 'the connector must be what parseKicadNetlist answers (an object with pins)'
    : base !== null && base !== undefined && !(isObject(base) && Array.isArray(base.pins))
      ? 'the base pin map must be null or a pin map (an object with pins)'
      : null,
);
export { pinMapJsonSchema } from './checks/index.js';
export const checkBomPairText = guard(
  'checkBomPairText',
  checks.checkBomPairText,
  (board, mate, options) =>
    textCheck('the BOM text')(board) ??
    textCheck('the other board’s BOM text')(mate) ??
    (optionalObject(options) ? null : 'the third argument (options) must be an object'),
);
export const pairBomReports = guard('pairBomReports', checks.pairBomReports, (board, mate) =>
  isObject(board) && isObject(mate) && Array.isArray(board.findings) && Array.isArray(mate.findings)
    ? null
    : 'each report must be what checkBomText answers (its value)',
);
export const pairedBomOptions = guard('pairedBomOptions', checks.pairedBomOptions, (options, parts) =>
  optionalObject(options) && Array.isArray(parts) ? null : 'give the options (an object) and the other board’s parts (a list)',
);
export const checkBomText = guard(
  'checkBomText',
  checks.checkBomText,
  (text, options) => textCheck('the BOM text')(text) ?? optionsCheck('second')(text, options),
);
export const createBomChecker = guard(
  'createBomChecker',
  (options?: Parameters<typeof checks.createBomChecker>[0] | null) => checks.createBomChecker(options ?? {}),
  optionsCheck('first'),
);
export const renderReport = guard('renderReport', checks.renderReport, (report, format) =>
  !isObject(report) || !Array.isArray(report.findings)
    ? 'the report must be what checkPinMap or checkBomText answers'
    : typeof format !== 'string'
      ? 'the format must be a string (text, md or html)'
      : null,
);
// Ordering
export const orderQuantities = guard('orderQuantities', order.orderQuantities);
// Errors and results
export { ERROR_CODES, type A4sError, type ErrorCode } from './errors.js';
export { ok, fail, type Result } from './result.js';
export type { Provenance } from './provenance.js';
// Third-party footprints, other formats
export const verifyFootprint = guard(
  'verifyFootprint',
  verify.verifyFootprint,
  (text, options) => textCheck('the footprint text')(text) ?? optionsCheck('second')(text, options),
);
export const verifyFootprintPair = guard('verifyFootprintPair', verify.verifyFootprintPair, (a, b) =>
  isObject(a) && isObject(b) && typeof a.text === 'string' && typeof b.text === 'string' ? null : 'each footprint must be an object with its text',
);
export const renderFootprintReport = guard('renderFootprintReport', verify.renderFootprintReport, (report) =>
  isObject(report) && isObject(report.file) && Array.isArray(report.findings) ? null : 'the report must be what verifyFootprint answers (its value)',
);
export const renderFootprintPairReport = guard('renderFootprintPairReport', verify.renderFootprintPairReport, (report) =>
  isObject(report) ? null : 'the report must be what verifyFootprintPair answers (its value)',
);
export const circuitJsonPart = guard('circuitJsonPart', formats.circuitJsonPart, optionsCheck('second'));
/** The whole Eagle library (its argument, the families, is internal: the library writes them all). */
export const eagleLibrary = (): string => formats.eagleLibrary();
/** The whole EasyEDA Pro library (.elibz bytes; its argument, the families, is internal). */
export const easyedaLibrary = (): Uint8Array => formats.easyedaLibrary();

// Types of the values above (types only: nothing of them exists at run time).
export type * from './catalog/index.js';
export type * from './partnumber/index.js';
export type * from './select/index.js';
export type * from './geometry/index.js';
export type * from './checks/index.js';
export type * from './order/index.js';
export type * from './kicad/index.js';
export type * from './model3d/index.js';
export type * from './drawing/index.js';
export type * from './verify/index.js';
export type * from './formats/index.js';
