/**
 * src/select, src/order and src/drawing read the series they are given, not the built-in catalog
 * (issue 22 item 1). A made-up edition: the built-in catalog with its prefix AXE written ZQX and its
 * name A4S written Q9T everywhere (form, table part numbers, inspection patterns, sources), validated
 * by parseCatalog. Metamorphic: every answer for the edition equals the built-in answer with the
 * same renaming, and names no AXE part number. A second edition changes numbers (reel quantity,
 * contact force, a dimension row) to show that the numbers, too, are the edition's.
 */
import { describe, expect, it } from 'vitest';
import { builtInSeries, type Catalog, createSeries, type Series } from '../src/catalog/index.js';
import { parseCatalog } from '../src/catalog/validate.js';
import { drawingOfGeometry } from '../src/drawing/index.js';
import { geometryFor } from '../src/geometry/index.js';
import { orderQuantities } from '../src/order/index.js';
import { checkPartNumber } from '../src/partnumber/index.js';
import { createApp } from '../src/server/index.js';
import { describePart, dimensionsFor, explainPart, matesOf, matingForces, queryParts, type PartQuery } from '../src/select/index.js';

/** The built-in text as the edition would write it. */
const rename = (text: string): string => text.replaceAll('AXE', 'ZQX').replaceAll('A4S', 'Q9T');
const same = (builtIn: unknown, edition: unknown) => expect(JSON.stringify(edition)).toBe(rename(JSON.stringify(builtIn)));
const noAxe = (value: unknown) => expect(JSON.stringify(value)).not.toMatch(/AXE/);

function editionCatalog(edit: (raw: Catalog) => void = () => {}): Catalog {
  // A plain (unfrozen) copy: the edits below write into it before parseCatalog checks it.
  const raw = JSON.parse(rename(JSON.stringify(builtInSeries.catalog))) as Catalog;
  edit(raw);
  return parseCatalog(raw, 'test edition Q9T');
}

const q9t: Series = createSeries(editionCatalog());

describe('the made-up edition Q9T (prefix ZQX)', () => {
  it('is a valid catalog of its own grammar: every listed part is a ZQX number', () => {
    expect(q9t.name).toBe('Q9T');
    expect(q9t.grammar.prefix).toBe('ZQX');
    expect(q9t.parts.length).toBe(builtInSeries.parts.length);
    expect(q9t.parts.every((p) => p.partNumber.startsWith('ZQX'))).toBe(true);
    // The built-in numbers are not the edition's parts.
    expect(checkPartNumber('AXE540127', q9t).status).toBe('invalid');
  });

  it('queryParts lists the edition’s parts, as the built-in ones renamed, whatever the filters', () => {
    const queries: PartQuery[] = [
      {},
      { role: 'socket' },
      { pins: 40 },
      { matedHeightMm: 1.0 },
      { packaging: '4mm-pitch' },
      { inspection: true },
      { minSignals: 33 },
    ];
    for (const query of queries) {
      const answer = queryParts(query, q9t);
      expect(answer.parts.length, JSON.stringify(query)).toBeGreaterThan(0);
      noAxe(answer);
      same(queryParts(query), answer);
    }
  });

  it('describePart, matesOf, explainPart and dimensionsFor of every listed part: the built-in answer renamed', () => {
    for (const part of builtInSeries.parts) {
      const pn = rename(part.partNumber);
      const described = describePart(pn, q9t);
      expect(described.status, pn).toBe('standard');
      noAxe([described, matesOf(pn, q9t), explainPart(pn, q9t)]);
      same(describePart(part.partNumber), described);
      same(matesOf(part.partNumber), matesOf(pn, q9t));
      same(explainPart(part.partNumber), explainPart(pn, q9t));
      const f = checkPartNumber(pn, q9t).fields!;
      same(dimensionsFor(f.role, f.pins, f.matedHeightMm, f.inspection), dimensionsFor(f.role, f.pins, f.matedHeightMm, f.inspection, q9t));
    }
  });

  it('unlisted, renamed and invalid inputs are answered in the edition’s terms', () => {
    // 42 pins: well formed, not listed; 124: the old socket code; AXE5: too short.
    for (const input of ['AXE542127', 'AXE540124', 'AXE5', 'AXE6E4026']) {
      const edition = rename(input);
      noAxe([describePart(edition, q9t), matesOf(edition, q9t), explainPart(edition, q9t)]);
      same(describePart(input), describePart(edition, q9t));
      same(matesOf(input), matesOf(edition, q9t));
      same(explainPart(input), explainPart(edition, q9t));
    }
  });

  it('order quantities: reels, cartons, alternatives and notes of the edition', () => {
    const cases: [string, number][] = [
      ['AXE540127', 12_000],
      ['AXE540127D', 40_000],
      ['AXE640124', 10],
      ['AXE5E4026', 20],
      ['AXE540124', 5_000],
      ['AXE542127', 100],
    ];
    for (const [pn, pieces] of cases) {
      const edition = orderQuantities(rename(pn), pieces, q9t);
      noAxe(edition);
      same(orderQuantities(pn, pieces), edition);
    }
    const plan = orderQuantities('ZQX540127', 12_000, q9t);
    expect(plan.ok && plan.value.suggestion).toMatch(/^ZQX540127D /);
  });

  it('the drawing names the edition (series, part number, pitch, heights) and is otherwise the built-in drawing', () => {
    for (const pn of ['AXE540127', 'AXE640224', 'AXE6E4026', 'AXE540124']) {
      const g = geometryFor(pn);
      if (!g.ok) throw new Error(`${pn}: ${g.error.message}`);
      // The geometry (land pattern, with its sources) is src/geometry's: here the built-in part's, renamed as the edition would write it.
      const editionPn = rename(g.value.partNumber);
      const editionGeometry = { ...(JSON.parse(rename(JSON.stringify(g.value))) as typeof g.value), check: checkPartNumber(rename(pn), q9t) };
      const edition = drawingOfGeometry(editionGeometry, q9t);
      const builtIn = drawingOfGeometry(g.value);
      expect(edition.content).toContain(`Panasonic Q9T ${editionPn}`);
      expect(edition.content).not.toContain('Panasonic A4S');
      // No AXE number but in the footprint and 3D-model names, src/geometry's (footprintName/modelName take no series yet).
      const ownLines = edition.content.split('\n').filter((line) => !/>(Footprint|3D model) /.test(line));
      expect(ownLines.join('\n')).not.toMatch(/AXE/);
      // Footprint and 3D-model names come from src/geometry (not yet given the series): compared renamed.
      expect(rename(edition.content)).toBe(rename(builtIn.content));
      expect(edition.fileName).toBe(`${editionPn}.svg`);
      same(builtIn.numbers, edition.numbers);
    }
  });
});

