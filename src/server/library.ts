import { kicadLibraryTasks, kicadPcmPackage, PCM_ZIP_NAME } from '../kicad/index.js';
// Directly, not through the index: the zip code loads only where a zip is made (the CLI's start-up).
import { zipTasks } from '../kicad/zip.js';

/**
 * The whole KiCad library as one zip, and the same library as a KiCad PCM package. Building one
 * (every footprint, the symbols, a STEP and a VRML per family) takes seconds of CPU, so each is
 * built once, file by file with a pause between files (requests keep being answered meanwhile),
 * and kept: the output is deterministic.
 */
export const LIBRARY_ZIP_NAME = 'Panasonic_A4S_KiCad_library.zip';
export { PCM_ZIP_NAME };

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

function cachedBuild(build: () => Promise<Uint8Array<ArrayBuffer>>): () => Promise<Uint8Array<ArrayBuffer>> {
  let cached: Promise<Uint8Array<ArrayBuffer>> | null = null;
  return () => {
    cached ??= build().catch((err: unknown) => {
      cached = null; // let a later request try again
      throw err;
    });
    return cached;
  };
}

export const libraryZip = cachedBuild(() => zipTasks(kicadLibraryTasks(), pause));

export const libraryPcmZip = cachedBuild(() => {
  const tasks = kicadPcmPackage();
  if (!tasks.ok) throw new Error(`${tasks.error.code}: ${tasks.error.message}`);
  return zipTasks(tasks.value, pause);
});
