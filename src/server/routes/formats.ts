import { circuitJsonPart, easyedaLibraryFile } from '../../formats/index.js';
import { builtInSeries, type Series } from '../../catalog/index.js';
import { cachedPerSeries } from '../library.js';
import { pooledOnce, type JobPool } from '../pool.js';
import { ProblemError } from '../problem.js';
import { download, jsonText } from '../respond.js';
import { defineRoute, type RouteSpec } from '../route.js';
import { PartNumberParams, ProblemSchema } from '../schemas.js';
import { decodedOrNotFound } from './parts.js';

/** The Eagle library's file name for a series (Panasonic_A4S.lbr for the built-in one). */
export const eagleLibraryFileName = (series: Series): string => `Panasonic_${series.name}.lbr`;
export const EAGLE_LIBRARY_FILE = eagleLibraryFileName(builtInSeries);
const problem = (description: string) => ({ description, content: { 'application/problem+json': ProblemSchema } });

// The library depends on the series only: built on first request (in a pool worker) and kept per series (same bytes every time).
const lbrOnce = cachedPerSeries();
const elibzOnce = cachedPerSeries();

/** Other EDA formats: the Eagle library, the EasyEDA Pro library and circuit-json. */
export function formatRoutes(pool: JobPool): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/library.lbr',
      operationId: 'eagleLibrary',
      summary: 'The whole library as one Eagle 9 XML library (Eagle, Fusion Electronics, importers; `a4s eagle-lib`)',
      tags: ['files'],
      responses: {
        200: { description: 'Eagle XML library', content: { 'application/xml': 'binary' } },
        503: problem('Busy: the heavy-request queue is full (SERVER_BUSY, with Retry-After), or the request ran out of time (TIMEOUT)'),
      },
      handle: async ({ c, series }) =>
        download(c, await lbrOnce(series, () => pooledOnce(pool, { kind: 'eagle-library' })), 'application/xml; charset=utf-8', eagleLibraryFileName(series)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/library.elibz',
      operationId: 'easyedaLibrary',
      summary:
        'The whole library as one EasyEDA Pro library (.elibz: footprints, symbols, a device per part number; EasyEDA Pro, KiCad 8 and later import it; `a4s easyeda-lib`)',
      tags: ['files'],
      responses: {
        200: { description: 'EasyEDA Pro library (a zip)', content: { 'application/zip': 'binary' } },
        503: problem('Busy: the heavy-request queue is full (SERVER_BUSY, with Retry-After), or the request ran out of time (TIMEOUT)'),
      },
      handle: async ({ c, series }) =>
        download(c, await elibzOnce(series, () => pooledOnce(pool, { kind: 'easyeda-library' })), 'application/zip', easyedaLibraryFile(series)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/parts/{pn}/circuit.json',
      operationId: 'circuitJson',
      summary: 'The part as circuit-json (tscircuit and other TypeScript circuit tools; `a4s circuit-json`)',
      tags: ['files'],
      params: PartNumberParams,
      responses: {
        200: { description: 'A JSON array of circuit-json elements (mm, y up)', content: { 'application/json': 'binary' } },
        404: problem('Not an A4S part number'),
      },
      handle: ({ c, params, series }) => {
        decodedOrNotFound(params.pn, series);
        const r = circuitJsonPart(params.pn, {}, series);
        if (!r.ok) throw new ProblemError(404, r.error.code, r.error.message);
        return jsonText(c, JSON.stringify(r.value.elements));
      },
    }),
  ];
}
