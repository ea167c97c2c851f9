import { describe, expect, it } from 'vitest';
import { checkPinMap, parseKicadNetlist, parsePinMapText, type CheckReport } from '../index.js';

/** Issue 8: a pin map means exactly what a YAML or JSON reader means by it. */
const read = (text: string, format: 'yaml' | 'json' | 'csv') => parsePinMapText(text, format);
function run(text: string, format: 'yaml' | 'json' | 'csv' = 'yaml'): CheckReport {
  const parsed = read(text, format);
  if (!parsed.ok) throw new Error(`fixture does not parse: ${parsed.error.code} ${parsed.error.message}`);
  return checkPinMap(parsed.value);
}
const err = (text: string, format: 'yaml' | 'json' | 'csv') => {
  const r = read(text, format);
  if (r.ok) throw new Error('expected an error');
  return r.error;
};

describe('YAML aliases are the aliased value', () => {
  it("`2: &gnd GND` … `39: *gnd`: pin 39 is GND, and VBUS on pin 2's partner makes the map not reversal-safe", () => {
    // 40 pins, rotated: 2 ↔ 39. VBUS on pin 39 would face … make VBUS on pin 2's diagonal: pin 39 is GND by alias.
    const pins = ['  1: VBUS', '  2: &gnd GND', ...Array.from({ length: 36 }, (_, i) => `  ${i + 3}: D${i + 3}`), '  39: *gnd', '  40: VBUS'];
    const text = ['part: AXE540127', 'pins:', ...pins, 'nets:', '  VBUS: "0.1 A, 5 V, power"'].join('\n');
    const parsed = read(text, 'yaml');
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.pins.find((p) => p.pin === 39)!.net).toBe('GND');
    const hazardous = text.replace('  1: VBUS', '  1: VBUS2').replace('  40: VBUS', '  40: *gnd').replace('VBUS: "0.1 A', 'VBUS2: "0.1 A');
    const r = run(hazardous);
    expect(r.summary.reversalSafe).toBe(false);
    expect(r.findings.find((f) => f.code === 'REVERSE_INSERTION_HAZARD')!.nets).toEqual(['VBUS2', 'GND']);
  });
});

describe('duplicate keys anywhere are an input error with line and key', () => {
  const cases: [string, string, 'yaml' | 'json', number, string][] = [
    ['two nets:', 'part: AXE510127\npins: { 1: V }\nnets: { V: "3 A, power" }\nnets: { V: "0.1 A, power" }\n', 'yaml', 4, 'nets'],
    ['two pins:', 'part: AXE510127\npins: { 1: V }\npins: { 2: V }\n', 'yaml', 3, 'pins'],
    ['two part:', 'part: AXE510127\npart: AXE540127\npins: { 1: V }\n', 'yaml', 2, 'part'],
    ['a pin twice', 'part: AXE510127\npins:\n  1: GND\n  2: V\n  1: SDA\n', 'yaml', 5, '1'],
    ['a net twice', 'part: AXE510127\npins: { 1: V }\nnets:\n  V: "3 A, power"\n  V: "0.1 A, power"\n', 'yaml', 5, 'V'],
    [
      'JSON: two nets',
      '{\n  "part": "AXE510127",\n  "pins": {"1": "V"},\n  "nets": {"V": "3 A, power"},\n  "nets": {"V": "0.1 A, power"}\n}',
      'json',
      5,
      'nets',
    ],
    ['JSON: a pin twice', '{"part": "AXE510127",\n "pins": {"1": "V",\n  "1": "GND"}}', 'json', 3, '1'],
    ['JSON: deep in conditions', '{"pins": {"1": "V"}, "conditions": {"iron": {"temperatureC": 300, "durationS": 3, "durationS": 9}}}', 'json', 1, 'durationS'],
  ];
  for (const [name, text, format, line, key] of cases) {
    it(name, () => {
      const e = err(text, format);
      expect(e.code).toBe('PINMAP_DUPLICATE_KEY');
      expect(e.line).toBe(line);
      expect(e.message).toContain(`"${key}"`);
    });
  }
});

describe("CSV: a net's totals given twice", () => {
  it('is a duplicate key with both lines, not the last row winning', () => {
    const e = err('pin,net,currentA\n1,V,\n2,V,\n,V,3\n,V,0.1\n', 'csv');
    expect(e.code).toBe('PINMAP_DUPLICATE_KEY');
    expect(e.line).toBe(5);
    expect(e.message).toMatch(/"V".*line 4/);
  });
});

