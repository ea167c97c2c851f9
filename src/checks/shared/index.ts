/**
 * What the pin-map, BOM and mating checks share: quoted cells and CSV records (`csv.ts`), the
 * catalog's limits with their sources (`limits.ts`), a net's kind from the evidence (`net-kinds.ts`).
 */
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
export { limits, matedHeightCodes, productTypesSource, rule, thresholdsOf, type Limits } from './limits.js';
export { baseName, inferKind, netKind, voltageFromName, GROUND_NAME, RETURN_NAME, SIGNAL_MAX_A, type EvidencedKind, type KindSource } from './net-kinds.js';
