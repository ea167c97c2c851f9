import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../errors.js';
import { checkPinMap, inferKind, parsePinMapText, pinMapJsonSchema, PIN_MAP_FINDING_CODE_LIST, type CheckReport, type PinMapInput } from '../index.js';

/**
 * Each pin map below is written from one rule of the catalog (quoted in `rule`), with the numbers
 * worked out by hand from the catalog text, not from the code.
 */
function run(yaml: string): CheckReport {
  const parsed = parsePinMapText(yaml, 'yaml');
  if (!parsed.ok) throw new Error(`fixture does not parse: ${parsed.error.code} ${parsed.error.message}`);
  return checkPinMap(parsed.value);
}

const codes = (r: CheckReport, severity?: string) => r.findings.filter((f) => !severity || f.severity === severity).map((f) => f.code);
const finding = (r: CheckReport, code: string) => {
  const f = r.findings.find((x) => x.code === code);
  if (!f) throw new Error(`no ${code} in ${codes(r).join(', ')}`);
  return f;
};

/** 40 pins, supplies at both ends so that the 180° rotation (p → 41 − p) maps VBAT on VBAT and GND on GND. */
function symmetric40(extra: { vbatA?: number; gndA?: number; conditions?: string; tail?: string } = {}): string {
  const pins: string[] = [];
  for (let p = 1; p <= 40; p++) {
    const net = [1, 2, 39, 40].includes(p) ? 'VBAT' : [3, 4, 37, 38].includes(p) ? 'GND' : `D${p}`;
    pins.push(`  ${p}: ${net}`);
  }
  return [
    'part: AXE540127',
    'mate: AXE640124',
    'pins:',
    ...pins,
    'nets:',
    `  VBAT: "${extra.vbatA ?? 1.0} A, 3.8 V, power"`,
    `  GND: { currentA: ${extra.gndA ?? 1.0}, kind: ground }`,
    'conditions:',
    extra.conditions ??
      '  use: production\n  ambientTemperatureC: { min: -20, max: 70 }\n  matingCycles: 10\n  reflowPeakC: 250\n  iron: { temperatureC: 300, durationS: 3 }\n  humidityPercentRH: 60',
    'connectors:',
    '  - { ref: J1, boards: [main, display] }',
    '  - { ref: J2, boards: [main, camera] }',
    extra.tail ?? '',
  ].join('\n');
}

describe('a clean pin map', () => {
  it('trips no error and no warning, is reversal-safe, and reports forces and IR drop', () => {
    const r = run(symmetric40());
    expect(codes(r, 'error')).toEqual([]);
    expect(codes(r, 'warning')).toEqual([]);
    expect(r.summary.reversalSafe).toBe(true);
    expect(codes(r)).toContain('REVERSAL_SAFE');
    // 1.0 A over 4 pins: 90 mΩ / 4 = 22.5 mΩ → 22.5 mV, 1.0² × 22.5 mΩ = 22.5 mW.
    const vbat = r.summary.nets.find((n) => n.net === 'VBAT')!;
    expect(vbat.irDropMv).toBeCloseTo(22.5, 6);
    expect(vbat.dissipationMw).toBeCloseTo(22.5, 6);
    expect(vbat.perContactA).toBeCloseTo(0.25, 9);
    // Mechanical characteristics: 1.200 N × 40 = 48 N, 0.165 N × 40 = 6.6 N.
    expect(r.summary.insertionForceMaxN).toBeCloseTo(48, 9);
    expect(r.summary.removalForceMinN).toBeCloseTo(6.6, 9);
    expect(finding(r, 'MATING_FORCES').message).toMatch(/48 N.*6\.6 N/);
    expect(r.summary.totalCurrentA).toBeCloseTo(2.0, 9);
  });
});

