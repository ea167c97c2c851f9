import { FOOTPRINT_LIBRARY, SYMBOL_LIBRARY } from '../geometry/index.js';

/** Where each part of the KiCad library goes, inside the folder it is written to. */
export const PRETTY_DIR = `${FOOTPRINT_LIBRARY}.pretty`;
export const SYMBOL_FILE = `${SYMBOL_LIBRARY}.kicad_sym`;
export const MODELS_DIR = `${FOOTPRINT_LIBRARY}.3dshapes`;
/** Custom design rules for a board using the library (KiCad 7+: Board Setup → Custom Rules, or `<board>.kicad_dru`). */
export const DRU_FILE = `${FOOTPRINT_LIBRARY}.kicad_dru`;
/** Where the tables point by default: the library written at the root of the KiCad project. */
export const DEFAULT_BASE_URI = '${KIPRJMOD}';
