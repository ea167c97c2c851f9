import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPinMap, parsePinMapText, type PinMapFormat } from '../checks/index.js';
import type { PinMapInput } from '../checks/types.js';
import { checkDoc, exportPinMap, importPinMap, netOf, pinOf, setField, setNetField, setPin, type PinMapDoc } from './pinmap-model.js';

/** What a document means to the check: the normalised input, without line numbers. */
function meaning(text: string, format: PinMapFormat, part?: string): Omit<PinMapInput, 'pins'> & { pins: unknown[] } {
  const r = parsePinMapText(text, format, part ? { part } : {});
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return { ...r.value, pins: r.value.pins.map(({ line: _line, ...p }) => p) };
}

const codes = (text: string, format: PinMapFormat, part?: string) => {
  const r = parsePinMapText(text, format, part ? { part } : {});
  if (!r.ok) throw new Error(r.error.message);
  return checkPinMap(r.value).findings.map((f) => `${f.code}:${f.pins.join(',')}`);
};

const net = fc.constantFrom('GND', 'VBAT', 'V3V3', 'SDA', 'SCL', 'NC', 'VLED', 'D+', 'RESET_N');
const kind = fc.constantFrom('power', 'ground', 'signal');
const amps = fc.integer({ min: 0, max: 2000 }).map((n) => n / 1000);
const volts = fc.integer({ min: -600, max: 600 }).map((n) => n / 10);
const pinEntry = fc.oneof(net, fc.constant(null), fc.record({ net, currentA: amps, voltageV: volts, kind }, { requiredKeys: ['net'] }));
const part = fc.constantFrom('AXE540127', 'AXE510127', 'AXE640124', 'AXE620224', 'AXE580127');
const netSpec = fc.oneof(
  fc.record({ currentA: amps, voltageV: volts, kind }, { requiredKeys: [] }),
  fc.tuple(amps, volts, kind).map(([a, v, k]) => `${a} A, ${v} V, ${k}`),
);
const conditions = fc.record(
  {
    use: fc.constantFrom('production', 'inspection'),
    ambientTemperatureC: fc.tuple(fc.integer({ min: -60, max: 20 }), fc.integer({ min: 20, max: 100 })).map(([min, max]) => ({ min, max })),
    matingCycles: fc.integer({ min: 0, max: 5000 }),
    condensation: fc.boolean(),
    h2s: fc.oneof(fc.boolean(), fc.record({ ppm: fc.integer({ min: 0, max: 10 }), hours: fc.integer({ min: 0, max: 500 }) })),
    reflowPeakC: fc.integer({ min: 200, max: 280 }),
    iron: fc.record({ temperatureC: fc.integer({ min: 250, max: 400 }), durationS: fc.integer({ min: 1, max: 10 }) }),
  },
  { requiredKeys: [] },
);

/** Any valid pin-map document: pins as a map or a list, nets as objects or shorthand, every optional field. */
const documents: fc.Arbitrary<PinMapDoc> = fc.record(
  {
    part,
    mate: fc.constantFrom('AXE640124', 'AXE540127', 'AXE610124'),
    pins: fc.oneof(
      fc.dictionary(fc.integer({ min: 1, max: 40 }).map(String), pinEntry, { minKeys: 1, maxKeys: 40 }),
      fc.array(
        fc.record(
          { pin: fc.integer({ min: 1, max: 40 }), net: fc.oneof(net, fc.constant(null)), currentA: amps, voltageV: volts, kind },
          { requiredKeys: ['pin', 'net'] },
        ),
        { minLength: 1, maxLength: 40 },
      ),
    ),
    nets: fc.dictionary(
      net.filter((n) => n !== 'NC'),
      netSpec,
      { maxKeys: 5 },
    ),
    conditions,
    connectors: fc.array(fc.record({ ref: fc.constantFrom('J1', 'J2', 'J3'), boards: fc.constant(['main', 'display'] as [string, string]) }), { maxLength: 3 }),
    irDropThresholdMv: fc.integer({ min: 1, max: 100 }),
  },
  { requiredKeys: ['part', 'pins'] },
);

