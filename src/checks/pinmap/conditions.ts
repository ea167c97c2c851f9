import { inspectionPartNumber, type Series } from '../../catalog/index.js';
import { formatPartNumber, type PartNumberCheck } from '../../partnumber/index.js';
import { rule, type Limits } from '../shared/index.js';
import type { PinMapInput } from '../types.js';
import { matingForces } from '../../select/index.js';
import { collect, EPS, thousands, type Add, type PinMapRule } from './common.js';

/** Conditions of use: mating life, environment (temperature, humidity, gases), boards joined by one connector. */

function checkLife(
  input: PinMapInput,
  part: PartNumberCheck | null,
  mate: PartNumberCheck | null,
  pinCount: number,
  l: Limits,
  add: Add,
  series: Series,
): void {
  const inspection = Boolean(part?.fields?.inspection || mate?.fields?.inspection);
  const planned = input.conditions.matingCycles;
  const inspectionPair = `${inspectionPartNumber('socket', pinCount, series.catalog)} / ${inspectionPartNumber('header', pinCount, series.catalog)}`;
  if (planned !== undefined) {
    const limit = inspection ? l.inspectionCycles.value : l.lifeCycles.value;
    if (planned > limit) {
      const fix =
        inspection || planned > l.inspectionCycles.value
          ? `No ${series.name} part is rated for ${planned} cycles (inspection parts: ${l.inspectionCycles.value}); replace the connector periodically or use another interconnect for the fixture.`
          : `For a test fixture that mates ${planned} times use the inspection parts ${inspectionPair} (${thousands(l.inspectionCycles.value)} cycles; same dimensions and foot pattern; not for production).`;
      add('MATING_CYCLES', 'error', {
        message: `${planned} mating cycles planned; ${inspection ? 'inspection parts are' : 'the standard part is'} rated for ${limit}.`,
        source: inspection ? l.inspectionCycles.source : l.lifeCycles.source,
        fix,
      });
    }
  }
  if (inspection) {
    const which = [part, mate]
      .filter((c) => c?.fields?.inspection)
      .map((c) => c!.partNumber)
      .join(', ');
    const standard = [part, mate]
      .filter((c) => c?.fields?.inspection)
      .map((c) => {
        const standard = { pins: c!.fields!.pins, inspection: false, packaging: '8mm-pitch' } as const;
        return c!.fields!.role === 'socket'
          ? formatPartNumber({ ...standard, role: 'socket', matedHeightMm: null }, series)
          : `${formatPartNumber({ ...standard, role: 'header', matedHeightMm: 0.8 }, series)} / ${formatPartNumber({ ...standard, role: 'header', matedHeightMm: 1.0 }, series)}`;
      })
      .join(', ');
    const source = `${series.catalog.inspection.source} (“${series.catalog.inspection.features[3] ?? 'Please avoid using for applications other than inspection.'}”)`;
    if (input.conditions.use === 'production') {
      add('INSPECTION_PART_IN_PRODUCTION', 'error', {
        message: `${which} is an inspection part in a production design; the catalog says to avoid uses other than inspection, and its mating retention force cannot be warranted.`,
        source,
        fix: `Use the standard part ${standard} in production.`,
      });
    } else if (input.conditions.use === undefined) {
      add('INSPECTION_PART_USE_UNSTATED', 'warning', {
        message: `${which} is an inspection part; the design does not say it is an inspection fixture (conditions.use).`,
        source,
        fix: `Set conditions.use: inspection for a fixture, or use the standard part ${standard}.`,
      });
    }
  }
}
function checkEnvironment(input: PinMapInput, l: Limits, add: Add, series: Series): void {
  const c = input.conditions;
  if (c.ambientTemperatureC) {
    const { min, max } = c.ambientTemperatureC;
    const out: string[] = [];
    if (min < l.ambientMinC.value - EPS) out.push(`${min} °C is below ${l.ambientMinC.value} °C`);
    if (max > l.ambientMaxC.value + EPS) out.push(`${max} °C is above +${l.ambientMaxC.value} °C`);
    if (out.length)
      add('AMBIENT_TEMPERATURE', 'error', {
        message: `Ambient ${min} … ${max} °C: ${out.join('; ')} (rated ${l.ambientMinC.value} to +${l.ambientMaxC.value} °C, no icing, no condensation).`,
        source: l.ambientMinC.source,
      });
  }
  if (c.reflowPeakC !== undefined && c.reflowPeakC > l.reflowPeakC.value + EPS) {
    add('REFLOW_PEAK', 'error', {
      message: `Reflow peak ${c.reflowPeakC} °C > ${l.reflowPeakC.value} °C (on the board surface around the terminals).`,
      source: l.reflowPeakC.source,
    });
  }
  if (c.iron) {
    const { temperatureC: t, durationS: s } = c.iron;
    const i = l.iron;
    // Table A: up to lowC for at most lowMaxS, up to highC for at most highMaxS, never above highC.
    let problem: string | null = null;
    if (t > i.highC + EPS) problem = `${t} °C is above ${i.highC} °C, the highest tip temperature of Table A`;
    else if (t > i.lowC + EPS && s > i.highMaxS + EPS)
      problem = `${t} °C for ${s} s: above ${i.lowC} °C the limit is ${i.highMaxS} s (${i.highC} °C within ${i.highMaxS} s)`;
    else if (s > i.lowMaxS + EPS) problem = `${s} s per joint is longer than ${i.lowMaxS} s (${i.lowC} °C within ${i.lowMaxS} s)`;
    if (problem)
      add('IRON_TEMPERATURE', 'error', {
        message: `Soldering iron: ${problem}.`,
        source: i.source,
        fix: `Keep the tip at ≤ ${i.lowC} °C for ≤ ${i.lowMaxS} s, or ≤ ${i.highC} °C for ≤ ${i.highMaxS} s per joint; finish rework in one operation.`,
      });
  }
  if (c.condensation) {
    const warranty = rule('condensation-warranty', series);
    add('CONDENSATION', 'error', {
      message:
        'Condensation or icing is expected: the ratings exclude it ("No icing. No condensation.") and failures due to condensation are not covered by warranty.',
      source: `${l.ambientMinC.source}; ${warranty.source}`,
    });
  }
  const h = l.humidity;
  if ((c.humidityPercentRH !== undefined && c.humidityPercentRH > h.maxPercentRH + EPS) || (c.humidityHours !== undefined && c.humidityHours > h.hours + EPS)) {
    add('HUMIDITY', 'warning', {
      message: `Humidity ${c.humidityPercentRH ?? '?'} %RH${c.humidityHours !== undefined ? ` for ${c.humidityHours} h` : ''} goes beyond the humidity-resistance test (${h.maxPercentRH} %RH max, ${h.hours} h).`,
      source: h.source,
    });
  }
  if (c.h2s) {
    const given = typeof c.h2s === 'object' ? { level: c.h2s.ppm, hours: c.h2s.hours } : {};
    const test = { unit: 'ppm', what: '', level: l.h2s.ppm, tolerance: l.h2s.tolerancePpm, hours: l.h2s.hours };
    const beyond = exposureBeyondTest('H₂S', given, test);
    if (beyond) add('H2S_EXPOSURE', 'warning', { message: beyond, source: l.h2s.source });
  }
  if (c.salt) {
    const given = typeof c.salt === 'object' ? { level: c.salt.percent, hours: c.salt.hours } : {};
    const test = { unit: '%', what: 'salt spray of ', level: l.salt.percent, tolerance: l.salt.tolerancePercent, hours: l.salt.hours };
    const beyond = exposureBeyondTest('Salt', given, test);
    if (beyond) add('SALT_EXPOSURE', 'warning', { message: beyond, source: l.salt.source });
  }
}

