import { describe, expect, it } from 'vitest';
import { checkPinMap, parsePinMapText, type CheckReport } from '../index.js';

/**
 * Issue 8: hazards the checks used to miss. Each case is a realistic pin map, the expected result
 * worked out by hand from the catalog (60 V rated, 0.3 A per contact, 5 A total, 90 mΩ max).
 */
function run(text: string, format: 'yaml' | 'json' | 'csv' = 'yaml'): CheckReport {
  const parsed = parsePinMapText(text, format);
  if (!parsed.ok) throw new Error(`fixture does not parse: ${parsed.error.code} ${parsed.error.message}`);
  return checkPinMap(parsed.value);
}
const codes = (r: CheckReport, severity?: string) => r.findings.filter((f) => !severity || f.severity === severity).map((f) => f.code);
const all = (r: CheckReport, code: string) => r.findings.filter((f) => f.code === code);

/** A clean 40-pin header map (reversal-safe, currents within ratings), with two nets swapped in where asked. */
function map40(over: Record<number, string> = {}, nets: string[] = [], conditions = ''): string {
  const pins: string[] = [];
  for (let p = 1; p <= 40; p++) {
    const net = over[p] ?? ([1, 2, 39, 40].includes(p) ? 'VBAT' : [3, 4, 37, 38].includes(p) ? 'GND' : `D${p}`);
    pins.push(`  ${p}: ${net}`);
  }
  return [
    'part: AXE640124',
    'pins:',
    ...pins,
    'nets:',
    '  VBAT: "0.4 A, 3.8 V, power"',
    ...nets.map((n) => `  ${n}`),
    ...(conditions ? ['conditions:', conditions] : []),
  ].join('\n');
}

describe('voltage between contacts (rated 60 V AC/DC)', () => {
  it('+35 V on contact 20 and −30 V on contact 22 (65 V apart) is an error naming both pins, nets and voltages', () => {
    const r = run(map40({ 20: 'P35', 22: 'N30' }, ['P35: "35 V, signal"', 'N30: "-30 V, signal"']));
    const f = all(r, 'VOLTAGE_BETWEEN_CONTACTS');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.pins).toEqual([20, 22]);
    expect(f[0]!.nets.sort()).toEqual(['N30', 'P35']);
    expect(f[0]!.message).toMatch(/P35.*35 V.*pin 20/);
    expect(f[0]!.message).toMatch(/N30.*-30 V.*pin 22/);
    expect(f[0]!.message).toMatch(/65 V/);
  });

  it('+20 V and −20 V (40 V apart) is no finding', () => {
    const r = run(map40({ 20: 'P20', 22: 'N20' }, ['P20: "20 V, signal"', 'N20: "-20 V, signal"']));
    expect(codes(r, 'error')).toEqual([]);
    expect(codes(r, 'warning')).toEqual([]);
  });

  it('any two contacts, not only neighbours: pins 5 and 30 at +40 V and −25 V', () => {
    const r = run(map40({ 5: 'A', 30: 'B' }, ['A: "40 V, signal"', 'B: "-25 V, signal"']));
    expect(all(r, 'VOLTAGE_BETWEEN_CONTACTS').map((f) => f.pins)).toEqual([[5, 30]]);
  });

  it('exactly 60 V apart is within the rating; a 61 V net against ground is an error too', () => {
    expect(codes(run(map40({ 20: 'A', 22: 'B' }, ['A: "30 V, signal"', 'B: "-30 V, signal"'])))).not.toContain('VOLTAGE_BETWEEN_CONTACTS');
    const r = run(map40({ 20: 'HV' }, ['HV: "61 V, power"'], '  reverseInsertionPrevented: "keyed stiffener"'));
    expect(all(r, 'VOLTAGE_BETWEEN_CONTACTS').map((f) => f.nets.sort())).toEqual([['GND', 'HV']]);
  });
});

