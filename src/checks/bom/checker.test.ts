import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderQuantities } from '../../order/index.js';
import { checkBomText, createBomChecker, joinQuotedCells, MAX_QUOTED_LINES, renderReport, type JoinedCells, type OpenQuotedCell } from '../index.js';
import { check, codes } from '../../../test/support/bom-check.js';

describe('BOM check', () => {
  it('KiCad export (Reference, Value, Qty): finds the part in Value, checks its partner', () => {
    const r = check('"Reference","Value","Datasheet","Footprint","Qty","DNP"\n"J1","AXE540127","","A4S:AXE540127","1",""\n"R1,R2","10k","","R_0402","2",""\n');
    expect(r.partColumn).toBe('Value');
    expect(r.parts.map((p) => [p.partNumber, p.quantity])).toEqual([['AXE540127', 1]]);
    expect(codes(r)).toContain('BOM_MATE_MISSING');
    expect(r.findings.find((f) => f.code === 'BOM_MATE_MISSING')!.lines).toEqual([2]);
  });

  it('JLCPCB style (Comment, Designator): quantity from the designators; the partner in the --mate BOM', () => {
    const mate = check('Comment,Designator,Footprint\nAXE640124,J9,A4S\n');
    const r = check('Comment,Designator,Footprint,LCSC\nAXE540127,"J1,J2",A4S,C0\n', { mateParts: mate.parts });
    expect(r.parts[0]!.quantity).toBe(2);
    expect(codes(r)).not.toContain('BOM_MATE_MISSING');
  });

  it('TSV, a named column, invalid and nonstandard part numbers with suggestions and line numbers', () => {
    const r = check('Ref\tMy PN\tQty\nJ1\tAXE540128\t1\nJ2\tAXE526127\t1\nJ3\tAXE640124\t1\n', { column: 'my pn' });
    const invalid = r.findings.find((f) => f.code === 'BOM_PART_INVALID')!;
    expect(invalid.lines).toEqual([2]);
    expect(invalid.message).toMatch(/AXE540127/);
    expect(r.findings.find((f) => f.code === 'BOM_PART_NONSTANDARD')!.lines).toEqual([3]);
  });

  it('empty cells past the header\'s last column are harmless (an exporter\'s trailing ";;"); a filled one is not', () => {
    const header = '"Id";"Designator";"Package";"Quantity";"Designation";"Supplier and ref";\n';
    const r = check(`${header}53;"K20";"AXE540127";1;"AXE540127";;;\n`);
    expect(r.unreadableLines).toBe(0);
    expect(r.parts.map((p) => [p.partNumber, p.quantity])).toEqual([['AXE540127', 1]]);
    const extra = check(`${header}53;"K20";"AXE540127";1;"AXE540127";;;x\n`);
    expect(extra.unreadableLines).toBe(1);
    expect(codes(extra)).toContain('BOM_LINE_UNREADABLE');
  });

  it('a line whose footprint cell names another A4S part than its part-number cell is an error; a packaging suffix is none', () => {
    const r = check('Designator,Footprint,Comment\nJ2,AXE644224,AXE644124\n');
    const conflict = r.findings.find((f) => f.code === 'BOM_LINE_PART_CONFLICT');
    expect(conflict?.severity).toBe('error');
    expect(conflict?.lines).toEqual([2]);
    expect(conflict?.message).toMatch(/0\.8 mm mated height against a 44-pin header of 1\.0 mm/);
    // An invalid part number in the part cell is still compared (a real BOM: CONN_AXE644124A_PAN under footprint AXE644224A).
    expect(codes(check('Designator,Footprint,Comment\nJ2,AXE644224A,CONN_AXE644124A_PAN\n'))).toEqual(
      expect.arrayContaining(['BOM_LINE_PART_CONFLICT', 'BOM_PART_INVALID']),
    );
    const same = check('Reference,Footprint,MPN\nJ1,Panasonic_A4S:Panasonic_A4S_AXE540127_2x20_P0.4mm_Socket,AXE540127D\n');
    expect(codes(same)).not.toContain('BOM_LINE_PART_CONFLICT');
  });

  it('a missing --column is an input error', () => {
    expect(checkBomText('a,b\n1,2\n', { column: 'MPN' })).toMatchObject({ ok: false, error: { code: 'BOM_COLUMN_NOT_FOUND' } });
  });

  it('mated heights that disagree, and the same part on both packagings', () => {
    const r = check('MPN,Qty\nAXE540127,1\nAXE640124,1\nAXE640224,1\nAXE540127D,1\n');
    expect(codes(r)).toEqual(expect.arrayContaining(['BOM_HEIGHT_CONFLICT', 'BOM_MIXED_PACKAGING']));
  });

  it('reel rounding agrees with orderQuantities, and suggests 4 mm tape when it saves reels', () => {
    const r = check('MPN,Qty\nAXE540127,3\nAXE640124,3\n', { boards: 4000 });
    const f = r.findings.find((x) => x.code === 'BOM_REEL_ROUNDING' && x.partNumbers[0] === 'AXE540127')!;
    // 3 × 4000 = 12,000 pieces: 3 reels of 5,000 (15,000, 3,000 left over); 4 mm tape: 1 reel of 15,000.
    expect(f.message).toMatch(/12000 pieces .* 3 reels of 5,000 = 15,000 pieces, 3,000 left over/);
    expect(f.message).toMatch(/AXE540127D/);
    const plan = orderQuantities('AXE540127', 12000);
    expect(plan.ok && plan.value.reels!.reels).toBe(3);
  });

  it('inspection parts in a production BOM, and the 50-piece minimum lot', () => {
    const r = check('MPN,Qty\nAXE5E4026,2\nAXE6E4026,2\n', { boards: 10 });
    expect(r.findings.filter((f) => f.code === 'BOM_INSPECTION_PART')).toHaveLength(2);
    expect(r.findings.filter((f) => f.code === 'BOM_INSPECTION_MIN_LOT')).toHaveLength(2); // 2 × 10 = 20 < 50
    const fixture = check('MPN,Qty\nAXE5E4026,5\nAXE6E4026,5\n', { boards: 10, fixture: true });
    expect(codes(fixture)).not.toContain('BOM_INSPECTION_PART');
    expect(codes(fixture)).not.toContain('BOM_INSPECTION_MIN_LOT'); // 50 pieces
  });

  it('lines it cannot read are reported with their line number, never dropped', () => {
    const r = check('MPN,Qty\nAXE540127,1\nAXE640124,1,extra\nAXE640124,x\n');
    expect(r.findings.find((f) => f.code === 'BOM_LINE_UNREADABLE')!.lines).toEqual([3]);
    expect(r.findings.find((f) => f.code === 'BOM_QUANTITY_UNREADABLE')!.lines).toEqual([4]);
    expect(r.unreadableLines).toBe(1);
  });

  it('an unclosed quote: the line where it opened is reported, every line after it is still read', () => {
    const r = check('Ref,MPN,Qty\nJ1,"AXE540127,1\nJ2,AXE640124,1\nJ3,AXE540127,1\nJ4,AXE640124,1\n');
    const unreadable = r.findings.filter((f) => f.code === 'BOM_LINE_UNREADABLE');
    expect(unreadable.map((f) => f.lines)).toEqual([[2]]);
    expect(unreadable[0]!.message).toMatch(/quote/);
    expect(r.unreadableLines).toBe(1);
    expect(r.lines).toBe(3);
    expect(r.parts.map((p) => [p.partNumber, p.quantity, p.lines])).toEqual([
      ['AXE540127', 1, [4]],
      ['AXE640124', 2, [3, 5]],
    ]);
    expect(renderReport(r, 'text')).toMatch(/Unreadable lines\s+1 \(line 2\)/);
  });

  it('a quote closed on a later line but followed by text: the opening line is reported, the rest re-read', () => {
    const r = check('Ref,MPN,Qty\nJ1,"AXE540127,1\nJ2,"AXE640124",1\nJ3,AXE540127,1\n');
    expect(r.findings.filter((f) => f.code === 'BOM_LINE_UNREADABLE').map((f) => f.lines)).toEqual([[2]]);
    expect(r.parts.map((p) => [p.partNumber, p.lines])).toEqual([
      ['AXE540127', [4]],
      ['AXE640124', [3]],
    ]);
  });

  it('quoted cells may hold delimiters, doubled quotes and line breaks (RFC 4180)', () => {
    const r = check('Ref,MPN,Description,Qty\n"J1, J2",AXE540127,"a ""two-line""\ndescription, with commas",2\nJ3,AXE640124,x,1\n');
    expect(r.findings.filter((f) => f.code === 'BOM_LINE_UNREADABLE')).toEqual([]);
    expect(r.parts.map((p) => [p.partNumber, p.quantity, p.lines])).toEqual([
      ['AXE540127', 2, [2]],
      ['AXE640124', 1, [4]],
    ]);
  });

  it('a header that cannot be read is an input error', () => {
    expect(checkBomText('Ref,"MPN,Qty\nJ1,AXE540127,1\n')).toMatchObject({ ok: false, error: { code: 'BOM_HEADER_UNREADABLE', line: 1 } });
  });

  it('joinQuotedCells: cells written with RFC 4180 quoting and split on the delimiter join back cell for cell', () => {
    const cell = fc.string({ maxLength: 6, unit: fc.constantFrom('a', 'b', ',', '"', ' ', '1') });
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 5 }), fc.boolean(), (cells, quoteAll) => {
        const quote = (c: string) => (quoteAll || /[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
        const raw = cells.map(quote).join(',').split(',');
        expect(joinQuotedCells(raw, ',')).toEqual({ ok: true, cells });
      }),
      { numRuns: 500 },
    );
  });

  it('joinQuotedCells: a quoted cell with line breaks goes on from line to line (carry), cell for cell', () => {
    const cell = fc.string({ maxLength: 6, unit: fc.constantFrom('a', ',', '"', '\n', ' ', '1') });
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 5 }), (cells) => {
        const text = cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
        let carry: OpenQuotedCell | undefined;
        let result: JoinedCells | undefined;
        for (const line of text.split('\n')) {
          result = joinQuotedCells(line.split(','), ',', carry);
          carry = !result.ok && result.open ? result.carry : undefined;
        }
        expect(result).toEqual({ ok: true, cells });
      }),
      { numRuns: 500 },
    );
  });

  it('a quote still open after MAX_QUOTED_LINES lines is taken for a stray one: the lines after it are read', () => {
    const rows = Array.from({ length: MAX_QUOTED_LINES + 50 }, (_, i) => `J${i},AXE540127,1`);
    const r = check(`Ref,MPN,Qty\nJX,"AXE640124,1\n${rows.join('\n')}\n`);
    expect(r.findings.filter((f) => f.code === 'BOM_LINE_UNREADABLE').map((f) => f.lines)).toEqual([[2]]);
    expect(r.findings.find((f) => f.code === 'BOM_LINE_UNREADABLE')!.message).toMatch(/not closed within 100 lines/);
    expect(r.parts.map((p) => [p.partNumber, p.quantity])).toEqual([['AXE540127', MAX_QUOTED_LINES + 50]]);
  });

  it('one stray quote costs one line: every other line is read, the stray one reported', () => {
    const plain = fc.stringMatching(/^[A-Z0-9 ]{0,5}$/);
    const quoted = fc.stringMatching(/^[A-Z0-9][A-Z0-9 ,]{0,5}$/).map((s) => `"${s}"`);
    const row = fc.tuple(fc.oneof(plain, quoted), fc.constantFrom('AXE540127', 'AXE640124', '"AXE540127"'), fc.oneof(plain, quoted));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), fc.nat(), (rows, k) => {
        const stray = k % rows.length;
        const lines = rows.map(([a, pn, c], i) => (i === stray ? `"${a.replace(/"/g, '')},${pn.replace(/"/g, '')},${c.replace(/"/g, '')}` : `${a},${pn},${c}`));
        const r = check(`Ref,MPN,Note\n${lines.join('\n')}\n`);
        expect(r.findings.filter((f) => f.code === 'BOM_LINE_UNREADABLE').flatMap((f) => f.lines)).toEqual([stray + 2]);
        expect(r.a4sLines).toBe(rows.length - 1);
        expect(r.parts.flatMap((p) => p.lines).sort((a, b) => a - b)).toEqual(rows.map((_, i) => i + 2).filter((l) => l !== stray + 2));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on any text, and accounts for every line it does not read', () => {
    const unit = fc.constantFrom('A', 'X', 'E', '5', '4', '0', '1', '2', '7', ',', '"', '\n', ' ', '\t');
    fc.assert(
      fc.property(fc.string({ maxLength: 120, unit }), (body) => {
        const r = checkBomText(`MPN,Qty\n${body}`);
        if (!r.ok) return;
        const physical = `MPN,Qty\n${body}`.split('\n').length;
        for (const f of r.value.findings) for (const l of f.lines) expect(l).toBeLessThanOrEqual(physical);
      }),
      { numRuns: 500 },
    );
  });

  it('the A4S part number is found anywhere in the cell, in any case', () => {
    const r = check('MPN,Qty\nPanasonic AXE640124,1\nConn A4S axe540127 (socket),1\n');
    expect(r.parts.map((p) => [p.partNumber, p.lines])).toEqual([
      ['AXE540127', [3]],
      ['AXE640124', [2]],
    ]);
  });

  it('"axe 540127" is reported as invalid with the part number it resembles', () => {
    const r = check('MPN,Qty\naxe 540127,1\n');
    const f = r.findings.find((x) => x.code === 'BOM_PART_INVALID')!;
    expect(f.lines).toEqual([2]);
    expect(f.message).toMatch(/"axe 540127"/);
    expect(f.message).toMatch(/AXE540127/);
    expect(f.message).not.toMatch(/""/);
  });

  it('words that merely begin with "axe" are not A4S lines', () => {
    const r = check('Ref,Description\nU1,3 axes gyro\nU2,Axe handle\n');
    expect(r.a4sLines).toBe(0);
    expect(r.findings).toEqual([]);
  });

  it('quantities are plain decimal whole numbers: 0x10 and 1e3 are not read as 16 and 1000', () => {
    const r = check('MPN,Qty\nAXE540127,0x10\nAXE640124,1e3\nAXE540127,2\nAXE640124,0b11\nAXE640124,3.0\n');
    expect(r.findings.filter((f) => f.code === 'BOM_QUANTITY_UNREADABLE').flatMap((f) => f.lines)).toEqual([2, 3, 5]);
    expect(r.findings.find((f) => f.code === 'BOM_QUANTITY_UNREADABLE')!.message).toMatch(/"0x10"/);
    expect(r.parts.map((p) => [p.partNumber, p.quantity])).toEqual([
      ['AXE540127', 3],
      ['AXE640124', 5],
    ]);
  });

  it('keeps memory bounded: per-line findings are capped and counted', () => {
    const checker = createBomChecker({ maxFindingsPerCode: 5 });
    checker.push(['MPN'], 1);
    for (let i = 0; i < 10_000; i++) checker.push([`AXE9${i}`], i + 2);
    const r = checker.finish();
    expect(r.findings.filter((f) => f.code === 'BOM_PART_INVALID' && f.lines.length === 1)).toHaveLength(5);
    expect(r.findings.find((f) => f.code === 'BOM_PART_INVALID' && f.moreLines > 0)!.moreLines).toBe(9_995);
  });

  it('renders text, Markdown and HTML (escaped)', () => {
    const r = check('MPN,Qty\n"AXE5<b>",1\n');
    expect(renderReport(r, 'html')).not.toMatch(/<b>/);
    expect(renderReport(r, 'md')).toMatch(/^# A4S BOM check/);
    expect(renderReport(r, 'text')).toMatch(/ERRORS \(1\)/);
  });
});

