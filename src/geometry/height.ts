import type { MatedHeightMm, Role } from '../catalog/index.js';

/**
 * The mated height a header is drawn at when the catalog states none (the inspection headers,
 * AXE6E**26: "same external dimensions and foot pattern as standard type", no height given):
 * assumed to be the lower one, 0.8 mm, the header code 1 family. Every writer (footprint, symbol,
 * 3D model, mated pair, the web's 3D view) takes a header without a height as this one.
 */
export const UNSTATED_HEADER_HEIGHT_MM: MatedHeightMm = 0.8;

/** The height a header is drawn at: its own, or UNSTATED_HEADER_HEIGHT_MM when the catalog states none. */
export function headerHeight(matedHeightMm: MatedHeightMm | null | undefined): MatedHeightMm {
  return matedHeightMm ?? UNSTATED_HEADER_HEIGHT_MM;
}

/** The header family height of a part: its own, UNSTATED_HEADER_HEIGHT_MM when the catalog states none; sockets: null (one socket serves both heights). */
export function familyHeight(role: Role, matedHeightMm: MatedHeightMm | null): MatedHeightMm | null {
  return role === 'socket' ? null : headerHeight(matedHeightMm);
}
