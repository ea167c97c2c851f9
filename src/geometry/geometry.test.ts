import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog, catalogParts } from '../catalog/index.js';
import { LandParamOverrides } from './overrides-schema.js';
import { landPattern, landPatternProblems, matingMap, partGeometry, pinLocation, reversedPin, rectBox, type Box } from './index.js';

// Numbers typed from data/source/A4S-reference.md (production footprint of AXE540127), not from our code.
const REFERENCE_40_PIN_SOCKET = {
  signalPad: { width: 0.23, height: 0.8 },
  rowsY: 1.2,
  firstX: -3.8,
  terminalPad: { width: 1.0, height: 1.1 },
  terminalX: 4.8,
  terminalY: 1.1,
  maskExpansion: 0.1,
};

// Numbers measured by hand from the two public, fabricated footprints of the 10-pin header AXE610124
// (data/source/A4S-reference.md: nqbit dash_connector, KiCad; GPD_Pocket-mods HUB_FPC, Eagle and its
// gerbers), in our frame (x along the rows, KiCad y down), not from our code.
const PUBLIC_10_PIN_HEADERS = {
  contact: { width: 0.23, height: 0.65 },
  rowsY: 0.875,
  firstX: -0.8,
  terminalX: 1.6,
  terminalWidthAlongRow: 0.45,
  // Across the row they differ: y from 0.3 to 0.83 (nqbit) and from 0.3 to 1.2 (GPD).
  nqbitTerminalY: [0.3, 0.83],
  gpdTerminalY: [0.3, 1.2],
};

describe('pin numbering', () => {
  it('odd pins in one row, even in the other, 1 and 2 at the same end, 0.4 mm pitch', () => {
    expect(pinLocation(40, 1)).toMatchObject({ position: 1, row: 'odd', xMm: -3.8 });
    expect(pinLocation(40, 2)).toMatchObject({ position: 1, row: 'even', xMm: -3.8 });
    expect(pinLocation(40, 39)).toMatchObject({ position: 20, row: 'odd', xMm: 3.8 });
    expect(pinLocation(40, 40)).toMatchObject({ position: 20, row: 'even', xMm: 3.8 });
    expect(pinLocation(40, 3).xMm - pinLocation(40, 1).xMm).toBeCloseTo(0.4, 9);
  });
  it('rejects pins that do not exist', () => {
    expect(() => pinLocation(10, 0)).toThrow(RangeError);
    expect(() => pinLocation(10, 11)).toThrow(RangeError);
    expect(() => reversedPin(10, 1.5)).toThrow(RangeError);
  });
  it('reversal (rotated by 180°) lands each pin on the diagonally opposite one, and twice is identity', () => {
    expect(reversedPin(40, 1)).toBe(40);
    expect(reversedPin(40, 2)).toBe(39);
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 40 }), fc.integer({ min: 1, max: 80 }), (half, p) => {
        const pins = half * 2;
        if (p > pins) return true;
        const q = reversedPin(pins, p);
        const a = pinLocation(pins, p);
        const b = pinLocation(pins, q);
        // Rotation by 180° about the centre: x → −x, row → other row.
        return reversedPin(pins, q) === p && Math.abs(a.xMm + b.xMm) < 1e-9 && a.row !== b.row;
      }),
    );
  });
  it('mating map: socket pin n meets header pin n', () => {
    expect(matingMap(10).every((c) => c.matesWith === c.pin && c.reversedMatesWith === 11 - c.pin)).toBe(true);
  });
});

