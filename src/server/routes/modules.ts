import { z } from 'zod';
import {
  checkMatedPair,
  checkPinMap,
  netlistPartConflict,
  parseKicadNetlist,
  parseNetMapCsv,
  parsePinMapText,
  pinMapJsonSchema,
  type CheckReport,
  type PinMapFormat,
} from '../../checks/index.js';
import { drawingSvg } from '../../drawing/index.js';
import { footprintFile, pcmNames, symbolLibraryFile } from '../../kicad/index.js';
import { stepModel, vrmlModel } from '../../model3d/index.js';
import { orderQuantities } from '../../order/index.js';
import { OPTIONS } from '../../options.js';
import { builtInSeries, type Series } from '../../catalog/index.js';
import { readBodyBytes } from '../body.js';
import type { JobOutput } from '../jobs.js';
import { libraryZipName } from '../library.js';
import { libraryDownloadRoute } from './library-downloads.js';
import { admitRequest, jobOutput, type JobPool } from '../pool.js';
import { ProblemError } from '../problem.js';
import { download, jsonText, respond } from '../respond.js';
import { defineRoute, type RouteSpec } from '../route.js';
import { optionQuery, PartNumberParams } from '../schemas.js';
import { CheckReportSchema, OrderPlanSchema } from '../schemas-modules.js';
import { SVG_CSP } from '../security.js';
import { bomRoute } from './bom.js';
import { decodedOrNotFound } from './parts.js';
import { orThrow, problem, ReportFormat, reportBody, reportResponses } from './reports.js';

/** A pin map of an 80-pin part is a few kilobytes; 1 MiB leaves room for comments and conditions. */
export const PIN_MAP_MAX_BYTES = 1024 * 1024;

export const CheckQuery = z.strictObject({
  part: z.string().max(64).optional().describe('A4S part number when the pin map does not name it (as --part)'),
  format: ReportFormat.optional().describe('json (default) | text | md | html'),
  'ir-drop-threshold-mv': optionQuery(OPTIONS.irDropThresholdMv).optional().describe('Warn when a net’s worst-case contact drop exceeds this (mV)'),
});

/** The two-board check as JSON: both netlists as text (`a4s check --netlist … --mate-netlist …`). */
export const MatedCheckRequest = z
  .strictObject({
    netlist: z.string().describe('KiCad 6+ netlist (.net text) of the board'),
    ref: z.string().min(1).max(64).describe('Reference designator of the connector on the board, e.g. J1'),
    mateNetlist: z.string().describe('KiCad 6+ netlist of the other board (the FPC)'),
    mateRef: z.string().min(1).max(64).describe('Reference designator of the mating connector, e.g. P1'),
    netMap: z.string().optional().describe('CSV with the header board,mate: net names that are the same on both sides'),
    pinMap: z.string().optional().describe('Optional pin-map document (YAML or JSON text) with currents, voltages, kinds and conditions'),
  })
  .meta({ id: 'MatedCheckRequest' });

/** A JSON body naming `mateNetlist` is the two-board check; anything else is a pin-map document. */
function matedRequest(text: string, part: string | undefined, series: Series): CheckReport | null {
  if (!text.includes('"mateNetlist"')) return null;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null; // the pin-map reader reports the syntax error with its position
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body) || !Object.hasOwn(body, 'mateNetlist')) return null;
  return matedCheck(body, part, series);
}

/** The two-board check as multipart/form-data: the same fields, as files or plain values. */
async function matedMultipart(text: string, contentType: string, part: string | undefined, series: Series): Promise<CheckReport> {
  let form: FormData;
  try {
    form = await new Response(text, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new ProblemError(400, 'BAD_BODY', 'The multipart/form-data body cannot be read (boundary, parts).');
  }
  const body: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of form.entries()) {
    if (Object.hasOwn(body, name)) throw new ProblemError(422, 'PINMAP_FIELD', `two-board check: the field ${name} is given twice.`, { field: name });
    body[name] = typeof value === 'string' ? value : await value.text();
  }
  return matedCheck({ ...body }, part, series);
}

function matedCheck(body: unknown, part: string | undefined, series: Series): CheckReport {
  const request = MatedCheckRequest.safeParse(body);
  if (!request.success) {
    const issue = request.error.issues[0]!;
    throw new ProblemError(422, 'PINMAP_FIELD', `two-board check: ${issue.path.join('.') || '(body)'}: ${issue.message}`, { field: issue.path.join('.') });
  }
  const r = request.data;
  const base =
    r.pinMap === undefined
      ? null
      : orThrow(
          statusOf(
            parsePinMapText(
              r.pinMap,
              r.pinMap.trimStart().startsWith('{') ? 'json' : 'yaml',
              { allowNoPins: true, ...(part !== undefined ? { part } : {}) },
              series,
            ),
          ),
          422,
        );
  const board = orThrow(statusOf(parseKicadNetlist(r.netlist, r.ref, series)), 422);
  const conflict = netlistPartConflict(board, part ?? base?.part ?? null, part !== undefined ? 'the query part is' : 'the pin map names', series);
  if (conflict) orThrow({ ok: false, error: conflict }, 422);
  const mate = orThrow(statusOf(parseKicadNetlist(r.mateNetlist, r.mateRef, series)), 422);
  const netMap = r.netMap === undefined ? [] : orThrow(statusOf(parseNetMapCsv(r.netMap)), 422);
  return orThrow(checkMatedPair({ board, mate, netMap, base, part: part ?? base?.part ?? null }, series), 422);
}

