import { builtInSeries, type Role, type Series } from '../catalog/index.js';
import type { LandPattern } from './landpattern.js';
import { mm } from './shapes.js';

/**
 * The stencil and how well paste leaves its openings: the catalog's metal-mask thickness, and the
 * IPC-7525 area ratio of an opening (its area over its walls' area, area / (perimeter × thickness)).
 * The verifier (src/verify/paste.ts), the drawing and the library README state the same figure.
 */

/** IPC-7525 (Stencil Design Guidelines): paste releases reliably from an opening whose area ratio is at least 0.66. */
export const AREA_RATIO_MIN = {
  value: 0.66,
  provenance: 'reference' as const,
  source: 'reference: IPC-7525A Stencil Design Guidelines: area ratio (opening area / (perimeter × thickness)) ≥ 0.66',
};

/** The catalog's metal-mask (stencil) thickness for the role, in millimetres (120 µm for both). */
export function stencilThicknessMm(role: Role, series: Series = builtInSeries): { valueMm: number; source: string } {
  const rule = series.catalog.rules.find((r) => r.id === (role === 'socket' ? 'metal-mask-socket' : 'metal-mask-header'));
  const um = rule?.values.find((v) => v.name === 'maskThicknessUm')?.value;
  if (um === undefined || !rule) throw new Error('metal-mask thickness missing from the catalog data');
  return { valueMm: um / 1000, source: `catalog: ${rule.source}` };
}

/** IPC-7525 area ratio of a rectangular opening: w·h / (2(w + h) · t). */
export function apertureAreaRatio(widthMm: number, heightMm: number, thicknessMm: number): number {
  return (widthMm * heightMm) / (2 * (widthMm + heightMm) * thicknessMm);
}

/** The area ratio of a land pattern's contact openings, with what it is computed from. */
export function contactAreaRatio(
  lp: LandPattern,
  series: Series = builtInSeries,
): { value: number; widthMm: number; heightMm: number; thicknessMm: number; formula: string } {
  const contact = lp.pads.find((p) => p.kind === 'signal')!;
  const a = contact.pasteApertures[0] ?? contact;
  const t = stencilThicknessMm(lp.role, series).valueMm;
  const value = Math.round(apertureAreaRatio(a.widthMm, a.heightMm, t) * 1000) / 1000;
  return {
    value,
    widthMm: mm(a.widthMm),
    heightMm: mm(a.heightMm),
    thicknessMm: t,
    formula: `derived: ${mm(a.widthMm)} × ${mm(a.heightMm)} / (2 × (${mm(a.widthMm)} + ${mm(a.heightMm)}) × ${t}) (IPC-7525 area ratio)`,
  };
}
