/**
 * Public library entry point: the documented API only (README, "Library API"), the pure core
 * (works in Node and in the browser). Internals (formatting helpers, S-expression and STEP writers,
 * geometry primitives) stay in their modules. `test/exports.test.ts` lists every name exported
 * here: add a name there and to the README when you add it here.
 */
// The catalog as data
export { catalog, catalogParts } from './catalog/index.js';
// Part numbers
export { checkPartNumber } from './partnumber/index.js';
// Selection, partners, dimensions, forces, explanations
export { describePart, explainPart, queryParts, matesOf, dimensionsFor, matingForces } from './select/index.js';
// Design files
export { footprintFile, symbolLibraryFile, kicadLibrary, kicadLibraryFiles } from './kicad/index.js';
export { stepModel, vrmlModel, matedPairStep } from './model3d/index.js';
export { drawingSvg } from './drawing/index.js';
// Design checks
export {
  checkPinMap,
  checkMatedPair,
  parsePinMapText,
  parseKicadNetlist,
  pinMapFromNetlist,
  pinMapJsonSchema,
  checkBomText,
  checkBomPairText,
  pairBomReports,
  pairedBomOptions,
  createBomChecker,
  renderReport,
} from './checks/index.js';
// Ordering
export { orderQuantities } from './order/index.js';
// Errors and results
export { ERROR_CODES, type A4sError, type ErrorCode } from './errors.js';
export { ok, fail, type Result } from './result.js';
export type { Provenance } from './provenance.js';
// Third-party footprints, other formats
export { verifyFootprint, renderFootprintReport } from './verify/index.js';
export { circuitJsonPart, eagleLibrary, easyedaLibrary } from './formats/index.js';

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
