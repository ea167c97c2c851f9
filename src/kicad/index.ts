export {
  footprintFile,
  symbolLibraryFile,
  symbolLibrary,
  familyFootprintText,
  type FootprintFile,
  type FootprintFileOptions,
} from './files.js';
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
export {
  FOOTPRINT_FORMAT_VERSION,
  FOOTPRINT_LAYERS,
  PROVENANCE_PROPERTY,
  CHECKS_PROPERTY,
  GENERATOR_VERSION,
} from './footprint.js';
export { SYMBOL_FORMAT_VERSION, DATASHEET_URL } from './symbol.js';
export { readSexpr, writeSexpr, formatNumber, quote, childNamed, childrenNamed, headOf, valueOf, type SNode, type SList } from './sexpr.js';
export type { SexprSyntaxError } from '../sexpr/index.js';
export { KICAD_CODES } from './codes.js';