describe('return currents over the ground pins', () => {
  const vbatGnd = (gnd: string) => {
    const pins: string[] = [];
    for (let p = 1; p <= 40; p++) pins.push(`  ${p}: ${[1, 2, 39, 40].includes(p) ? 'VBAT' : [3, 38].includes(p) ? 'GND' : `D${p}`}`);
    return ['part: AXE540127', 'pins:', ...pins, 'nets:', '  VBAT: "1.2 A, 4.2 V, power"', `  GND: ${gnd}`].join('\n');
  };

  it('VBAT 1.2 A on 4 pins, GND on 2 pins with no current: 0.6 A per GND contact is over 0.3 A', () => {
    const r = run(vbatGnd('{ kind: ground }'));
    const f = all(r, 'CURRENT_PER_CONTACT');
    expect(f.map((x) => x.nets)).toEqual([['GND']]);
    expect(f[0]!.message).toMatch(/0\.6 A per contact/);
    expect(f[0]!.message).toMatch(/assumed/i);
    expect(f[0]!.message).toMatch(/return/);
    const gnd = r.summary.nets.find((n) => n.net === 'GND')!;
    expect(gnd.currentA).toBeCloseTo(1.2, 9);
    expect(gnd.perContactA).toBeCloseTo(0.6, 9);
    expect(gnd.currentAssumed).toMatch(/assumed: GND carries the return of the supply currents \(VBAT 1\.2 A\)/);
    // IR drop counts it: 1.2 A × 90 mΩ / 2 = 54 mV > 50 mV.
    expect(gnd.irDropMv).toBeCloseTo(54, 6);
    expect(all(r, 'IR_DROP').map((x) => x.nets)).toContainEqual(['GND']);
    // Total: 1.2 A out + 1.2 A back.
    expect(r.summary.totalCurrentA).toBeCloseTo(2.4, 9);
  });

  it('a ground net given its own current keeps it', () => {
    const r = run(vbatGnd('"0.5 A, ground"'));
    expect(codes(r)).not.toContain('CURRENT_PER_CONTACT');
    expect(r.summary.nets.find((n) => n.net === 'GND')!.currentA).toBeCloseTo(0.5, 9);
    expect(r.summary.nets.find((n) => n.net === 'GND')!.currentAssumed).toBeUndefined();
  });

  it('the total counts the returns: 2.6 A of supplies come back, 5.2 A > 5 A', () => {
    const pins: string[] = [];
    for (let p = 1; p <= 40; p++) pins.push(`  ${p}: ${p <= 10 || p > 30 ? 'VBAT' : p <= 20 ? 'GND' : `D${p}`}`);
    const r = run(['part: AXE540127', 'pins:', ...pins, 'nets:', '  VBAT: "2.6 A, 4.2 V, power"'].join('\n'));
    expect(codes(r, 'error')).toContain('CURRENT_TOTAL');
    expect(r.summary.totalCurrentA).toBeCloseTo(5.2, 9);
  });
});

describe('reverse insertion prevented by the assembly', () => {
  const hazardous = (conditions = '') => {
    const pins: string[] = [];
    // 40 pins: LEDA (20 V supply) on pin 1 faces pin 40, LCD_ID (1.8 V signal), when rotated.
    for (let p = 1; p <= 40; p++) pins.push(`  ${p}: ${p === 1 ? 'LEDA' : p === 40 ? 'LCD_ID' : [2, 39].includes(p) ? 'GND' : `D${p}`}`);
    return [
      'part: AXE540127',
      'pins:',
      ...pins,
      'nets:',
      '  LEDA: "0.02 A, 20 V, power"',
      '  LCD_ID: "1.8 V, signal"',
      ...(conditions ? ['conditions:', conditions] : []),
    ].join('\n');
  };

  it('the hazard message gives both voltages and kinds', () => {
    const f = all(run(hazardous()), 'REVERSE_INSERTION_HAZARD');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toMatch(/LEDA, a 20 V supply, lands on LCD_ID, a 1\.8 V signal/);
  });

  it('conditions.reverseInsertionPrevented turns the hazard into a note citing the text', () => {
    const r = run(hazardous('  reverseInsertionPrevented: "keyed stiffener on the FPC, see drawing 12-034"'));
    const f = all(r, 'REVERSE_INSERTION_HAZARD');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('info');
    expect(f[0]!.message).toMatch(/keyed stiffener on the FPC, see drawing 12-034/);
    expect(r.summary.errors).toBe(0);
  });

  it('an empty text is refused', () => {
    const parsed = parsePinMapText(hazardous('  reverseInsertionPrevented: ""'), 'yaml');
    expect(parsed.ok).toBe(false);
  });
});

describe('noise', () => {
  it('a realistic 40-pin map far under the IR-drop threshold gives no per-net IR_DROP note; the rule text is said once', () => {
    const pins: string[] = [];
    for (let p = 1; p <= 40; p++)
      pins.push(
        `  ${p}: ${[1, 2].includes(p) ? 'VBAT' : [39, 40].includes(p) ? 'VBAT' : [3, 38].includes(p) ? '+3V3' : [4, 37].includes(p) ? '+1V8' : [5, 6, 35, 36].includes(p) ? 'GND' : `D${p}`}`,
      );
    const r = run(
      [
        'part: AXE540127',
        'pins:',
        ...pins,
        'nets:',
        '  VBAT: "0.2 A, 3.8 V, power"',
        '  +3V3: "0.05 A, 3.3 V, power"',
        '  +1V8: "0.02 A, 1.8 V, power"',
        '  GND: { currentA: 0.27, kind: ground }',
      ].join('\n'),
    );
    const ir = all(r, 'IR_DROP');
    expect(ir.length).toBeLessThanOrEqual(1);
    for (const f of ir) expect(f.nets.length === 0 || f.nets.length > 1).toBe(true);
    // The figures stay in the nets table.
    expect(r.summary.nets.find((n) => n.net === 'VBAT')!.irDropMv).toBeCloseTo(4.5, 6);
    const sources = r.findings.map((f) => f.source);
    expect(sources.filter((s) => /50 mV is 1\.5 %/.test(s))).toHaveLength(1);
  });
});
