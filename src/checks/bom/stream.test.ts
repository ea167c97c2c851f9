import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBomStream, checkBomText, type BomReport, type BomStreamOptions } from '../index.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The bytes cut at the given offsets, as an async source; `closed` tells whether the reader closed it. */
function source(bytes: Uint8Array, cuts: number[] = []) {
  const state = { closed: false, read: 0 };
  const bounds = [0, ...cuts.filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b), bytes.length];
  async function* chunks(): AsyncGenerator<Uint8Array> {
    try {
      for (let i = 0; i + 1 < bounds.length; i++) {
        state.read++;
        yield bytes.subarray(bounds[i], bounds[i + 1]);
      }
    } finally {
      state.closed = true;
    }
  }
  return { chunks: chunks(), state };
}

async function report(bytes: Uint8Array, cuts: number[] = [], options: BomStreamOptions = {}): Promise<BomReport> {
  const r = await checkBomStream(source(bytes, cuts).chunks, options);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const partsOf = (r: BomReport) => r.parts.map((p) => [p.partNumber, p.quantity, p.lines]);

describe('checkBomStream', () => {
  it('a chunk cut inside a multi-byte UTF-8 character: the character is read whole', async () => {
    // Cyrillic А (2 bytes) in the part number, € (3 bytes) and 𝄞 (4 bytes) in a note.
    const bytes = utf8('Ref,MPN,Note\nJ1,АXE540127,€ 𝄞\nJ2,AXE640124,ok\n');
    for (let cut = 1; cut < bytes.length; cut++) {
      const r = await report(bytes, [cut]);
      const invalid = r.findings.find((f) => f.code === 'BOM_PART_INVALID');
      expect(invalid?.message, `cut at byte ${cut}`).toContain('"АXE540127"');
      expect(invalid?.lines).toEqual([2]);
      expect(partsOf(r)).toEqual([['AXE640124', 1, [3]]]);
    }
    // One byte per chunk: every character is cut.
    const oneByOne = await report(
      bytes,
      [...bytes.keys()].map((i) => i + 1),
    );
    expect(oneByOne.findings.find((f) => f.code === 'BOM_PART_INVALID')?.partNumbers).toEqual(['АXE540127']);
  });

  it('a chunk cut between the \\r and the \\n of a CRLF: one line ending, lines numbered as in the file', async () => {
    const text = 'MPN,Qty\r\nAXE540127,2\r\nAXE640124,3\r\n';
    const bytes = utf8(text);
    const crs = [...text.matchAll(/\r/g)].map((m) => m.index + 1);
    for (const cut of crs)
      expect(partsOf(await report(bytes, [cut]))).toEqual([
        ['AXE540127', 2, [2]],
        ['AXE640124', 3, [3]],
      ]);
    // Every \r\n cut in two at once, and the line ending's first \r at the end of the first chunk.
    const r = await report(bytes, crs);
    expect(r.lines).toBe(2);
    expect(r.quantityColumn).toBe('Qty');
  });

  it('a UTF-16 file (a spreadsheet\'s "Unicode text"): decoded after its byte-order mark, little or big endian, cut anywhere', async () => {
    const text = 'MPN\tQty\r\nAXE540127\t2\r\nАXE640124\t1\r\n';
    const le = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    const be = new Uint8Array([0xfe, 0xff, ...[...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
    for (const bytes of [le, be]) {
      for (const cuts of [[], [1], [3], [2, 5, 11]]) {
        const r = await report(bytes, cuts);
        expect(partsOf(r)).toEqual([['AXE540127', 2, [2]]]);
        expect(r.findings.find((f) => f.code === 'BOM_PART_INVALID')?.partNumbers).toEqual(['АXE640124']);
      }
    }
  });

  it('an empty stream, blank lines only, a byte-order mark only: BOM_EMPTY', async () => {
    for (const bytes of [new Uint8Array(0), utf8('\n\n\n'), utf8('\r\n\r\n'), new Uint8Array([0xef, 0xbb, 0xbf]), new Uint8Array([0xff, 0xfe])]) {
      const r = await checkBomStream(source(bytes).chunks);
      expect(r.ok ? 'ok' : r.error.code).toBe('BOM_EMPTY');
    }
    const none = await checkBomStream((async function* () {})());
    expect(none.ok ? 'ok' : none.error.code).toBe('BOM_EMPTY');
  });

  it('a header only (with or without its line ending): a report of no lines', async () => {
    for (const text of ['Reference,MPN,Qty', 'Reference,MPN,Qty\r\n', '\uFEFFReference,MPN,Qty\n\n']) {
      const r = await report(utf8(text));
      expect([r.lines, r.parts.length, r.partColumn, r.quantityColumn]).toEqual([0, 0, 'MPN', 'Qty']);
    }
  });

  it('a header error stops the reading and closes the source', async () => {
    const lines = ['Ref,Value', ...Array.from({ length: 2000 }, (_, i) => `J${i},AXE540127`)].join('\n');
    const { chunks, state } = source(utf8(lines), [20, 40, 60, 80, 100]);
    const r = await checkBomStream(chunks, { column: 'MPN' });
    expect(r.ok ? 'ok' : [r.error.code, r.error.line]).toEqual(['BOM_COLUMN_NOT_FOUND', 1]);
    expect(state.read).toBe(1);
    expect(state.closed).toBe(true);
  });

  it('a line over the bound: BOM_TOO_LARGE with its number, before any of it is checked', async () => {
    const bytes = utf8(`MPN\nAXE540127\n${'x'.repeat(50)}\nAXE640124\n`);
    const r = await checkBomStream(source(bytes, [5, 30]).chunks, { maxLineBytes: 40 });
    expect(r.ok ? 'ok' : [r.error.code, r.error.line, r.error.message]).toEqual([
      'BOM_TOO_LARGE',
      3,
      'The BOM cannot be read: line 3 is longer than 40 bytes, which no BOM line is; reading stopped.',
    ]);
    expect((await report(bytes, [], { maxLineBytes: 50 })).lines).toBe(3);
  });

  it('a long line in tiny chunks is held as pieces, joined once (linear: no copy of the line per chunk)', async () => {
    const note = 'x'.repeat(200_000);
    const bytes = utf8(`MPN,Note\r\nAXE540127,${note}\r\nAXE640124,y\r\n`);
    const cuts = Array.from({ length: bytes.length / 2 }, (_, i) => 2 * i + 1);
    expect(partsOf(await report(bytes, cuts))).toEqual([
      ['AXE540127', 1, [2]],
      ['AXE640124', 1, [3]],
    ]);
  }, 5_000); // quadratic (the line copied per chunk), it took 17 s

  it('bytes that are not text: INPUT_UNREADABLE when asked (the API), else read as U+FFFD (the CLI)', async () => {
    const bytes = new Uint8Array([...utf8('MPN,Note\nAXE540127,Gr'), 0xfc, ...utf8('n\n')]); // Latin-1 ü
    const strict = await checkBomStream(source(bytes).chunks, { rejectInvalidText: true });
    expect(strict.ok ? 'ok' : [strict.error.code, strict.error.message]).toEqual([
      'INPUT_UNREADABLE',
      'The BOM is not UTF-8 text; export the sheet as CSV (UTF-8).',
    ]);
    expect(partsOf(await report(bytes))).toEqual([['AXE540127', 1, [2]]]);
    // A character cut off at the very end is not text either.
    const cutOff = await checkBomStream(source(utf8('MPN\nAXE540127 €').subarray(0, -1)).chunks, { rejectInvalidText: true });
    expect(cutOff.ok ? 'ok' : cutOff.error.code).toBe('INPUT_UNREADABLE');
    const oddUtf16 = await checkBomStream(source(new Uint8Array([0xff, 0xfe, 0x4d, 0x00, 0x50])).chunks, { rejectInvalidText: true });
    expect(oddUtf16.ok ? 'ok' : oddUtf16.error.message).toBe('The BOM is not valid UTF-16 text; export the sheet as CSV (UTF-8).');
  });

  it('the line ending is the first one found: another \\r or \\n stays in its line and counts as a line (as csv-parse read BOMs)', async () => {
    const r = await report(utf8('Ref,MPN\r\nJ1,AXE540127\nJ2,AXE640124\r\nJ3,AXE540127\r\n'));
    // "J1,AXE540127\nJ2,AXE640124" is one line of three cells, ending on line 3; J3 is on line 4.
    expect(r.findings.find((f) => f.code === 'BOM_LINE_UNREADABLE')?.lines).toEqual([3]);
    expect(partsOf(r)).toEqual([['AXE540127', 1, [4]]]);
  });

  it('whatever the chunks, a file with one kind of line ending gives the report checkBomText gives', async () => {
    const line = fc.oneof(
      fc.constantFrom('J1,AXE540127,1', 'J2,"AXE640124",2', '"R1,R2",10k,2', 'J3,AXE540128,x', 'J4,"two', 'lines",AXE680224,1', 'J5,АXE540127,1', ''),
      fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, ' ')),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 12 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(fc.nat(400), { maxLength: 6 }),
        async (lines, ending, cuts) => {
          const text = ['Ref,MPN,Qty', ...lines].join(ending) + ending;
          const expected = checkBomText(text);
          const streamed = await checkBomStream(source(utf8(text), cuts).chunks);
          expect(streamed).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
