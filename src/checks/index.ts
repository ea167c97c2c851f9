export { checkPinMap, inferKind, neighbourPairs, compactPins } from './pinmap-check.js';
export { parsePinMapText, parseNetShorthand, isNoConnect, PIN_MAP_CSV_COLUMNS, MAX_PIN_MAP_CHARS, type PinMapFormat } from './parse.js';
export { pinMapJsonSchema, PinMapDocument, SANE } from './schema.js';
export { parseKicadNetlist, pinMapFromNetlist, netlistPartConflict, kicadNetName, type NetlistConnector } from './netlist.js';
export { looksLikeKicadNetlist, netlistComponents, type NetlistComponent } from './netlist-components.js';
export { checkBomStream, checkBomText, MAX_BOM_LINE_BYTES, type BomStreamOptions } from './bom-stream.js';
export {
  createBomChecker,
  MAX_QUOTED_LINES,
  MAX_QUOTED_CHARS,
  type BomChecker,
  type BomOptions,
  type BomReport,
  type BomFinding,
  type BomPart,
} from './bom.js';
export {
  checkMatedPair,
  parseNetMapCsv,
  type MatedCheckReport,
  type MatedPairInput,
  type MatedPin,
  type MatedPinStatus,
  type MatingSummary,
  type NetMapPair,
} from './mating.js';
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
} from './bom-pair.js';
export { renderReport, type ReportFormat } from './render.js';
export {
  csvRecords,
  detectDelimiter,
  joinQuotedCells,
  plainDecimal,
  type CsvRecord,
  type CsvDelimiter,
  type JoinedCells,
  type OpenQuotedCell,
} from './csv.js';
export { CHECK_CODES, PIN_MAP_FINDING_CODE_LIST, type CheckCode, type PinMapFindingCode, type BomFindingCode } from './codes.js';
export type * from './types.js';
export { SEVERITY_RANK } from './types.js';