describe('the 40-pin socket matches the reference production footprint within 0.01 mm', () => {
  const lp = landPattern('socket', 40, null);
  const signal = lp.pads.filter((p) => p.kind === 'signal');
  const terminals = lp.pads.filter((p) => p.kind === 'terminal');
  it('40 signal pads, 0.23 × 0.80, rows at ±1.2, x from −3.8 to +3.8, pin 1 at (−3.8, +1.2)', () => {
    expect(signal).toHaveLength(40);
    for (const p of signal) {
      expect(p.widthMm).toBeCloseTo(REFERENCE_40_PIN_SOCKET.signalPad.width, 2);
      expect(p.heightMm).toBeCloseTo(REFERENCE_40_PIN_SOCKET.signalPad.height, 2);
      expect(Math.abs(p.yMm)).toBeCloseTo(REFERENCE_40_PIN_SOCKET.rowsY, 2);
      expect(p.maskExpansionMm).toBeCloseTo(REFERENCE_40_PIN_SOCKET.maskExpansion, 2);
    }
    expect(signal[0]).toMatchObject({ number: '1', xMm: -3.8, yMm: 1.2 });
    expect(signal[1]).toMatchObject({ number: '2', xMm: -3.8, yMm: -1.2 });
    expect(signal[39]).toMatchObject({ number: '40', xMm: 3.8, yMm: -1.2 });
  });
  it('4 soldering-terminal pads 1.00 × 1.10 at (±4.8, ±1.1)', () => {
    expect(terminals.map((p) => [p.xMm, p.yMm]).sort()).toEqual(
      [
        [-4.8, -1.1],
        [-4.8, 1.1],
        [4.8, -1.1],
        [4.8, 1.1],
      ].sort(),
    );
    for (const p of terminals) expect([p.widthMm, p.heightMm]).toEqual([REFERENCE_40_PIN_SOCKET.terminalPad.width, REFERENCE_40_PIN_SOCKET.terminalPad.height]);
  });
});

describe('the 10-pin header matches the two public fabricated footprints', () => {
  for (const height of [0.8, 1.0] as const) {
    const lp = landPattern('header', 10, height);
    const signal = lp.pads.filter((p) => p.kind === 'signal');
    const terminals = lp.pads.filter((p) => p.kind === 'terminal');
    it(`${height} mm: 10 contacts 0.23 × 0.65 mm in rows 1.75 mm apart, x from −0.8 to +0.8`, () => {
      expect(signal).toHaveLength(10);
      for (const p of signal) {
        expect([p.widthMm, p.heightMm]).toEqual([PUBLIC_10_PIN_HEADERS.contact.width, PUBLIC_10_PIN_HEADERS.contact.height]);
        expect(Math.abs(p.yMm)).toBeCloseTo(PUBLIC_10_PIN_HEADERS.rowsY, 6);
      }
      expect(signal[0]!.xMm).toBeCloseTo(PUBLIC_10_PIN_HEADERS.firstX, 6);
      expect(signal[9]!.xMm).toBeCloseTo(-PUBLIC_10_PIN_HEADERS.firstX, 6);
    });
    it(`${height} mm: 4 terminal pads (all MP) at x = ±C/2, 0.45 mm along the row, holding both designs' pads across it`, () => {
      expect(terminals).toHaveLength(4);
      expect(new Set(terminals.map((p) => p.number))).toEqual(new Set(['MP']));
      for (const p of terminals) {
        expect(Math.abs(p.xMm)).toBeCloseTo(PUBLIC_10_PIN_HEADERS.terminalX, 6);
        expect(p.widthMm).toBeCloseTo(PUBLIC_10_PIN_HEADERS.terminalWidthAlongRow, 6);
        const [inner, outer] = [Math.abs(p.yMm) - p.heightMm / 2, Math.abs(p.yMm) + p.heightMm / 2];
        for (const [a, b] of [PUBLIC_10_PIN_HEADERS.nqbitTerminalY, PUBLIC_10_PIN_HEADERS.gpdTerminalY] as const) {
          expect(inner).toBeLessThanOrEqual(a! + 1e-9);
          expect(outer).toBeGreaterThanOrEqual(b! - 1e-9);
        }
      }
      // Two at each end, one on each side of the centre line.
      expect(terminals.filter((p) => p.xMm > 0 && p.yMm > 0)).toHaveLength(1);
      expect(terminals.filter((p) => p.xMm < 0 && p.yMm < 0)).toHaveLength(1);
    });
    it(`${height} mm: the pads' provenance is ${height === 0.8 ? 'reference, citing both designs' : 'assumed (the 0.8 mm pattern)'}`, () => {
      for (const name of [
        'signalPadWidthMm',
        'signalPadLengthMm',
        'signalRowOffsetMm',
        'terminalPadWidthMm',
        'terminalPadLengthMm',
        'terminalOffsetFromCHalfMm',
        'terminalRowOffsetMm',
      ] as const) {
        const p = lp.params[name];
        expect(p.provenance, name).toBe(height === 0.8 ? 'reference' : 'assumed');
        expect(p.source, name).toMatch(/nqbit|GPD/);
      }
      expect(lp.params.signalRowOffsetMm.source).toMatch(/nqbit/);
      expect(lp.params.signalRowOffsetMm.source).toMatch(/GPD_Pocket-mods/);
    });
  }
  it('every header pad reaches beyond the 2.0 mm body (its joint can be seen and soldered)', () => {
    for (let pins = 10; pins <= 80; pins += 2) {
      const lp = landPattern('header', pins, 0.8);
      for (const p of lp.pads) expect(Math.abs(p.yMm) + p.heightMm / 2, `${pins} pins, pad ${p.number}`).toBeGreaterThan(lp.body.widthMm / 2);
    }
  });
});