/** The catalog's exposure test (H₂S, salt spray): the level with its tolerance, the duration, and how the message names them. */
interface ExposureTest {
  readonly unit: string;
  /** What the catalog tests, before the level ('' or "salt spray of "). */
  readonly what: string;
  readonly level: number;
  readonly tolerance: number;
  readonly hours: number;
}

/**
 * The message when an exposure goes beyond the catalog's test, else null: beyond when the level or
 * duration exceeds it, or is not given (the catalog cannot vouch for an unknown exposure).
 */
function exposureBeyondTest(name: string, { level, hours }: { level?: number | undefined; hours?: number | undefined }, test: ExposureTest): string | null {
  const beyond = level === undefined || hours === undefined || level > test.level + test.tolerance + EPS || hours > test.hours + EPS;
  if (!beyond) return null;
  return `${name} exposure${level !== undefined ? ` ${level} ${test.unit}` : ''}${hours !== undefined ? ` for ${hours} h` : ''}${level === undefined || hours === undefined ? ' (level or duration not given)' : ''}: the catalog tests ${test.what}${test.level} ± ${test.tolerance} ${test.unit} for ${test.hours} h only.`;
}

function checkBoards(input: PinMapInput, l: Limits, add: Add, series: Series): void {
  const byPair = new Map<string, { boards: [string, string]; refs: string[] }>();
  for (const c of input.connectors) {
    const boards = [...c.boards].sort() as [string, string];
    const key = boards.join('\u0000');
    const entry = byPair.get(key) ?? { boards, refs: [] };
    entry.refs.push(c.ref);
    byPair.set(key, entry);
  }
  for (const { boards, refs } of byPair.values()) {
    if (refs.length <= l.maxConnectorsPerBoardPair.value) continue;
    add('MULTIPLE_CONNECTORS_PER_BOARD_PAIR', 'error', {
      message: `${refs.join(', ')} all join ${boards[0]} and ${boards[1]}: a pair of boards shall not be connected with multiple connectors (misalignment may cause mating failure or breakage).`,
      source: l.maxConnectorsPerBoardPair.source,
      fix: `Join ${boards[0]} and ${boards[1]} with one connector of a larger pin count (up to ${series.catalog.series.pinsMax} pins).`,
    });
  }
}

/** The insertion and removal forces of the pin count (a note); finds them for the summary. */
export const matingForcesRule: PinMapRule = (r) =>
  collect((add) => {
    const inspection = Boolean(r.part?.fields?.inspection || r.mate?.fields?.inspection);
    const forces = matingForces(r.pinCount, { inspection }, r.series);
    r.found.forces = forces;
    add('MATING_FORCES', 'info', {
      message: inspection
        ? `${r.pinCount} pins: insertion force at most ${forces.insertionMaxN} N (${forces.formula}); no removal minimum: the mating retention force of inspection parts cannot be warranted.`
        : `${r.pinCount} pins: insertion force at most ${forces.insertionMaxN} N, removal force at least ${forces.removalMinN} N (${forces.formula}).`,
      source: inspection ? `${forces.source} (“Mating retention force cannot be warranted.”)` : forces.source,
    });
  });
/** Mating cycles, inspection parts in production. */
export const lifeRule: PinMapRule = (r) => collect((add) => checkLife(r.input, r.part, r.mate, r.pinCount, r.limits, add, r.series));
/** Temperature, humidity, gases, soldering heat. */
export const environmentRule: PinMapRule = (r) => collect((add) => checkEnvironment(r.input, r.limits, add, r.series));
/** One connector per pair of boards. */
export const boardsRule: PinMapRule = (r) => collect((add) => checkBoards(r.input, r.limits, add, r.series));
