import { describe, expect, it } from 'vitest';
import type { InputError } from '../types.js';
import { BomRecords, fitToHeader, MAX_QUOTED_LINES, type BomRecordSink } from './records.js';

type Event = { header: string[]; line: number } | { row: string[]; line: number } | { unreadable: number; reason: string };

/** Feeds the lines (numbered from 1) and returns what the sink was given, in order, and the first error. */
function read(lines: readonly string[], options: { delimiter?: ',' | ';' | '\t'; refuseHeader?: InputError } = {}) {
  const events: Event[] = [];
  const sink: BomRecordSink = {
    header(cells, line) {
      events.push({ header: [...cells], line });
      return options.refuseHeader ?? null;
    },
    row: (cells, line) => void events.push({ row: [...cells], line }),
    unreadable: (line, reason) => void events.push({ unreadable: line, reason }),
  };
  const records = new BomRecords(sink, options.delimiter);
  let error: InputError | null = null;
  for (const [i, text] of lines.entries()) {
    error = records.push([text], i + 1);
    if (error) break;
  }
  if (!error) records.finish();
  return { events, error };
}

describe('BomRecords: lines in, records out', () => {
  it('the first line is the header, the others rows, numbered by their line', () => {
    expect(read(['Ref,MPN', 'J1,AXE540127', 'J2,AXE640124']).events).toEqual([
      { header: ['Ref', 'MPN'], line: 1 },
      { row: ['J1', 'AXE540127'], line: 2 },
      { row: ['J2', 'AXE640124'], line: 3 },
    ]);
  });

  it('the delimiter is the header line’s (semicolon, tab), unless given', () => {
    expect(read(['Ref;MPN', 'J1;AXE540127']).events[1]).toEqual({ row: ['J1', 'AXE540127'], line: 2 });
    expect(read(['Ref\tMPN', 'J1\tAXE540127']).events[1]).toEqual({ row: ['J1', 'AXE540127'], line: 2 });
    // Given as a comma, a semicolon line is one cell: the header has one column.
    expect(read(['Ref;MPN', 'J1;AXE540127'], { delimiter: ',' }).events).toEqual([
      { header: ['Ref;MPN'], line: 1 },
      { row: ['J1;AXE540127'], line: 2 },
    ]);
  });

  it('a byte-order mark does not hide the delimiter of the header line', () => {
    expect(read(['\uFEFFRef;MPN', 'J1;AXE540127']).events[1]).toEqual({ row: ['J1', 'AXE540127'], line: 2 });
  });

  it('quoted cells: the delimiter and doubled quotes inside, a cell over two lines numbered by its first line', () => {
    expect(read(['Ref,MPN,Note', '"J1,J2",AXE540127,"say ""hi"""', 'J3,AXE640124,"two', 'lines"', 'J4,x,y']).events).toEqual([
      { header: ['Ref', 'MPN', 'Note'], line: 1 },
      { row: ['J1,J2', 'AXE540127', 'say "hi"'], line: 2 },
      { row: ['J3', 'AXE640124', 'two\nlines'], line: 3 },
      { row: ['J4', 'x', 'y'], line: 5 },
    ]);
  });

  it('empty cells past the header are dropped; a filled one or a missing one makes the line unreadable', () => {
    expect(read(['Ref;MPN', 'J1;AXE540127;;;', 'J2;AXE640124;x', 'J3']).events).toEqual([
      { header: ['Ref', 'MPN'], line: 1 },
      { row: ['J1', 'AXE540127'], line: 2 },
      { unreadable: 3, reason: '3 cells, the header has 2' },
      { unreadable: 4, reason: '1 cells, the header has 2' },
    ]);
  });

  it('text after a closing quote: that line is unreadable, the next is read', () => {
    const { events } = read(['Ref,MPN', '"J1"x,AXE540127', 'J2,AXE640124']);
    expect(events[1]).toMatchObject({ unreadable: 2 });
    expect((events[1] as { reason: string }).reason).toContain('after the closing quote of cell 1');
    expect(events[2]).toEqual({ row: ['J2', 'AXE640124'], line: 3 });
  });

  it('a stray quote never closed: its line is reported at the end of the file and the lines after it are read on their own', () => {
    const { events } = read(['Ref,MPN', '"J1,AXE540127', 'J2,AXE640124', 'J3,AXE630124']);
    expect(events).toEqual([
      { header: ['Ref', 'MPN'], line: 1 },
      {
        unreadable: 2,
        reason: 'the quote that opens cell 1 is not closed by the end of the file; the lines after it were read on their own',
      },
      { row: ['J2', 'AXE640124'], line: 3 },
      { row: ['J3', 'AXE630124'], line: 4 },
    ]);
  });

  it('a quote that closes lines later leaving too many cells: the opening line is reported, the others re-read', () => {
    const { events } = read(['Ref,MPN', '"J1,AXE540127', 'J2",AXE640124,extra']);
    expect(events[1]).toEqual({
      unreadable: 2,
      reason: 'the quote that opens cell 1 closes 1 line later, leaving 3 cells where the header has 2; the lines after it were read on their own',
    });
    expect(events[2]).toMatchObject({ unreadable: 3 });
  });

  it(`a quoted cell open over more than ${MAX_QUOTED_LINES} lines is taken for a stray quote`, () => {
    const body = Array.from({ length: MAX_QUOTED_LINES + 5 }, (_, i) => `R${i},10k`);
    const { events } = read(['Ref,Value', 'J1,"open', ...body]);
    expect(events[1]).toEqual({
      unreadable: 2,
      reason: `the quote that opens cell 2 is not closed within ${MAX_QUOTED_LINES} lines or 65,536 characters; the lines after it were read on their own`,
    });
    // Every line after the stray quote is a row again, with its own number.
    const rows = events.filter((e) => 'row' in e);
    expect(rows).toHaveLength(body.length);
    expect(rows[0]).toEqual({ row: ['R0', '10k'], line: 3 });
    expect(rows.at(-1)).toEqual({ row: [`R${body.length - 1}`, '10k'], line: body.length + 2 });
  });

  it('a header with an unclosed quote is an error (BOM_HEADER_UNREADABLE), nothing is handed on', () => {
    const { events, error } = read(['"Ref,MPN', 'J1,AXE540127']);
    expect(events).toEqual([]);
    expect(error).toEqual({
      code: 'BOM_HEADER_UNREADABLE',
      message: 'The header row (line 1) cannot be read: the quote that opens cell 1 is not closed on the header line.',
      line: 1,
    });
  });

  it('a header the sink refuses: its error is returned', () => {
    const refuseHeader: InputError = { code: 'BOM_COLUMN_NOT_FOUND', message: 'no such column', line: 1 };
    expect(read(['Ref,MPN', 'J1,AXE540127'], { refuseHeader })).toEqual({ events: [{ header: ['Ref', 'MPN'], line: 1 }], error: refuseHeader });
  });

  it('pieces of one line are joined back with NUL', () => {
    const events: string[][] = [];
    const records = new BomRecords({ header: () => null, row: (cells) => void events.push([...cells]), unreadable: () => undefined });
    records.push(['Ref,MPN'], 1);
    records.push(['J1,AX', 'E540127'], 2);
    expect(events).toEqual([['J1', 'AX\u0000E540127']]);
  });
});

describe('fitToHeader', () => {
  it('keeps a record of the header’s length, drops empty trailing cells, refuses a filled or a missing cell', () => {
    expect(fitToHeader(['a', 'b'], 2)).toEqual(['a', 'b']);
    expect(fitToHeader(['a', 'b', '', ' '], 2)).toEqual(['a', 'b']);
    expect(fitToHeader(['a', 'b', 'c'], 2)).toBeNull();
    expect(fitToHeader(['a'], 2)).toBeNull();
  });
});
