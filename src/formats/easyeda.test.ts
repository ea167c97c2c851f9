import { familyLandPattern, footprintFamilies } from '../geometry/index.js';
import { unzipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { easyedaFootprint, easyedaLibrary, easyedaLibraryFiles, easyedaSymbol, easyedaUuid, EASYEDA_LAYERS } from './index.js';

const MIL_MM = 0.0254;
const lines = (efoo: string): unknown[][] => efoo.split('\n').map((l) => JSON.parse(l) as unknown[]);
const decoder = new TextDecoder();

describe('EasyEDA Pro footprint (.efoo)', () => {
  const family = footprintFamilies[0]!;
  const lp = familyLandPattern(family);
  const efoo = easyedaFootprint(family, lp);
  const records = lines(efoo);

  it('is JSON lines opened by the FOOTPRINT doctype, with no empty line and no trailing newline', () => {
    expect(records[0]).toEqual(['DOCTYPE', 'FOOTPRINT', '1.8']);
    expect(efoo.endsWith('\n')).toBe(false);
    expect(efoo.split('\n').every((l) => l.length > 0 && Array.isArray(JSON.parse(l)))).toBe(true);
  });

  it('has one top-layer pad per land-pattern pad: mil, y up (the land pattern is y down)', () => {
    const pads = records.filter((r) => r[0] === 'PAD');
    expect(pads).toHaveLength(lp.pads.length);
    lp.pads.forEach((p, i) => {
      const r = pads[i]!;
      expect(r[4]).toBe(EASYEDA_LAYERS.top);
      expect(r[5]).toBe(p.number);
      expect((r[6] as number) * MIL_MM).toBeCloseTo(p.xMm, 5);
      expect((r[7] as number) * MIL_MM).toBeCloseTo(-p.yMm, 5);
      const shape = r[10] as [string, number, number];
      expect(shape[0]).toBe('RECT');
      expect(shape[1] * MIL_MM).toBeCloseTo(p.widthMm, 5);
      expect(shape[2] * MIL_MM).toBeCloseTo(p.heightMm, 5);
      // Solder-mask expansion as the .kicad_mod's; no paste of its own (the openings are fills).
      expect((r[17] as number) * MIL_MM).toBeCloseTo(p.maskExpansionMm, 5);
      expect(-(r[19] as number) * 2 * MIL_MM).toBeCloseTo(Math.min(p.widthMm, p.heightMm), 5);
    });
  });

  it('draws every stencil opening on the top paste layer and every row mask opening on the top mask layer', () => {
    const fills = records.filter((r) => r[0] === 'FILL');
    expect(fills.filter((r) => r[4] === EASYEDA_LAYERS.topPasteMask)).toHaveLength(lp.pads.flatMap((p) => p.pasteApertures).length);
    expect(fills.filter((r) => r[4] === EASYEDA_LAYERS.topSolderMask)).toHaveLength(lp.maskOpenings.length);
  });

  it('names the footprint and carries the provenance and the checks', () => {
    const attrs = new Map(records.filter((r) => r[0] === 'ATTR').map((r) => [r[7], r[8]]));
    expect(attrs.get('Footprint')).toBe(family.footprintName);
    expect(String(attrs.get('Description'))).toContain('LAND PATTERN PROVENANCE');
    expect(String(attrs.get('Description'))).toContain('[catalog]');
    expect(String(attrs.get('Check before fabrication')).length).toBeGreaterThan(20);
  });

  it('any pad comes back from its PAD record: mil → mm within 3 nm, y negated (property)', () => {
    const coord = fc.double({ min: -30, max: 30, noNaN: true });
    const size = fc.double({ min: 0.01, max: 5, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.record({ x: coord, y: coord, w: size, h: size }), { minLength: 1, maxLength: 8 }), (rects) => {
        const pads = rects.map((r, i) => ({
          ...lp.pads[0]!,
          number: String(i + 1),
          xMm: r.x,
          yMm: r.y,
          widthMm: r.w,
          heightMm: r.h,
          pasteApertures: [],
        }));
        const back = lines(easyedaFootprint(family, { ...lp, pads })).filter((r) => r[0] === 'PAD');
        expect(back).toHaveLength(pads.length);
        back.forEach((r, i) => {
          const p = pads[i]!;
          const shape = r[10] as [string, number, number];
          expect(r[5]).toBe(p.number);
          expect(Math.abs((r[6] as number) * MIL_MM - p.xMm)).toBeLessThan(3e-6);
          expect(Math.abs((r[7] as number) * MIL_MM + p.yMm)).toBeLessThan(3e-6);
          expect(Math.abs(shape[1] * MIL_MM - p.widthMm)).toBeLessThan(3e-6);
          expect(Math.abs(shape[2] * MIL_MM - p.heightMm)).toBeLessThan(3e-6);
        });
      }),
    );
  });

  it('uses each element id once', () => {
    const ids = records.filter((r) => typeof r[1] === 'string' && /^e\d+$/.test(r[1] as string)).map((r) => r[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('EasyEDA Pro symbol (.esym)', () => {
  for (const family of [footprintFamilies[0]!, footprintFamilies[footprintFamilies.length - 1]!]) {
    it(`${family.symbolName}: a pin per contact and one MP pin, 10 mil units, JSON lines without a trailing newline`, () => {
      const esym = easyedaSymbol(family);
      expect(esym.endsWith('\n')).toBe(false);
      const records = lines(esym);
      expect(records[0]).toEqual(['DOCTYPE', 'SYMBOL', '1.1']);
      const pins = records.filter((r) => r[0] === 'PIN');
      expect(pins).toHaveLength(family.pins + 1);
      // Each PIN is followed by its NAME and NUMBER attributes: the numbers in pin order.
      const numbers = records.filter((r) => r[0] === 'ATTR' && r[3] === 'NUMBER').map((r) => String(r[4]));
      expect([...numbers].sort()).toEqual([...Array.from({ length: family.pins }, (_, i) => String(i + 1)), 'MP'].sort());
      // Pin 1 on the left, pointing right, its end 300 mil from the centre (30 units of 10 mil).
      const pin1 = pins[numbers.indexOf('1')]!;
      expect(pin1[4]).toBe(-30);
      expect(pin1[7]).toBe(0);
      expect(records.find((r) => r[0] === 'ATTR' && r[3] === 'Symbol')?.[4]).toBe(family.symbolName);
    });
  }
});

describe('EasyEDA Pro library (.elibz)', () => {
  it('indexes every footprint family once in device.json, each with its .efoo under FOOTPRINT/', () => {
    const zip = unzipSync(easyedaLibrary());
    const index = JSON.parse(decoder.decode(zip['device.json']!)) as { footprints: Record<string, { title: string; description: string }> };
    const entries = Object.entries(index.footprints);
    expect(entries.map(([, f]) => f.title).sort()).toEqual(footprintFamilies.map((f) => f.footprintName).sort());
    for (const [uuid, f] of entries) {
      expect(uuid).toMatch(/^[0-9a-f]{32}$/);
      const efoo = decoder.decode(zip[`FOOTPRINT/${uuid}.efoo`]!);
      expect(lines(efoo).find((r) => r[0] === 'ATTR' && r[7] === 'Footprint')?.[8]).toBe(f.title);
      expect(f.description).toContain('LAND PATTERN PROVENANCE');
    }
    expect(Object.keys(zip)).toHaveLength(2 * footprintFamilies.length + 1);
  });

  it("gives every catalog part number a device joining its family's symbol and footprint", () => {
    const zip = unzipSync(easyedaLibrary());
    const index = JSON.parse(decoder.decode(zip['device.json']!)) as {
      devices: Record<string, { title: string; attributes: Record<string, string> }>;
      symbols: Record<string, { title: string }>;
      footprints: Record<string, { title: string }>;
    };
    const devices = Object.values(index.devices);
    expect(devices.map((d) => d.title).sort()).toEqual(footprintFamilies.flatMap((f) => f.partNumbers).sort());
    for (const family of footprintFamilies) {
      for (const pn of family.partNumbers) {
        const d = devices.find((x) => x.title === pn)!;
        expect(d.attributes).toMatchObject({ Manufacturer: 'Panasonic', 'Manufacturer Part': pn, Designator: 'J?' });
        expect(index.footprints[d.attributes.Footprint!]?.title).toBe(family.footprintName);
        expect(index.symbols[d.attributes.Symbol!]?.title).toBe(family.symbolName);
        expect(zip[`SYMBOL/${d.attributes.Symbol}.esym`]).toBeDefined();
      }
    }
  });

  it('is byte-identical for the same input (fixed zip dates, ids from names)', () => {
    const a = easyedaLibrary();
    const b = easyedaLibrary();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(easyedaLibraryFiles()).toEqual(easyedaLibraryFiles());
  });

  it('is the same bytes in every time zone (the zip stores local time)', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      const east = easyedaLibrary();
      process.env.TZ = 'America/Adak';
      const west = easyedaLibrary();
      expect(new Date(0).getTimezoneOffset()).not.toBe(0);
      expect(Buffer.from(east).equals(Buffer.from(west))).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('gives each name its own id, the same on every call', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(easyedaUuid(a)).toBe(easyedaUuid(a));
        if (a !== b) expect(easyedaUuid(a)).not.toBe(easyedaUuid(b));
      }),
    );
    const ids = footprintFamilies.map((f) => easyedaUuid(f.footprintName));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
