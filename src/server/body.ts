import { ProblemError } from './problem.js';

/**
 * Request bodies are read as streams with a byte budget: a body announced or found larger than
 * the limit stops at the limit (413) instead of filling memory.
 */
export function checkDeclaredLength(request: Request, maxBytes: number): void {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes) throw tooLarge(maxBytes);
}

export function tooLarge(maxBytes: number): ProblemError {
  return new ProblemError(413, 'BODY_TOO_LARGE', `The request body is larger than this endpoint's limit of ${formatBytes(maxBytes)}.`);
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB` : `${Math.round(n / 1024)} KiB`;
}

/** Chunks of the body as text (UTF-8, strict), never more than maxBytes in total. */
export async function* bodyTextChunks(request: Request, maxBytes: number): AsyncGenerator<string> {
  checkDeclaredLength(request, maxBytes);
  if (!request.body) return;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let total = 0;
  const reader = request.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw tooLarge(maxBytes);
      yield decode(decoder, value, true);
    }
    const rest = decode(decoder, undefined, false);
    if (rest) yield rest;
  } finally {
    // Stops reading a body we refuse; the adapter discards the rest of the upload.
    reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

function decode(decoder: TextDecoder, value: Uint8Array | undefined, stream: boolean): string {
  try {
    return decoder.decode(value, { stream });
  } catch {
    throw new ProblemError(400, 'BAD_BODY', 'The request body is not valid UTF-8 text.');
  }
}

export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  let text = '';
  for await (const chunk of bodyTextChunks(request, maxBytes)) text += chunk;
  return text;
}

/** Lines of the body (LF or CRLF), streamed. */
export async function* bodyLines(request: Request, maxBytes: number): AsyncGenerator<string> {
  let pending = '';
  for await (const chunk of bodyTextChunks(request, maxBytes)) {
    pending += chunk;
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      yield pending.slice(0, nl).replace(/\r$/, '');
      pending = pending.slice(nl + 1);
    }
  }
  if (pending !== '') yield pending.replace(/\r$/, '');
}