const overlaps = (a: Box, b: Box) => a.minXMm < b.maxXMm && b.minXMm < a.maxXMm && a.minYMm < b.maxYMm && b.minYMm < a.maxYMm;

describe('every standard part and every even pin count 10-80', () => {
  const cases = [...new Set(catalogParts.map((p) => `${p.role}/${p.matedHeightMm}`))].flatMap((k) => {
    const [role, h] = k.split('/') as ['socket' | 'header', string];
    return Array.from({ length: 36 }, (_, i) => ({ role, pins: 10 + 2 * i, height: h === 'null' ? null : (Number(h) as 0.8 | 1.0) }));
  });
  it("contacts span the catalog's B, terminals sit at C/2 (+ offset), the body is A long", () => {
    for (const { role, pins, height } of cases) {
      const lp = landPattern(role, pins, height);
      const xs = lp.pads.filter((p) => p.kind === 'signal').map((p) => p.xMm);
      expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(lp.dimensions.dimensionsMm.B, 6);
      const tx = Math.max(...lp.pads.filter((p) => p.kind === 'terminal').map((p) => p.xMm));
      expect(tx).toBeCloseTo(lp.dimensions.dimensionsMm.C / 2 + lp.params.terminalOffsetFromCHalfMm.valueMm, 6);
      expect(lp.body.lengthMm).toBe(lp.dimensions.dimensionsMm.A);
    }
  });
  it('no two copper pads overlap; silkscreen keeps 0.2 mm from every mask opening; the courtyard holds every pad', () => {
    for (const { role, pins, height } of cases) {
      const lp = landPattern(role, pins, height);
      const boxes = lp.pads.map((p) => rectBox(p));
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!), `${role} ${pins}: pads ${i},${j}`).toBe(false);
      const keepOut = lp.pads.map((p) => rectBox(p, p.maskExpansionMm + 0.2));
      for (const s of [...lp.silkscreen, ...lp.pin1Marker]) {
        const seg: Box = {
          minXMm: Math.min(s.x1Mm, s.x2Mm),
          maxXMm: Math.max(s.x1Mm, s.x2Mm) || Math.min(s.x1Mm, s.x2Mm) + 1e-6,
          minYMm: Math.min(s.y1Mm, s.y2Mm),
          maxYMm: Math.max(s.y1Mm, s.y2Mm) + 1e-6,
        };
        for (const k of keepOut) expect(overlaps(seg, k), `${role} ${pins}: silk ${JSON.stringify(s)}`).toBe(false);
      }
      for (const b of boxes) {
        expect(b.minXMm).toBeGreaterThanOrEqual(lp.courtyard.minXMm);
        expect(b.maxXMm).toBeLessThanOrEqual(lp.courtyard.maxXMm);
        expect(b.minYMm).toBeGreaterThanOrEqual(lp.courtyard.minYMm);
        expect(b.maxYMm).toBeLessThanOrEqual(lp.courtyard.maxYMm);
      }
      expect(lp.pin1Marker.length).toBeGreaterThan(0);
    }
  });
  it("paste openings follow the catalog's opening ratios (socket 70/70 %, header 70/100 %)", () => {
    const area = (r: { widthMm: number; heightMm: number }) => r.widthMm * r.heightMm;
    for (const [role, metal] of [
      ['socket', 0.7],
      ['header', 1.0],
    ] as const) {
      const lp = landPattern(role, 40, role === 'socket' ? null : 0.8);
      for (const p of lp.pads) {
        const ratio = area(p.pasteApertures[0]!) / area(p);
        expect(ratio).toBeCloseTo(p.kind === 'signal' ? 0.7 : metal, 2);
      }
    }
    expect(catalog.rules.find((r) => r.id === 'metal-mask-header')!.values.map((v) => v.value)).toEqual([120, 70, 100]);
  });
  it("the header is the socket's mirror image about the x axis (pin n faces pin n when turned face down)", () => {
    const s = landPattern('socket', 30, null).pads.filter((p) => p.kind === 'signal');
    const h = landPattern('header', 30, 0.8).pads.filter((p) => p.kind === 'signal');
    for (let i = 0; i < s.length; i++) {
      expect(h[i]!.xMm).toBe(s[i]!.xMm);
      expect(Math.sign(h[i]!.yMm)).toBe(-Math.sign(s[i]!.yMm));
    }
  });
});