describe('the page’s pin-map model (one document for every face)', () => {
  it('import → export keeps the meaning of any valid document (YAML and JSON), and the findings', () => {
    fc.assert(
      fc.property(documents, fc.constantFrom<'yaml' | 'json'>('yaml', 'json'), fc.constantFrom<'yaml' | 'json'>('yaml', 'json'), (doc, inFormat, outFormat) => {
        const text = exportPinMap(doc, inFormat);
        const imported = importPinMap(text, inFormat, doc.part as string);
        expect(imported.ok).toBe(true);
        if (!imported.ok) return;
        const again = exportPinMap(imported.value, outFormat);
        expect(meaning(again, outFormat)).toEqual(meaning(text, inFormat));
        expect(codes(again, outFormat)).toEqual(codes(text, inFormat));
        // The page's check is the CLI's check of the same document.
        const page = checkDoc(imported.value);
        expect(page.ok && page.value.findings.map((f) => `${f.code}:${f.pins.join(',')}`)).toEqual(codes(text, inFormat));
      }),
      { numRuns: 150 },
    );
  });

  it('editing one pin or one net changes that and nothing else (per-pin voltage and kind, other nets, conditions kept)', () => {
    fc.assert(
      fc.property(
        documents,
        fc.integer({ min: 1, max: 40 }),
        net.filter((n) => n !== 'NC'),
        (doc, pin, name) => {
          const imported = importPinMap(exportPinMap(doc, 'yaml'), 'yaml', doc.part as string);
          if (!imported.ok) return;
          const d = imported.value;
          const before = meaning(exportPinMap(d, 'json'), 'json');
          setPin(d, pin, 'NEWNET', '0.1');
          setNetField(d, name, 'voltageV', 2.5);
          const after = meaning(exportPinMap(d, 'json'), 'json');
          expect(pinOf(d, pin)).toEqual({ net: 'NEWNET', currentA: '0.1' });
          expect(netOf(d, name).voltageV).toBe(2.5);
          const firstOf = (m: typeof before, p: number) => (m.pins as { pin: number }[]).find((x) => x.pin === p);
          const old = firstOf(before, pin) as { voltageV?: number; kind?: string } | undefined;
          const now = firstOf(after, pin) as { voltageV?: number; kind?: string };
          expect(now.voltageV).toBe(old?.voltageV);
          expect(now.kind).toBe(old?.kind);
          for (const p of (before.pins as { pin: number }[]).map((x) => x.pin)) if (p !== pin) expect(firstOf(after, p)).toEqual(firstOf(before, p));
          const { [name]: _changed, ...otherNetsBefore } = before.nets;
          const { [name]: _changedNow, ...otherNetsAfter } = after.nets;
          expect(otherNetsAfter).toEqual(otherNetsBefore);
          expect(after.conditions).toEqual(before.conditions);
          expect(after.connectors).toEqual(before.connectors);
          expect(after.mate).toEqual(before.mate);
          expect(after.irDropThresholdMv).toEqual(before.irDropThresholdMv);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('keeps fields it has no input for, and fields set by path (a condition added later to the schema flows through)', () => {
    const d: PinMapDoc = { part: 'AXE540127', $schema: 'https://example.org/pinmap.schema.json', pins: { 1: 'GND' } };
    setField(d, ['conditions', 'reflowPeakC'], 255);
    setField(d, ['conditions', 'iron', 'temperatureC'], 350);
    expect(d).toEqual({
      part: 'AXE540127',
      $schema: 'https://example.org/pinmap.schema.json',
      pins: { 1: 'GND' },
      conditions: { reflowPeakC: 255, iron: { temperatureC: 350 } },
    });
    setField(d, ['conditions', 'iron', 'temperatureC'], undefined);
    setField(d, ['conditions', 'reflowPeakC'], undefined);
    expect(d).toEqual({ part: 'AXE540127', $schema: 'https://example.org/pinmap.schema.json', pins: { 1: 'GND' } });
  });

  it('the test pin maps: nets, mate, conditions and connectors all come in (6+ findings, not the pins alone)', () => {
    const text = readFileSync(new URL('../../test/fixtures/pinmaps/display-40.yaml', import.meta.url), 'utf8');
    const r = importPinMap(text, 'yaml', 'AXE540127');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.mate).toBe('AXE640124');
    expect(netOf(r.value, 'VBAT')).toEqual({ currentA: 0.9, voltageV: 4.4, kind: 'power' });
    expect(netOf(r.value, 'VLED')).toEqual({ currentA: 0.35, voltageV: 18, kind: 'power' });
    const page = checkDoc(r.value);
    expect(page.ok && page.value.findings.map((f) => f.code)).toEqual(codes(text, 'yaml').map((c) => c.split(':')[0]));
    expect(page.ok && page.value.findings.length).toBeGreaterThanOrEqual(6);
    const csv = readFileSync(new URL('../../test/fixtures/pinmaps/socket-10.csv', import.meta.url), 'utf8');
    const c = importPinMap(csv, 'csv', 'AXE510127');
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(codes(exportPinMap(c.value, 'yaml'), 'yaml')).toEqual(codes(csv, 'csv', 'AXE510127'));
  });
});
