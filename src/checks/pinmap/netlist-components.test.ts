import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeKicadNetlist, netlistComponents, parseKicadNetlist } from '../index.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/kicad/${name}`, import.meta.url), 'utf8');

describe('netlist components offered for the reference (the page asks for it)', () => {
  const text = [
    '(export (version "E")',
    '  (components',
    '    (comp (ref "R1") (value "10k"))',
    '    (comp (ref "J10") (value "CONN"))',
    '    (comp (ref "P1") (value "FPC_40") (fields (field (name "MPN") "AXE640124D")))',
    '    (comp (ref "J2") (value "AXE540127"))',
    '    (comp (ref "U1") (value "AXE9")))',
    '  (nets (net (code "1") (name "GND") (node (ref "J2") (pin "1")))))',
  ].join('\n');

  it('A4S part numbers (value or a field) first, then connector references; a resistor or an IC is not offered', () => {
    const r = netlistComponents(text);
    expect(r.ok && r.value.map((c) => [c.reference, c.partNumber, c.why])).toEqual([
      ['J2', 'AXE540127', 'A4S part number'],
      ['P1', 'AXE640124D', 'A4S part number'],
      ['J10', null, 'connector reference'],
    ]);
  });

  it('agrees with the netlist reader on each offered part number', () => {
    const r = netlistComponents(text);
    for (const c of r.ok ? r.value : []) {
      const one = parseKicadNetlist(text, c.reference);
      expect(one.ok && one.value.partNumber).toBe(c.partNumber);
    }
  });

  it('KiCad 9 netlists exported by kicad-cli (our fixtures) are recognised and read', () => {
    for (const name of ['a4s-j2.net', 'mating/board.net', 'mating/fpc.net']) {
      const t = fixture(name);
      expect(looksLikeKicadNetlist(t), name).toBe(true);
      const r = netlistComponents(t);
      expect(r.ok && r.value.filter((c) => c.partNumber !== null).length, name).toBe(1);
    }
  });

  it('a pin-map document is not a netlist; a broken netlist is an input error with its code', () => {
    expect(looksLikeKicadNetlist('part: AXE540127\npins: { 1: GND }\n')).toBe(false);
    expect(looksLikeKicadNetlist('{"part": "AXE540127"}')).toBe(false);
    expect(looksLikeKicadNetlist('\uFEFF  (export (version "E"))')).toBe(true);
    expect(netlistComponents('(export (version "E") (components (comp (ref "J1")')).toMatchObject({ ok: false, error: { code: 'NETLIST_SYNTAX' } });
    expect(netlistComponents('(kicad_pcb (version 20240108))')).toMatchObject({ ok: false, error: { code: 'NETLIST_NOT_KICAD' } });
  });
});
