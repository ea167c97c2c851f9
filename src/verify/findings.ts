import type { Param } from '../geometry/index.js';
import type { FootprintFinding, Strength } from './types.js';

/** How a difference becomes a finding: the tolerances, the strength of our value, the wording they share. */

/**
 * Tolerances of the comparison (ours, `assumed`): catalog numbers are compared at drawing
 * precision; pad sizes, rows and terminals at a tolerance that depends on how strong our own
 * pattern is (a reference production footprint, or an assumption).
 */
export const TOLERANCES_MM = {
  catalog: 0.01,
  reference: 0.05,
  assumed: 0.15,
  /** Contact pad width at 0.4 mm pitch: tighter, the gap between pads is about 0.17 mm. */
  padWidthReference: 0.03,
  padWidthAssumed: 0.06,
  source:
    'assumed: tolerances of the a4s verifier (catalog values at drawing precision; our land pattern within 0.05 mm where it follows a reference footprint, 0.15 mm where it is assumed; contact width 0.03 / 0.06 mm)',
} as const;

/** Adds a finding; what it leaves out is null. */
export type Add = (f: Omit<FootprintFinding, 'toleranceMm' | 'provenance' | 'source' | 'expected' | 'found'> & Partial<FootprintFinding>) => void;

export function strengthOf(p: Param): Strength {
  return p.provenance === 'override' ? 'assumed' : p.provenance;
}

/** Tolerance of a comparison with our land pattern: wider where our value is only assumed. */
export function landPatternToleranceMm(s: Strength): number {
  return s === 'assumed' ? TOLERANCES_MM.assumed : TOLERANCES_MM.reference;
}

export function strengthNote(s: Strength): string {
  if (s === 'assumed')
    return "Our value is only ASSUMED (no public land pattern): this is a weak finding; check against Panasonic's recommended PC-board pattern.";
  if (s === 'reference') return 'Our value comes from a production footprint (reference): a strong finding.';
  return 'Our value comes from the catalog.';
}

export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
