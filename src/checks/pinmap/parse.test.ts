import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecords, parseNetShorthand, parsePinMapText } from '../index.js';

const err = (text: string, format: 'yaml' | 'json' | 'csv', part?: string) => {
  const r = parsePinMapText(text, format, part ? { part } : {});
  if (r.ok) throw new Error('expected an error');
  return r.error;
};

describe('parsePinMapText: malformed input gives a code, a line and a field', () => {
  it('malformed YAML', () => {
    const e = err('part: AXE540127\npins:\n  1: GND\n  2: [VBAT\n', 'yaml');
    expect(e.code).toBe('PINMAP_SYNTAX');
    expect(e.line).toBeGreaterThanOrEqual(4);
  });
  it('malformed JSON', () => {
    const e = err('{\n  "part": "AXE540127",\n  "pins": {"1": "GND",}\n}', 'json');
    expect(e.code).toBe('PINMAP_SYNTAX');
    expect(e.line).toBe(3);
  });
  it('malformed CSV: unclosed quote, wrong cell count, unknown column', () => {
    expect(err('pin,net\n1,"GND\n', 'csv')).toMatchObject({ code: 'PINMAP_CSV_SYNTAX', line: 2 });
    expect(err('pin,net\n1,GND\n2,VBAT,0.3\n', 'csv')).toMatchObject({ code: 'PINMAP_CSV_SYNTAX', line: 3 });
    expect(err('pin,net,amps\n1,GND,1\n', 'csv')).toMatchObject({ code: 'PINMAP_CSV_HEADER', line: 1, column: 3 });
  });
  it('wrong types', () => {
    expect(err('pins:\n  1: GND\n  2: { net: VBAT, currentA: lots }\n', 'yaml')).toMatchObject({ code: 'PINMAP_FIELD', line: 3, field: 'pins.2.currentA' });
    expect(err('{"pins": [{"pin": "one", "net": "GND"}]}', 'json')).toMatchObject({ code: 'PINMAP_FIELD', field: 'pins.0.pin' });
    expect(err('pin,net,currentA\n1,GND,abc\n', 'csv')).toMatchObject({ code: 'PINMAP_FIELD', line: 2, field: 'currentA' });
    expect(err('pins: { 1: GND }\ncondtions: { reflowPeakC: 250 }\n', 'yaml')).toMatchObject({ code: 'PINMAP_FIELD', line: 2, field: 'condtions' });
  });
  it('negative currents', () => {
    expect(err('pins:\n  1: { net: VBAT, currentA: -0.2 }\n', 'yaml')).toMatchObject({ code: 'PINMAP_RANGE', line: 2 });
    expect(err('pin,net,currentA\n1,VBAT,-0.2\n', 'csv')).toMatchObject({ code: 'PINMAP_RANGE', line: 2, column: 3 });
    expect(err('pins: { 1: VBAT }\nnets: { VBAT: "-1 A, power" }\n', 'yaml')).toMatchObject({ code: 'PINMAP_RANGE', field: 'nets.VBAT', line: 2 });
  });
  it('pins out of range (0, negative, above 80)', () => {
    expect(err('pins:\n  0: GND\n', 'yaml')).toMatchObject({ code: 'PINMAP_RANGE', line: 2 });
    expect(err('{"pins": [{"pin": 81, "net": "GND"}]}', 'json')).toMatchObject({ code: 'PINMAP_RANGE' });
    expect(err('pin,net\n-3,GND\n', 'csv')).toMatchObject({ code: 'PINMAP_RANGE', line: 2 });
  });
  it('invalid part numbers, with suggestions', () => {
    const r = parsePinMapText('part: AXE540128\npins: { 1: GND }', 'yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('PINMAP_PART_INVALID');
      expect(r.error.line).toBe(1);
      expect(r.suggestions).toContain('AXE540127');
    }
    expect(err('pin,net\n1,GND', 'csv', 'XYZ')).toMatchObject({ code: 'PINMAP_PART_INVALID' });
  });
  it('hex, binary, octal and exponent numbers in a CSV are errors with line and field, not 16 A or 1000 V', () => {
    for (const v of ['0x10', '0b11', '0o7', '1e3', '2E-1', 'Infinity', '1_000', '0.3.1', '']) {
      if (v === '') continue;
      const e = err(`pin,net,currentA,voltageV\n1,VBAT,${v},3.3\n`, 'csv', 'AXE540127');
      expect(e, v).toMatchObject({ code: 'PINMAP_FIELD', line: 2, column: 3, field: 'currentA' });
      expect(e.message, v).toMatch(/decimal/);
      expect(err(`pin,net,currentA,voltageV\n1,VBAT,0.1,${v}\n`, 'csv', 'AXE540127'), v).toMatchObject({ code: 'PINMAP_FIELD', line: 2, field: 'voltageV' });
    }
  });
  it('plain decimals in a CSV read as written', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[+]?(\d{1,3}(\.\d{0,3})?|\.\d{1,3})$/), (v) => {
        const r = parsePinMapText(`pin,net,currentA,voltageV\n1,VBAT,${v},-${v.replace(/^\+/, '')}\n`, 'csv', { part: 'AXE540127' });
        if (!r.ok) throw new Error(`${v}: ${r.error.message}`);
        expect(r.value.pins[0]!.currentA).toBe(Number(v));
        expect(r.value.pins[0]!.voltageV).toBe(-Number(v));
      }),
      { numRuns: 300 },
    );
  });
  it('YAML numbers written in hex or octal are errors (YAML would read 0x10 as 16)', () => {
    expect(err('part: AXE540127\npins:\n  - { pin: 1, net: V, currentA: 0x10 }\n', 'yaml')).toMatchObject({ code: 'PINMAP_FIELD', line: 3 });
    expect(err('part: AXE540127\npins:\n  0x1: GND\n', 'yaml')).toMatchObject({ code: 'PINMAP_FIELD', line: 3 });
    expect(err('part: AXE540127\npins: { 1: GND }\nconditions: { reflowPeakC: 0o377 }\n', 'yaml').message).toMatch(/0o377/);
  });
  it('nesting deeper than any pin map is refused with its own code, before a parser recurses', () => {
    const cases: [string, 'json' | 'yaml'][] = [
      ['{"pins":' + '['.repeat(5000) + ']'.repeat(5000) + '}', 'json'],
      ['{"pins":' + '{"a":'.repeat(3000) + '1' + '}'.repeat(3000) + '}', 'json'],
      ['pins: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n', 'yaml'],
      ['pins:\n' + '- '.repeat(5000) + 'x\n', 'yaml'],
    ];
    for (const [text, format] of cases) {
      const e = err(text, format);
      expect(e.code).toBe('PINMAP_TOO_DEEP');
      expect(e.message).not.toMatch(/stack|Maximum call/i);
      expect(e.message).toMatch(/levels/);
    }
    // A real pin map nests 4 levels (connectors → item → boards).
    expect(
      parsePinMapText('pins: { 1: GND }\nconnectors:\n  - { ref: J1, boards: [a, b] }\nconditions: { iron: { temperatureC: 300, durationS: 3 } }\n', 'yaml').ok,
    ).toBe(true);
  });
  it('an empty map and an oversized input', () => {
    expect(err('pin,net\n', 'csv')).toMatchObject({ code: 'PINMAP_EMPTY' });
    expect(err('x'.repeat(1_000_001), 'yaml')).toMatchObject({ code: 'PINMAP_TOO_LARGE' });
  });
});

