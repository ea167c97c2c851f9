/**
 * Guards data/a4s.catalog.json against the catalog text, cell by cell. A typo in either fails it.
 */
import { describe, expect, it } from 'vitest';
import raw from '../data/a4s.catalog.json' with { type: 'json' };
import { catalog } from '../src/catalog/index.js';
import { parseCatalog } from '../src/catalog/validate.js';
import { catalogText, dimensionTables, inspectionTable, numberPosition, numberWritten, productTables, tapeTables, textContains } from './catalog-text.js';

describe('catalog text reader (sanity: it found the tables)', () => {
  it('reads 29 + 13 product rows, 16/16/13 dimension rows, 3 + 2 tape rows, 16 inspection pin counts', () => {
    expect(productTables['8mm-pitch'].rows).toHaveLength(29);
    expect(productTables['4mm-pitch'].rows).toHaveLength(13);
    expect(dimensionTables.socket).toHaveLength(16);
    expect(dimensionTables['header-0.8']).toHaveLength(16);
    expect(dimensionTables['header-1.0']).toHaveLength(13);
    expect(tapeTables['8mm-pitch']).toHaveLength(3);
    expect(tapeTables['4mm-pitch']).toHaveLength(2);
    expect(inspectionTable.pins).toHaveLength(16);
  });
});

describe('product-type tables', () => {
  for (const table of catalog.productTypes) {
    const text = productTables[table.packaging];
    it(`${table.packaging}: every row, cell by cell`, () => {
      expect(table.rows.map((r) => ({ ...r }))).toEqual(text.rows);
    });
    it(`${table.packaging}: standard packing`, () => {
      expect(table.piecesPerReel).toBe(text.piecesPerReel);
      expect(table.piecesPerOuterCarton).toBe(text.piecesPerOuterCarton);
      expect(catalogText).toContain(`${table.tapePitchMm} mm pitch embossed packaging`);
      expect(textContains(table.orderUnit)).toBe(true);
      expect(textContains(table.otherPinCounts)).toBe(true);
    });
  }
});

describe('dimension tables', () => {
  for (const table of catalog.dimensionTables) {
    it(`${table.id}: every row, cell by cell`, () => {
      expect(table.rows.map((r) => ({ ...r }))).toEqual(dimensionTables[table.id]);
    });
  }
  it('header general tolerance ±0.2 is in the text', () => {
    expect(catalogText).toMatch(/General tolerance: ±0\.2/);
    expect(catalog.dimensionTables.filter((t) => t.role === 'header').every((t) => t.generalToleranceMm === 0.2)).toBe(true);
  });
});

describe('tape and reel tables', () => {
  for (const table of catalog.tape.tables) {
    it(`${table.packaging}: every row, cell by cell`, () => {
      const data = table.rows.map((r) => ({ pinsLabel: r.pinsLabel, tapeType: r.tapeType, A: r.A, B: r.B, C: r.C, D: r.D, piecesPerReel: r.piecesPerReel }));
      expect(data).toEqual(tapeTables[table.packaging]);
    });
    it(`${table.packaging}: the pin ranges match their labels`, () => {
      for (const r of table.rows) {
        const label = r.pinsLabel;
        if (label.startsWith('Max.')) expect([r.pinsMin, r.pinsMax]).toEqual([null, Number(label.slice(5))]);
        else if (label.includes(' to ')) expect([r.pinsMin, r.pinsMax]).toEqual(label.split(' to ').map(Number));
        else expect([r.pinsMin, r.pinsMax]).toEqual([Number(label), Number(label)]);
      }
    });
  }
  it('standards', () => {
    expect(catalogText).toContain(`In accordance with ${catalog.tape.tapingStandard}.`);
    expect(catalogText).toContain(`In accordance with ${catalog.tape.reelStandard}.`);
  });
});

describe('inspection parts', () => {
  it('patterns, pin counts, cycles, lot minimum', () => {
    expect(catalog.inspection.socketPattern).toBe(inspectionTable.socketPattern);
    expect(catalog.inspection.headerPattern).toBe(inspectionTable.headerPattern);
    expect([...catalog.inspection.pinsAvailable]).toEqual(inspectionTable.pins);
    expect(catalogText).toContain(`${catalog.inspection.matingCycles.toLocaleString('en-US')} mating and unmating cycles`);
    expect(catalogText).toContain(`no less than ${catalog.inspection.minimumOrderPiecesPerLot} pieces per lot`);
    expect(catalog.inspection.productionUse).toBe(false);
    expect(catalogText).toContain('Please avoid using for applications other than inspection.');
  });
});

