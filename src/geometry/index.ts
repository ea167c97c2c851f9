export { pinLocation, reversedPin, matedPin, matingMap, isValidPin, type PinLocation, type PinContact } from './pinout.js';
export {
  landPattern,
  SILK_LINE_WIDTH_MM,
  SILK_PAD_CLEARANCE_MM,
  FAB_LINE_WIDTH_MM,
  COURTYARD_LINE_WIDTH_MM,
  SOLDER_MASK_DESIGN,
  type LandPattern,
  type Pad,
  type PadKind,
  type BodyOutline,
  type LandPatternOptions,
} from './landpattern.js';
// The zod schema LandParamOverrides (overrides-schema.ts) is exported by the package root, not here: no zod at start-up.
export {
  defaultLandParams,
  applyOverrides,
  checkLandParamOverrides,
  overrideBounds,
  LAND_PARAM_NAMES,
  HEADER_10_SAME_PATTERN,
  type LandParamOverrides,
  type OverrideBounds,
  type OverrideIssue,
  type LandParams,
  type Param,
  type ParamProvenance,
  type TerminalAlternative,
  type LandParamName,
} from './params.js';
export { mm, rectBox, unionBox, growToGrid, clipSegment, boxSegments, type Rect, type Segment, type Box } from './shapes.js';
export { partGeometry, geometryFor, overridesFor, landPatternProblems, MIN_COPPER_GAP_MM, type PartGeometry, type RoleOverrides } from './part.js';
export { GEOMETRY_CODES } from './codes.js';
export {
  footprintName,
  modelName,
  symbolName,
  libraryNames,
  familyNumberPattern,
  HEADER_NAME_SUFFIX,
  FOOTPRINT_LIBRARY,
  SYMBOL_LIBRARY,
  MODEL_DIR_VARIABLE,
  type LibraryNames,
} from './names.js';
export { familyHeight, headerHeight, UNSTATED_HEADER_HEIGHT_MM } from './height.js';
export { parseRoleOverrides } from './role-overrides.js';
export {
  footprintFamilies,
  familiesOf,
  familyOf,
  familyLandPattern,
  familyModelLandPattern,
  type FootprintFamily,
  type FamilyModel,
  type LibraryPatternOptions,
} from './families.js';
export { provenanceLines, provenanceSummary, footprintProvenance, footprintChecks, footprintNote } from './land-pattern-text.js';
export { symbolPins, MOUNTING_PIN, GRID_MM, PIN_LENGTH_MM, BODY_HALF_WIDTH_MM, type SymbolPin } from './symbol-pins.js';
export { AREA_RATIO_MIN, stencilThicknessMm, apertureAreaRatio, contactAreaRatio } from './stencil.js';
