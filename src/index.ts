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
import { builtInSeries, type Series } from './catalog/index.js';
import { loadSeries as loadSeriesOf } from './catalog/edition.js';
import * as checks from './checks/index.js';
import * as drawing from './drawing/index.js';
import { type A4sError, error } from './errors.js';
import type { Result } from './result.js';
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

/** A function's parameters without its trailing `series` (all of them, for a function that takes none). */
type WithoutSeries<P extends unknown[]> = Required<P> extends [...unknown[], Series | undefined] ? (P extends [...infer A, (Series | undefined)?] ? A : P) : P;
/** The parameters after the first: a core function's trailing `series` once it takes one, else none. */
type AfterFirst<F extends (...args: never[]) => unknown> = Parameters<F> extends [unknown?, ...infer T] ? T : [];

/**
 * `f` with `series` as its last argument: the caller's arguments up to the function's own (`arity`,
 * checked by the type: every parameter but the series), then the series. Extra arguments are dropped,
 * so a caller cannot put something else where the series goes. Every core function that reads
 * catalog data takes the series last (docs/architecture.md, "The series").
 */
function withSeries<P extends unknown[], R>(
  f: (...args: P) => R,
  arity: Required<WithoutSeries<P>>['length'],
  series: Series,
): (...args: WithoutSeries<P>) => R {
  return (...args) => {
    const given: unknown[] = args.slice(0, arity);
    while (given.length < arity) given.push(undefined);
    return (f as (...a: unknown[]) => R)(...given, series);
  };
}

/**
 * Every function of the library, for one series: what the package exports is this for the built-in
 * catalog, and `createToolkit(series)` the same for another edition (`loadSeries`).
 */
