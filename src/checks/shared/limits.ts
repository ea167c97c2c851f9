import { builtInSeries, characteristicValue, sourceHeading, type CatalogRule, type Series } from '../../catalog/index.js';
import type { Threshold } from '../types.js';
import { formatPartNumberPattern } from '../../partnumber/index.js';

/** A catalog rule by id; its absence is a programming error (the catalog data is validated). */
export function rule(id: string, series: Series = builtInSeries): CatalogRule {
  const r = series.catalog.rules.find((x) => x.id === id);
  if (!r) throw new Error(`catalog rule ${id} is missing`);
  return r;
}

/** "PRODUCT TYPES": the section of a series' product-type tables, cited by the part and BOM findings. */
export function productTypesSource(series: Series = builtInSeries): string {
  return sourceHeading(series.catalog.productTypes[0]!.source, 1);
}

/**
 * The header codes by mated height as the citations write them ("mated height 0.8 mm: AXE6xx124;
 * 1.0 mm: AXE6xx224"): the series' grammar with `x` for each pin digit (a pattern, not a part number).
 */
export function matedHeightCodes(series: Series = builtInSeries): string {
  const header = (matedHeightMm: 0.8 | 1.0) =>
    formatPartNumberPattern({ role: 'header', inspection: false, matedHeightMm, packaging: '8mm-pitch' }, 'x', series);
  return `mated height 0.8 mm: ${header(0.8)}; 1.0 mm: ${header(1.0)}`;
}

function ruleValue(id: string, name: string, series: Series): number {
  const v = rule(id, series).values.find((x) => x.name === name);
  if (!v) throw new Error(`catalog rule ${id}.${name} is missing`);
  return v.value;
}

/**
 * Every limit the checks apply, read from the catalog data once (never a literal in the checks),
 * plus the few thresholds of ours, each labelled `assumed` with its reasoning.
 */
export function limits(series: Series = builtInSeries) {
  const { catalog } = series;
  const perContact = characteristicValue('rated-current', 'perContactA', catalog);
  const total = characteristicValue('rated-current', 'totalA', catalog);
  const voltage = characteristicValue('rated-voltage', 'voltageV', catalog);
  const dielectric = characteristicValue('dielectric-strength', 'testVoltageV', catalog);
  const resistance = characteristicValue('contact-resistance', 'resistanceMilliOhm', catalog);
  const life = characteristicValue('insertion-removal-life', 'cycles', catalog);
  const ambientMin = characteristicValue('ambient-temperature', 'minC', catalog);
  const ambientMax = characteristicValue('ambient-temperature', 'maxC', catalog);
  const reflow = characteristicValue('soldering-heat-resistance', 'reflowPeakC', catalog);
  const iron1C = characteristicValue('soldering-heat-resistance', 'iron300C', catalog);
  const iron1S = characteristicValue('soldering-heat-resistance', 'iron300MaxS', catalog);
  const iron2C = characteristicValue('soldering-heat-resistance', 'iron350C', catalog);
  const iron2S = characteristicValue('soldering-heat-resistance', 'iron350MaxS', catalog);
  const humidityMax = characteristicValue('humidity', 'humidityMaxPercentRH', catalog);
  const humidityH = characteristicValue('humidity', 'durationH', catalog);
  const h2sPpm = characteristicValue('h2s', 'gasConcentrationPpm', catalog);
  const h2sH = characteristicValue('h2s', 'durationH', catalog);
  const saltPercent = characteristicValue('salt-spray', 'saltConcentrationPercent', catalog);
  const saltH = characteristicValue('salt-spray', 'durationH', catalog);
  const h2sTolerance =
    (catalog.characteristics.find((c) => c.id === 'h2s')?.values.find((v) => v.name === 'gasConcentrationPpm') as { tolerance?: number } | undefined)
      ?.tolerance ?? 0;
  const saltTolerance =
    (
      catalog.characteristics.find((c) => c.id === 'salt-spray')?.values.find((v) => v.name === 'saltConcentrationPercent') as
        | { tolerance?: number }
        | undefined
    )?.tolerance ?? 0;
  const ironRule = rule('hand-soldering-iron', series);
  return {
    perContactA: perContact,
    totalA: total,
    ratedVoltageV: voltage,
    dielectricTestV: dielectric,
    contactResistanceMilliOhm: resistance,
    lifeCycles: life,
    inspectionCycles: { value: catalog.inspection.matingCycles, source: catalog.inspection.source },
    inspectionMinLot: { value: catalog.inspection.minimumOrderPiecesPerLot, source: `${catalog.inspection.source} / Notes 2` },
    ambientMinC: ambientMin,
    ambientMaxC: ambientMax,
    reflowPeakC: reflow,
    iron: { lowC: iron1C.value, lowMaxS: iron1S.value, highC: iron2C.value, highMaxS: iron2S.value, source: `${iron1C.source}; ${ironRule.source}` },
    humidity: { maxPercentRH: humidityMax.value, hours: humidityH.value, source: humidityMax.source },
    h2s: { ppm: h2sPpm.value, tolerancePpm: h2sTolerance, hours: h2sH.value, source: h2sPpm.source },
    salt: { percent: saltPercent.value, tolerancePercent: saltTolerance, hours: saltH.value, source: saltPercent.source },
    maxConnectorsPerBoardPair: {
      value: ruleValue('single-connector-per-board-pair', 'maxConnectorsPerBoardPair', series),
      source: rule('single-connector-per-board-pair', series).source,
    },
    /** Ours: default worst-case IR-drop threshold. */
    irDropDefaultMv: {
      value: 50,
      reasoning:
        'assumed: 50 mV is 1.5 % of a 3.3 V rail and 4 % of a 1.2 V rail, a sizeable share of a typical ±3–5 % supply tolerance; set your own with irDropThresholdMv / --ir-drop-threshold-mv',
    },
  };
}

