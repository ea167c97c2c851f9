import type { Readable } from 'node:stream';

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

/** Why a bounded stream stopped: the whole input, or one line, over its bound (`line`: where it stopped, 0 when lines are not counted). */
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
 * The chunks of a byte stream, failing with `BoundExceeded` as soon as they pass `maxBytes` in all;
 * `onChunk` sees each one (progress). The stream is destroyed when the reading ends, however it
 * ends (the consumer stopping early included).
 */
export async function* boundedChunks(stream: Readable, maxBytes: number, onChunk?: (chunk: Uint8Array) => void): AsyncGenerator<Uint8Array> {
  let total = 0;
  try {
    for await (const chunk of stream) {
      const bytes: Uint8Array = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += bytes.length;
      if (total > maxBytes) throw new BoundExceeded('bytes', maxBytes, 0);
      onChunk?.(bytes);
      yield bytes;
    }
  } finally {
    stream.destroy();
  }
}