function toolkitFor(series: Series) {
  const bind = <P extends unknown[], R>(f: (...args: P) => R, arity: Required<WithoutSeries<P>>['length']) => withSeries(f, arity, series);
  return {
    // Part numbers: invalid input is an invalid part number (the decode object says why).
    checkPartNumber: bind(partnumber.checkPartNumber, 1),
    // Selection, partners, dimensions, forces, explanations
    describePart: bind(select.describePart, 1),
    explainPart: bind(select.explainPart, 1),
    queryParts: bind(select.queryParts, 1),
    matesOf: bind(select.matesOf, 1),
    dimensionsFor: guard('dimensionsFor', bind(select.dimensionsFor, 4), (role, pins, height) =>
      role !== 'socket' && role !== 'header'
        ? "the role must be 'socket' or 'header'"
        : !Number.isInteger(pins) || pins < 2 || pins > 200
          ? 'pins must be a whole number from 2 to 200'
          : height !== null && height !== undefined && height !== 0.8 && height !== 1.0
            ? 'the mated height must be 0.8, 1.0 or null'
            : null,
    ),
    matingForces: guard('matingForces', bind(select.matingForces, 2), (pins, options) =>
      !Number.isInteger(pins) || pins < 2 || pins > 200
        ? 'pins must be a whole number from 2 to 200'
        : optionalObject(options)
          ? null
          : 'options must be an object',
    ),
    // Design files
    footprintFile: guard('footprintFile', bind(kicad.footprintFile, 2), optionsCheck('second')),
    symbolLibraryFile: guard('symbolLibraryFile', bind(kicad.symbolLibraryFile, 1)),
    kicadLibrary: guard(
      'kicadLibrary',
      bind((options?: kicad.LibraryOptions | null, ...rest: AfterFirst<typeof kicad.kicadLibrary>) => kicad.kicadLibrary(options ?? {}, ...rest), 1),
      optionsCheck('first'),
    ),
    kicadLibraryFiles: guard(
      'kicadLibraryFiles',
      bind((options?: kicad.LibraryOptions | null, ...rest: AfterFirst<typeof kicad.kicadLibraryFiles>) => kicad.kicadLibraryFiles(options ?? {}, ...rest), 1),
      optionsCheck('first'),
    ),
    stepModel: guard('stepModel', bind(model3d.stepModel, 2), optionsCheck('second')),
    vrmlModel: guard('vrmlModel', bind(model3d.vrmlModel, 2), optionsCheck('second')),
    matedPairStep: guard('matedPairStep', bind(model3d.matedPairStep, 3), (_s, _h, options) =>
      optionalObject(options) ? null : 'the third argument (options) must be an object',
    ),
    drawingSvg: guard('drawingSvg', bind(drawing.drawingSvg, 2), optionsCheck('second')),
    // Design checks
    checkPinMap: guard('checkPinMap', bind(checks.checkPinMap, 1), (input) =>
      isObject(input) && Array.isArray(input.pins) ? null : 'the pin map must be an object with a pins list (parsePinMapText makes one from text)',
    ),
    checkMatedPair: guard('checkMatedPair', bind(checks.checkMatedPair, 1), (input) =>
      isObject(input) && isObject(input.board) && isObject(input.fpc) ? null : 'the input must be an object with board and fpc',
    ),
    parsePinMapText: guard('parsePinMapText', bind(checks.parsePinMapText, 3), (text) => textCheck('the text')(text)),
    parseKicadNetlist: guard(
      'parseKicadNetlist',
      bind(checks.parseKicadNetlist, 2),
      (text, reference) =>
        textCheck('the netlist text')(text) ?? (typeof reference === 'string' ? null : 'the reference designator must be a string, e.g. "J1"'),
    ),
    pinMapFromNetlist: guard('pinMapFromNetlist', bind(checks.pinMapFromNetlist, 3), (connector, base) =>
      !isObject(connector) || !Array.isArray(connector.pins)
        ? 'the connector must be what parseKicadNetlist answers (an object with pins)'
        : base !== null && base !== undefined && !(isObject(base) && Array.isArray(base.pins))
          ? 'the base pin map must be null or a pin map (an object with pins)'
          : null,
    ),
    checkBomPairText: guard(
      'checkBomPairText',
      bind(checks.checkBomPairText, 3),
      (board, mate, options) =>
        textCheck('the BOM text')(board) ??
        textCheck('the other board’s BOM text')(mate) ??
        (optionalObject(options) ? null : 'the third argument (options) must be an object'),
    ),
    pairBomReports: guard('pairBomReports', bind(checks.pairBomReports, 3), (board, mate) =>
      isObject(board) && isObject(mate) && Array.isArray(board.findings) && Array.isArray(mate.findings)
        ? null
        : 'each report must be what checkBomText answers (its value)',
    ),
    pairedBomOptions: guard('pairedBomOptions', bind(checks.pairedBomOptions, 2), (options, parts) =>
      optionalObject(options) && Array.isArray(parts) ? null : 'give the options (an object) and the other board’s parts (a list)',
    ),
    checkBomText: guard(
      'checkBomText',
      bind(checks.checkBomText, 2),
      (text, options) => textCheck('the BOM text')(text) ?? optionsCheck('second')(text, options),
    ),
    createBomChecker: guard(
      'createBomChecker',
      bind(
        (options?: Parameters<typeof checks.createBomChecker>[0] | null, ...rest: AfterFirst<typeof checks.createBomChecker>) =>
          checks.createBomChecker(options ?? {}, ...rest),
        1,
      ),
      optionsCheck('first'),
    ),
    renderReport: guard('renderReport', bind(checks.renderReport, 2), (report, format) =>
      !isObject(report) || !Array.isArray(report.findings)
        ? 'the report must be what checkPinMap or checkBomText answers'
        : typeof format !== 'string'
          ? 'the format must be a string (text, md or html)'
          : null,
    ),
    // Ordering
    orderQuantities: guard('orderQuantities', bind(order.orderQuantities, 2)),
    // Third-party footprints, other formats
    verifyFootprint: guard(
      'verifyFootprint',
      bind(verify.verifyFootprint, 2),
      (text, options) => textCheck('the footprint text')(text) ?? optionsCheck('second')(text, options),
    ),
    verifyFootprintPair: guard('verifyFootprintPair', bind(verify.verifyFootprintPair, 2), (a, b) =>
      isObject(a) && isObject(b) && typeof a.text === 'string' && typeof b.text === 'string' ? null : 'each footprint must be an object with its text',
    ),
    renderFootprintReport: guard('renderFootprintReport', bind(verify.renderFootprintReport, 1), (report) =>
      isObject(report) && isObject(report.file) && Array.isArray(report.findings) ? null : 'the report must be what verifyFootprint answers (its value)',
    ),
    renderFootprintPairReport: guard('renderFootprintPairReport', bind(verify.renderFootprintPairReport, 1), (report) =>
      isObject(report) ? null : 'the report must be what verifyFootprintPair answers (its value)',
    ),
    circuitJsonPart: guard('circuitJsonPart', bind(formats.circuitJsonPart, 2), optionsCheck('second')),
    /** The whole Eagle library (its argument, the families, is internal: the library writes them all). */
    eagleLibrary: bind((...rest: AfterFirst<typeof formats.eagleLibrary>): string => formats.eagleLibrary(undefined, ...rest), 0),
    /** The whole EasyEDA Pro library (.elibz bytes; its argument, the families, is internal). */
    easyedaLibrary: bind((...rest: AfterFirst<typeof formats.easyedaLibrary>): Uint8Array => formats.easyedaLibrary(undefined, ...rest), 0),
  };
}