describe('characteristics, materials and rules', () => {
  for (const c of catalog.characteristics) {
    it(`characteristic ${c.id}: text, conditions and every number are in the catalog`, () => {
      expect(textContains(c.item)).toBe(true);
      expect(textContains(c.text)).toBe(true);
      if (c.conditions && c.conditions !== 'initial') expect(textContains(c.conditions)).toBe(true);
      // In the order the cell writes them, so that swapped values (socket/header weight, min/max) fail.
      const cell = `${c.text} ${c.conditions ?? ''}`;
      let at = 0;
      for (const v of c.values) {
        const found = numberPosition(v.value, cell, at);
        expect(found, `${c.id}.${v.name} = ${v.value} (after position ${at} of "${cell}")`).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
    });
  }
  it('thermal shock profile matches the text', () => {
    const row = catalog.characteristics.find((c) => c.id === 'thermal-shock')! as unknown as {
      profile: { temperatureC: number | null; timeMin: number | null }[];
    };
    expect(row.profile.map((p) => p.temperatureC)).toEqual([-55, null, 85, null, -55]);
    expect(row.profile.map((p) => p.timeMin)).toEqual([30, 5, 30, 5, null]);
    expect(catalogText).toMatch(/<td>1<\/td> <td>−55<sub>−3<\/sub><sup>0<\/sup><\/td> <td>30<\/td>/);
    expect(catalogText).toMatch(/<td>3<\/td> <td>85<sub>0<\/sub><sup>\+3<\/sup><\/td> <td>30<\/td>/);
  });
  for (const m of catalog.materials) {
    it(`material ${m.part}`, () => {
      expect(textContains(`${m.part}\t${m.material}`)).toBe(true);
      if (m.surfaceTreatment) expect(textContains(m.surfaceTreatment)).toBe(true);
    });
  }
  it('every number in every rule is written in the catalog text', () => {
    for (const rule of catalog.rules) {
      for (const v of rule.values) {
        const readFrom = (v as { readFrom?: string }).readFrom;
        // Counts read from words ("Double", "one operation") name the words, which must be in the rule and the catalog.
        if (readFrom) {
          expect(rule.text, `${rule.id}.${v.name}`).toContain(readFrom);
          expect(textContains(readFrom), `${rule.id}.${v.name}`).toBe(true);
        } else {
          expect(numberWritten(v.value), `${rule.id}.${v.name} = ${v.value}`).toBe(true);
        }
        expect((v as { limit?: string }).limit === undefined || readFrom !== 'Double', `${rule.id}: "possible" is not a limit`).toBe(true);
      }
    }
  });
  it('the rules the issue names carry their numbers', () => {
    const values = (id: string) => catalog.rules.find((r) => r.id === id)!.values.map((v) => v.value);
    expect(values('placement-error')).toEqual([0.2, 0.3]);
    expect(values('metal-mask-socket')).toEqual([120, 70, 70]);
    expect(values('metal-mask-header')).toEqual([120, 70, 100]);
    expect(values('static-humidity')).toEqual([40, 60]);
    expect(values('hand-soldering-iron')).toEqual([300, 5, 350, 3]);
    expect(values('reflow-profile')).toEqual([260]);
  });
});

describe('schema guards the data', () => {
  it('rejects a mistyped part number and names the record', () => {
    const broken = structuredClone(raw) as typeof raw;
    broken.productTypes[0]!.rows[3]!.header = 'AXE616125';
    expect(() => parseCatalog(broken)).toThrow(/productTypes\.0\.rows\.3\.header/);
  });
  it('rejects a row whose part number disagrees with its pin count', () => {
    const broken = structuredClone(raw) as typeof raw;
    broken.productTypes[1]!.rows[0]!.socket = 'AXE512127D';
    expect(() => parseCatalog(broken)).toThrow(/inconsistent/);
  });
  it('rejects an unknown field (no silent typos in keys)', () => {
    const broken = structuredClone(raw) as Record<string, unknown>;
    broken['prodcutTypes'] = [];
    expect(() => parseCatalog(broken)).toThrow(/invalid/);
  });
  it('every table and rule has a source', () => {
    const sources = [
      ...catalog.productTypes.map((t) => t.source),
      ...catalog.dimensionTables.map((t) => t.source),
      ...catalog.tape.tables.map((t) => t.source),
      ...catalog.characteristics.map((c) => c.source),
      ...catalog.rules.map((r) => r.source),
      ...catalog.materials.map((m) => m.source),
      catalog.inspection.source,
    ];
    expect(sources.every((s) => s.length > 5)).toBe(true);
  });
});
