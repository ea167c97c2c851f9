/**
 * The pin-map check (`check.ts`, its rules in one list) and its readers: YAML/JSON/CSV pin maps
 * (`parse.ts`), KiCad netlists (`netlist.ts`, `netlist-components.ts`), the document's schema.
 */
export { checkPinMap, compactPins, inferKind, neighbourPairs, verdictOf } from './check.js';
export { diffPartners, DIFF_PAIR_SOURCE } from './evidence.js';
export { parsePinMapText, parseNetShorthand, isNoConnect, PIN_MAP_CSV_COLUMNS, MAX_PIN_MAP_CHARS, type PinMapFormat } from './parse.js';
export { pinMapJsonSchema, PinMapDocument, SANE, type ConnectorPlacement, type NetKind, type OperatingConditions } from './schema.js';
export { parseKicadNetlist, pinMapFromNetlist, netlistPartConflict, kicadNetName, type NetlistConnector } from './netlist.js';
export { looksLikeKicadNetlist, netlistComponents, type NetlistComponent } from './netlist-components.js';
