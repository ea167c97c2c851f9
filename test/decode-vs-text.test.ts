/**
 * Acceptance: every part number in the catalog's tables decodes to the right role, pins, heights,
 * packaging, tape and dimensions — expectations computed from the catalog TEXT, not from the JSON.
 */
import { describe, expect, it } from 'vitest';
import { describePart } from '../src/select/index.js';
import { dimensionTables, inspectionTable, productTables, tapeTables, type TextTapeRow } from './catalog-text.js';

type Pack = keyof typeof productTables;

function tapeFor(pack: Pack, pins: number): TextTapeRow | undefined {
  return tapeTables[pack].find((r) => {
    if (r.pinsLabel.startsWith('Max. ')) return pins <= Number(r.pinsLabel.slice(5));
    if (r.pinsLabel.includes(' to ')) {
      const [lo, hi] = r.pinsLabel.split(' to ').map(Number);
      return pins >= lo! && pins <= hi!;
    }
    return pins === Number(r.pinsLabel);
  });
}

const allRows = (Object.keys(productTables) as Pack[]).flatMap((pack) => productTables[pack].rows.map((row) => ({ pack, row })));

describe('every catalog part number decodes as the text says', () => {
  for (const { pack, row } of allRows) {
    for (const role of ['socket', 'header'] as const) {
      const pn = row[role];
      it(`${pn} (${pack}, ${row.matedHeightMm} mm, ${row.pins} pins)`, () => {
        const d = describePart(pn);
        expect(d.status).toBe('standard');
        expect(d.partNumber).toBe(pn);
        expect(d.role).toBe(role);
        expect(d.pins).toBe(row.pins);
        expect(d.inspection).toBe(false);
        expect(d.matingCycles).toBe(30);
        // Heights at which a listed partner exists: all rows (any tape) sharing this part's pins (socket) or its own row (header).
        const heights = new Set(
          allRows
            .filter(({ row: r }) => r.pins === row.pins && (role === 'socket' || r.header.replace(/D$/, '') === pn.replace(/D$/, '')))
            .map(({ row: r }) => r.matedHeightMm),
        );
        expect(d.matedHeightsMm).toEqual([...heights].sort());
        const packing = productTables[pack];
        const tape = tapeFor(pack, row.pins)!;
        expect(d.packaging).toEqual({
          id: pack,
          tapePitchMm: pack === '8mm-pitch' ? 8 : 4,
          piecesPerReel: packing.piecesPerReel,
          piecesPerOuterCarton: packing.piecesPerOuterCarton,
          tapeType: tape.tapeType,
          tapeWidthMm: tape.A,
        });
        expect(tape.piecesPerReel).toBe(packing.piecesPerReel);
        const table = role === 'socket' ? dimensionTables.socket : dimensionTables[row.matedHeightMm === 0.8 ? 'header-0.8' : 'header-1.0'];
        const dims = table.find((r) => r.pins === row.pins)!;
        expect(d.dimensionsMm).toEqual({ A: dims.A, B: dims.B, C: dims.C });
        expect(d.dimensionsProvenance).toBe('catalog');
        expect(d.errors).toEqual([]);
      });
    }
  }

  for (const pins of inspectionTable.pins) {
    for (const [role, pattern] of [
      ['socket', inspectionTable.socketPattern],
      ['header', inspectionTable.headerPattern],
    ] as const) {
      const pn = pattern!.replace('**', String(pins).padStart(2, '0'));
      it(`${pn} (inspection)`, () => {
        const d = describePart(pn);
        expect(d).toMatchObject({ status: 'standard', role, pins, inspection: true, matingCycles: 3000, matedHeightsMm: null, packaging: null });
        // "Same external dimensions and foot pattern as standard type."
        const dims = (role === 'socket' ? dimensionTables.socket : dimensionTables['header-0.8']).find((r) => r.pins === pins)!;
        expect(d.dimensionsMm).toEqual({ A: dims.A, B: dims.B, C: dims.C });
      });
    }
  }

  it('packaging never changes what mates: a socket on either tape has the same partners and heights', () => {
    for (const { row } of allRows.filter(({ pack }) => pack === '4mm-pitch')) {
      const on4 = describePart(row.socket);
      const on8 = describePart(row.socket.replace(/D$/, ''));
      expect(on4.matedHeightsMm).toEqual(on8.matedHeightsMm);
      expect(on4.dimensionsMm).toEqual(on8.dimensionsMm);
    }
  });
});
