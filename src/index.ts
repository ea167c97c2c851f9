/** Public library entry point: the pure core (works in Node and in the browser). */
export * from './catalog/index.js';
export * from './partnumber/index.js';
export * from './select/index.js';
export { ERROR_CODES, type A4sError, type ErrorCode } from './errors.js';
export { ok, fail, type Result } from './result.js';
export * from './geometry/index.js';
export * from './checks/index.js';
export * from './order/index.js';
export * from './kicad/index.js';
export * from './model3d/index.js';
export * from './drawing/index.js';
export { verifyFootprint, renderFootprintReport, readFootprint, TOLERANCES_MM as FOOTPRINT_TOLERANCES_MM, VERIFY_CODES, type FootprintReport, type FootprintFinding, type VerifyOptions, type FootprintDoc, type FootprintPad } from './verify/index.js';
export { circuitJsonPart, circuitJsonOfLandPattern, type CircuitJsonPart, type CircuitJsonElement } from './formats/index.js';
export { eagleLibrary, eaglePadNames, EAGLE_VERSION } from './formats/index.js';