/** Syntax errors are 400, the rest of the input errors 422 (as for the pin map). */
function statusOf<T extends { ok: boolean; error?: { code: string } }>(result: T): T {
  if (!result.ok && result.error && MATED_SYNTAX_CODES.has(result.error.code)) orThrow(result as never, 400);
  return result;
}
const MATED_SYNTAX_CODES = new Set(['PINMAP_SYNTAX', 'PINMAP_CSV_SYNTAX', 'PINMAP_DUPLICATE_KEY', 'NETLIST_SYNTAX', 'NET_MAP_SYNTAX']);

const OrderQuery = z.strictObject({
  pn: z.string().max(64).describe('Part number'),
  qty: optionQuery(OPTIONS.quantity).describe('Pieces needed'),
});

const PIN_MAP_TYPES: Record<string, PinMapFormat> = {
  'application/json': 'json',
  'application/yaml': 'yaml',
  'application/x-yaml': 'yaml',
  'text/yaml': 'yaml',
  'text/x-yaml': 'yaml',
  'text/csv': 'csv',
};
const SYNTAX_CODES = new Set(['PINMAP_SYNTAX', 'PINMAP_CSV_SYNTAX']);

const fileRoute = (
  suffix: string,
  operationId: string,
  summary: string,
  mediaType: string,
  build: (pn: string, series: Series) => { fileName: string; content: string },
  csp?: string,
  attachment = true,
): RouteSpec =>
  defineRoute({
    method: 'get',
    path: `/api/parts/{pn}/${suffix}`,
    operationId,
    summary,
    tags: ['files'],
    params: PartNumberParams,
    responses: {
      200: {
        description: `The file (${mediaType})`,
        content: { [mediaType]: 'binary' },
        headers: attachment ? { 'content-disposition': 'attachment; filename="…"' } : undefined,
      },
      404: problem('Not an A4S part number'),
    },
    handle: ({ c, params, series }) => {
      decodedOrNotFound(params.pn, series);
      const file = build(params.pn, series);
      return attachment
        ? download(c, file.content, mediaType, file.fileName, csp)
        : respond(c, file.content, mediaType, { csp, headers: { 'cache-control': 'public, max-age=3600' } });
    },
  });

/** What `POST /api/check` computes once its body is read (a pool job: src/server/jobs.ts). */
export interface CheckJob {
  readonly text: string;
  /** The media type without parameters (one of the route's). */
  readonly mediaType: string;
  /** The whole Content-Type header (multipart needs its boundary). */
  readonly contentType: string;
  readonly query: z.infer<typeof CheckQuery>;
}

export async function runCheck(job: CheckJob, series: Series = builtInSeries): Promise<JobOutput> {
  const { text, mediaType, query } = job;
  if (mediaType === 'multipart/form-data') {
    if (query['ir-drop-threshold-mv'] !== undefined)
      throw new ProblemError(400, 'BAD_OPTION', 'ir-drop-threshold-mv: give irDropThresholdMv in the pinMap of a two-board check.');
    return reportBody(await matedMultipart(text, job.contentType, query.part, series), query.format, series);
  }
  const format = PIN_MAP_TYPES[mediaType]!;
  if (format === 'json') {
    const threshold = query['ir-drop-threshold-mv'];
    const mated = matedRequest(text, query.part, series);
    if (mated) {
      if (threshold !== undefined)
        throw new ProblemError(400, 'BAD_OPTION', 'ir-drop-threshold-mv: give irDropThresholdMv in the pinMap of a two-board check.');
      return reportBody(mated, query.format, series);
    }
  }
  const parsed = parsePinMapText(text, format, query.part !== undefined ? { part: query.part } : {}, series);
  if (!parsed.ok) orThrow(parsed, SYNTAX_CODES.has(parsed.error.code) ? 400 : 422);
  let input = orThrow(parsed, 422);
  const threshold = query['ir-drop-threshold-mv'];
  if (threshold !== undefined) input = { ...input, irDropThresholdMv: threshold };
  return reportBody(checkPinMap(input, series), query.format, series);
}

