import { FOOTPRINT_LIBRARY, SYMBOL_LIBRARY } from '../geometry/index.js';

/** Where each part of the KiCad library goes, inside the folder it is written to. */
export const PRETTY_DIR = `${FOOTPRINT_LIBRARY}.pretty`;
export const SYMBOL_FILE = `${SYMBOL_LIBRARY}.kicad_sym`;
export const MODELS_DIR = `${FOOTPRINT_LIBRARY}.3dshapes`;
/** Custom design rules for a board using the library (KiCad 7+: Board Setup → Custom Rules, or `<board>.kicad_dru`). */
export const DRU_FILE = `${FOOTPRINT_LIBRARY}.kicad_dru`;
/** Where the tables point by default: the library written at the root of the KiCad project. */
export const DEFAULT_BASE_URI = '${KIPRJMOD}';
/** Where the plain library's footprints link their models: the models folder where the tables point (no user-defined variable by default). */
export function modelDirOf(baseUri: string): string {
  return `${baseUri.replace(/\/+$/, '')}/${MODELS_DIR}`;
}
/** Where footprints link their models by default: the models folder in the KiCad project folder (no user-defined variable). */
export const DEFAULT_MODEL_DIR = modelDirOf(DEFAULT_BASE_URI);
