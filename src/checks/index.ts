/**
 * The checks, by concern: `pinmap/` (a pin map or a KiCad netlist), `bom/` (a BOM, streamed),
 * `mating/` (the two boards of a mated pair), `render/` (the reports as text, Markdown, HTML),
 * `shared/` (CSV cells, the catalog's limits, net kinds); `codes.ts` and `types.ts` are the whole
 * module's. This file is the public entry.
 */
export {
  checkPinMap,
  inferKind,
  neighbourPairs,
  compactPins,
  parsePinMapText,
  parseNetShorthand,
  isNoConnect,
  PIN_MAP_CSV_COLUMNS,
  MAX_PIN_MAP_CHARS,
  type PinMapFormat,
  pinMapJsonSchema,
  PinMapDocument,
  SANE,
  parseKicadNetlist,
  pinMapFromNetlist,
  netlistPartConflict,
  kicadNetName,
  type NetlistConnector,
  looksLikeKicadNetlist,
  netlistComponents,
  type NetlistComponent,
} from './pinmap/index.js';
export * from './bom/index.js';
export * from './mating/index.js';
export { renderReport, type ReportFormat } from './render/index.js';
export * from './shared/index.js';
export { CHECK_CODES, PIN_MAP_FINDING_CODE_LIST, type CheckCode, type PinMapFindingCode, type BomFindingCode } from './codes.js';
export type * from './types.js';
export { SEVERITY_RANK } from './types.js';