describe('any net name works', () => {
  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    it(`${name} keeps its nets: entry in YAML, JSON and CSV`, () => {
      const yaml = run(`part: AXE510127\npins: { 1: ${name}, 10: ${name} }\nnets:\n  ${name}: "0.9 A, 3.3 V, power"\n`);
      const json = run(
        JSON.stringify({ part: 'AXE510127', pins: { 1: name, 10: name } }).replace(/}$/, `, "nets": {"${name}": "0.9 A, 3.3 V, power"}}`),
        'json',
      );
      const csv = parsePinMapText(`pin,net,currentA,voltageV,kind\n1,${name},,,\n10,${name},,,\n,${name},0.9,3.3,power\n`, 'csv', { part: 'AXE510127' });
      if (!csv.ok) throw new Error(csv.error.message);
      for (const r of [yaml, json, checkPinMap(csv.value)]) {
        const net = r.summary.nets.find((n) => n.net === name)!;
        expect(net.currentA).toBe(0.9);
        expect(net.kind).toBe('power');
        // 0.45 A per contact is over 0.3 A.
        expect(r.findings.find((f) => f.code === 'CURRENT_PER_CONTACT')!.nets).toEqual([name]);
      }
    });
  }
  it('a net named like an Object member but not in nets: gets nothing from the prototype', () => {
    const r = run('part: AXE510127\npins: { 1: constructor, 10: constructor }\n');
    expect(r.summary.nets.find((n) => n.net === 'constructor')!.currentA).toBeNull();
  });
});

describe('KiCad netlist pins outside 1 … pins', () => {
  const netlist = (pin: string) => `(export (version "E")
  (components (comp (ref "J1") (value "AXE510127")))
  (nets
    (net (code "1") (name "GND") (node (ref "J1") (pin "${pin}")))
    (net (code "2") (name "VBAT") (node (ref "J1") (pin "2")))))`;
  it('pin 0 is refused (PINMAP_RANGE)', () => {
    const r = parseKicadNetlist(netlist('0'), 'J1');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('PINMAP_RANGE');
  });
  it('pin 81 is refused (PINMAP_RANGE), pin 12 of a 10-pin part is a finding as in the other formats', () => {
    const r = parseKicadNetlist(netlist('81'), 'J1');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('PINMAP_RANGE');
    expect(parseKicadNetlist(netlist('12'), 'J1').ok).toBe(true);
  });
});

describe('a document of about 1 MB is refused quickly by size and by the work it would take', () => {
  const unit = '['.repeat(30) + ']'.repeat(30);
  const nested = (chars: number) => `{"pins": [${Array.from({ length: Math.ceil(chars / (unit.length + 1)) }, () => unit).join(',')}]}`;
  it('999 KB of nested arrays: PINMAP_TOO_LARGE in well under a second', () => {
    const text = nested(999_000);
    for (const format of ['json', 'yaml'] as const) {
      const t = performance.now();
      const e = err(text, format);
      expect(e.code).toBe('PINMAP_TOO_LARGE');
      expect(performance.now() - t).toBeLessThan(500);
    }
  });
  it('100 KB of nested arrays (under the size limit): refused by its item count, quickly', () => {
    const text = nested(100_000);
    const t = performance.now();
    expect(err(text, 'json').code).toBe('PINMAP_TOO_LARGE');
    expect(performance.now() - t).toBeLessThan(500);
    const flat = `{"pins": [${Array.from({ length: 30_000 }, () => '1').join(',')}]}`;
    expect(err(flat, 'yaml').code).toBe('PINMAP_TOO_LARGE');
  });
  it('a real 80-pin map with every field is far inside both limits', () => {
    const pins = Array.from(
      { length: 80 },
      (_, i) => `  - { pin: ${i + 1}, net: N${i % 7}, currentA: 0.01, voltageV: 3.3, kind: signal }   # comment ${'x'.repeat(40)}`,
    );
    const nets = Array.from({ length: 7 }, (_, i) => `  N${i}: { currentA: 0.1, voltageV: 3.3, kind: signal }`);
    expect(read(['part: AXE580127', 'pins:', ...pins, 'nets:', ...nets].join('\n'), 'yaml').ok).toBe(true);
  });
});
