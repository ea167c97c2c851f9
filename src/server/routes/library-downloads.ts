import type { Series } from '../../catalog/index.js';
import { cachedPerSeries } from '../library.js';
import { pooledOnce, type JobPool } from '../pool.js';
import { download } from '../respond.js';
import { defineRoute, type RouteSpec } from '../route.js';
import { ProblemSchema } from '../schemas.js';

/** The whole-library jobs: each a download of a few MB that takes seconds of CPU to build. */
export type LibraryJobKind = 'library-zip' | 'pcm-zip' | 'eagle-library' | 'easyeda-library';

/** A whole-library download (KiCad zip, PCM package, Eagle, EasyEDA Pro): what differs between them. */
export interface LibraryDownload {
  readonly kind: LibraryJobKind;
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  /** The 200 answer's description, and its media type in the OpenAPI document. */
  readonly description: string;
  readonly mediaType: string;
  /** The Content-Type header sent (the media type with its parameters). */
  readonly contentType: string;
  readonly fileName: (series: Series) => string;
}

const BUSY = {
  description: 'Busy: the heavy-request queue is full (SERVER_BUSY, with Retry-After), or the request ran out of time (TIMEOUT)',
  content: { 'application/problem+json': ProblemSchema },
};

/**
 * One cache per library, shared by every app of the process: a library depends on the series only, so
 * it is built on the first request (in a pool worker) and kept per series (the same bytes every time).
 */
const cacheOf = new Map<LibraryJobKind, ReturnType<typeof cachedPerSeries>>();

/** The route of a whole-library download: built once per series in the pool, then served from memory. */
export function libraryDownloadRoute(pool: JobPool, library: LibraryDownload): RouteSpec {
  let cached = cacheOf.get(library.kind);
  if (!cached) {
    cached = cachedPerSeries();
    cacheOf.set(library.kind, cached);
  }
  const once = cached;
  return defineRoute({
    method: 'get',
    path: library.path,
    operationId: library.operationId,
    summary: library.summary,
    tags: ['files'],
    responses: { 200: { description: library.description, content: { [library.mediaType]: 'binary' } }, 503: BUSY },
    handle: async ({ c, series }) =>
      download(c, await once(series, () => pooledOnce(pool, { kind: library.kind })), library.contentType, library.fileName(series)),
  });
}
