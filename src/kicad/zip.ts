import { Zip, ZipDeflate } from 'fflate';
import type { LibraryTask } from './library.js';

/** A fixed date in the zip entries so that the same files give the same bytes. */
const ZIP_MTIME = new Date('2020-01-01T00:00:00Z');
const encoder = new TextEncoder();

/**
 * The tasks' files as one zip, in the tasks' order, each entry dated ZIP_MTIME: the same tasks give
 * byte-identical archives. `pause` runs before each file is built (the server yields there, so
 * that requests keep being answered while a library is zipped).
 */
export async function zipTasks(tasks: readonly LibraryTask[], pause: () => Promise<void> = async () => {}): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else chunks.push(data);
  });
  for (const task of tasks) {
    await pause();
    const content = task.build();
    const entry = new ZipDeflate(task.path, { level: 6 });
    entry.mtime = ZIP_MTIME;
    zip.add(entry);
    entry.push(typeof content === 'string' ? encoder.encode(content) : content, true);
    if (failure) throw failure;
  }
  zip.end();
  if (failure) throw failure;
  const total = chunks.reduce((n, c) => n + c.byteLength, 0);
  const out = new Uint8Array(new ArrayBuffer(total));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}
