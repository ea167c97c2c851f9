import type { MatedHeightMm, Role } from '../catalog/index.js';
import { formatPartNumber } from '../partnumber/index.js';

/**
 * File and library names, from one format each (KiCad library convention:
 * Manufacturer_Series_MPN_RowsxPins_Pitch_Kind). The footprint does not depend on the tape or on
 * inspection; each header part family has its own (AXE6nn124 for 0.8 mm mated height, AXE6nn224
 * for 1.0 mm: same land pattern, own 3D model). A header without a height (inspection parts,
 * whose height the catalog does not state) gets the 0.8 mm family's.
 */
export function footprintName(role: Role, pins: number, matedHeightMm: MatedHeightMm | null = null): string {
  const mpn = formatPartNumber({
    role,
    pins,
    inspection: false,
    matedHeightMm: role === 'socket' ? null : matedHeightMm === 1.0 ? 1.0 : 0.8,
    packaging: '8mm-pitch',
  });
  return `Panasonic_A4S_${mpn}_2x${pins / 2}_P0.4mm_${role === 'socket' ? 'Socket' : `Header_${HEADER_NAME_SUFFIX}`}`;
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
export function modelName(role: Role, pins: number, matedHeightMm: MatedHeightMm | null): string {
  return footprintName(role, pins, matedHeightMm);
}

/** Symbol name in the .kicad_sym library: one per footprint (sockets by pin count, headers by pin count and mated height). */
export function symbolName(role: Role, pins: number, matedHeightMm: MatedHeightMm | null = null): string {
  return role === 'socket' ? `A4S_Socket_2x${pins / 2}` : `A4S_Header_2x${pins / 2}_H${(matedHeightMm ?? 0.8).toFixed(1)}mm`;
}

export const FOOTPRINT_LIBRARY = 'Panasonic_A4S';
export const SYMBOL_LIBRARY = 'Panasonic_A4S';
/** KiCad path variable for 3D models shipped with the library. */
export const MODEL_DIR_VARIABLE = '${A4S_3DMODEL_DIR}';