describe('orderQuantities', () => {
  it('reels, outer cartons of 2 reels, leftovers (PRODUCT TYPES: 5,000 / 15,000 per reel, 10,000 / 30,000 per carton)', () => {
    const r = orderQuantities('AXE640124', 25_001);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.reels).toMatchObject({ reels: 6, orderedPieces: 30_000, leftoverPieces: 4_999, outerCartons: 3, looseReels: 0 });
    expect(r.value.reels!.reelsPerOuterCarton!.value).toBe(2);
    expect(r.value.alternative).toMatchObject({ partNumber: 'AXE640124D', reels: 2, outerCartons: 1 });
    expect(r.value.suggestion).toMatch(/AXE640124D/);
  });
  it('no suggestion when the other packaging saves nothing, or does not exist (1.0 mm headers)', () => {
    const r = orderQuantities('AXE540127', 5000);
    expect(r.ok && r.value.suggestion).toBeNull();
    const h = orderQuantities('AXE640224', 40_000);
    expect(h.ok && h.value.alternative).toBeNull();
  });
  it('inspection parts: no reel; at least 50 per lot', () => {
    const r = orderQuantities('AXE6E3026', 12);
    expect(r.ok && r.value).toMatchObject({ reels: null, orderPieces: 50, inspection: true });
    const big = orderQuantities('AXE6E3026', 75);
    expect(big.ok && big.value.orderPieces).toBe(75);
  });
  it('bad input', () => {
    expect(orderQuantities('AXE540127', 0)).toMatchObject({ ok: false, error: { code: 'ORDER_BAD_QUANTITY' } });
    expect(orderQuantities('AXE540127', 1.5)).toMatchObject({ ok: false, error: { code: 'ORDER_BAD_QUANTITY' } });
    expect(orderQuantities('AXE540128', 10)).toMatchObject({ ok: false, error: { code: 'BAD_VARIANT' }, suggestions: expect.arrayContaining(['AXE540127']) });
  });
});

