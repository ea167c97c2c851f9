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
  modelDirOf,
  DEFAULT_MODEL_DIR,
  libraryPaths,
  type LibraryPaths,
  type LibraryFile,
  type LibraryTask,
  type LibraryOptions,
} from './library.js';
export { designRules, smallestPadGapMm } from './design-rules.js';
export {
  kicadPcmPackage,
  pcmMetadata,
  pcmInstallDirName,
  pcmModelDir,
  pcmNames,
  PCM_IDENTIFIER,
  PCM_LIBRARY_NICKNAME,
  PCM_LIBRARY_PREFIX,
  PCM_THIRD_PARTY_VARIABLE,
  PCM_KICAD_VERSION,
  PCM_METADATA_FILE,
  PCM_ICON_FILE,
  PCM_ZIP_NAME,
  type PcmOptions,
  type PcmNames,
} from './pcm.js';
export { iconPng, ICON_SIZE_PX } from './icon.js';
export { libraryReadme } from './library-readme.js';
export {
  FOOTPRINT_FORMAT_VERSION,
  FOOTPRINT_LAYERS,
  PROVENANCE_PROPERTY,
  CHECKS_PROPERTY,
  CLEARANCE_PROPERTY,
  footprintClearanceMm,
  padGapMm,
  GENERATOR_VERSION,
} from './footprint.js';
export { SYMBOL_FORMAT_VERSION, DATASHEET_URL } from './symbol.js';
export { readSexpr, writeSexpr, formatNumber, quote, childNamed, childrenNamed, headOf, valueOf, type SNode, type SList } from './sexpr.js';
export type { SexprSyntaxError } from '../sexpr/index.js';
export { KICAD_CODES } from './codes.js';
