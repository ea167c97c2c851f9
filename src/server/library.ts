import { builtInSeries, type Series } from '../catalog/index.js';
import { libraryNames } from '../geometry/index.js';
import { kicadLibraryTasks, kicadPcmPackage } from '../kicad/index.js';
// Directly, not through the index: the zip code loads only where a zip is made (the CLI's start-up).
import { zipTasks } from '../kicad/zip.js';

/**
 * The whole KiCad library as one zip, and the same library as a KiCad PCM package. Building one
 * (every footprint, the symbols, a STEP and a VRML per family) takes seconds of CPU, so the server
 * builds each once in a pool worker and keeps it: the output is deterministic. (File by file with a
 * pause between files, so that the main thread keeps answering when the pool runs in process.)
 */
/** The KiCad library zip's file name for a series (Panasonic_A4S_KiCad_library.zip for the built-in one). */
export const libraryZipName = (series: Series): string => `${libraryNames(series).footprintLibrary}_KiCad_library.zip`;

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The KiCad library zip's bytes (a pool job: src/server/jobs.ts). */
export function buildLibraryZip(series: Series = builtInSeries): Promise<Uint8Array<ArrayBuffer>> {
  return zipTasks(kicadLibraryTasks({}, series), pause);
}

/** The KiCad PCM package's bytes (a pool job). */
export function buildPcmZip(series: Series = builtInSeries): Promise<Uint8Array<ArrayBuffer>> {
  const tasks = kicadPcmPackage({}, series);
  if (!tasks.ok) return Promise.reject(new Error(`${tasks.error.code}: ${tasks.error.message}`));
  return zipTasks(tasks.value, pause);
}

/**
 * Built once per series by `build` (the pool, or in process) and kept as long as the series is (apps
 * of the same series share it: the bytes are the same); a failed build lets a later request try again.
 */
export function cachedPerSeries(): (series: Series, build: () => Promise<Uint8Array<ArrayBuffer>>) => Promise<Uint8Array<ArrayBuffer>> {
  const cached = new WeakMap<Series, Promise<Uint8Array<ArrayBuffer>>>();
  return (series, build) => {
    let bytes = cached.get(series);
    if (!bytes) {
      bytes = build().catch((err: unknown) => {
        cached.delete(series);
        throw err;
      });
      cached.set(series, bytes);
    }
    return bytes;
  };
}
