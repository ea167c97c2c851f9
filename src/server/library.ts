import { Zip, ZipDeflate } from 'fflate';
import { kicadLibraryTasks } from '../kicad/index.js';

/**
 * The whole KiCad library as one zip. Building it (every footprint, the symbols, a STEP and a VRML
 * per family) takes a second or more of CPU, so the server builds it once in a pool worker and
 * keeps it: the output is deterministic. (File by file with a pause between files, so that the
 * main thread keeps answering when the pool runs in process.)
 */
export const LIBRARY_ZIP_NAME = 'Panasonic_A4S_KiCad_library.zip';
/** A fixed date in the zip entries so that the same library gives the same bytes. */
const ZIP_MTIME = new Date('2020-01-01T00:00:00Z');

let cached: Promise<Uint8Array<ArrayBuffer>> | null = null;

export function libraryZip(build: () => Promise<Uint8Array<ArrayBuffer>> = buildLibraryZip): Promise<Uint8Array<ArrayBuffer>> {
  cached ??= build().catch((err: unknown) => {
    cached = null; // let a later request try again
    throw err;
  });
  return cached;
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
const encoder = new TextEncoder();

/** The zip's bytes (a pool job: the server builds it in a worker, src/server/jobs.ts). */
export async function buildLibraryZip(): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else chunks.push(data);
  });
  for (const task of kicadLibraryTasks()) {
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