describe('an edition with other numbers', () => {
  const other = createSeries(
    editionCatalog((raw) => {
      const eightMm = raw.productTypes.find((t) => t.packaging === '8mm-pitch')!;
      eightMm.piecesPerReel = 7000;
      eightMm.piecesPerOuterCarton = 35_000;
      const force = raw.characteristics.find((c) => c.id === 'insertion-force')!;
      force.values.find((v) => v.name === 'forcePerContactN')!.value = 2;
      raw.dimensionTables.find((t) => t.id === 'socket')!.rows.find((r) => r.pins === 40)!.A = 12.34;
    }),
  );

  it('reel quantities, forces and dimensions are read from the edition given, the built-in ones unchanged', () => {
    const plan = orderQuantities('ZQX540127', 12_000, other);
    expect(plan.ok && plan.value.reels!.piecesPerReel.value).toBe(7000);
    expect(plan.ok && plan.value.reels!.reels).toBe(2);
    expect(describePart('ZQX540127', other).packaging?.piecesPerReel).toBe(7000);
    expect(matingForces(40, {}, other).insertionMaxN).toBe(80);
    expect(dimensionsFor('socket', 40, null, false, other).dimensionsMm.A).toBe(12.34);
    expect(describePart('ZQX540127', other).dimensionsMm?.A).toBe(12.34);
    // The built-in answers are their own (no cache shared between editions).
    expect(describePart('AXE540127').packaging?.piecesPerReel).toBe(5000);
    expect(dimensionsFor('socket', 40, null).dimensionsMm.A).not.toBe(12.34);
    expect(describePart('ZQX540127', q9t).packaging?.piecesPerReel).toBe(5000);
  });
});

describe('the API answers for the series it is given (input.series)', () => {
  it('parts, decode, mates, explain and order of a Q9T app: the built-in app’s answers renamed, no AXE number', async () => {
    const builtIn = createApp();
    const edition = createApp({ series: q9t });
    try {
      for (const path of [
        '/api/parts?pins=40',
        '/api/parts?min-signals=33&role=header',
        '/api/parts/AXE540127',
        '/api/parts/AXE542127',
        '/api/parts/AXE640224/mates',
        '/api/parts/AXE6E4026/explain',
        '/api/order?pn=AXE540127&qty=12000',
      ]) {
        const a = await builtIn.request(path);
        const b = await edition.request(rename(path));
        expect([a.status, b.status], path).toEqual([200, 200]);
        const text = await b.text();
        expect(text, path).not.toMatch(/AXE/);
        expect(text, path).toBe(rename(await a.text()));
      }
      // The built-in numbers are not the edition's parts.
      expect((await edition.request('/api/parts/AXE540127')).status).toBe(404);
    } finally {
      await Promise.all([builtIn.close(), edition.close()]);
    }
  });
});
