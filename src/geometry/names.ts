import type { MatedHeightMm, Role } from '../catalog/index.js';
import { builtInSeries, seriesDerived, type Series } from '../catalog/index.js';
import { formatPartNumber, formatPartNumberPattern } from '../partnumber/index.js';
import { familyHeight, headerHeight } from './height.js';

/**
 * File and library names, from one format each (KiCad library convention:
 * Manufacturer_Series_MPN_RowsxPins_Pitch_Kind), the series part from the series (its name, its
 * pitch, its part numbers). The footprint does not depend on the tape or on inspection; each
 * header part family has its own (AXE6nn124 for 0.8 mm mated height, AXE6nn224 for 1.0 mm: same
 * land pattern, own 3D model). A header without a height (inspection parts, whose height the
 * catalog does not state) gets the family of UNSTATED_HEADER_HEIGHT_MM (./height.ts).
 */
export interface LibraryNames {
  /** The footprint library's name (and nickname): `Panasonic_A4S`. */
  readonly footprintLibrary: string;
  /** The symbol library's name: `Panasonic_A4S`. */
  readonly symbolLibrary: string;
  /** KiCad path variable for 3D models shipped with the library: `${A4S_3DMODEL_DIR}`. */
  readonly modelDirVariable: string;
}

function buildLibraryNames(series: Series): LibraryNames {
  const library = `Panasonic_${series.name}`;
  return Object.freeze({ footprintLibrary: library, symbolLibrary: library, modelDirVariable: `\${${series.name}_3DMODEL_DIR}` });
}

/** The library names of a series (`Panasonic_<series name>`). */
export function libraryNames(series: Series = builtInSeries): LibraryNames {
  return seriesDerived(series, buildLibraryNames);
}

export function footprintName(role: Role, pins: number, matedHeightMm: MatedHeightMm | null = null, series: Series = builtInSeries): string {
  const mpn = formatPartNumber(
    {
      role,
      pins,
      inspection: false,
      matedHeightMm: familyHeight(role, matedHeightMm),
      packaging: '8mm-pitch',
    },
    series,
  );
  return `${libraryNames(series).footprintLibrary}_${mpn}_2x${pins / 2}_P${series.pitchMm}mm_${role === 'socket' ? 'Socket' : `Header_${HEADER_NAME_SUFFIX}`}`;
}

/**
 * The header footprints' second pattern: the library's first header footprints (named
 * `…_P0.4mm_Header`) had rows 2.45 mm apart and 2 terminal pads (assumed by analogy with the F4S
 * header); revision 2 follows the public evidence (rows 1.75 mm apart, contacts 0.65 mm long, 4
 * terminal pads). A new name makes KiCad report a board's placed header as missing from the
 * library instead of silently swapping its pads (README: re-check placed headers). A revision, not
 * the row pitch, names it: land-pattern overrides may change the rows.
 */
export const HEADER_NAME_SUFFIX = 'Rev2';

/** 3D model base name (no extension): its footprint's (KiCad library convention F9.3; one footprint per header height). */
export function modelName(role: Role, pins: number, matedHeightMm: MatedHeightMm | null, series: Series = builtInSeries): string {
  return footprintName(role, pins, matedHeightMm, series);
}

/** Symbol name in the .kicad_sym library: one per footprint (sockets by pin count, headers by pin count and mated height). */
export function symbolName(role: Role, pins: number, matedHeightMm: MatedHeightMm | null = null, series: Series = builtInSeries): string {
  return role === 'socket' ? `${series.name}_Socket_2x${pins / 2}` : `${series.name}_Header_2x${pins / 2}_H${headerHeight(matedHeightMm).toFixed(1)}mm`;
}

/** The built-in edition's library names (tests and the tools tier name its files with them); code takes `libraryNames(series)`. */
export const FOOTPRINT_LIBRARY = libraryNames(builtInSeries).footprintLibrary;
export const SYMBOL_LIBRARY = libraryNames(builtInSeries).symbolLibrary;
/** KiCad path variable for 3D models shipped with the built-in library. */
export const MODEL_DIR_VARIABLE = libraryNames(builtInSeries).modelDirVariable;

/** A family's part numbers with the pin count as `n`s, as the catalog writes them in prose (`AXE6nn124`). */
export function familyNumberPattern(role: Role, matedHeightMm: MatedHeightMm | null, series: Series = builtInSeries): string {
  return formatPartNumberPattern({ role, inspection: false, matedHeightMm: familyHeight(role, matedHeightMm), packaging: '8mm-pitch' }, 'n', series);
}
