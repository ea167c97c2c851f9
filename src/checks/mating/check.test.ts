import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkMatedPair, parseKicadNetlist, parseNetMapCsv, type MatedCheckReport, type NetlistConnector } from '../index.js';

/** Netlists exported by KiCad 9 (`kicad-cli sch export netlist`) from test/fixtures/kicad/mating/*.kicad_sch. */
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../test/fixtures/kicad/mating/${name}`, import.meta.url)), 'utf8');
const connector = (file: string, ref: string): NetlistConnector => {
  const r = parseKicadNetlist(fixture(file), ref);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const netMap = () => {
  const r = parseNetMapCsv(fixture('net-map.csv'));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const mated = (mateFile: string, withMap: boolean): MatedCheckReport => {
  const r = checkMatedPair({ board: connector('board.net', 'J1'), mate: connector(mateFile, 'P1'), ...(withMap ? { netMap: netMap() } : {}) });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const codes = (r: MatedCheckReport, severity: string) => r.findings.filter((f) => f.severity === severity).map((f) => f.code);

describe('two-board mating check on netlists written by KiCad 9', () => {
  it('the fixtures were exported by KiCad 9', () => {
    for (const f of ['board.net', 'fpc.net', 'fpc-rows-swapped.net', 'fpc-pin1-gnd.net']) expect(fixture(f)).toMatch(/\(tool "Eeschema 9\./);
  });

  it('matching netlists with different net names and a net map: no error, no warning; the parts mate', () => {
    const r = mated('fpc.net', true);
    expect(r.part).toBe('AXE510127');
    expect(r.mate).toBe('AXE610124');
    expect(codes(r, 'error')).toEqual([]);
    expect(codes(r, 'warning')).toEqual([]);
    expect(r.mating.pins.map((p) => p.status)).toEqual(['mapped', 'same', 'mapped', 'same', 'mapped', 'mapped', 'same', 'mapped', 'same', 'mapped']);
    expect(r.mating.pins[0]).toEqual({ pin: 1, boardNet: 'VBAT', mateNet: 'VBAT_FPC', boardKind: 'power', mateKind: 'power', status: 'mapped' });
  });

  it('without the net map: the signals are a table of renamed pins; two supply names are a conflict until declared', () => {
    const r = mated('fpc.net', false);
    const renamed = r.findings.find((f) => f.code === 'MATED_NET_RENAMED')!;
    expect(renamed.severity).toBe('warning');
    expect(r.mating.renamed.map((x) => x.pin)).toEqual([3, 5, 6, 8]);
    expect(renamed.message).toMatch(/3: SDA → I2C_SDA/);
    const conflict = r.findings.find((f) => f.code === 'MATED_NET_CONFLICT')!;
    expect(conflict.pins).toEqual([1, 10]);
    expect(conflict.message).toMatch(/VBAT.*a different supply/);
    expect(conflict.fix).toMatch(/net map/);
  });

  it("a header whose netlist is a row swap of the board's (pin 1 ⇄ pin 2 …) is found", () => {
    const r = mated('fpc-rows-swapped.net', true);
    const conflicts = r.findings.filter((f) => f.code === 'MATED_NET_CONFLICT');
    // Every pin: 5 and 6 are both signals, but the net map pairs INT with TP_INT, not TP_RST.
    expect(conflicts.flatMap((f) => f.pins).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(conflicts.find((f) => f.pins.includes(5))!.message).toMatch(
      /INT, a signal on J1, meets TP_RST, a signal on P1, though the net map pairs INT with TP_INT/,
    );
    expect(conflicts.find((f) => f.pins.includes(1))!.message).toMatch(/VBAT, a supply on J1, meets GND, ground on P1/);
    const swap = r.findings.find((f) => f.code === 'MATED_PINOUT_SWAPPED')!;
    expect(swap.severity).toBe('error');
    expect(swap.message).toMatch(/rows swapped/);
    expect(swap.message).toMatch(/10 of 10 pins agree/);
  });

  it('pin 1 GND on one side and VBAT on the other is an error', () => {
    const r = mated('fpc-pin1-gnd.net', true);
    const f = r.findings.filter((x) => x.code === 'MATED_NET_CONFLICT');
    expect(f.map((x) => x.pins)).toEqual([[1]]);
    expect(f[0]!.nets).toEqual(['VBAT', 'GND']);
    expect(codes(r, 'error')).not.toContain('MATED_PINOUT_SWAPPED');
  });

  it('a supply facing an unconnected pin is an error; a signal facing one is not', () => {
    const board = connector('board.net', 'J1');
    const mate = connector('fpc.net', 'P1');
    const cut = { ...mate, pins: mate.pins.map((p) => (p.pin === 1 || p.pin === 3 ? { ...p, net: null } : p)) };
    const r = checkMatedPair({ board, mate: cut, netMap: netMap() });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.findings.filter((f) => f.code === 'MATED_PIN_OPEN').map((f) => f.pins)).toEqual([[1]]);
  });

  it('both part numbers come from the netlists and must mate', () => {
    const board = connector('board.net', 'J1');
    const socket = { ...connector('fpc.net', 'P1'), partNumber: 'AXE510127' };
    const r = checkMatedPair({ board, mate: socket, netMap: netMap() });
    if (!r.ok) throw new Error(r.error.message);
    expect(codes(r.value, 'error')).toContain('MATE_MISMATCH');
    const none = checkMatedPair({ board, mate: { ...socket, partNumber: null } });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.code).toBe('PINMAP_PART_MISSING');
  });

  it('the net map is a CSV with the header board,mate', () => {
    expect(parseNetMapCsv('board,mate\nA,B\n')).toEqual({ ok: true, value: [{ board: 'A', mate: 'B', line: 2 }] });
    const bad = parseNetMapCsv('from,to\nA,B\n');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('NET_MAP_SYNTAX');
  });
});
