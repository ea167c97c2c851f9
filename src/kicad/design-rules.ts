import { builtInSeries, type Series } from '../catalog/index.js';
import { libraryNames, type LandPattern } from '../geometry/index.js';
import { padGapMm } from './footprint.js';
import { libraryPaths } from './library-paths.js';
import { formatNumber } from './sexpr.js';

/** The smallest copper gap between two pads of one footprint, over the given land patterns (mm). */
export function smallestPadGapMm(patterns: readonly LandPattern[]): number {
  return Math.min(...patterns.map(padGapMm));
}

/**
 * `Panasonic_A4S.kicad_dru`: lowers the pad-to-pad clearance between two pads of one of our
 * footprints only (KiCad's default netclass asks 0.2 mm; neighbouring contacts are 0.4 mm pitch
 * less the pad width apart). Everything else keeps the board's own clearance.
 */
export function designRules(patterns: readonly LandPattern[], series: Series = builtInSeries): string {
  const library = libraryNames(series).footprintLibrary;
  const gap = smallestPadGapMm(patterns);
  const min = Math.floor(gap * 20 + 1e-9) / 20;
  return [
    '(version 1)',
    `# ${libraryPaths(series).druFile}: custom design rules for boards using the ${library} library (a4s toolkit).`,
    `# The contacts sit ${formatNumber(gap)} mm apart (derived: ${formatNumber(series.pitchMm)} mm pitch, catalog, less the pad width); KiCad's default`,
    `# netclass asks 0.2 mm. This rule allows ${formatNumber(min)} mm (the gap rounded down to 0.05 mm) between two pads of`,
    `# the same ${series.name} footprint only; tracks, vias, zones and other footprints keep the board's clearance.`,
    `# It matches any library nickname ending in ${library} (${library}, or PCM_${library} as KiCad's PCM installs it).`,
    '# The footprints carry their own clearance (the same gap), which a board can clear (set to 0) to use this rule instead.',
    '# Add it in Board Setup -> Design Rules -> Custom Rules, or copy it next to the board as <board name>.kicad_dru.',
    `(rule "Panasonic ${series.name}: pads of one connector"`,
    `  (constraint clearance (min ${formatNumber(min)}mm))`,
    `  (condition "A.Type == 'Pad' && B.Type == 'Pad' && A.Parent == B.Parent && A.memberOfFootprint('*${library}:*')"))`,
    '',
  ].join('\n');
}