/** The library's functions bound to one series (`createToolkit`), with the series and its catalog. */
export type Toolkit = ReturnType<typeof toolkitFor> & {
  readonly series: Series;
  readonly catalog: Series['catalog'];
  readonly catalogParts: Series['parts'];
};

const builtIn = toolkitFor(builtInSeries);

// The catalog as data
export { catalog, catalogParts, builtInSeries } from './catalog/index.js';
// Another catalog edition: its series (validated with the zod schema and its own grammar), and every function for it.
export const loadSeries = guard<[data: unknown, name?: string], Result<Series>>('loadSeries', loadSeriesOf, (_data, name) =>
  name === undefined || typeof name === 'string' ? null : 'the name must be a string (how messages name the catalog)',
);
const isSeries = (x: unknown): x is Series =>
  isObject(x) && isObject(x.catalog) && isObject(x.grammar) && x.partIndex instanceof Map && Array.isArray(x.parts) && typeof x.name === 'string';
export const createToolkit = guard(
  'createToolkit',
  (series: Series): Toolkit =>
    series === builtInSeries ? builtInToolkit : Object.freeze({ ...toolkitFor(series), series, catalog: series.catalog, catalogParts: series.parts }),
  (series) => (isSeries(series) ? null : 'give a series: the value loadSeries answers (or builtInSeries)'),
);
const builtInToolkit: Toolkit = Object.freeze({ ...builtIn, series: builtInSeries, catalog: builtInSeries.catalog, catalogParts: builtInSeries.parts });

export const {
  checkPartNumber,
  describePart,
  explainPart,
  queryParts,
  matesOf,
  dimensionsFor,
  matingForces,
  footprintFile,
  symbolLibraryFile,
  kicadLibrary,
  kicadLibraryFiles,
  stepModel,
  vrmlModel,
  matedPairStep,
  drawingSvg,
  checkPinMap,
  checkMatedPair,
  parsePinMapText,
  parseKicadNetlist,
  pinMapFromNetlist,
  checkBomPairText,
  pairBomReports,
  pairedBomOptions,
  checkBomText,
  createBomChecker,
  renderReport,
  orderQuantities,
  verifyFootprint,
  verifyFootprintPair,
  renderFootprintReport,
  renderFootprintPairReport,
  circuitJsonPart,
  eagleLibrary,
  easyedaLibrary,
} = builtIn;
export { pinMapJsonSchema } from './checks/index.js';
// Errors and results
export { ERROR_CODES, type A4sError, type ErrorCode } from './errors.js';
export { ok, fail, type Result } from './result.js';
export type { Provenance } from './provenance.js';

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
