import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, type CsvError } from 'csv-parse';
import { detectDelimiter } from '../checks/index.js';
import { bomParserOptions, MAX_BOM_LINE_BYTES } from '../cli/commands/bom.js';
import { byteAndLineBound } from '../cli/bounded.js';

/**
 * CSV/TSV records from a stream of byte chunks, with csv-parse and the CLI's parser options
 * (same cells and line numbers as `a4s bom`), through `pipeline` so that backpressure and errors
 * (a body over the limit, a client gone) end the parse. The delimiter is read from the first line.
 * `onRecord` returning false stops early.
 */
export async function streamCsvRecords(
  chunks: AsyncIterable<Uint8Array>,
  onRecord: (cells: string[], line: number) => boolean | void,
  onUnreadable: (line: number, reason: string) => void,
): Promise<void> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const head = Buffer.from(first.value.buffer, first.value.byteOffset, first.value.byteLength);
  const firstLine =
    head
      .subarray(0, 65536)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/, 1)[0] ?? '';
  const parser = parse(bomParserOptions(detectDelimiter(firstLine)));
  parser.on('skip', (err: CsvError & { lines?: number }) => onUnreadable(err.lines ?? 0, err.message));
  async function* all(): AsyncGenerator<Buffer> {
    yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    }
  }
  const stop = new AbortController();
  try {
    await pipeline(
      Readable.from(all()),
      byteAndLineBound(Number.POSITIVE_INFINITY, MAX_BOM_LINE_BYTES),
      parser,
      async (records: AsyncIterable<{ record: string[]; info: { lines: number } }>) => {
        for await (const item of records) {
          if (onRecord(item.record, item.info.lines) === false) {
            stop.abort();
            return;
          }
        }
      },
      { signal: stop.signal },
    );
  } catch (err) {
    if (!stop.signal.aborted) throw err;
  }
}