describe('provenance and overrides', () => {
  it("every parameter says where it comes from; the header's pads are never labelled catalog", () => {
    for (const role of ['socket', 'header'] as const) {
      const lp = landPattern(role, 20, role === 'header' ? 0.8 : null);
      for (const [name, p] of Object.entries(lp.params)) {
        expect(['catalog', 'derived', 'reference', 'assumed'], name).toContain(p.provenance);
        expect(p.source.length, name).toBeGreaterThan(10);
      }
      expect(lp.checksBeforeFabrication.length).toBeGreaterThanOrEqual(3);
    }
    const header = landPattern('header', 20, 0.8);
    expect(header.params.signalPadLengthMm.provenance).not.toBe('catalog');
    expect(header.checksBeforeFabrication[0]).toMatch(/two fabricated public footprints/);
    expect(header.checksBeforeFabrication[0]).toMatch(/Re-check boards/);
  });
  it('an override replaces the value and shows as provenance override', () => {
    const lp = landPattern('socket', 40, null, { overrides: { signalPadLengthMm: 0.9 }, overrideOrigin: 'drawing.yaml' });
    expect(lp.pads[0]!.heightMm).toBe(0.9);
    expect(lp.params.signalPadLengthMm).toEqual({ valueMm: 0.9, provenance: 'override', source: 'drawing.yaml' });
    expect(lp.checksBeforeFabrication.some((c) => /overridden/.test(c))).toBe(true);
  });
  it('partGeometry: tape and inspection variants share the standard footprint; invalid input is an error value', () => {
    const a = partGeometry('AXE540127');
    const b = partGeometry('axe540127d');
    const c = partGeometry('AXE5E4026');
    expect(a.ok && b.ok && c.ok).toBe(true);
    if (a.ok && b.ok && c.ok) {
      expect(b.value.landPattern.pads).toEqual(a.value.landPattern.pads);
      expect(c.value.landPattern.pads).toEqual(a.value.landPattern.pads);
    }
    const bad = partGeometry('AXE54');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('BAD_PINS'); // "AXE54": characters 5-6 are not two digits
  });
});

describe('overrides that cannot be built are refused', () => {
  it('default patterns pass at every even pin count', () => {
    for (const [role, h] of [
      ['socket', null],
      ['header', 0.8],
      ['header', 1.0],
    ] as const) {
      for (let pins = 10; pins <= 80; pins += 2) expect(landPatternProblems(landPattern(role, pins, h)), `${role} ${pins}`).toEqual([]);
    }
  });
  it.each([
    [{ signalPadWidthMm: 0.5 }, /pads 1 and 3 overlap/],
    [{ signalPadWidthMm: 0.36 }, /are 0\.04 mm apart/],
    [{ signalRowOffsetMm: 0.1 }, /pads 1 and 2 overlap/],
  ])('%j → LAND_PATTERN_INVALID', (overrides, message) => {
    const r = partGeometry('AXE540127', { overrides });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('LAND_PATTERN_INVALID');
      expect(r.error.message).toMatch(message);
    }
  });
  it('the override schema refuses zero-size pads and ratios above 1', () => {
    expect(LandParamOverrides.safeParse({ signalPadWidthMm: 0 }).success).toBe(false);
    expect(LandParamOverrides.safeParse({ signalPasteRatio: 1.2 }).success).toBe(false);
    expect(LandParamOverrides.safeParse({ signalPadWidthMm: 0.2, signalPasteRatio: 0.8 }).success).toBe(true);
    expect(LandParamOverrides.safeParse({ bogus: 1 }).success).toBe(false);
  });
});
