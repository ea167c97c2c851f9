import type { ParamProvenance } from '../geometry/index.js';

/** The page and the colours every part of the sheet shares. */

export const PAGE = { widthMm: 210, heightMm: 297, marginMm: 10 } as const;

/** Dimension and label colours by provenance (the legend on the page says which is which). */
export const PROVENANCE_COLOURS: Readonly<Record<ParamProvenance, string>> = {
  catalog: '#000000',
  derived: '#1a7f37',
  reference: '#0b5cad',
  assumed: '#b35900',
  override: '#8b1fa9',
};

export const PAD_FILL = '#d9534f';
export const COURTYARD = '#c000c0';

/** Millimetres as on a drawing: at least two decimals, more when the value has them (1.225, 0.655). */
export function f2(x: number): string {
  const rounded = Math.round(x * 1e4) / 1e4 + 0;
  const fixed = rounded.toFixed(4).replace(/0+$/, '');
  const decimals = fixed.length - fixed.indexOf('.') - 1;
  return rounded.toFixed(Math.max(2, decimals));
}