describe('findings, one rule each', () => {
  it('CURRENT_PER_CONTACT — "0.3 A/pin contact": 1.2 A over 3 pins is 0.4 A each; it needs 4 pins', () => {
    const yaml =
      'part: AXE510127\npins: { 1: VBAT, 2: VBAT, 9: VBAT, 10: VBAT, 3: GND, 4: GND, 7: GND, 8: GND, 5: NC, 6: NC }\nnets: { VBAT: "1.2 A, 4 V, power" }';
    expect(codes(run(yaml), 'error')).toEqual([]); // 1.2 A over 4 pins is exactly 0.3 A: allowed
    const r = run(
      'part: AXE510127\npins: { 1: VBAT, 2: VBAT, 10: VBAT, 9: NC, 3: GND, 4: GND, 7: GND, 8: GND, 5: NC, 6: NC }\nnets: { VBAT: "1.2 A, 4 V, power" }',
    );
    const f = finding(r, 'CURRENT_PER_CONTACT');
    expect(f.severity).toBe('error');
    expect(f.pins).toEqual([1, 2, 10]);
    expect(f.nets).toEqual(['VBAT']);
    expect(f.message).toMatch(/0\.4 A per contact/);
    expect(f.message).toMatch(/needs 4 pins \(1 more\)/);
    expect(f.source).toMatch(/Rated current/);
  });

  it('CURRENT_PER_CONTACT — a per-pin current above 0.3 A, even when the net total would be fine shared', () => {
    const r = run('part: AXE510127\npins:\n  - { pin: 1, net: LED, currentA: 0.35, kind: power }\n  - { pin: 10, net: LED, currentA: 0.05, kind: power }');
    expect(finding(r, 'CURRENT_PER_CONTACT').pins).toEqual([1]);
  });

  it('NET_SINGLE_PIN_OVERLOAD — one pin for 0.5 A; it needs 2', () => {
    const r = run('part: AXE510127\npins: { 5: VMOT }\nnets: { VMOT: "500 mA, 5 V, power" }');
    const f = finding(r, 'NET_SINGLE_PIN_OVERLOAD');
    expect(f.pins).toEqual([5]);
    expect(f.fix).toMatch(/2 pins \(1 more\)/);
  });

  it('CURRENT_TOTAL — "Max. 5 A at total pin contacts": 2.7 A out and 2.7 A back is 5.4 A', () => {
    const r = run(
      symmetric40({ vbatA: 2.7, gndA: 2.7 }).replace(/  (5|6|7|8|9|10|31|32|33|34|35|36): D\d+/g, (_m, p) => `  ${p}: ${Number(p) <= 10 ? 'VBAT' : 'GND'}`),
    );
    const f = finding(r, 'CURRENT_TOTAL');
    expect(f.severity).toBe('error');
    expect(f.message).toMatch(/5\.4 A in total/);
  });

  it('VOLTAGE_OVER_RATED — "60 V AC/DC": 72 V is over, −60 V is not', () => {
    expect(finding(run('part: AXE510127\npins: { 5: HV }\nnets: { HV: "72 V, signal" }'), 'VOLTAGE_OVER_RATED').nets).toEqual(['HV']);
    expect(codes(run('part: AXE510127\npins: { 5: NEG }\nnets: { NEG: "-60 V, signal" }'))).not.toContain('VOLTAGE_OVER_RATED');
  });

  it('VOLTAGE_BETWEEN_CONTACTS — "60 V AC/DC" between contacts: +48 V and −48 V (96 V) is an error, neighbours or not', () => {
    const r = run('part: AXE510127\npins: { 5: P48, 7: N48, 6: N48B }\nnets: { P48: "48 V, signal", N48: "-48 V, signal", N48B: "-48 V, signal" }');
    const found = r.findings.filter((f) => f.code === 'VOLTAGE_BETWEEN_CONTACTS');
    expect(found.map((f) => f.pins.join('-')).sort()).toEqual(['5-6', '5-7']);
    expect(found.every((f) => f.severity === 'error')).toBe(true);
    const far = run('part: AXE510127\npins: { 1: P48, 9: N48 }\nnets: { P48: "48 V, signal", N48: "-48 V, signal" }');
    expect(finding(far, 'VOLTAGE_BETWEEN_CONTACTS').pins).toEqual([1, 9]);
  });

  it('IR_DROP — 90 mΩ max: 0.6 A over 2 pins is 27 mV; above a 20 mV threshold it warns', () => {
    const yaml = 'part: AXE510127\npins: { 1: VDD, 10: VDD }\nnets: { VDD: "0.6 A, 1.8 V, power" }';
    const info = run(yaml).findings.find((f) => f.code === 'IR_DROP' && f.nets[0] === 'VDD')!;
    expect(info.severity).toBe('info'); // 27 mV: past half the 50 mV threshold, a note
    expect(info.message).toMatch(/27 mV drop, 16\.2 mW/);
    const warn = run(`${yaml}\nirDropThresholdMv: 20`).findings.find((f) => f.code === 'IR_DROP' && f.nets[0] === 'VDD')!;
    expect(warn.severity).toBe('warning');
    expect(warn.fix).toMatch(/3 pins/); // 0.6 A × 90 mΩ / n ≤ 20 mV → n ≥ 2.7
  });

  it('IR_DROP — every power net is reported, even without a current', () => {
    const r = run('part: AXE510127\npins: { 1: +3V3, 10: +3V3 }');
    expect(finding(r, 'IR_DROP').message).toMatch(/no current given/);
  });

  it('REVERSE_INSERTION_HAZARD — symmetric parts: rotated 180°, pin 1 lands on pin 10 of a 10-pin part', () => {
    const r = run('part: AXE510127\npins: { 1: VBAT, 10: GND, 2: +1V8, 9: SDA, 3: +5V, 8: +3V3 }');
    const hazards = r.findings.filter((f) => f.code === 'REVERSE_INSERTION_HAZARD');
    expect(hazards.map((h) => h.nets)).toEqual(
      expect.arrayContaining([
        ['VBAT', 'GND'],
        ['+1V8', 'SDA'],
        ['+3V3', '+5V'],
      ]),
    );
    expect(hazards.find((h) => h.nets[0] === 'VBAT')!.pins).toEqual([1, 10]);
    expect(r.summary.reversalSafe).toBe(false);
    expect(codes(r)).not.toContain('REVERSAL_SAFE');
  });

  it('REVERSE_INSERTION_HAZARD — two supplies on one diagonal pair (4 ↔ 7) are one hazard, reported once with both pins', () => {
    const r = run('part: AXE510127\npins: { 4: +5V, 7: +3V3, 1: GND, 10: GND }');
    const hazards = r.findings.filter((f) => f.code === 'REVERSE_INSERTION_HAZARD');
    expect(hazards).toHaveLength(1);
    expect(hazards[0]!.pins).toEqual([4, 7]);
    expect([...hazards[0]!.nets].sort()).toEqual(['+3V3', '+5V']);
  });

  it('CURRENT_PER_CONTACT and IR_DROP ask for the same number of pins: the larger requirement, with the reason', () => {
    // 3 A: the 0.3 A rating needs 10 pins; a 50 mV drop needs 3 × 90 / 50 = 5.4 → 6 pins. The rating wins.
    const yaml = 'part: AXE540127\npins: { 1: V5, 40: V5 }\nnets: { V5: "3 A, 5 V, power" }';
    const r = run(yaml);
    expect(finding(r, 'CURRENT_PER_CONTACT').fix).toMatch(/Assign V5 to 10 pins/);
    const ir = finding(r, 'IR_DROP');
    expect(ir.severity).toBe('warning');
    expect(ir.fix).toMatch(/Assign V5 to 10 pins/);
    expect(ir.fix).toMatch(/6 .*50 mV/);
    expect(ir.fix).toMatch(/0\.3 A/);
    // A 10 mV threshold: 3 × 90 / 10 = 27 pins, more than the rating's 10. The drop wins, in both fixes.
    const tight = run(`${yaml}\nirDropThresholdMv: 10`);
    expect(finding(tight, 'CURRENT_PER_CONTACT').fix).toMatch(/Assign V5 to 27 pins/);
    expect(finding(tight, 'CURRENT_PER_CONTACT').fix).toMatch(/10 mV/);
    expect(finding(tight, 'IR_DROP').fix).toMatch(/Assign V5 to 27 pins/);
  });

  it('NET_CURRENT_MISMATCH — per-pin currents 3 × 0.25 A contradict the net total 0.3 A; the larger, 0.75 A, is checked', () => {
    const r = run(
      'part: AXE510127\npins:\n  - { pin: 1, net: V, currentA: 0.25 }\n  - { pin: 2, net: V, currentA: 0.25 }\n  - { pin: 3, net: V, currentA: 0.25 }\nnets: { V: "0.3 A, power" }',
    );
    const f = finding(r, 'NET_CURRENT_MISMATCH');
    expect(f.severity).toBe('warning');
    expect(f.nets).toEqual(['V']);
    expect(f.pins).toEqual([1, 2, 3]);
    expect(f.message).toMatch(/0\.75 A/);
    expect(f.message).toMatch(/0\.3 A/);
    expect(r.summary.nets.find((n) => n.net === 'V')!.currentA).toBeCloseTo(0.75, 9);
    expect(r.summary.totalCurrentA).toBeCloseTo(0.75, 9);
  });

  it('NET_CURRENT_MISMATCH — a net total above its per-pin currents: the stated split is scaled up to the total', () => {
    // 0.1 A + 0.1 A stated, the net carries 0.8 A: 0.4 A per pin, over the 0.3 A rating.
    const r = run('part: AXE510127\npins:\n  - { pin: 1, net: V, currentA: 0.1 }\n  - { pin: 10, net: V, currentA: 0.1 }\nnets: { V: "0.8 A, power" }');
    expect(codes(r)).toContain('NET_CURRENT_MISMATCH');
    expect(finding(r, 'CURRENT_PER_CONTACT').pins).toEqual([1, 10]);
    expect(r.summary.nets.find((n) => n.net === 'V')!.perContactA).toBeCloseTo(0.4, 9);
  });

  it('per-pin currents on some pins within the net total agree with it: the other pins share the rest', () => {
    const r = run('part: AXE510127\npins:\n  - { pin: 1, net: V, currentA: 0.1 }\n  - { pin: 10, net: V }\nnets: { V: "0.3 A, power" }');
    expect(codes(r)).not.toContain('NET_CURRENT_MISMATCH');
    expect(r.summary.nets.find((n) => n.net === 'V')!.perContactA).toBeCloseTo(0.2, 9);
  });

  it('MATING_FORCES — inspection parts: the insertion maximum only, as "mating retention force cannot be warranted"', () => {
    const f = finding(run('part: AXE5E4026\npins: { 1: A }\nconditions: { use: inspection }'), 'MATING_FORCES');
    expect(f.message).toMatch(/insertion force at most 48 N/); // 1.200 N × 40
    expect(f.message).toMatch(/no removal minimum/);
    expect(f.message).toMatch(/cannot be warranted/);
    expect(f.message).not.toMatch(/removal ≥|at least not|0\.165/);
  });

  it('PIN_UNASSIGNED, PIN_DUPLICATED, PIN_BEYOND_COUNT', () => {
    // A pin twice in a list (in a map it is a duplicate key: an input error, see reading.test.ts).
    const r = run(
      'part: AXE510127\npins:\n  - { pin: 1, net: GND }\n  - { pin: 1, net: SDA }\n  - { pin: 2, net: SCL }\n  - { pin: 12, net: X }\n  - { pin: 3, net: NC }',
    );
    expect(finding(r, 'PIN_UNASSIGNED').pins).toEqual([4, 5, 6, 7, 8, 9, 10]);
    const dup = finding(r, 'PIN_DUPLICATED');
    expect(dup.pins).toEqual([1]);
    expect(dup.message).toMatch(/line 3.*line 4/);
    const beyond = finding(r, 'PIN_BEYOND_COUNT');
    expect(beyond.pins).toEqual([12]);
    expect(beyond.message).toMatch(/line 6/);
  });

  it('MATING_CYCLES — "Insertion and removal life 30 times": 31 is over; suggests the 3,000-cycle inspection parts', () => {
    const r = run('part: AXE540127\npins: { 1: A }\nconditions: { matingCycles: 31 }');
    const f = finding(r, 'MATING_CYCLES');
    expect(f.fix).toMatch(/AXE5E4026 \/ AXE6E4026/);
    expect(f.fix).toMatch(/3,000 cycles/);
    expect(codes(run('part: AXE540127\npins: { 1: A }\nconditions: { matingCycles: 30 }'))).not.toContain('MATING_CYCLES');
    expect(codes(run('part: AXE5E4026\npins: { 1: A }\nconditions: { matingCycles: 3000, use: inspection }'))).not.toContain('MATING_CYCLES');
    expect(codes(run('part: AXE5E4026\npins: { 1: A }\nconditions: { matingCycles: 3001, use: inspection }'))).toContain('MATING_CYCLES');
  });

  it('INSPECTION_PART_IN_PRODUCTION — "Please avoid using for applications other than inspection"', () => {
    expect(finding(run('part: AXE5E4026\npins: { 1: A }\nconditions: { use: production }'), 'INSPECTION_PART_IN_PRODUCTION').severity).toBe('error');
    expect(finding(run('part: AXE5E4026\npins: { 1: A }'), 'INSPECTION_PART_USE_UNSTATED').severity).toBe('warning');
    const fixture = run('part: AXE5E4026\npins: { 1: A }\nconditions: { use: inspection }');
    expect(codes(fixture)).not.toContain('INSPECTION_PART_IN_PRODUCTION');
    expect(fixture.summary.removalForceMinN).toBeNull(); // "Mating retention force cannot be warranted."
  });

  it('AMBIENT_TEMPERATURE — −55 to +85 °C', () => {
    expect(finding(run('part: AXE510127\npins: { 1: A }\nconditions: { ambientTemperatureC: { min: -60, max: 20 } }'), 'AMBIENT_TEMPERATURE').message).toMatch(
      /-60 °C is below -55/,
    );
    expect(finding(run('part: AXE510127\npins: { 1: A }\nconditions: { ambientTemperatureC: { min: 0, max: 90 } }'), 'AMBIENT_TEMPERATURE').message).toMatch(
      /90 °C is above \+85/,
    );
    expect(codes(run('part: AXE510127\npins: { 1: A }\nconditions: { ambientTemperatureC: { min: -55, max: 85 } }'))).not.toContain('AMBIENT_TEMPERATURE');
  });

  it('REFLOW_PEAK — "Peak temperature: 260 °C or less"', () => {
    expect(codes(run('part: AXE510127\npins: { 1: A }\nconditions: { reflowPeakC: 265 }'))).toContain('REFLOW_PEAK');
    expect(codes(run('part: AXE510127\npins: { 1: A }\nconditions: { reflowPeakC: 260 }'))).not.toContain('REFLOW_PEAK');
  });

  it('IRON_TEMPERATURE — "300 °C within 5 sec. 350 °C within 3 sec."', () => {
    const iron = (t: number, s: number) => codes(run(`part: AXE510127\npins: { 1: A }\nconditions: { iron: { temperatureC: ${t}, durationS: ${s} } }`));
    expect(iron(300, 5)).not.toContain('IRON_TEMPERATURE');
    expect(iron(350, 3)).not.toContain('IRON_TEMPERATURE');
    expect(iron(300, 6)).toContain('IRON_TEMPERATURE');
    expect(iron(320, 4)).toContain('IRON_TEMPERATURE');
    expect(iron(360, 1)).toContain('IRON_TEMPERATURE');
  });

  it('MULTIPLE_CONNECTORS_PER_BOARD_PAIR — "a pair of board shall NOT be connected with multiple connectors"', () => {
    const r = run(
      'part: AXE510127\npins: { 1: A }\nconnectors:\n  - { ref: J1, boards: [main, lcd] }\n  - { ref: J5, boards: [lcd, main] }\n  - { ref: J2, boards: [main, cam] }',
    );
    const f = finding(r, 'MULTIPLE_CONNECTORS_PER_BOARD_PAIR');
    expect(f.message).toMatch(/J1, J5/);
    expect(f.message).not.toMatch(/J2/);
  });

  it('CONDENSATION, HUMIDITY, H2S_EXPOSURE, SALT_EXPOSURE — beyond the environmental tests', () => {
    const r = run('part: AXE510127\npins: { 1: A }\nconditions: { condensation: true, humidityPercentRH: 98, h2s: { ppm: 10, hours: 48 }, salt: true }');
    expect(codes(r)).toEqual(expect.arrayContaining(['CONDENSATION', 'HUMIDITY', 'H2S_EXPOSURE', 'SALT_EXPOSURE']));
    const within = run('part: AXE510127\npins: { 1: A }\nconditions: { humidityPercentRH: 95, h2s: { ppm: 4, hours: 48 }, salt: { percent: 5, hours: 24 } }');
    expect(codes(within)).not.toEqual(expect.arrayContaining(['HUMIDITY']));
    expect(codes(within)).not.toContain('H2S_EXPOSURE');
    expect(codes(within)).not.toContain('SALT_EXPOSURE');
  });

  it('MATE_MISMATCH and PART_NONSTANDARD', () => {
    expect(codes(run('part: AXE540127\nmate: AXE630124\npins: { 1: A }'))).toContain('MATE_MISMATCH');
    expect(codes(run('part: AXE540127\nmate: AXE540127D\npins: { 1: A }'))).toContain('MATE_MISMATCH');
    expect(codes(run('part: AXE526127\npins: { 1: A }'))).toContain('PART_NONSTANDARD');
    expect(codes(run('pins: { 1: A, 22: B }'))).toContain('PART_UNSTATED');
    expect(run('pins: { 1: A, 22: B }').summary.pinCount).toBe(24);
  });

  it('the suite trips every pin-map finding code of the registry', () => {
    // Guard: a new code must come with a fixture (listed here once it has one).
    const tested = [
      'PART_NONSTANDARD',
      'PART_OLD_NUMBER',
      'PART_UNSTATED',
      'MATE_MISMATCH',
      'CURRENT_PER_CONTACT',
      'NET_CURRENT_MISMATCH',
      'NET_SINGLE_PIN_OVERLOAD',
      'CURRENT_TOTAL',
      'VOLTAGE_OVER_RATED',
      'VOLTAGE_BETWEEN_CONTACTS',
      'IR_DROP',
      'REVERSE_INSERTION_HAZARD',
      'REVERSAL_SAFE',
      'PIN_UNASSIGNED',
      'PIN_DUPLICATED',
      'PIN_BEYOND_COUNT',
      'PIN_SOLDERING_TERMINALS',
      'MATING_CYCLES',
      'INSPECTION_PART_IN_PRODUCTION',
      'INSPECTION_PART_USE_UNSTATED',
      'MATING_FORCES',
      'AMBIENT_TEMPERATURE',
      'REFLOW_PEAK',
      'IRON_TEMPERATURE',
      'CONDENSATION',
      'HUMIDITY',
      'H2S_EXPOSURE',
      'SALT_EXPOSURE',
      'MULTIPLE_CONNECTORS_PER_BOARD_PAIR', // the two-board check: mating.test.ts
      'MATED_NET_CONFLICT',
      'MATED_PIN_OPEN',
      'MATED_NET_RENAMED',
      'MATED_PINOUT_SWAPPED',
      'MATED_NET_CROSSED', // evidence.test.ts
      'NET_KIND_UNKNOWN',
      'NEIGHBOUR_VOLTAGE',
      'DIFF_PAIR_SPLIT',
      'NET_VALUES_MISSING', // missing-values.test.ts
    ];
    expect([...PIN_MAP_FINDING_CODE_LIST].sort()).toEqual([...tested].sort());
  });
});