export type Limits = ReturnType<typeof limits>;

export function thresholdsOf(l: Limits, irDropMv: number, irDropOverride: boolean, maxNeighbourV: number | null = null): Threshold[] {
  return [
    { name: 'current per contact', value: l.perContactA.value, unit: 'A', provenance: 'catalog', source: l.perContactA.source },
    { name: 'total current', value: l.totalA.value, unit: 'A', provenance: 'catalog', source: l.totalA.source },
    { name: 'rated voltage', value: l.ratedVoltageV.value, unit: 'V', provenance: 'catalog', source: l.ratedVoltageV.source },
    { name: 'dielectric test voltage (AC)', value: l.dielectricTestV.value, unit: 'V', provenance: 'catalog', source: l.dielectricTestV.source },
    {
      name: 'contact resistance (max)',
      value: l.contactResistanceMilliOhm.value,
      unit: 'mΩ',
      provenance: 'catalog',
      source: l.contactResistanceMilliOhm.source,
    },
    irDropOverride
      ? { name: 'IR-drop threshold', value: irDropMv, unit: 'mV', provenance: 'override', source: 'set by the user' }
      : { name: 'IR-drop threshold', value: irDropMv, unit: 'mV', provenance: 'assumed', source: l.irDropDefaultMv.reasoning },
    { name: 'mating cycles', value: l.lifeCycles.value, unit: 'cycles', provenance: 'catalog', source: l.lifeCycles.source },
    { name: 'mating cycles (inspection parts)', value: l.inspectionCycles.value, unit: 'cycles', provenance: 'catalog', source: l.inspectionCycles.source },
    { name: 'ambient temperature min', value: l.ambientMinC.value, unit: '°C', provenance: 'catalog', source: l.ambientMinC.source },
    { name: 'ambient temperature max', value: l.ambientMaxC.value, unit: '°C', provenance: 'catalog', source: l.ambientMaxC.source },
    { name: 'reflow peak', value: l.reflowPeakC.value, unit: '°C', provenance: 'catalog', source: l.reflowPeakC.source },
    maxNeighbourV === null
      ? {
          name: 'neighbour voltage margin',
          value: l.ratedVoltageV.value,
          unit: 'V',
          provenance: 'catalog',
          source: `${l.ratedVoltageV.source} (the default margin)`,
        }
      : {
          name: 'neighbour voltage margin',
          value: maxNeighbourV,
          unit: 'V',
          provenance: 'override',
          source: 'set by the user (maxNeighbourV / --max-neighbour-v)',
        },
  ];
}
