import { builtInSeries, seriesDerived, type Series } from '../catalog/index.js';
import { libraryNames } from '../geometry/index.js';

/** Where each part of the KiCad library goes, inside the folder it is written to (named after the series' libraries). */
export interface LibraryPaths {
  readonly prettyDir: string;
  readonly symbolFile: string;
  readonly modelsDir: string;
  /** Custom design rules for a board using the library (KiCad 7+: Board Setup → Custom Rules, or `<board>.kicad_dru`). */
  readonly druFile: string;
}

function buildLibraryPaths(series: Series): LibraryPaths {
  const { footprintLibrary, symbolLibrary } = libraryNames(series);
  return Object.freeze({
    prettyDir: `${footprintLibrary}.pretty`,
    symbolFile: `${symbolLibrary}.kicad_sym`,
    modelsDir: `${footprintLibrary}.3dshapes`,
    druFile: `${footprintLibrary}.kicad_dru`,
  });
}

export function libraryPaths(series: Series = builtInSeries): LibraryPaths {
  return seriesDerived(series, buildLibraryPaths);
}

/** The built-in edition's paths (tests and the tools tier name its files with them); code takes `libraryPaths(series)`. */
export const PRETTY_DIR = libraryPaths().prettyDir;
export const SYMBOL_FILE = libraryPaths().symbolFile;
export const MODELS_DIR = libraryPaths().modelsDir;
export const DRU_FILE = libraryPaths().druFile;
/** Where the tables point by default: the library written at the root of the KiCad project. */
export const DEFAULT_BASE_URI = '${KIPRJMOD}';
/** Where the plain library's footprints link their models: the models folder where the tables point (no user-defined variable by default). */
export function modelDirOf(baseUri: string, series: Series = builtInSeries): string {
  return `${baseUri.replace(/\/+$/, '')}/${libraryPaths(series).modelsDir}`;
}
/** Where the built-in library's footprints link their models by default: the models folder in the KiCad project folder (no user-defined variable). */
export const DEFAULT_MODEL_DIR = modelDirOf(DEFAULT_BASE_URI);