describe('contract', () => {
  it('findings have the JSON contract shape, worst first, with a catalog source and a fix', () => {
    const r = run('part: AXE510127\npins: { 1: VBAT, 10: GND }\nnets: { VBAT: "0.5 A, 4 V" }\nconditions: { reflowPeakC: 270 }');
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['part', 'findings']));
    const rank = { error: 0, warning: 1, info: 2 } as const;
    for (let i = 1; i < r.findings.length; i++) expect(rank[r.findings[i]!.severity]).toBeGreaterThanOrEqual(rank[r.findings[i - 1]!.severity]);
    for (const f of r.findings) {
      expect(Object.keys(f).sort()).toEqual(['code', 'fix', 'message', 'nets', 'pins', 'severity', 'source']);
      expect(f.source.length).toBeGreaterThan(3);
      expect(f.fix.length).toBeGreaterThan(3);
      expect(ERROR_CODES).toHaveProperty(f.code);
    }
  });

  it('checkPinMap never throws on odd but typed input', () => {
    const input: PinMapInput = {
      part: null,
      mate: null,
      pinCount: null,
      pins: [],
      nets: { X: { currentA: 9 } },
      conditions: {},
      connectors: [],
      irDropThresholdMv: null,
    };
    expect(() => checkPinMap(input)).not.toThrow();
  });

  it('publishes a JSON Schema of the document', () => {
    expect(pinMapJsonSchema).toHaveProperty('type', 'object');
    expect(Object.keys((pinMapJsonSchema as { properties: object }).properties)).toEqual(
      expect.arrayContaining(['part', 'pins', 'nets', 'conditions', 'connectors']),
    );
  });
});

