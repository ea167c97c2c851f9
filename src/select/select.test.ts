/**
 * Selection (queryParts), mating partners (matesOf, matedHeightsOf) and the filter parser
 * (partQueryFromFilters). Expected values are read from the catalog data itself
 * (data/a4s.catalog.json, read here without the toolkit's loader), not from the code's answers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainPart, matedHeightsOf, matesOf, partQueryFromFilters, queryParts, type PartQuery } from './index.js';
import { checkPartNumber } from '../partnumber/index.js';

interface Row {
  matedHeightMm: 0.8 | 1.0;
  pins: number;
  socket: string;
  header: string;
}
interface Data {
  productTypes: { packaging: '8mm-pitch' | '4mm-pitch'; source: string; rows: Row[] }[];
  tape: { tables: { source: string }[] };
  inspection: { socketPattern: string; headerPattern: string; pinsAvailable: number[] };
}

const data = JSON.parse(readFileSync(new URL('../../data/a4s.catalog.json', import.meta.url), 'utf8')) as Data;
const rows = data.productTypes.flatMap((t) => t.rows.map((r) => ({ ...r, packaging: t.packaging })));
const inspectionSockets = data.inspection.pinsAvailable.map((n) => data.inspection.socketPattern.replace('**', String(n).padStart(2, '0')));
const inspectionHeaders = data.inspection.pinsAvailable.map((n) => data.inspection.headerPattern.replace('**', String(n).padStart(2, '0')));
const standardSockets = new Set(rows.map((r) => r.socket));
const standardHeaders = new Set(rows.map((r) => r.header));

const numbers = (query: PartQuery = {}): string[] =>
  queryParts(query)
    .parts.map((p) => p.partNumber!)
    .sort();
const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

describe('queryParts: the filters select the catalog’s own lists', () => {
  it('no filter: every part of the product-type tables and of the inspection table, once', () => {
    expect(numbers()).toEqual(sorted([...standardSockets, ...standardHeaders, ...inspectionSockets, ...inspectionHeaders]));
  });

  it('role: sockets are the Socket column (and AXE5E…26), headers the Header column (and AXE6E…26)', () => {
    expect(numbers({ role: 'socket' })).toEqual(sorted([...standardSockets, ...inspectionSockets]));
    expect(numbers({ role: 'header' })).toEqual(sorted([...standardHeaders, ...inspectionHeaders]));
  });

  it('pins: the rows of that pin count, and the inspection parts when the inspection table lists it', () => {
    for (const pins of [10, 40, 80, 32]) {
      const inspection = data.inspection.pinsAvailable.includes(pins)
        ? [inspectionSockets, inspectionHeaders].map((l) => l.find((pn) => pn.includes(`E${pins}`))!)
        : [];
      const expected = sorted([...rows.filter((r) => r.pins === pins).flatMap((r) => [r.socket, r.header]), ...inspection]);
      expect(numbers({ pins }), `${pins} pins`).toEqual(expected);
    }
    expect(numbers({ pins: 42 })).toEqual([]); // not a catalog pin count
  });

  it('height: headers of that height’s rows; sockets of every pin count listed at that height (a socket serves both heights, whatever its tape); no inspection part (height not stated)', () => {
    for (const height of [0.8, 1.0] as const) {
      const ofHeight = rows.filter((r) => r.matedHeightMm === height);
      const pinCounts = new Set(ofHeight.map((r) => r.pins));
      expect(numbers({ matedHeightMm: height, role: 'header' }), `${height} mm headers`).toEqual(sorted(ofHeight.map((r) => r.header)));
      expect(numbers({ matedHeightMm: height, role: 'socket' }), `${height} mm sockets`).toEqual(
        sorted(rows.filter((r) => pinCounts.has(r.pins)).map((r) => r.socket)),
      );
    }
  });

  it('the catalog lists the same socket in the 0.8 mm and the 1.0 mm rows of a pin count', () => {
    const tallRows = rows.filter((r) => r.matedHeightMm === 1.0);
    expect(tallRows.length).toBeGreaterThan(0);
    for (const r of tallRows)
      expect(
        rows.some((low) => low.matedHeightMm === 0.8 && low.pins === r.pins && low.socket === r.socket),
        r.socket,
      ).toBe(true);
  });

  it('packaging: the parts of that packaging’s table only (the 4 mm table’s numbers end in D)', () => {
    for (const t of data.productTypes) {
      expect(numbers({ packaging: t.packaging }), t.packaging).toEqual(sorted(t.rows.flatMap((r) => [r.socket, r.header])));
    }
    expect(numbers({ packaging: '4mm-pitch' }).every((pn) => pn.endsWith('D'))).toBe(true);
  });

  it('inspection: true gives the inspection table only, false the product-type tables only', () => {
    expect(numbers({ inspection: true })).toEqual(sorted([...inspectionSockets, ...inspectionHeaders]));
    expect(numbers({ inspection: false })).toEqual(sorted([...standardSockets, ...standardHeaders]));
  });

  it('minSignals: the smallest listed pin count at or above N among the other filters’ parts', () => {
    const fourMm = data.productTypes.find((t) => t.packaging === '4mm-pitch')!.rows;
    const expectedPins = Math.min(...fourMm.map((r) => r.pins).filter((p) => p >= 65));
    const answer = queryParts({ minSignals: 65, packaging: '4mm-pitch' });
    expect(answer.chosenPins).toBe(Number.isFinite(expectedPins) ? expectedPins : null);
    const all = queryParts({ minSignals: 33, role: 'socket', inspection: false });
    const smallest = Math.min(...rows.map((r) => r.pins).filter((p) => p >= 33));
    expect(all.chosenPins).toBe(smallest);
    expect(sorted(all.parts.map((p) => p.partNumber!))).toEqual(sorted(rows.filter((r) => r.pins === smallest).map((r) => r.socket)));
    expect(queryParts({ minSignals: 81 }).chosenPins).toBeNull(); // above the largest catalog count
  });
});

describe('mating partners', () => {
  const standardPartners = (pn: string) => matesOf(pn).partners.filter((p) => !p.inspection);

  it('a socket mates with every header of its pin count, at both heights (the socket is common to 0.8 and 1.0 mm)', () => {
    const socket = rows.find((r) => r.matedHeightMm === 1.0)!.socket;
    const pins = rows.find((r) => r.socket === socket)!.pins;
    const expected = rows.filter((r) => r.pins === pins).map((r) => ({ partNumber: r.header, matedHeightMm: r.matedHeightMm }));
    const got = standardPartners(socket).map((p) => ({ partNumber: p.partNumber, matedHeightMm: p.matedHeightMm }));
    expect(sorted(got.map((p) => `${p.partNumber}@${p.matedHeightMm}`))).toEqual(sorted(expected.map((p) => `${p.partNumber}@${p.matedHeightMm}`)));
    expect(matedHeightsOf(checkPartNumber(socket).fields!)).toEqual([0.8, 1.0]);
  });

  it('a header decides the mated height: its partners are sockets, all at the header’s own height', () => {
    for (const r of rows.filter((row) => row.pins === 40)) {
      const partners = standardPartners(r.header);
      expect(partners.length, r.header).toBeGreaterThan(0);
      for (const p of partners) {
        expect(p.partNumber.startsWith('AXE5'), p.partNumber).toBe(true);
        expect(p.matedHeightMm, `${r.header} with ${p.partNumber}`).toBe(r.matedHeightMm);
      }
      expect(partners.map((p) => p.partNumber)).toContain(r.socket);
      expect(matedHeightsOf(checkPartNumber(r.header).fields!)).toEqual([r.matedHeightMm]);
    }
  });

  it('the packaging suffix does not change the partners', () => {
    const fourMm = data.productTypes.find((t) => t.packaging === '4mm-pitch')!.rows;
    for (const r of fourMm) {
      const eightMm = r.socket.replace(/D$/, '');
      expect(standardSockets.has(eightMm), eightMm).toBe(true);
      expect(standardPartners(r.socket), r.socket).toEqual(standardPartners(eightMm));
      expect(standardPartners(r.header), r.header).toEqual(standardPartners(r.header.replace(/D$/, '')));
    }
  });

  it('partners of a listed pair are catalog facts; an inspection partner is inferred, with no stated height', () => {
    const r = rows.find((row) => data.inspection.pinsAvailable.includes(row.pins))!;
    const partners = matesOf(r.socket).partners;
    expect(partners.filter((p) => !p.inspection).every((p) => p.basis === 'catalog')).toBe(true);
    const inspection = partners.filter((p) => p.inspection);
    expect(inspection.map((p) => p.partNumber)).toEqual([data.inspection.headerPattern.replace('**', String(r.pins).padStart(2, '0'))]);
    expect(inspection.every((p) => p.basis === 'inferred' && p.matedHeightMm === null)).toBe(true);
  });

  it('an invalid part number has no partners', () => {
    expect(matesOf('AXE5')).toEqual({ partNumber: null, status: 'invalid', partners: [] });
  });
});

describe('partQueryFromFilters: the words users type', () => {
  const error = (input: Parameters<typeof partQueryFromFilters>[0], prefix?: string) => {
    const r = partQueryFromFilters(input, prefix);
    if (r.ok) throw new Error(`accepted ${JSON.stringify(input)}`);
    return r.error;
  };
  const query = (input: Parameters<typeof partQueryFromFilters>[0]) => {
    const r = partQueryFromFilters(input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  it('reads every filter', () => {
    expect(query({ role: 'header', pins: ' 40 ', 'min-signals': '12', height: '1', packaging: '4mm-pitch', inspection: 'true' })).toEqual({
      role: 'header',
      pins: 40,
      minSignals: 12,
      matedHeightMm: 1.0,
      packaging: '4mm-pitch',
      inspection: true,
    });
    expect(query({ height: '0.8' }).matedHeightMm).toBe(0.8);
    expect(query({ height: '1.0' }).matedHeightMm).toBe(1.0);
  });

  it('flags: given without a value, true or 1 is on; false or 0 is off; production means inspection false', () => {
    for (const on of ['', 'true', '1', true] as const) expect(query({ inspection: on }).inspection, String(on)).toBe(true);
    for (const off of ['false', '0', false] as const) expect(query({ inspection: off }).inspection, String(off)).toBeUndefined();
    expect(query({ production: '' }).inspection).toBe(false);
    expect(query({}).inspection).toBeUndefined();
  });

  it('BAD_OPTION naming the filter, with the face’s prefix', () => {
    expect(error({ pins: 'abc' }, '--')).toEqual({ code: 'BAD_OPTION', message: '--pins "abc" is not an integer from 1 to 999.' });
    expect(error({ 'min-signals': '0' })).toEqual({ code: 'BAD_OPTION', message: 'min-signals "0" is not an integer from 1 to 999.' });
    expect(error({ role: 'plug' }).message).toBe('role "plug" must be one of: socket, header.');
    expect(error({ height: '2' }).message).toBe('height "2" must be one of: 0.8, 1.0, 1.');
    expect(error({ packaging: 'reel' }).message).toBe('packaging "reel" must be one of: 8mm-pitch, 4mm-pitch.');
    expect(error({ inspection: 'yes' }, '--').message).toBe('--inspection "yes" must be true or false (or given without a value).');
  });

  it('pin counts are digits only: a sign, a fraction, an exponent or hex is a typo', () => {
    for (const typo of ['+40', '40.0', '4e1', '0x28', '', '1000', '-1']) expect(error({ pins: typo }).code, typo).toBe('BAD_OPTION');
  });

  it('the first bad filter is named (height, role, pins, min-signals, packaging, then the flags)', () => {
    expect(error({ role: 'plug', pins: 'x' }).message).toMatch(/^role /);
    expect(error({ height: '3', role: 'plug' }).message).toMatch(/^height /);
    expect(error({ pins: 'x', inspection: 'maybe' }).message).toMatch(/^pins /);
  });

  it('inspection and production together are refused (they would find nothing)', () => {
    expect(error({ inspection: true, production: true }, '--').message).toBe(
      '--inspection and --production exclude each other: give one of them, or neither for both kinds.',
    );
  });
});

describe('explainPart: citations are cut from the catalog data’s source fields', () => {
  const sourceOf = (pn: string, field: string) => explainPart(pn).fields.find((f) => f.field === field)!.source;

  it('the packaging fields cite the product-type table and the tape dimension table by their headings in the data', () => {
    for (const t of data.productTypes) {
      const pn = t.rows[0]!.socket;
      // "PRODUCT TYPES / 4 mm pitch embossed packaging (table and Notes 1, 2)" → its heading, without the note.
      expect(t.source.startsWith(sourceOf(pn, 'packaging.tapePitchMm')), pn).toBe(true);
      expect(sourceOf(pn, 'packaging.piecesPerReel')).toBe(`${t.source.split(' / ')[0]} / Standard packing / Inner carton (1-reel)`);
    }
    const tapeHeading = data.tape.tables[0]!.source.split(' / ').slice(0, 2).join(' / ');
    expect(sourceOf('AXE540127', 'packaging.tapeType')).toBe(`${tapeHeading} / Type of taping`);
  });
});
