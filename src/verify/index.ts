export {
  verifyFootprint,
  renderFootprintReport,
  TOLERANCES_MM,
  type FootprintReport,
  type FootprintFinding,
  type VerifyOptions,
  type Severity as FootprintSeverity,
  type Strength as FootprintStrength,
  type IdentifiedBy as FootprintIdentifiedBy,
  type FindingCode as FootprintFindingCode,
} from './verify.js';
export {
  readFootprint,
  rotatePoint,
  MAX_FOOTPRINT_CHARS,
  type FootprintDoc,
  type FootprintPad,
  type FootprintGraphic,
  type ReadOptions as FootprintReadOptions,
} from './read.js';
export { VERIFY_CODES } from './codes.js';
export { verifyFootprintPair, renderFootprintPairReport, type FootprintPairReport, type FootprintInput } from './pair.js';