describe('kinds inferred from net names', () => {
  it('rails are power, ground names ground; control and status lines named after a rail are signals', () => {
    for (const rail of ['VBAT', '+3V3', '3V3_L0', 'VCC_SW', 'PWR', 'VDDIO_1V8', '/+5V']) expect(inferKind(rail), rail).toBe('power');
    for (const gnd of ['GND', 'AGND', 'VSS']) expect(inferKind(gnd), gnd).toBe('ground');
    for (const sig of ['PWR_BTN', 'PWR_EN', 'VBUS_DET', 'VIN_SENSE', 'PGOOD', 'VCC_PG', 'SDA', 'LCD_RESET']) expect(inferKind(sig), sig).toBe('signal');
  });
});

describe('pins numbered after the contacts', () => {
  const map = (extra: string) =>
    `part: AXE612124D\npins:\n  1: 3V3\n  2: GND\n  3: SDA\n  4: SCL\n  5: GND\n  6: NC\n  7: NC\n  8: GND\n  9: NC\n  10: NC\n  11: NC\n  12: 3V3\n${extra}`;
  const codesOf = (text: string) => {
    const parsed = parsePinMapText(text, 'yaml');
    if (!parsed.ok) throw new Error(parsed.error.message);
    return checkPinMap(parsed.value).findings.map((f) => f.code);
  };
  it('13-16 on one net of a 12-pin part are the soldering terminals (a note), not contacts beyond the count', () => {
    const codes = codesOf(map('  13: GND\n  14: GND\n  15: GND\n  16: GND\n'));
    expect(codes).toContain('PIN_SOLDERING_TERMINALS');
    expect(codes).not.toContain('PIN_BEYOND_COUNT');
  });
  it('a gap, more than four, or two nets stay PIN_BEYOND_COUNT errors', () => {
    expect(codesOf(map('  14: GND\n'))).toContain('PIN_BEYOND_COUNT');
    expect(codesOf(map('  13: GND\n  14: GND\n  15: GND\n  16: GND\n  17: GND\n'))).toContain('PIN_BEYOND_COUNT');
    expect(codesOf(map('  13: GND\n  14: VBAT\n'))).toContain('PIN_BEYOND_COUNT');
  });
});

describe('an old socket number (AXE5nn124, 2013-03 catalog) in the pin map', () => {
  const map = (part: string) => `part: ${part}\npins:\n  - { pin: 1, net: GND }\n  - { pin: 2, net: GND }\n`;
  it("is checked as today's part with a PART_OLD_NUMBER warning; today's number gives none", () => {
    const old = run(map('AXE534124'));
    expect(old.findings.find((f) => f.code === 'PART_OLD_NUMBER')).toMatchObject({ severity: 'warning' });
    expect(old.findings.find((f) => f.code === 'PART_OLD_NUMBER')!.message).toContain('renamed: today AXE534127');
    expect(codes(old)).not.toContain('PART_NONSTANDARD');
    const current = run(map('AXE534127'));
    expect(codes(current)).not.toContain('PART_OLD_NUMBER');
    // Apart from the renaming, the same findings.
    expect(codes(old).filter((c) => c !== 'PART_OLD_NUMBER')).toEqual(codes(current));
  });
});
