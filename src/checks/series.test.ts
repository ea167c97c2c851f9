import { describe, expect, it } from 'vitest';
import { builtInSeries, createSeries, type Catalog, type Series } from '../catalog/index.js';
import { CHECK_CODES, checkBomText, checkPinMap, parsePinMapText, renderReport, type PinMapInput } from './index.js';
import { matedHeightCodes, productTypesSource } from './shared/index.js';

/**
 * The checks read the series they are given, not the built-in catalog: a made-up second edition
 * (every "AXE" of the data written "ZQX", the series named "Q9T", a lower current rating and a
 * larger largest part) changes the limits, the names and the part numbers of the findings and reports.
 * Part numbers are left out of the inputs: finding them in text is the partnumber module's matcher.
 */
function edition(): Series {
  const swap = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replaceAll('AXE', 'ZQX').replaceAll('A4S', 'Q9T');
    if (Array.isArray(value)) return value.map(swap);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v)]));
    return value;
  };
  const catalog = swap(structuredClone(builtInSeries.catalog)) as Catalog & { series: { name: string; pinsMax: number } };
  const current = catalog.characteristics.find((c) => c.id === 'rated-current')!.values.find((v) => v.name === 'perContactA')!;
  (current as { value: number }).value = 0.2;
  catalog.series.pinsMax = 100;
  return createSeries(catalog);
}
const q9t = edition();

const map = (pins: PinMapInput['pins'], extra: Partial<PinMapInput> = {}): PinMapInput => ({
  part: null,
  mate: null,
  pinCount: 10,
  pins,
  nets: {},
  conditions: {},
  connectors: [],
  irDropThresholdMv: null,
  ...extra,
});

describe('the checks take the series', () => {
  it('the edition is what the test means: its name, prefix, rating and largest part differ from the built-in one', () => {
    expect([q9t.name, q9t.grammar.prefix, q9t.catalog.series.pinsMax]).toEqual(['Q9T', 'ZQX', 100]);
    expect([builtInSeries.name, builtInSeries.grammar.prefix, builtInSeries.catalog.series.pinsMax]).toEqual(['A4S', 'AXE', 80]);
  });

  it('the current rating per contact is the series’: 0.25 A on a net of one contact passes at 0.3 A, overloads it at 0.2 A', () => {
    const input = map([
      { pin: 1, net: 'VBAT', currentA: 0.25, voltageV: 3.7, kind: 'power' },
      { pin: 2, net: 'GND', kind: 'ground' },
    ]);
    const codes = (s: Series) => checkPinMap(input, s).findings.map((f) => f.code);
    expect(codes(builtInSeries)).not.toContain('NET_SINGLE_PIN_OVERLOAD');
    expect(codes(q9t)).toContain('NET_SINGLE_PIN_OVERLOAD');
    const threshold = checkPinMap(input, q9t).summary.thresholds.find((t) => t.name === 'current per contact');
    expect(threshold?.value).toBe(0.2);
  });

  it('findings and reports name the series’ part numbers (inspection parts for a long life) and never the built-in ones', () => {
    const input = map([{ pin: 1, net: 'GND', kind: 'ground' }], { conditions: { matingCycles: 2_000 } });
    const report = checkPinMap(input, q9t);
    const cycles = report.findings.find((f) => f.code === 'MATING_CYCLES');
    expect(cycles?.fix).toContain('ZQX5E10');
    expect(cycles?.fix).toContain('ZQX6E10');
    expect(renderReport(report, 'text', q9t).split('\n')[0]).toContain('Q9T pin-map check');
    // Messages, sources and the fixes written by the rules (a code's default fix is the registry's
    // documentation text, with the built-in examples: codes.ts).
    const written = report.findings.flatMap((f) => [f.message, f.source, ...(f.fix === CHECK_CODES[f.code].fix ? [] : [f.fix])]);
    expect(written.join('\n')).not.toMatch(/AXE|A4S/);
    // The same map against the built-in series names its parts.
    expect(checkPinMap(input).findings.find((f) => f.code === 'MATING_CYCLES')?.fix).toContain('AXE5E10');
  });

  it('pin numbers are bounded by the series’ largest part, and the message names the series', () => {
    const yaml = 'pinCount: 10\npins:\n  90: GND\n';
    const builtIn = parsePinMapText(yaml, 'yaml');
    expect(builtIn.ok).toBe(false);
    if (!builtIn.ok) expect(builtIn.error.message).toContain('the largest A4S part');
    expect(parsePinMapText(yaml, 'yaml', {}, q9t).ok).toBe(true);
    const csv = parsePinMapText('pin,net\n101,GND\n', 'csv', {}, q9t);
    expect(csv.ok).toBe(false);
    if (!csv.ok) expect(csv.error.message).toBe('line 2, pin: 101 is out of range (1 … 100, the largest Q9T part).');
  });

  it('the BOM report is titled with the series', () => {
    const result = checkBomText('Ref,Value\nR1,10k\n', {}, q9t);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = renderReport(result.value, 'md', q9t);
    expect(text).toContain('# Q9T BOM check');
    expect(text).toContain('Lines naming Q9T parts');
    expect(renderReport(result.value, 'md')).toContain('# A4S BOM check');
  });

  it('citations are cut from the series’ data, the header codes written with its grammar', () => {
    expect(matedHeightCodes(q9t)).toBe('mated height 0.8 mm: ZQX6xx124; 1.0 mm: ZQX6xx224');
    expect(matedHeightCodes()).toBe('mated height 0.8 mm: AXE6xx124; 1.0 mm: AXE6xx224');
    expect(productTypesSource(q9t)).toBe(productTypesSource());
  });
});
