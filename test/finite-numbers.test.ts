/**
 * Issue 20, item 5: numbers outside a sane range (not finite, absurd: 1e308 A) are refused with
 * their line, in every pin-map format; no report, rendered or JSON, ever holds Infinity or NaN (nor
 * the null JSON makes of them). A property test over pin maps with any double in any number field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBomText, checkPinMap, parsePinMapText, renderReport } from '../src/checks/index.js';
import { cli } from './run-cli.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'a4s-finite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every number in a value, with its path: each must be finite. */
function numbersOf(value: unknown, path = '$', out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => numbersOf(v, `${path}[${i}]`, out));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) numbersOf(v, `${path}.${k}`, out);
  return out;
}

const anyNumber = fc.oneof(fc.double(), fc.constantFrom(1e308, -1e308, 1e300, 5e-324, 1e6, 0.3, 4.2, -5, 0), fc.integer());

describe('pin maps: absurd numbers refused with their line; reports finite', () => {
  it('1e308 A, .inf V, a 300-digit current: PINMAP_RANGE with the line, in YAML, JSON and CSV (they gave "Infinity pins")', () => {
    const cases: [string, 'yaml' | 'json' | 'csv', number][] = [
      ['part: AXE540127\npins:\n  1: GND\n  2: { net: VBAT, currentA: 1e308 }\n', 'yaml', 4],
      ['part: AXE540127\npins:\n  1: GND\n  2: { net: VBAT, voltageV: .inf }\n', 'yaml', 4],
      ['{"part": "AXE540127",\n "pins": {"1": {"net": "V", "voltageV": -1e308}}}', 'json', 2],
      [`pin,net,currentA\n1,GND,\n2,VBAT,1${'0'.repeat(300)}\n`, 'csv', 3],
      ['part: AXE540127\npins:\n  1: GND\nconditions:\n  ambientTemperatureC: { min: -40, max: 1e308 }\n', 'yaml', 5],
    ];
    for (const [text, format, line] of cases) {
      const r = parsePinMapText(text, format, format === 'csv' ? { part: 'AXE540127' } : {});
      expect(r.ok, text).toBe(false);
      if (r.ok) continue;
      expect(r.error.code, text).toMatch(/^PINMAP_(RANGE|FIELD)$/);
      expect(r.error.line, text).toBe(line);
    }
  });

  it('property: any double as current, voltage, net total or condition: refused, or a report whose every number is finite', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, anyNumber, anyNumber, (current, voltage, total, temperature, cycles) => {
        const doc = {
          part: 'AXE540127',
          pins: { 1: { net: 'VBAT', currentA: current, voltageV: voltage }, 2: 'GND', 3: { net: 'VBAT' } },
          nets: { VBAT: { currentA: total } },
          conditions: { ambientTemperatureC: { min: -40, max: temperature }, matingCycles: cycles },
        };
        const text = JSON.stringify(doc);
        // JSON.stringify writes a non-finite number as null: a map that holds one is refused as a type error, as it should.
        const r = parsePinMapText(text, 'json');
        if (!r.ok) return;
        const report = checkPinMap(r.value);
        for (const [path, n] of numbersOf(report)) expect(Number.isFinite(n), path).toBe(true);
        for (const format of ['text', 'md', 'html'] as const) expect(renderReport(report, format)).not.toMatch(/Infinity|NaN/);
      }),
      { numRuns: 300 },
    );
  });

  it('the CLI: exit 2 with the line, and --json never holds a null where a number was given', async () => {
    const path = join(dir, 'big.yaml');
    writeFileSync(path, 'part: AXE540127\npins:\n  1: GND\n  2: { net: VBAT, currentA: 1e308 }\n');
    const r = await cli(['check', path, '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/PINMAP_RANGE.*big\.yaml:4/);
    expect(r.stdout).not.toMatch(/Infinity|NaN/);
  });
});

describe('BOM quantities', () => {
  it('property: any quantity text (1e308, 300 digits, NaN, any double) gives a report whose every number is finite', () => {
    const quantity = fc.oneof(
      anyNumber.map(String),
      fc.constantFrom('1e308', `1${'0'.repeat(300)}`, 'NaN', 'Infinity', '-0', '0x10'),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(quantity, fc.integer({ min: 1, max: 1_000_000_000 }), (qty, boards) => {
        const r = checkBomText(`Ref,Part,Qty\nJ1,AXE540127,"${qty.replace(/"/g, '""')}"\nJ2,AXE640124,2\n`, { boards });
        if (!r.ok) return;
        for (const [path, n] of numbersOf(r.value)) expect(Number.isFinite(n), path).toBe(true);
        // (a quantity written "Infinity" is quoted back as the user wrote it)
        if (!/Infinity|NaN/.test(qty)) for (const format of ['text', 'md', 'html'] as const) expect(renderReport(r.value, format)).not.toMatch(/Infinity|NaN/);
      }),
      { numRuns: 200 },
    );
  });
});

describe('options and stated bounds (items 5 and 8)', () => {
  it('--ir-drop-threshold-mv past its sane bound (a 300-digit plain decimal) is a usage error, exit 2', async () => {
    const path = join(dir, 'map.csv');
    writeFileSync(path, 'pin,net\n1,GND\n2,VBAT\n');
    const r = await cli(['check', path, '--part', 'AXE540127', '--ir-drop-threshold-mv', `1${'0'.repeat(300)}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/BAD_OPTION/);
  });

  it('a board over the footprint bound (verify-footprint --ref): refused with the bound and what to do, and the README states that bound', async () => {
    const { MAX_FOOTPRINT_CHARS } = await import('../src/verify/index.js');
    const path = join(dir, 'big.kicad_pcb');
    writeFileSync(path, Buffer.alloc(MAX_FOOTPRINT_CHARS + 1, 0x20));
    const r = await cli(['verify-footprint', path, '--ref', 'J1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/INPUT_UNREADABLE.*at most 20,000,000 bytes.*export the connector's footprint/);
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8').replace(/\s+/g, ' ');
    expect(MAX_FOOTPRINT_CHARS).toBe(20_000_000);
    expect(readme).toMatch(/board for `verify-footprint --ref` 20,000,000 bytes/);
  });
});
