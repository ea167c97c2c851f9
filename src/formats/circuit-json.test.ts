import { any_circuit_element } from 'circuit-json';
import { describe, expect, it } from 'vitest';
import { landPattern, footprintFamilies } from '../geometry/index.js';
import { circuitJsonPart } from './index.js';

/** Validates with the circuit-json package's own zod schemas; no key of ours may be dropped as unknown. */
function validate(elements: readonly Record<string, unknown>[]) {
  return elements.map((e) => {
    const parsed = any_circuit_element.safeParse(e);
    expect(parsed.success, `${String(e.type)}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues[0])}`).toBe(true);
    const out = parsed.data as Record<string, unknown>;
    for (const key of Object.keys(e)) expect(out, `${String(e.type)}.${key} is not a circuit-json field`).toHaveProperty(key);
    return out;
  });
}

/**
 * What decides which of circuit-json's schemas (and which branch of it) an element meets: its type,
 * its keys, the kind of each value, and the values that are words (`shape: 'rect'`, `layer: 'top'`);
 * numbers, ids and texts are only "a number", "a string". Elements of the same shape are validated once.
 */
function shapeKey(value: unknown): string {
  if (Array.isArray(value)) return `[${[...new Set(value.map(shapeKey))].sort().join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${k}:${shapeKey((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  if (typeof value === 'string') return /^[a-z_]+$/.test(value) ? JSON.stringify(value) : 'string';
  return typeof value;
}

describe('circuit-json', () => {
  // Validating all ~60,000 elements of every family took a minute; one element per distinct shape
  // over every family, and every element of the smallest socket and the largest header, covers the same schemas.
  it("one element of each distinct shape, over every family, validates against circuit-json's schemas", () => {
    const byShape = new Map<string, Record<string, unknown>>();
    for (const family of footprintFamilies) {
      const r = circuitJsonPart(family.defaultPartNumber);
      expect(r.ok).toBe(true);
      if (r.ok) for (const e of r.value.elements) if (!byShape.has(shapeKey(e))) byShape.set(shapeKey(e), e);
    }
    // Every element type the writer makes is among them (the grouping cannot hide a type).
    expect(new Set([...byShape.values()].map((e) => e.type))).toEqual(
      new Set([
        'source_component',
        'source_port',
        'pcb_component',
        'pcb_port',
        'pcb_smtpad',
        'pcb_solder_paste',
        'pcb_silkscreen_path',
        'pcb_fabrication_note_path',
        'pcb_courtyard_rect',
        'pcb_note_text',
      ]),
    );
    validate([...byShape.values()]);
  });

  it("every element of the smallest socket and the largest header validates against circuit-json's schemas", () => {
    const pins = footprintFamilies.map((f) => f.pins);
    const few = [
      footprintFamilies.find((f) => f.role === 'socket' && f.pins === Math.min(...pins)),
      footprintFamilies.find((f) => f.role === 'header' && f.pins === Math.max(...pins)),
    ].filter((f) => f !== undefined);
    expect(few.length).toBe(2);
    for (const family of few) {
      const r = circuitJsonPart(family.defaultPartNumber);
      expect(r.ok).toBe(true);
      if (r.ok) validate(r.value.elements);
    }
  });

  it('the validator does reject a wrong element (the test can fail)', () => {
    expect(any_circuit_element.safeParse({ type: 'pcb_smtpad', shape: 'rect', x: 0, y: 0 }).success).toBe(false);
  });

  it('source component, a port per pin and MP, pads as in the land pattern (y up), paste, silkscreen, fab, courtyard, provenance note', () => {
    const r = circuitJsonPart('AXE540127D');
    if (!r.ok) throw new Error(r.error.message);
    const els = r.value.elements;
    // biome-ignore lint/suspicious/noExplicitAny: circuit-json elements are read field by field below
    const of = (type: string) => els.filter((e) => e.type === type) as Record<string, any>[];
    expect(of('source_component')).toEqual([expect.objectContaining({ ftype: 'simple_connector', manufacturer_part_number: 'AXE540127D', pin_count: 40 })]);
    expect(of('source_port').map((p) => p.name)).toEqual([...Array.from({ length: 40 }, (_, i) => `pin${i + 1}`), 'MP']);
    const pads = of('pcb_smtpad');
    expect(pads).toHaveLength(44);
    const pin1 = pads.find((p) => p.port_hints[0] === '1')!;
    // KiCad (−3.8, +1.2), y down → circuit-json (−3.8, −1.2), y up.
    expect([pin1.x, pin1.y, pin1.width, pin1.height]).toEqual([-3.8, -1.2, 0.23, 0.8]);
    expect(of('pcb_port')).toHaveLength(41);
    for (const p of of('pcb_port')) expect(of('source_port').some((s) => s.source_port_id === p.source_port_id)).toBe(true);
    expect(of('pcb_solder_paste')).toHaveLength(44);
    expect(of('pcb_silkscreen_path').length).toBeGreaterThan(3);
    const lp = landPattern('socket', 40, null);
    expect(of('pcb_fabrication_note_path')).toHaveLength(lp.fabOutline.length);
    expect(of('pcb_silkscreen_path')).toHaveLength(lp.silkscreen.length + lp.pin1Marker.length);
    expect(of('pcb_courtyard_rect')).toHaveLength(1);
    const note = of('pcb_note_text')[0]!;
    expect(note.text).toMatch(/signalPadWidthMm = 0\.23 mm \[reference\]/);
    expect(note.text).toMatch(/\[assumed\]/);
  });

  it('deterministic, and invalid part numbers are error values', () => {
    expect(JSON.stringify(circuitJsonPart('AXE640224'))).toBe(JSON.stringify(circuitJsonPart('AXE640224')));
    const bad = circuitJsonPart('AXE540128');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('BAD_VARIANT');
  });
});
