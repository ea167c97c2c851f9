import { Transform, type Readable, type TransformCallback } from 'node:stream';

/**
 * Byte bounds on every input, whatever kind of file it is (regular, FIFO, device such as /dev/zero,
 * standard input): a size from `stat` is not trusted (a FIFO or a device says 0), the bytes are
 * counted as they come and the reading stops at the bound, in bounded memory.
 */

/** Reads a whole stream into memory, or returns null as soon as it holds more than `maxBytes`. */
export async function readBounded(stream: Readable, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      size += b.length;
      if (size > maxBytes) return null;
      chunks.push(b);
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks, size);
}

/** Why a bounded stream stopped: the whole input, or one line, over its bound. */
export class BoundExceeded extends Error {
  constructor(
    readonly kind: 'bytes' | 'line',
    readonly bound: number,
    readonly line: number,
  ) {
    super(kind === 'bytes' ? `more than ${bound.toLocaleString('en-US')} bytes` : `line ${line} is longer than ${bound.toLocaleString('en-US')} bytes`);
  }
}

/**
 * A pass-through that fails with `BoundExceeded` when the stream passes `maxBytes` in all, or a
 * line (bytes between two \n) passes `maxLineBytes`: a text reader downstream (csv-parse) would
 * otherwise hold an endless line whole.
 */
export function byteAndLineBound(maxBytes: number, maxLineBytes: number): Transform {
  let total = 0;
  let sinceNewline = 0;
  let line = 1;
  return new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      total += chunk.length;
      if (total > maxBytes) return done(new BoundExceeded('bytes', maxBytes, line));
      let start = 0;
      for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
        if (sinceNewline + nl - start > maxLineBytes) return done(new BoundExceeded('line', maxLineBytes, line));
        sinceNewline = 0;
        line++;
        start = nl + 1;
      }
      sinceNewline += chunk.length - start;
      if (sinceNewline > maxLineBytes) return done(new BoundExceeded('line', maxLineBytes, line));
      done(null, chunk);
    },
  });
}
