import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPinMap, parseKicadNetlist, pinMapFromNetlist } from '../index.js';
import { readSexprText } from '../../sexpr/index.js';

const fixture = readFileSync(fileURLToPath(new URL('../../../test/fixtures/kicad/a4s-j2.net', import.meta.url)), 'utf8');

describe('parseKicadNetlist on a netlist exported by Eeschema 6.0.11', () => {
  it('was written by KiCad 6 (format E)', () => {
    expect(fixture).toMatch(/^\(export \(version "E"\)/);
    expect(fixture).toMatch(/\(tool "Eeschema 6\.0\.11/);
  });

  it('reads J2: part number from the value, every pin with the net of its label', () => {
    const r = parseKicadNetlist(fixture, 'J2');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.partNumber).toBe('AXE510127');
    expect(r.value.tool).toMatch(/^Eeschema 6\.0\.11/);
    // The labels placed in a4s.kicad_sch (see test/fixtures/kicad/README.md).
    const expected: Record<number, string> = { 1: 'VBAT', 2: 'VBAT', 3: 'GND', 4: 'GND', 5: 'SDA', 6: 'SCL', 7: 'GND', 8: 'GND', 9: 'VBAT', 10: 'VBAT' };
    expect(Object.fromEntries(r.value.pins.map((p) => [p.pin, p.net]))).toEqual(Object.fromEntries(Object.entries(expected)));
  });

  it('feeds the pin-map check: this map is reversal-safe', () => {
    const r = parseKicadNetlist(fixture, 'J2');
    if (!r.ok) throw new Error(r.error.message);
    const report = checkPinMap(pinMapFromNetlist(r.value, null));
    expect(report.part).toBe('AXE510127');
    expect(report.summary.reversalSafe).toBe(true);
    expect(report.summary.errors).toBe(0);
  });

  it('names the connectors when the reference is wrong', () => {
    const r = parseKicadNetlist(fixture, 'J7');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('NETLIST_REF_NOT_FOUND');
      expect(r.suggestions).toEqual(['J2']);
    }
  });

  it('treats unconnected-(…) nets as NC and strips the root-sheet slash', () => {
    const text =
      '(export (version "E") (components (comp (ref "J1") (value "AXE640124"))) (nets (net (code "1") (name "unconnected-(J1-Pad2)") (node (ref "J1") (pin "2"))) (net (code "2") (name "/SDA") (node (ref "J1") (pin "1"))) (net (code "3") (name "/sub/X") (node (ref "J1") (pin "3"))) (net (code "4") (name "GND") (node (ref "J1") (pin "MP1")))))';
    const r = parseKicadNetlist(text, 'J1');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.pins).toEqual([
      { pin: 1, net: 'SDA' },
      { pin: 2, net: null },
      { pin: 3, net: '/sub/X' },
    ]);
    expect(r.value.ignoredPins).toEqual(['MP1']);
  });

  it('rejects truncated files, other formats and KiCad 5 netlists with a code', () => {
    expect(parseKicadNetlist(fixture.slice(0, fixture.length / 2), 'J2')).toMatchObject({ ok: false, error: { code: 'NETLIST_SYNTAX' } });
    expect(parseKicadNetlist('(kicad_pcb (version 20211014))', 'J2')).toMatchObject({ ok: false, error: { code: 'NETLIST_NOT_KICAD' } });
    expect(parseKicadNetlist('(export (version D))', 'J2')).toMatchObject({ ok: false, error: { code: 'NETLIST_NOT_KICAD' } });
    expect(parseKicadNetlist('', 'J2')).toMatchObject({ ok: false, error: { code: 'NETLIST_SYNTAX' } });
  });

  it('a no-break space inside a list is read as part of a word, not an endless loop', () => {
    expect(parseKicadNetlist('(export (components (comp (ref "J1")\u00a0(value "AXE540127"))))', 'J1')).toMatchObject({
      ok: false,
      error: { code: 'NETLIST_NOT_KICAD' },
    });
    expect(parseKicadNetlist('(export\u00a0x', 'J1')).toMatchObject({ ok: false, error: { code: 'NETLIST_SYNTAX', line: 1 } });
  });

  it('property: the s-expression reader never throws and reads back what a writer wrote', () => {
    fc.assert(
      fc.property(fc.string(), (s) => void parseKicadNetlist(s, 'J1')),
      { numRuns: 500 },
    );
    const atom = fc.string({ minLength: 1, maxLength: 8 });
    const tree = fc.letrec((tie) => ({ node: fc.array(fc.oneof({ depthSize: 'small' }, atom, tie('node')), { maxLength: 4 }) })).node as fc.Arbitrary<
      unknown[]
    >;
    const write = (x: unknown): string =>
      Array.isArray(x)
        ? `(${x.map(write).join(' ')})`
        : `"${String(x).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
    fc.assert(
      fc.property(tree, (t) => {
        const r = readSexprText(write(t));
        expect(r.ok && r.value).toEqual(t);
      }),
      { numRuns: 300 },
    );
  });
});