/** Endpoints backed by the design-file, check and order modules. */
export function moduleRoutes(pool: JobPool): RouteSpec[] {
  return [
    fileRoute(
      'footprint.kicad_mod',
      'footprint',
      'KiCad footprint (.kicad_mod, KiCad 8 format: KiCad 8 and later) of the part',
      'text/plain; charset=utf-8',
      (pn, series) => orThrow(footprintFile(pn, {}, series), 404),
    ),
    fileRoute(
      'symbol.kicad_sym',
      'symbol',
      'KiCad symbol library (.kicad_sym, KiCad 8 format: KiCad 8 and later) holding the part',
      'text/plain; charset=utf-8',
      (pn, series) => orThrow(symbolLibraryFile(pn, series), 404),
    ),
    fileRoute('model.step', 'stepModel', '3D model, STEP AP214 (simplified; not the manufacturer’s CAD data)', 'model/step', (pn, series) =>
      orThrow(stepModel(pn, {}, series), 404),
    ),
    fileRoute('model.wrl', 'vrmlModel', '3D model, VRML 2.0 for KiCad’s 3D viewer', 'model/vrml', (pn, series) => orThrow(vrmlModel(pn, {}, series), 404)),
    fileRoute(
      'drawing.svg',
      'drawing',
      'Dimensioned drawing (SVG, A4, mm) with the provenance of every number',
      'image/svg+xml',
      (pn, series) => orThrow(drawingSvg(pn, {}, series), 404),
      SVG_CSP,
      false,
    ),
    libraryDownloadRoute(pool, {
      kind: 'library-zip',
      path: '/api/library.zip',
      operationId: 'kicadLibrary',
      summary: 'The whole KiCad library: footprints, symbols, 3D models, library tables (zip; `a4s kicad-lib`)',
      description: 'Zip archive',
      mediaType: 'application/zip',
      contentType: 'application/zip',
      fileName: libraryZipName,
    }),
    libraryDownloadRoute(pool, {
      kind: 'pcm-zip',
      path: '/api/library-pcm.zip',
      operationId: 'kicadPcmPackage',
      summary:
        "The library as a KiCad Plugin and Content Manager package (zip, KiCad 8 and later: PCM → Install from File; `a4s kicad-pcm`): footprints DRC-clean at KiCad's default netclass with no rule file, symbols, 3D models, metadata.json",
      description: 'Zip archive (PCM package)',
      mediaType: 'application/zip',
      contentType: 'application/zip',
      fileName: (series) => pcmNames(series).zipName,
    }),
    defineRoute({
      method: 'post',
      path: '/api/check',
      operationId: 'checkPinMap',
      summary: 'Check a pin map (JSON, YAML or CSV) against the catalog (`a4s check`)',
      description:
        'Findings are in the report (200); a pin map that cannot be read is a problem with the line, column and field. The two-board check (`a4s check --netlist … --mate-netlist …`) takes a JSON body `{ netlist, ref, mateNetlist, mateRef, netMap?, pinMap? }` (texts) and answers the same report with a `mating` member; the same fields as multipart/form-data (files or values) also work.',
      tags: ['checks'],
      query: CheckQuery,
      body: {
        description: 'The pin-map document (the same as `a4s check` reads; schema: `a4s check --schema`).',
        maxBytes: PIN_MAP_MAX_BYTES,
        // Every media type the handler reads (PIN_MAP_TYPES): YAML has several names in use.
        content: {
          ...Object.fromEntries(Object.entries(PIN_MAP_TYPES).map(([type, format]) => [type, format === 'csv' ? 'text' : { jsonSchema: pinMapJsonSchema }])),
          'multipart/form-data': MatedCheckRequest,
        },
      },
      responses: {
        ...reportResponses(CheckReportSchema, 'The check report'),
        400: problem('Malformed pin map (PINMAP_SYNTAX …) or bad query'),
        413: problem('Body over the limit'),
        415: problem('Content type not read'),
        422: problem('Readable but wrong: a field, a range, an invalid part number'),
        503: problem('Busy: the heavy-request queue is full (SERVER_BUSY, with Retry-After), or the request ran out of time (TIMEOUT)'),
      },
      handle: async ({ c, query, mediaType, signal }) => {
        const ticket = await admitRequest(pool, c.req.raw);
        try {
          const body = await readBodyBytes(c.req.raw, PIN_MAP_MAX_BYTES, signal);
          const job = { kind: 'check', body, mediaType: mediaType!, contentType: c.req.header('content-type') ?? '', query } as const;
          const out = jobOutput(await ticket.run(job, signal));
          return respond(c, out.body, out.contentType);
        } finally {
          ticket.release();
        }
      },
    }),
    bomRoute(),
    defineRoute({
      method: 'get',
      path: '/api/order',
      operationId: 'orderQuantities',
      summary: 'Order quantities: reels, outer cartons, leftover pieces, inspection lots (`a4s order`)',
      tags: ['order'],
      query: OrderQuery,
      queryErrorCode: 'ORDER_BAD_QUANTITY',
      // A missing or overlong part number is the part number's error, not the quantity's.
      queryErrorCodes: { pn: 'EMPTY' },
      responses: {
        200: { description: 'The order plan', content: { 'application/json': OrderPlanSchema } },
        400: problem('Bad quantity or invalid part number (the CLI’s codes)'),
      },
      handle: ({ c, query, series }) => jsonText(c, JSON.stringify(orThrow(orderQuantities(query.pn, query.qty, series), 400))),
    }),
  ];
}
