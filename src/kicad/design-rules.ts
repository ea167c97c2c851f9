import { FOOTPRINT_LIBRARY, rectBox, type LandPattern } from '../geometry/index.js';
import { DRU_FILE } from './library-paths.js';
import { formatNumber } from './sexpr.js';

/** The smallest copper gap between two pads of one footprint, over the given land patterns (mm). */
export function smallestPadGapMm(patterns: readonly LandPattern[]): number {
  let best = Infinity;
  for (const lp of patterns) {
    // Sorted by left edge: once a pad starts `best` or more to the right of pad i's right edge, no
    // later pad can be nearer to it (the gap is at least the x gap), so the scan stops there.
    const boxes = lp.pads.map((p) => rectBox(p)).sort((a, b) => a.minXMm - b.minXMm);
    for (let i = 0; i < boxes.length; i++) {
      const a = boxes[i]!;
      for (let j = i + 1; j < boxes.length; j++) {
        const b = boxes[j]!;
        if (b.minXMm - a.maxXMm >= best) break;
        const gap = Math.max(a.minXMm - b.maxXMm, b.minXMm - a.maxXMm, a.minYMm - b.maxYMm, b.minYMm - a.maxYMm);
        if (gap > 0 && gap < best) best = gap;
      }
    }
  }
  return Math.round(best * 1e4) / 1e4;
}

/**
 * `Panasonic_A4S.kicad_dru`: lowers the pad-to-pad clearance between two pads of one of our
 * footprints only (KiCad's default netclass asks 0.2 mm; neighbouring contacts are 0.4 mm pitch
 * less the pad width apart). Everything else keeps the board's own clearance.
 */
export function designRules(patterns: readonly LandPattern[]): string {
  const gap = smallestPadGapMm(patterns);
  const min = Math.floor(gap * 20 + 1e-9) / 20;
  return [
    '(version 1)',
    `# ${DRU_FILE}: custom design rules for boards using the ${FOOTPRINT_LIBRARY} library (a4s toolkit).`,
    `# The contacts sit ${formatNumber(gap)} mm apart (derived: 0.4 mm pitch, catalog, less the pad width); KiCad's default`,
    `# netclass asks 0.2 mm. This rule allows ${formatNumber(min)} mm (the gap rounded down to 0.05 mm) between two pads of`,
    "# the same A4S footprint only; tracks, vias, zones and other footprints keep the board's clearance.",
    '# Add it in Board Setup -> Design Rules -> Custom Rules, or copy it next to the board as <board name>.kicad_dru.',
    `(rule "Panasonic A4S: pads of one connector"`,
    `  (constraint clearance (min ${formatNumber(min)}mm))`,
    `  (condition "A.Type == 'Pad' && B.Type == 'Pad' && A.Parent == B.Parent && A.memberOfFootprint('${FOOTPRINT_LIBRARY}:*')"))`,
    '',
  ].join('\n');
}
