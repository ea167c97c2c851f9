/**
 * The core's BOM line reader (`BomLines` after a non-fatal UTF-8 decoder, as `a4s bom` reads a file)
 * against csv-parse with the options `a4s bom` and the API read BOMs with before it (issue 14): the
 * same lines, with the same numbers, for any bytes cut anywhere — mixed line endings, NUL, a
 * byte-order mark and bytes that are not UTF-8 included. (A UTF-16 file is decoded first now; csv-parse
 * read it byte by byte, so it is left out.) csv-parse is a devDependency for this and bench/bom.ts.
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BomLines } from '../src/checks/bom/stream.js';

type Line = [text: string, line: number];

function csvParseLines(chunks: Uint8Array[]): Promise<Line[]> {
  return new Promise((resolve, reject) => {
    const lines: Line[] = [];
    const parser = parse({
      delimiter: '\u0000',
      quote: false,
      bom: true,
      relax_column_count: true,
      skip_records_with_error: true,
      skip_empty_lines: true,
      info: true,
    });
    parser.on('data', (item: { record: string[]; info: { lines: number } }) => lines.push([item.record.join('\u0000'), item.info.lines]));
    parser.on('skip', (err: Error) => lines.push([`skipped: ${err.message}`, -1]));
    parser.on('end', () => resolve(lines));
    parser.on('error', reject);
    Readable.from(chunks.map((c) => Buffer.from(c))).pipe(parser);
  });
}

function bomLines(chunks: Uint8Array[]): Line[] {
  const lines: Line[] = [];
  const reader = new BomLines();
  const decoder = new TextDecoder();
  const onLine = (text: string, line: number) => lines.push([text, line]) > 0;
  for (const chunk of chunks) reader.push(decoder.decode(chunk, { stream: true }), onLine);
  reader.end(decoder.decode(), onLine);
  return lines;
}

const cutAt = (bytes: Uint8Array, cuts: number[]): Uint8Array[] => {
  const bounds = [...new Set([0, ...cuts.filter((c) => c < bytes.length), bytes.length])].sort((a, b) => a - b);
  return bounds.slice(1).map((end, i) => bytes.subarray(bounds[i], end));
};

const cuts = fc.array(fc.nat(60), { maxLength: 12 });

describe('BomLines reads BOMs as csv-parse did', () => {
  it('text: mixed line endings, empty lines, NUL, a byte-order mark, multi-byte characters', async () => {
    const piece = fc.constantFrom('a', 'AXE540127', ',', ';', '\t', '"', ' ', '\r', '\n', '\r\n', '\u0000', 'é', '€', '𝄞', '\uFEFF');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 30 }), fc.boolean(), cuts, async (pieces, mark, at) => {
        const bytes = new TextEncoder().encode((mark ? '\uFEFF' : '') + pieces.join(''));
        const chunks = cutAt(bytes, at);
        expect(bomLines(chunks)).toEqual(await csvParseLines(chunks));
      }),
      { numRuns: 1500 },
    );
  });

  it('bytes that are not UTF-8 read as U+FFFD at the same places', async () => {
    const byte = fc.constantFrom(0xff, 0xfe, 0xe2, 0x82, 0xac, 0xc3, 0xa9, 0xf0, 0x9d, 0x80, 0xbf, 0xef, 0xbb, 0x0a, 0x0d, 0x00, 0x61, 0x2c);
    await fc.assert(
      fc.asyncProperty(fc.array(byte, { maxLength: 30 }), cuts, async (values, at) => {
        fc.pre(!(values[0] === 0xff && values[1] === 0xfe)); // a UTF-16 byte-order mark: decoded as UTF-16 now
        const chunks = cutAt(new Uint8Array(values), at);
        expect(bomLines(chunks)).toEqual(await csvParseLines(chunks));
      }),
      { numRuns: 1500 },
    );
  });
});
