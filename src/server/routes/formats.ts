import { circuitJsonPart, eagleLibraryName, easyedaLibraryFile } from '../../formats/index.js';
import type { Series } from '../../catalog/index.js';
import type { JobPool } from '../pool.js';
import { ProblemError } from '../problem.js';
import { jsonText } from '../respond.js';
import { defineRoute, type RouteSpec } from '../route.js';
import { PartNumberParams, ProblemSchema } from '../schemas.js';
import { libraryDownloadRoute } from './library-downloads.js';
import { decodedOrNotFound } from './parts.js';

/** The Eagle library's file name for a series (Panasonic_A4S.lbr for the built-in one): the library's own name. */
const eagleLibraryFileName = (series: Series): string => `${eagleLibraryName(series)}.lbr`;
const problem = (description: string) => ({ description, content: { 'application/problem+json': ProblemSchema } });

/** Other EDA formats: the Eagle library, the EasyEDA Pro library and circuit-json. */
export function formatRoutes(pool: JobPool): RouteSpec[] {
  return [
    libraryDownloadRoute(pool, {
      kind: 'eagle-library',
      path: '/api/library.lbr',
      operationId: 'eagleLibrary',
      summary: 'The whole library as one Eagle 9 XML library (Eagle, Fusion Electronics, importers; `a4s eagle-lib`)',
      description: 'Eagle XML library',
      mediaType: 'application/xml',
      contentType: 'application/xml; charset=utf-8',
      fileName: eagleLibraryFileName,
    }),
    libraryDownloadRoute(pool, {
      kind: 'easyeda-library',
      path: '/api/library.elibz',
      operationId: 'easyedaLibrary',
      summary:
        'The whole library as one EasyEDA Pro library (.elibz: footprints, symbols, a device per part number; EasyEDA Pro, KiCad 8 and later import it; `a4s easyeda-lib`)',
      description: 'EasyEDA Pro library (a zip)',
      mediaType: 'application/zip',
      contentType: 'application/zip',
      fileName: easyedaLibraryFile,
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
