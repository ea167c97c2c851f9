import { padPins, type MatedHeightMm, type Role } from '../catalog/index.js';

/**
 * File and library names, from one format each (KiCad library convention:
 * Manufacturer_Series_MPN_RowsxPins_Pitch_Kind). The footprint does not depend on the tape or on
 * inspection; the header footprint serves both mated heights, so its MPN field writes the height
 * digit as x (AXE640x24 = AXE640124 and AXE640224).
 */
export function footprintName(role: Role, pins: number): string {
  const pp = padPins(pins);
  const mpn = role === 'socket' ? `AXE5${pp}127` : `AXE6${pp}x24`;
  return `Panasonic_A4S_${mpn}_2x${pins / 2}_P0.4mm_${role === 'socket' ? 'Socket' : 'Header'}`;
}

/** 3D model base name (no extension): the socket's is its footprint's; headers add the height. */
export function modelName(role: Role, pins: number, matedHeightMm: MatedHeightMm | null): string {
  const base = footprintName(role, pins);
  return role === 'socket' ? base : `${base}_H${(matedHeightMm ?? 0.8).toFixed(1)}mm`;
}

/** Symbol name in the .kicad_sym library: one per role and pin count. */
export function symbolName(role: Role, pins: number): string {
  return `A4S_${role === 'socket' ? 'Socket' : 'Header'}_2x${pins / 2}`;
}

export const FOOTPRINT_LIBRARY = 'Panasonic_A4S';
export const SYMBOL_LIBRARY = 'Panasonic_A4S';
/** KiCad path variable for 3D models shipped with the library. */
export const MODEL_DIR_VARIABLE = '${A4S_3DMODEL_DIR}';
