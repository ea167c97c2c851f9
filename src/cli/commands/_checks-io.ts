import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { CliIo } from '../io.js';
import { CliUsageError, printable } from '../io.js';
import { readBounded } from '../bounded.js';
import type { ErrorCode } from '../../errors.js';
import { notTextReason } from '../../text.js';

/** What is said of a file over the size limit: its own code (e.g. PINMAP_TOO_LARGE) and why the limit. */
export interface TooLarge {
  readonly code: ErrorCode;
  readonly why: string;
}

/**
 * Reads a whole text file (`-` = standard input); a missing or unreadable file is exit code 2.
 * A file over `maxBytes` is `tooLarge.code` (INPUT_UNREADABLE unless the caller names its own).
 * The bound holds for every kind of file (regular, FIFO, device, standard input): the bytes are
 * counted as they are read, and the reading stops at the bound.
 */
export async function readText(io: CliIo, file: string, maxBytes = 60_000_000, tooLarge: TooLarge = { code: 'INPUT_UNREADABLE', why: '' }): Promise<string> {
  // toLocaleString loads ICU's number formats (≈ 15 ms): only when the message is written.
  const over = (what: string, size: number | null) => {
    const limit = maxBytes.toLocaleString('en-US');
    return new CliUsageError(
      tooLarge.code,
      `${what} is ${size === null ? `over ${limit}` : size.toLocaleString('en-US')} bytes; at most ${limit} bytes are read${tooLarge.why ? ` (${tooLarge.why})` : ''}.`,
    );
  };
  if (file === '-') {
    const bytes = await readBounded(io.stdin, maxBytes);
    if (bytes === null) throw over('Standard input', null);
    return decode(bytes, 'standard input');
  }
  const { stream, size } = await openStream(io, file);
  if (size !== null && size > maxBytes) {
    stream.destroy();
    throw over(printable(file), size);
  }
  let bytes: Buffer | null;
  try {
    bytes = await readBounded(stream, maxBytes);
  } catch (err) {
    throw new CliUsageError('INPUT_UNREADABLE', `Cannot read ${printable(file)}: ${(err as Error).message}.`);
  }
  if (bytes === null) throw over(printable(file), null);
  return decode(bytes, file);
}

/**
 * The text of a file: UTF-16 (little or big endian) after its byte-order mark, as a spreadsheet's
 * "Unicode text" export (the BOM reader's rule, for every text reader), else UTF-8 (a UTF-8
 * byte-order mark dropped). Bytes that are not text are refused as such (INPUT_NOT_TEXT: a PDF, a
 * ZIP, NUL bytes, the core's notTextReason) before the strict decoding (INPUT_UNREADABLE).
 */
function decode(bytes: Buffer, name: string): string {
  const shown = printable(name);
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  const encoding = utf16 ?? 'utf-8';
  let text: string | null = null;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    // not strictly text: what it looks like (a PDF, an image) makes the better message
  }
  const why = notTextReason(text ?? new TextDecoder(encoding).decode(bytes));
  if (why !== null) throw new CliUsageError('INPUT_NOT_TEXT', `${shown} is not text: ${why}. Give the text file itself (CSV, YAML, JSON, a KiCad file).`);
  if (text === null) throw new CliUsageError('INPUT_UNREADABLE', `${shown} is not ${utf16 ? 'UTF-16' : 'UTF-8'} text.`);
  return text;
}

/** A readable stream of the file (`-` = standard input), opened eagerly so that a bad path is exit code 2. */
export async function openStream(io: CliIo, file: string): Promise<{ stream: Readable; size: number | null }> {
  if (file === '-') return { stream: io.stdin, size: null };
  const path = resolve(io.cwd, file);
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw new CliUsageError('INPUT_UNREADABLE', `${printable(file)} is a folder, not a file.`);
    // A size is told only for regular files: a FIFO or a device (/dev/zero) says 0 whatever it holds.
    const stream = createReadStream(path);
    // Opening errors (no permission) come as an 'error' event: wait for the open to report them here.
    await new Promise<void>((ok, fail) => {
      stream.once('open', () => ok());
      stream.once('error', fail);
    });
    return { stream, size: s.isFile() ? s.size : null };
  } catch (err) {
    if (err instanceof CliUsageError) throw err;
    throw new CliUsageError(
      'INPUT_UNREADABLE',
      `Cannot read ${printable(file)}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}.`,
    );
  }
}
/** A human format and JSON are alternatives: asking for both is a usage error, not a silent choice. */
export function rejectFormatWithJson(options: { json?: boolean; format?: string }): void {
  if (options.json && options.format !== undefined) {
    throw new CliUsageError(
      'BAD_OPTION',
      `--json and --format ${printable(options.format)} are alternatives (JSON, or a human report: text, md or html); give one of them.`,
    );
  }
}
