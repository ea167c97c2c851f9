export {
  footprintFile,
  symbolLibraryFile,
  symbolLibrary,
  familyLandPattern,
  familyModelLandPattern,
  familyFootprintText,
  type FootprintFile,
  type FootprintFileOptions,
  type LibraryPatternOptions,
} from './files.js';
export { parseRoleOverrides } from './overrides.js';
export { overridesFor, type RoleOverrides } from '../geometry/index.js';
export {
  kicadLibrary,
  kicadLibraryFiles,
  kicadLibraryTasks,
  linkedModelFiles,
  fpLibTable,
  symLibTable,
  DRU_FILE,
  PRETTY_DIR,
  SYMBOL_FILE,
  MODELS_DIR,
  DEFAULT_BASE_URI,
  type LibraryFile,
  type LibraryTask,
  type LibraryOptions,
} from './library.js';
export { designRules, smallestPadGapMm } from './design-rules.js';
export { libraryReadme } from './library-readme.js';
export { footprintFamilies, familyOf, type FootprintFamily, type FamilyModel } from './families.js';
export {
  FOOTPRINT_FORMAT_VERSION,
  FOOTPRINT_LAYERS,
  footprintNote,
  footprintProvenance,
  footprintChecks,
  provenanceLines,
  PROVENANCE_PROPERTY,
  CHECKS_PROPERTY,
  GENERATOR_VERSION,
} from './footprint.js';
export { SYMBOL_FORMAT_VERSION, symbolPins, MOUNTING_PIN, DATASHEET_URL, type SymbolPin } from './symbol.js';
export { readSexpr, writeSexpr, formatNumber, quote, childNamed, childrenNamed, headOf, valueOf, type SNode, type SList } from './sexpr.js';
export type { SexprSyntaxError } from '../sexpr/index.js';
export { KICAD_CODES } from './codes.js';
