import type { Param } from '../geometry/index.js';
import type { FootprintFinding, Strength } from './types.js';

/** How a difference becomes a finding: the tolerances, the strength of our value, the wording they share. */

/**
 * Tolerances of the comparison (ours, `assumed`): catalog numbers are compared at drawing
 * precision; pad sizes, rows and terminals at a tolerance that depends on how strong our own
 * pattern is (public fabricated footprints, `reference`, or an assumption).
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

/**
 * What our value rests on, said from the land pattern's own source (the header's two public
 * designs, the socket's production footprint, the 1.0 mm header's assumption), never a fixed phrase.
 */
export function strengthNote(s: Strength, source?: string): string {
  const from = source === undefined ? '' : evidenceOf(source);
  if (s === 'assumed')
    return `Our value is only ASSUMED${from ? ` (${from})` : ' (no public land pattern)'}: this is a weak finding; check against Panasonic's recommended PC-board pattern.`;
  if (s === 'reference') return `Our value rests on ${from || 'a public footprint'} (reference): a strong finding.`;
  return 'Our value comes from the catalog.';
}

/** A parameter's source without its provenance word, the reference file's name and the per-value detail. */
export function evidenceOf(source: string): string {
  const first = source.split(/;\s*(?=(?:reference|assumed|catalog|derived):)/)[0]!.replace(/^(reference|assumed|catalog|derived|override):\s*/, '');
  const cut = first.indexOf(', data/source/');
  return (cut >= 0 ? first.slice(0, cut) : first.split(': ')[0]!).trim();
}

export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
