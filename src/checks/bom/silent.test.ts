import { describe, expect, it } from 'vitest';
import { checkPartNumber } from '../../partnumber/index.js';
import { check, codes } from '../../../test/support/bom-check.js';
import { renderReport } from '../index.js';

describe('BOM answers that must not be silently wrong (issue 9)', () => {
  it.each(['AXE540127-D', 'AXE540127 D', 'AXE540127_D', 'AXE540127.D', 'axe540127 - d'])(
    'packaging suffix after a separator "%s": invalid with the suggestion, as decode says; never AXE540127',
    (mpn) => {
      const r = check(`MPN,Qty\n${mpn},2\n`, { boards: 12_000 });
      expect(r.parts.map((p) => p.partNumber)).not.toContain('AXE540127');
      expect(r.parts).toEqual([]);
      const f = r.findings.find((x) => x.code === 'BOM_PART_INVALID');
      expect(f?.lines).toEqual([2]);
      expect(f?.message).toMatch(/AXE540127D/);
      // The same answer as the decoder's for the same text.
      const decoded = checkPartNumber(mpn);
      expect(decoded.status).toBe('invalid');
      expect(f?.message).toContain(decoded.errors[0]!.message);
    },
  );

  it('a part number followed by words is still read ("AXE540127 Panasonic", "AXE540127 (socket)")', () => {
    const r = check('MPN,Qty\nAXE540127 Panasonic,1\nAXE640124 (header),1\n');
    expect(r.parts.map((p) => p.partNumber)).toEqual(['AXE540127', 'AXE640124']);
    expect(codes(r)).not.toContain('BOM_PART_INVALID');
  });

  it('a Cyrillic "А" (U+0410) in an MPN cell is reported as decode reports it, not skipped', () => {
    const mpn = '\u0410XE540127';
    const r = check(`MPN,Qty\n${mpn},1\n`);
    expect(r.a4sLines).toBe(1);
    const f = r.findings.find((x) => x.code === 'BOM_PART_INVALID');
    expect(f?.lines).toEqual([2]);
    expect(f?.message).toContain(checkPartNumber(mpn).errors[0]!.message);
    expect(f?.message).toMatch(/AXE540127/);
  });

  it('Greek and Cyrillic look-alikes inside the part number are reported too', () => {
    const r = check('MPN,Qty\nAX\u0395540127,1\nA\u0425E640124,1\n');
    expect(r.findings.filter((x) => x.code === 'BOM_PART_INVALID').flatMap((f) => f.lines)).toEqual([2, 3]);
  });

  it('DNP lines (KiCad DNP column, "DNP"/"Do not populate"/"Not fitted" values, JLCPCB) are listed but not counted', () => {
    const kicad = check('"Reference","Value","Qty","DNP"\n"J1","AXE540127","1","DNP"\n"J2","AXE640124","1",""\n');
    expect(kicad.parts.map((p) => [p.partNumber, p.quantity])).toEqual([['AXE640124', 1]]);
    expect(kicad.dnpLines).toBe(1);
    const dnp = kicad.findings.find((f) => f.code === 'BOM_LINE_DNP');
    expect(dnp?.lines).toEqual([2]);
    expect(dnp?.partNumbers).toEqual(['AXE540127']);
    expect(dnp?.severity).toBe('info');
    // the header's partner is DNP: it is missing for the mating check
    expect(codes(kicad)).toContain('BOM_MATE_MISSING');
    expect(renderReport(kicad, 'text')).toMatch(/do.not.populate/i);

    for (const marked of ['AXE540127 DNP', 'AXE540127 (Do not populate)', 'AXE540127 - Not fitted', 'AXE540127 DNF']) {
      const r = check(`Comment,Designator,Footprint\n${marked},J1,A4S\nAXE640124,J2,A4S\n`, { boards: 100 });
      expect(
        r.parts.map((p) => p.partNumber),
        marked,
      ).toEqual(['AXE640124']);
      expect(
        r.findings.find((f) => f.code === 'BOM_REEL_ROUNDING' && f.partNumbers.includes('AXE540127')),
        marked,
      ).toBeUndefined();
      expect(codes(r), marked).toContain('BOM_LINE_DNP');
    }
    // a Populate/Fitted column saying no
    const fitted = check('MPN,Qty,Fitted\nAXE540127,1,No\nAXE640124,1,Yes\n');
    expect(fitted.parts.map((p) => p.partNumber)).toEqual(['AXE640124']);
    // KiCad's DNP column with an empty cell is populated
    const populated = check('Reference,Value,DNP\nJ1,AXE540127,\n');
    expect(populated.parts.map((p) => p.partNumber)).toEqual(['AXE540127']);
    expect(populated.dnpLines).toBe(0);
  });

  it('a quantity of 0 is BOM_QUANTITY_UNREADABLE, not "0 pieces → 1 reel"', () => {
    const r = check('MPN,Qty\nAXE540127,0\n');
    const f = r.findings.find((x) => x.code === 'BOM_QUANTITY_UNREADABLE');
    expect(f?.lines).toEqual([2]);
    expect(f?.message).toMatch(/"0"/);
    expect(r.findings.map((x) => x.message).join('\n')).not.toMatch(/(^|[^\d,])0 pieces/);
  });

  it('a quantity or boards × quantity beyond the order bound gets the order finding; no 1e20', () => {
    const huge = check('MPN,Qty\nAXE540127,99999999999999999999\n');
    const text = huge.findings.map((x) => x.message).join('\n') + renderReport(huge, 'text');
    expect(text).not.toMatch(/e\+?20/);
    expect(huge.findings.find((x) => x.code === 'BOM_QUANTITY_TOO_LARGE')?.message).toMatch(/99999999999999999999/);
    const many = check('MPN,Qty\nAXE540127,500\n', { boards: 100_000_000 });
    const f = many.findings.find((x) => x.code === 'BOM_QUANTITY_TOO_LARGE');
    expect(f?.partNumbers).toEqual(['AXE540127']);
    expect(f?.message).toMatch(/50,000,000,000 pieces/);
    expect(f?.message).toMatch(/1,000,000,000/);
    expect(codes(many)).not.toContain('BOM_REEL_ROUNDING');
  });

  it('a nonstandard part: no empty lists in the text; says there is no standard partner and names the nearest standard parts', () => {
    // AXE536127: a 36-pin socket on 8 mm tape, which the catalog does not list, nor any header to mate with it
    const r = check('MPN,Qty\nAXE536127,1\n');
    const all = r.findings.map((f) => `${f.message} ${f.fix}`).join('\n');
    expect(all).not.toMatch(/partners: \./);
    expect(all).not.toMatch(/one of {2}/);
    expect(all).not.toMatch(/:\s*\./);
    const mate = r.findings.find((f) => f.code === 'BOM_MATE_MISSING')!;
    expect(mate.message).toMatch(/no standard header/i);
    expect(mate.message).toMatch(/AXE534127/);
    expect(mate.fix).toMatch(/AXE534127/);
  });
});