describe('old socket numbers (AXE5nn124, 2013-03 catalog)', () => {
  it('a line with AXE534124: a BOM_PART_RENAMED warning on that line, counted as AXE534127 with its mate and reels', () => {
    const r = check('Ref,Part,Qty\nJ1,AXE534124,2\nJ2,AXE634124,2\nJ3,AXE534127,1\n');
    const renamed = r.findings.filter((f) => f.code === 'BOM_PART_RENAMED');
    expect(renamed).toHaveLength(1);
    expect(renamed[0]).toMatchObject({ severity: 'warning', lines: [2], partNumbers: ['AXE534127'] });
    expect(renamed[0]!.message).toContain('renamed: today AXE534127');
    expect(renamed[0]!.source).toMatch(/a4s-series-datasheet-revisions/);
    // The same part as AXE534127: one entry, both lines, quantities added; not called nonstandard or invalid, and its mate is found.
    expect(r.parts.find((p) => p.partNumber === 'AXE534127')).toMatchObject({ status: 'standard', quantity: 3, lines: [2, 4] });
    expect(codes(r)).not.toContain('BOM_PART_NONSTANDARD');
    expect(codes(r)).not.toContain('BOM_PART_INVALID');
    expect(codes(r)).not.toContain('BOM_MATE_MISSING');
  });
  it("AXE634124 (a current header) and today's socket numbers give no renaming; AXE534124D stays invalid", () => {
    const r = check('Ref,Part,Qty\nJ1,AXE534127,1\nJ2,AXE634124,1\n');
    expect(codes(r)).not.toContain('BOM_PART_RENAMED');
    const d = check('Ref,Part,Qty\nJ1,AXE534124D,1\n');
    expect(codes(d)).toContain('BOM_PART_INVALID');
    expect(codes(d)).not.toContain('BOM_PART_RENAMED');
  });
});
