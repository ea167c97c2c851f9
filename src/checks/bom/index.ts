/**
 * The BOM check: bytes or text to lines (`stream.ts`), lines to records (`records.ts`), records
 * to findings (`checker.ts`, per-part rules `findings.ts`, header words `columns.ts`), two boards'
 * BOMs paired (`pair.ts`).
 */
export { checkBomStream, checkBomText, MAX_BOM_LINE_BYTES, type BomStreamOptions } from './stream.js';
export {
  createBomChecker,
  MAX_QUOTED_LINES,
  MAX_QUOTED_CHARS,
  type BomChecker,
  type BomOptions,
  type BomReport,
  type BomFinding,
  type BomPart,
} from './checker.js';
export {
  checkBomPairText,
  isBomPairReport,
  pairBomReports,
  pairedBomOptions,
  type BomBoard,
  type BomMatedPair,
  type BomPairEnd,
  type BomPairInputError,
  type BomPairOptions,
  type BomPairReport,
} from './pair.js';
