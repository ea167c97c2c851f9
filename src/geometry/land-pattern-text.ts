import { builtInSeries, type Series } from '../catalog/index.js';
import { formatNumber } from '../numbers.js';
import { SOLDER_MASK_DESIGN, type LandPattern } from './landpattern.js';
import { LAND_PARAM_NAMES, type Param, type ParamProvenance } from './params.js';

/**
 * A land pattern's provenance and checks before fabrication as text: every writer that carries
 * them (KiCad footprint properties, the library README, Eagle, circuit-json) says them alike.
 */

/** `name = 0.23 mm [reference] source`, one line per land-pattern parameter. */
export function provenanceLines(lp: LandPattern): string[] {
  return LAND_PARAM_NAMES.map((name) => {
    const p: Param = lp.params[name];
    const unit = name.endsWith('Ratio') ? '' : ' mm';
    return `${name} = ${formatNumber(p.valueMm)}${unit} [${p.provenance}] ${p.source}`;
  });
}

/** "reference: a, b; catalog: c" — which parameters come from which kind of source. */
export function provenanceSummary(lp: LandPattern): string {
  const groups = new Map<ParamProvenance, string[]>();
  for (const name of LAND_PARAM_NAMES) {
    const kind = lp.params[name].provenance;
    groups.set(kind, [...(groups.get(kind) ?? []), name]);
  }
  const order: ParamProvenance[] = ['override', 'catalog', 'derived', 'reference', 'assumed'];
  return order
    .filter((k) => groups.has(k))
    .map((k) => `${k}: ${groups.get(k)!.join(', ')}`)
    .join('; ');
}

/** The Provenance property: where each number came from (one line each). */
export function footprintProvenance(lp: LandPattern, series: Series = builtInSeries): string {
  return [
    `a4s toolkit; catalog = Panasonic ${series.name} catalog, reference = data/source/A4S-reference.md, assumed = stated rule`,
    `body: A = ${formatNumber(lp.body.lengthMm)} mm (${lp.body.provenance.length}); width ${formatNumber(lp.body.widthMm)} mm (${lp.body.provenance.width}); height ${formatNumber(lp.body.heightMm)} mm (${lp.body.provenance.height})`,
    `dimensions A/B/C = ${formatNumber(lp.dimensions.dimensionsMm.A)} / ${formatNumber(lp.dimensions.dimensionsMm.B)} / ${formatNumber(lp.dimensions.dimensionsMm.C)} mm [${lp.dimensions.provenance}] ${lp.dimensions.source}`,
    ...provenanceLines(lp),
    `solder mask: one opening per contact row, bridges allowed between this footprint's pads [${SOLDER_MASK_DESIGN.provenance}] ${SOLDER_MASK_DESIGN.source}`,
  ].join('\n');
}

/** The "Check before fabrication" property: numbered checks. */
export function footprintChecks(lp: LandPattern): string {
  return lp.checksBeforeFabrication.map((c, i) => `${i + 1}. ${c}`).join('\n');
}

/** Provenance then checks, as one text (the library README and tests read it; no longer drawn on a layer). */
export function footprintNote(lp: LandPattern, series: Series = builtInSeries): string {
  return ['LAND PATTERN PROVENANCE (' + footprintProvenance(lp, series) + ')', 'CHECK BEFORE FABRICATION:', footprintChecks(lp)].join('\n');
}
