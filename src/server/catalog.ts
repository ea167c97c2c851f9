import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { loadSeriesText } from '../catalog/edition.js';
import type { Series } from '../catalog/index.js';
import { fail, type Result } from '../result.js';

/**
 * A4S_CATALOG: the catalog edition the server answers for, read once at start (synchronously: the
 * server does nothing else yet) and validated like `--catalog` (the zod schema, the file's own
 * grammar). A bad file stops the start-up with its code and message (src/server/main.ts).
 */

/** The same bound as the CLI's --catalog (assumed: the built-in catalog is 48 kB). */
export const MAX_CATALOG_BYTES = 4 * 1024 * 1024;

/** A failure said as the environment variable's (the message names the file). */
function named(result: Result<Series>): Result<Series> {
  return result.ok ? result : fail({ code: result.error.code, message: `A4S_CATALOG: ${result.error.message}` });
}

/** The series of the edition in `path`: CATALOG_UNREADABLE, INPUT_NOT_TEXT or CATALOG_INVALID when it cannot be used. */
export function readCatalogEdition(path: string): Result<Series> {
  const unreadable = (why: string) => fail({ code: 'CATALOG_UNREADABLE' as const, message: `A4S_CATALOG ${path}: ${why}.` });
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    return unreadable((err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message);
  }
  try {
    if (fstatSync(fd).isDirectory()) return unreadable('is a folder, not a file');
    // Counted as read, whatever the file is (a FIFO or a device tells no size).
    const buffer = Buffer.alloc(MAX_CATALOG_BYTES + 1);
    let size = 0;
    for (;;) {
      const n = readSync(fd, buffer, size, buffer.length - size, null);
      if (n === 0) break;
      size += n;
      if (size > MAX_CATALOG_BYTES)
        return unreadable(`over ${MAX_CATALOG_BYTES.toLocaleString('en-US')} bytes, more than a catalog edition can be (about 50 kB)`);
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, size));
    } catch {
      // Not UTF-8: the text reader says what it looks like (a PDF, NUL bytes) when it is not text at all.
      const loose = loadSeriesText(new TextDecoder('utf-8').decode(buffer.subarray(0, size)), path);
      return !loose.ok && loose.error.code === 'INPUT_NOT_TEXT' ? named(loose) : unreadable('is not UTF-8 text');
    }
    return named(loadSeriesText(text, path));
  } catch (err) {
    return unreadable((err as Error).message);
  } finally {
    closeSync(fd);
  }
}
