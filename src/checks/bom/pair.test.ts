import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogText } from '../../../test/catalog-text.js';
import { check, codes } from '../../../test/support/bom-check.js';
import { checkBomPairText, renderReport, type BomFinding, type BomPairReport } from '../index.js';

const pair = (board: string, mate: string, options = {}): BomPairReport => {
  const r = checkBomPairText(board, mate, { names: { board: 'main.csv', mate: 'fpc.csv' }, ...options });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
/** A finding as compared between a board alone and the same board in a pair. */
const key = (f: BomFinding) => `${f.code}|${f.severity}|${f.lines.join(',')}|${f.message}`;
/** Findings that depend on the other board by design: partners found there, heights across the boards (the pairing's). */
const PARTNER_CODES = new Set(['BOM_MATE_MISSING', 'BOM_HEIGHT_CONFLICT']);
const own = (findings: readonly BomFinding[]) =>
  findings
    .filter((f) => !PARTNER_CODES.has(f.code))
    .map(key)
    .sort();

const MAIN = 'Designator,Footprint,MPN,Qty\nJ1,AXE540127,AXE540127,1\n';
// The FPC orders a 1.0 mm header on a 0.8 mm header footprint: `a4s bom fpc.csv` alone reports it.
const FPC = 'Designator,Footprint,MPN,Qty\nP1,AXE640124,AXE640224,1\n';

describe('BOMs of two boards (bom --mate)', () => {
  it('a finding of the other board alone is the same finding in the pair, and the pair has errors', () => {
    const alone = check(FPC);
    expect(codes(alone)).toContain('BOM_LINE_PART_CONFLICT');
    const r = pair(MAIN, FPC);
    const conflict = r.mate.findings.find((f) => f.code === 'BOM_LINE_PART_CONFLICT');
    expect(conflict).toEqual(alone.findings.find((f) => f.code === 'BOM_LINE_PART_CONFLICT'));
    expect(r.summary.errors).toBe(1);
    expect(r.board.summary.errors).toBe(0);
    expect(r.mate.summary.errors).toBe(1);
    // Swapped: the same finding, now of this board.
    const swapped = pair(FPC, MAIN);
    expect(swapped.board.findings.map(key)).toContain(key(conflict!));
    expect(swapped.summary.errors).toBe(1);
  });

  it('the mated height each pair gives, from the header ordered; reel plans for both boards', () => {
    const r = pair(MAIN, FPC, { boards: 4000 });
    expect(r.pairs).toEqual([
      {
        pins: 40,
        socket: { board: 'board', partNumber: 'AXE540127', lines: [2] },
        header: { board: 'mate', partNumber: 'AXE640224', lines: [2] },
        matedHeightMm: 1,
        source: expect.stringMatching(/PRODUCT TYPES/),
      },
    ]);
    const reels = (f: readonly BomFinding[]) => f.filter((x) => x.code === 'BOM_REEL_ROUNDING').map((x) => x.partNumbers[0]);
    expect(reels(r.board.findings)).toEqual(['AXE540127']);
    expect(reels(r.mate.findings)).toEqual(['AXE640224']);
    // 4,000 boards: 4,000 pieces each, one reel of 5,000 on each board.
    expect(r.mate.findings.find((x) => x.code === 'BOM_REEL_ROUNDING')!.message).toMatch(/4000 pieces .* 1 reel of 5,000/);
  });

  it('partners are found on the other board; none on either is each board’s own finding', () => {
    const r = pair(MAIN, 'MPN\nAXE644124\n');
    expect(codes(r.board)).toContain('BOM_MATE_MISSING'); // no 40-pin header anywhere
    expect(codes(r.mate)).toContain('BOM_MATE_MISSING'); // no 44-pin socket anywhere
    expect(r.pairs).toEqual([]);
    expect(codes(pair(MAIN, FPC).board)).not.toContain('BOM_MATE_MISSING');
  });

  it('headers of two heights across the boards: one finding of the pairing, none of the boards', () => {
    const r = pair('MPN\nAXE540127\nAXE640124\n', 'MPN\nAXE640224\nAXE540127\n');
    expect(r.findings.filter((f) => f.code === 'BOM_HEIGHT_CONFLICT')).toHaveLength(1);
    expect(r.findings[0]!.message).toMatch(/AXE640124 \(main\.csv line 3\): 0\.8 mm; AXE640224 \(fpc\.csv line 2\): 1\.0 mm/);
    expect(codes(r.board)).not.toContain('BOM_HEIGHT_CONFLICT');
    expect(codes(r.mate)).not.toContain('BOM_HEIGHT_CONFLICT');
    expect(r.pairs.map((p) => p.matedHeightMm).sort()).toEqual([0.8, 1]);
    // Both heights on one board: that board's own finding, not said again by the pairing.
    const oneBoard = pair('MPN\nAXE540127\nAXE640124\nAXE640224\n', 'MPN\nAXE640124\n');
    expect(codes(oneBoard.board)).toContain('BOM_HEIGHT_CONFLICT');
    expect(oneBoard.findings.map((f) => f.code)).not.toContain('BOM_HEIGHT_CONFLICT');
  });

  it('a socket whose header is only on its own board does not join the two boards', () => {
    const r = pair('MPN\nAXE540127\nAXE640124\n', 'MPN\nAXE510127\nAXE610124\n');
    const across = r.findings.filter((f) => f.code === 'BOM_PAIR_NOT_ACROSS');
    expect(across.map((f) => f.partNumbers[0]).sort()).toEqual(['AXE510127', 'AXE540127', 'AXE610124', 'AXE640124']);
    expect(across.every((f) => f.severity === 'warning')).toBe(true);
    expect(r.pairs).toEqual([]);
  });

  it('--fixture is this board’s: the other board is a production BOM unless it is said to be a fixture too', () => {
    const fixtureBom = 'Footprint,MPN,Qty\nAXE540127,AXE5E4026,1\n';
    const product = 'MPN,Qty\nAXE6E4026,1\n';
    const r = pair(fixtureBom, product, { fixture: true, boards: 50 });
    expect(codes(r.board)).not.toContain('BOM_INSPECTION_PART');
    expect(codes(r.board)).toContain('BOM_INSPECTION_FOOTPRINT');
    expect(r.mate.findings.find((f) => f.code === 'BOM_INSPECTION_PART')?.severity).toBe('error');
    const both = pair(fixtureBom, product, { fixture: true, mateFixture: true, boards: 50 });
    expect(both.summary.errors).toBe(0);
    expect(both.pairs.map((p) => p.matedHeightMm)).toEqual([null]); // an inspection header: height not stated
  });

  it('input errors say which board', () => {
    const r = checkBomPairText(MAIN, '', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'BOM_EMPTY', board: 'mate' } });
    expect(checkBomPairText(MAIN, FPC, { column: 'Nope' })).toMatchObject({ ok: false, error: { code: 'BOM_COLUMN_NOT_FOUND', board: 'board' } });
    expect(checkBomPairText(MAIN, FPC, { mateColumn: 'Nope' })).toMatchObject({ ok: false, error: { code: 'BOM_COLUMN_NOT_FOUND', board: 'mate' } });
  });

  it('reports: text, Markdown and HTML label each board’s findings with the board', () => {
    const r = pair(MAIN, FPC);
    const text = renderReport(r, 'text');
    expect(text).toMatch(/^A4S BOM check of two boards: main\.csv \+ fpc\.csv/);
    expect(text).toMatch(/This board: main\.csv\n=+/);
    expect(text).toMatch(/Other board: fpc\.csv\n=+/);
    expect(text).toMatch(/\[BOM_LINE_PART_CONFLICT\] fpc\.csv · line 2/);
    expect(text).toMatch(/\[BOM_REEL_ROUNDING\] main\.csv · line 2 · AXE540127/);
    expect(text).toMatch(/40 +AXE540127 +main\.csv +AXE640224 +fpc\.csv +1\.0 mm/);
    const md = renderReport(r, 'md');
    expect(md).toMatch(/^# A4S BOM check of two boards/);
    expect(md).toMatch(/\n## Other board: fpc\.csv\n[\s\S]*### Errors \(1\)\n\n- \*\*BOM_LINE_PART_CONFLICT\*\* \(fpc\.csv · line 2/);
    const html = renderReport(r, 'html');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toMatch(/<section>\n<h2>Other board: fpc\.csv<\/h2>[\s\S]*<h3 class="error">Errors \(1\)<\/h3>/);
  });

  // Random BOMs of A4S parts: every finding a board gives alone (but those that depend on the other
  // board by design) is the same finding in the pair, on that board; swapping the boards swaps them.
  const PARTS = ['AXE540127', 'AXE640124', 'AXE640224', 'AXE544127', 'AXE644224', 'AXE5E4026', 'AXE526127', 'AXE540128', 'AXE540127D', 'AXE510127'];
  const bom = fc
    .array(fc.record({ pn: fc.constantFrom(...PARTS), fp: fc.option(fc.constantFrom(...PARTS), { nil: undefined }), qty: fc.integer({ min: 1, max: 3 }) }), {
      maxLength: 6,
    })
    .map((rows) => `Ref,MPN,Footprint,Qty\n${rows.map((r, i) => `J${i + 1},${r.pn},${r.fp ?? 'R_0402'},${r.qty}`).join('\n')}\n`);

  it('property: each board’s own findings are kept in the pair; swapping the boards swaps the reports', () => {
    fc.assert(
      fc.property(bom, bom, fc.boolean(), fc.boolean(), (a, b, fixture, mateFixture) => {
        const r = pair(a, b, { fixture, mateFixture });
        expect(own(r.board.findings)).toEqual(own(check(a, { fixture }).findings));
        expect(own(r.mate.findings)).toEqual(own(check(b, { fixture: mateFixture }).findings));
        const s = pair(b, a, { fixture: mateFixture, mateFixture: fixture });
        expect(s.board.findings.map(key).sort()).toEqual(r.mate.findings.map(key).sort());
        expect(s.mate.findings.map(key).sort()).toEqual(r.board.findings.map(key).sort());
        expect(s.summary).toEqual(r.summary);
        // The pair never has fewer errors than either board alone.
        expect(r.summary.errors).toBeGreaterThanOrEqual(Math.max(check(a, { fixture }).summary.errors, check(b, { fixture: mateFixture }).summary.errors));
      }),
      { numRuns: 150 },
    );
  });
});

describe('inspection parts on the standard footprint', () => {
  const catalogSentence = 'Same external dimensions and foot pattern as standard type.';

  it('the catalog says it (the sentence quoted is the catalog’s)', () => {
    expect(catalogText).toContain(catalogSentence);
  });

  it('a fixture BOM: the inspection socket on the AXE540127 footprint is a note with the catalog’s words, no error', () => {
    const r = check('Designator,Footprint,MPN,Qty\nJ1,Panasonic_A4S:Panasonic_A4S_AXE540127_2x20_P0.4mm_Socket,AXE5E4026,1\n', { fixture: true, boards: 50 });
    expect(r.summary.errors).toBe(0);
    expect(codes(r)).not.toContain('BOM_LINE_PART_CONFLICT');
    const note = r.findings.find((f) => f.code === 'BOM_INSPECTION_FOOTPRINT')!;
    expect(note.severity).toBe('info');
    expect(note.lines).toEqual([2]);
    expect(note.message).toContain(`"${catalogSentence}"`);
  });

  it('the inspection header on either header height’s footprint, and the standard part on an inspection part’s footprint name', () => {
    for (const [fp, pn] of [
      ['AXE640124', 'AXE6E4026'],
      ['AXE640224', 'AXE6E4026'],
      ['AXE5E4026', 'AXE540127'],
    ]) {
      const r = check(`Footprint,MPN\n${fp},${pn}\n`, { fixture: true });
      expect(codes(r), `${pn} on ${fp}`).toContain('BOM_INSPECTION_FOOTPRINT');
      expect(codes(r)).not.toContain('BOM_LINE_PART_CONFLICT');
    }
  });

  it('another pin count or role is still a conflict; a production BOM still refuses the inspection part', () => {
    expect(codes(check('Footprint,MPN\nAXE544127,AXE5E4026\n', { fixture: true }))).toContain('BOM_LINE_PART_CONFLICT');
    expect(codes(check('Footprint,MPN\nAXE640124,AXE5E4026\n', { fixture: true }))).toContain('BOM_LINE_PART_CONFLICT');
    const production = check('Footprint,MPN\nAXE540127,AXE5E4026\n');
    expect(production.findings.find((f) => f.code === 'BOM_INSPECTION_PART')?.severity).toBe('error');
  });
});
