import { kicadLibraryTasks, kicadPcmPackage, PCM_ZIP_NAME } from '../kicad/index.js';
// Directly, not through the index: the zip code loads only where a zip is made (the CLI's start-up).
import { zipTasks } from '../kicad/zip.js';

/**
 * The whole KiCad library as one zip, and the same library as a KiCad PCM package. Building one
 * (every footprint, the symbols, a STEP and a VRML per family) takes seconds of CPU, so the server
 * builds each once in a pool worker and keeps it: the output is deterministic. (File by file with a
 * pause between files, so that the main thread keeps answering when the pool runs in process.)
 */
export const LIBRARY_ZIP_NAME = 'Panasonic_A4S_KiCad_library.zip';
export { PCM_ZIP_NAME };

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The KiCad library zip's bytes (a pool job: src/server/jobs.ts). */
export function buildLibraryZip(): Promise<Uint8Array<ArrayBuffer>> {
  return zipTasks(kicadLibraryTasks(), pause);
}

/** The KiCad PCM package's bytes (a pool job). */
export function buildPcmZip(): Promise<Uint8Array<ArrayBuffer>> {
  const tasks = kicadPcmPackage();
  if (!tasks.ok) return Promise.reject(new Error(`${tasks.error.code}: ${tasks.error.message}`));
  return zipTasks(tasks.value, pause);
}

/** Built once by `build` (the pool, or in process) and kept; a failed build lets a later request try again. */
function cachedOnce(): (build: () => Promise<Uint8Array<ArrayBuffer>>) => Promise<Uint8Array<ArrayBuffer>> {
  let cached: Promise<Uint8Array<ArrayBuffer>> | null = null;
  return (build) => {
    cached ??= build().catch((err: unknown) => {
      cached = null;
      throw err;
    });
    return cached;
  };
}

const zipOnce = cachedOnce();
const pcmOnce = cachedOnce();
export const libraryZip = (build: () => Promise<Uint8Array<ArrayBuffer>> = buildLibraryZip) => zipOnce(build);
export const libraryPcmZip = (build: () => Promise<Uint8Array<ArrayBuffer>> = buildPcmZip) => pcmOnce(build);
