import { ProblemError } from './problem.js';

/**
 * Request bodies are read as streams with a byte budget: a body announced or found larger than
 * the limit stops at the limit (413) instead of filling memory.
 */
export function checkDeclaredLength(request: Request, maxBytes: number): void {
  if (declaredTooLarge(request, maxBytes)) throw tooLarge(maxBytes);
}

export function declaredTooLarge(request: Request, maxBytes: number): boolean {
  const declared = request.headers.get('content-length');
  return declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes;
}

/**
 * Bytes of a refused body read and discarded before the 413 is sent (assumed: 64 MiB, past the
 * largest limit, 32 MiB, with room). Clients that write the whole body before reading the answer
 * (Python's urllib) see a broken pipe if the server answers and closes while the body still
 * arrives; read to the end, they get the 413. Beyond this bound the server answers at once.
 */
export const DRAIN_MAX_BYTES = 64 * 1024 * 1024;

/** Reads and discards what is left of a body, up to DRAIN_MAX_BYTES in all; true if it was read to the end. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, already: number): Promise<boolean> {
  let total = already;
  for (;;) {
    const next = await reader.read();
    if (next.done) return true;
    total += next.value.byteLength;
    if (total > DRAIN_MAX_BYTES) return false;
  }
}

/** A body declared over the limit: read it away (up to the drain bound), then the 413. */
export async function drainThenTooLarge(request: Request, maxBytes: number): Promise<never> {
  await drainBody(request);
  throw tooLarge(maxBytes);
}

/** Reads a body that will not be used away (up to DRAIN_MAX_BYTES, when its declared length is within it) before a refusal. */
export async function drainBody(request: Request): Promise<void> {
  const declared = Number(request.headers.get('content-length'));
  if (request.body && !request.bodyUsed && declared <= DRAIN_MAX_BYTES) {
    const reader = request.body.getReader();
    try {
      if (!(await drain(reader, 0))) reader.cancel().catch(() => {});
    } catch {
      // the client went away: the answer goes nowhere anyway
    } finally {
      reader.releaseLock();
    }
  }
}

export function tooLarge(maxBytes: number): ProblemError {
  return new ProblemError(413, 'BODY_TOO_LARGE', `The request body is larger than this endpoint's limit of ${formatBytes(maxBytes)}.`);
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB` : `${Math.round(n / 1024)} KiB`;
}

/** Chunks of the body as bytes, never more than maxBytes in total (then 413). */
export async function* bodyByteChunks(request: Request, maxBytes: number, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  if (declaredTooLarge(request, maxBytes)) await drainThenTooLarge(request, maxBytes);
  if (!request.body) return;
  let total = 0;
  const reader = request.body.getReader();
  let done = false;
  try {
    for (;;) {
      if (signal?.aborted) return;
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      total += next.value.byteLength;
      if (total > maxBytes) {
        // Read the rest away (bounded) so that the client reads the 413; see DRAIN_MAX_BYTES.
        done = await drain(reader, total).catch(() => false);
        throw tooLarge(maxBytes);
      }
      yield next.value;
    }
  } finally {
    // Stops reading a body we refuse; the adapter discards the rest of the upload.
    if (!done) reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

/** Chunks of the body as text (UTF-8, strict), never more than maxBytes in total. */
export async function* bodyTextChunks(request: Request, maxBytes: number, signal?: AbortSignal): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  for await (const chunk of bodyByteChunks(request, maxBytes, signal)) yield decode(decoder, chunk, true);
  const rest = decode(decoder, undefined, false);
  if (rest) yield rest;
}

function decode(decoder: TextDecoder, value: Uint8Array | undefined, stream: boolean): string {
  try {
    return decoder.decode(value, { stream });
  } catch {
    throw new ProblemError(400, 'BAD_BODY', 'The request body is not valid UTF-8 text.');
  }
}

export async function readBodyText(request: Request, maxBytes: number, signal?: AbortSignal): Promise<string> {
  let text = '';
  for await (const chunk of bodyTextChunks(request, maxBytes, signal)) text += chunk;
  return text;
}

/**
 * The whole body as bytes in one buffer of its own (never more than maxBytes): what a pool job
 * takes, transferred to the worker without a copy; the worker decodes it (`utf8Text`), so the
 * event loop neither decodes nor holds the text.
 */
export async function readBodyBytes(request: Request, maxBytes: number, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of bodyByteChunks(request, maxBytes, signal)) {
    chunks.push(chunk);
    total += chunk.byteLength;
  }
  // One native copy into a buffer of its own (past Node's pool size, Buffer.concat allocates one
  // ArrayBuffer of exactly this length; smaller bodies are copied out of the pool).
  const joined = Buffer.concat(chunks, total);
  return joined.byteOffset === 0 && joined.buffer.byteLength === total ? new Uint8Array(joined.buffer as ArrayBuffer) : new Uint8Array(joined);
}

/** Bytes as UTF-8 text (strict, a leading BOM dropped), as `readBodyText` decodes them; else 400 BAD_BODY. */
export function utf8Text(bytes: Uint8Array): string {
  return decode(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }), bytes, false);
}