describe('parsePinMapText: what it reads', () => {
  it('YAML map, JSON list and CSV with net totals give the same pin map', () => {
    const yaml = parsePinMapText('part: axe540127\npins: { 1: VBAT, 2: GND, 3: NC }\nnets: { VBAT: "1.2 A, 4.4 V, power" }', 'yaml');
    const json = parsePinMapText(
      '{"part":"AXE540127","pins":[{"pin":1,"net":"VBAT"},{"pin":2,"net":"GND"},{"pin":3,"net":null}],"nets":{"VBAT":{"currentA":1.2,"voltageV":4.4,"kind":"power"}}}',
      'json',
    );
    const csv = parsePinMapText('pin,net,currentA,voltageV,kind\n1,VBAT,,,\n2,GND,,,\n3,NC,,,\n,VBAT,1.2,4.4,power\n', 'csv', { part: 'AXE540127' });
    for (const r of [yaml, json, csv]) {
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.part).toBe('AXE540127');
      expect(r.value.pins.map((p) => [p.pin, p.net])).toEqual([
        [1, 'VBAT'],
        [2, 'GND'],
        [3, null],
      ]);
      expect(r.value.nets.VBAT).toEqual({ currentA: 1.2, voltageV: 4.4, kind: 'power' });
    }
  });
  it('the net shorthand reads A, mA, V, mV and kinds', () => {
    expect(parseNetShorthand('300 mA, 1800 mV, power')).toEqual({ ok: true, value: { currentA: 0.3, voltageV: 1.8, kind: 'power' } });
    expect(parseNetShorthand('1.2 A,4.4V,ground')).toEqual({ ok: true, value: { currentA: 1.2, voltageV: 4.4, kind: 'ground' } });
    expect(parseNetShorthand('fast')).toMatchObject({ ok: false, error: { code: 'PINMAP_FIELD' } });
  });
});

describe('properties', () => {
  it('never throws on any text, in any format', () => {
    for (const format of ['yaml', 'json', 'csv'] as const) {
      fc.assert(
        fc.property(fc.string({ maxLength: 200 }), (s) => void parsePinMapText(s, format)),
        { numRuns: 400 },
      );
    }
  });
  it('a CSV written with RFC 4180 quoting reads back cell for cell, with the right start lines', () => {
    const cell = fc.string({ maxLength: 6, unit: fc.constantFrom('a', 'b', ',', '"', '\n', ' ', '1') });
    const rows = fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(rows, (data) => {
        const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
        const lines = data.map((r) => r.map(quote).join(','));
        const text = lines.join('\n');
        const expected = data.filter((r) => !(r.length === 1 && r[0] === ''));
        const read = [...csvRecords(text)];
        expect(read.every((r) => r.ok)).toBe(true);
        expect(read.map((r) => (r.ok ? r.cells : []))).toEqual(expected);
        let line = 1;
        lines.forEach((l, i) => {
          expect((read[i] as { line: number }).line).toBe(line);
          line += l.split('\n').length;
        });
      }),
      { numRuns: 300 },
    );
  });
  it('any valid list pin map parses, and pins come back in order', () => {
    const entry = fc.record({
      pin: fc.integer({ min: 1, max: 80 }),
      net: fc.stringMatching(/^[A-Z][A-Z0-9_]{0,6}$/),
      currentA: fc.double({ min: 0, max: 5, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 20 }), (pins) => {
        const r = parsePinMapText(JSON.stringify({ pins }), 'json');
        if (!r.ok) throw new Error(r.error.message);
        expect(r.value.pins.map((p) => p.pin)).toEqual(pins.map((p) => p.pin));
      }),
      { numRuns: 200 },
    );
  });
});
