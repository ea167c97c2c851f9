export { verifyFootprint, renderFootprintReport, TOLERANCES_MM, type FootprintReport, type FootprintFinding, type VerifyOptions, type Severity, type Strength, type IdentifiedBy, type FindingCode } from './verify.js';
export { readFootprint, rotatePoint, MAX_FOOTPRINT_CHARS, type FootprintDoc, type FootprintPad, type FootprintGraphic } from './read.js';
export { VERIFY_CODES } from './codes.js';
