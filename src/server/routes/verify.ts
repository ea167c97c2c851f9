import { z } from 'zod';
import type { Provenance } from '../../provenance.js';
import { MAX_FOOTPRINT_CHARS, renderFootprintReport, verifyFootprint } from '../../verify/index.js';
import { builtInSeries, type Series } from '../../catalog/index.js';
import { readBodyBytes } from '../body.js';
import { ProblemError } from '../problem.js';
import type { JobOutput } from '../jobs.js';
import { admitRequest, jobOutput, type JobPool } from '../pool.js';
import { JSON_TYPE, respond } from '../respond.js';
import { defineRoute, type RouteSpec } from '../route.js';
import { ProblemSchema } from '../schemas.js';

/** Footprint files are tens of kilobytes; 4 MiB bounds one upload. */
export const FOOTPRINT_MAX_BYTES = 4 * 1024 * 1024;

const problem = (description: string) => ({ description, content: { 'application/problem+json': ProblemSchema } });
const Strength = z.enum(['catalog', 'derived', 'reference', 'assumed'] as const satisfies readonly Provenance[]);

export const FootprintFindingSchema = z
  .strictObject({
    code: z.string().describe('Stable finding code (GET /api/errors)'),
    severity: z.enum(['error', 'warning', 'info']),
    pads: z.array(z.string()),
    message: z.string(),
    expected: z.string().nullable(),
    found: z.string().nullable(),
    toleranceMm: z.number().nullable(),
    provenance: Strength.nullable().describe('Where the expected value comes from: catalog/derived > reference > assumed'),
    source: z.string().nullable(),
  })
  .meta({ id: 'FootprintFinding' });

const AspectVerdict = z.strictObject({ errors: z.number().int(), warnings: z.number().int(), matches: z.boolean() });

export const FootprintReportSchema = z
  .strictObject({
    file: z.strictObject({
      name: z.string(),
      syntax: z.enum(['module', 'footprint']),
      version: z.string().nullable(),
      copperPads: z.number().int(),
      ignoredPads: z.number().int(),
      board: z.strictObject({ reference: z.string(), side: z.enum(['top', 'bottom']), angleDeg: z.number() }).nullable(),
      flipped: z.strictObject({ library: z.boolean(), why: z.string() }).nullable().describe('Mirrored back from the bottom side before comparison'),
    }),
    part: z.strictObject({
      partNumber: z.string(),
      role: z.enum(['socket', 'header']),
      pins: z.number().int(),
      identifiedBy: z.enum(['option', 'file name', 'footprint name', 'value', 'description', 'tags', 'pad count']),
      identifiedFrom: z.string(),
      status: z.enum(['standard', 'renamed', 'nonstandard']),
      roleFromGeometry: z
        .strictObject({
          decided: z.boolean(),
          evidence: z.array(z.string()),
          readings: z.array(z.strictObject({ partNumber: z.string(), role: z.enum(['socket', 'header']), mirrored: z.boolean().nullable() })),
        })
        .nullable()
        .describe('Without a part number: socket or header from the geometry, with the evidence and the mirror check under each reading'),
    }),
    placement: z.strictObject({ rotationDeg: z.number().min(0).lt(360), originMm: z.strictObject({ x: z.number(), y: z.number() }) }).nullable(),
    tolerancesMm: z.strictObject({
      catalog: z.number(),
      reference: z.number(),
      assumed: z.number(),
      padWidthReference: z.number(),
      padWidthAssumed: z.number(),
      source: z.string(),
    }),
    paste: z
      .strictObject({
        stencilThicknessMm: z.number(),
        openings: z.number().int(),
        contactAperture: z.strictObject({ widthMm: z.number(), heightMm: z.number() }).nullable(),
        contactAreaRatio: z.number().nullable(),
        areaRatioMin: z.number(),
        source: z.string(),
      })
      .nullable()
      .describe('Stencil openings: the IPC-7525 area ratio of the contact openings'),
    findings: z.array(FootprintFindingSchema),
    summary: z.strictObject({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() }),
    verdicts: z
      .strictObject({
        copper: z.strictObject({
          ...AspectVerdict.shape,
          numbering: z.enum(['checked', 'unchecked']),
          numberingWarnings: z.number().int(),
        }),
        paste: AspectVerdict,
        outline: AspectVerdict,
      })
      .describe(
        "The verdict by layer: copper (pads, terminals, numbering; with pads named by rows the numbering is 'unchecked' and its reading's warnings are counted apart), paste (stencil openings), outline (courtyard, fab, pin-1 mark)",
      ),
    matches: z.boolean(),
  })
  .meta({ id: 'FootprintReport', description: 'The same JSON as `a4s verify-footprint --json`' });

const VerifyQuery = z.strictObject({
  part: z.string().max(64).optional().describe('The A4S part the footprint is for (as --part); default: from the name, value, description or pad count'),
  name: z.string().max(255).optional().describe('The file name (a part number in it identifies the part)'),
  ref: z.string().max(64).optional().describe('In a board file (.kicad_pcb): the reference designator of the connector'),
  format: z.enum(['json', 'text'], { error: 'must be one of: json, text.' }).optional().describe('json (default) | text'),
});

/** What `POST /api/verify-footprint` computes once its body is read (a pool job: src/server/jobs.ts). */
export interface VerifyFootprintJob {
  readonly text: string;
  readonly format: 'json' | 'text';
  readonly part?: string;
  readonly fileName?: string;
  readonly reference?: string;
}

export function runVerifyFootprint(job: VerifyFootprintJob, series: Series = builtInSeries): JobOutput {
  if (job.text.length > MAX_FOOTPRINT_CHARS) throw new ProblemError(413, 'BODY_TOO_LARGE', 'The footprint is too large.');
  const result = verifyFootprint(
    job.text,
    {
      ...(job.part !== undefined ? { part: job.part } : {}),
      ...(job.fileName !== undefined ? { fileName: job.fileName } : {}),
      ...(job.reference !== undefined ? { reference: job.reference } : {}),
    },
    series,
  );
  if (!result.ok) {
    const { code, message } = result.error;
    const fileError = code === 'FOOTPRINT_SYNTAX' || code === 'FOOTPRINT_NOT_FOOTPRINT' || code === 'FOOTPRINT_PART_UNKNOWN' || code === 'FOOTPRINT_BAD_NUMBER';
    throw new ProblemError(fileError ? 400 : 422, code, message, result.suggestions?.length ? { suggestions: result.suggestions } : {});
  }
  if (job.format === 'text') return { body: renderFootprintReport(result.value, series), contentType: 'text/plain; charset=utf-8' };
  return { body: JSON.stringify(result.value), contentType: JSON_TYPE };
}

/** POST /api/verify-footprint: the body is the .kicad_mod text; verified in a pool worker. */
export function verifyRoutes(pool: JobPool): RouteSpec[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/verify-footprint',
      operationId: 'verifyFootprint',
      summary: 'Check a KiCad footprint (.kicad_mod, KiCad 5-9) against the catalog model of an A4S part (`a4s verify-footprint`)',
      description:
        'Findings are in the report (200; `matches` is false when there are error or warning findings); a file that cannot be read as a footprint is a problem (400), an invalid --part 422.',
      tags: ['checks'],
      query: VerifyQuery,
      body: {
        description: 'The footprint file as text.',
        maxBytes: FOOTPRINT_MAX_BYTES,
        content: { 'text/plain': 'text', 'application/octet-stream': 'text', 'application/x-kicad-footprint': 'text' },
      },
      responses: {
        200: {
          description: 'The verification report (JSON, or the text report with ?format=text)',
          content: { 'application/json': FootprintReportSchema, 'text/plain': 'text' as const },
        },
        400: problem(
          'Not a KiCad footprint (FOOTPRINT_SYNTAX, FOOTPRINT_NOT_FOOTPRINT, FOOTPRINT_BAD_NUMBER), part unknown (FOOTPRINT_PART_UNKNOWN) or bad query',
        ),
        413: problem('Body over the limit'),
        415: problem('Content type not read'),
        422: problem('The part number given is not an A4S part number'),
        503: problem('Busy: the heavy-request queue is full (SERVER_BUSY, with Retry-After), or the request ran out of time (TIMEOUT)'),
      },
      handle: async ({ c, query, signal }) => {
        const ticket = await admitRequest(pool, c.req.raw);
        try {
          const body = await readBodyBytes(c.req.raw, FOOTPRINT_MAX_BYTES, signal);
          const job = {
            kind: 'verify-footprint',
            body,
            format: query.format ?? 'json',
            ...(query.part !== undefined ? { part: query.part } : {}),
            ...(query.name !== undefined ? { fileName: query.name } : {}),
            ...(query.ref !== undefined ? { reference: query.ref } : {}),
          } as const;
          const out = jobOutput(await ticket.run(job, signal));
          return respond(c, out.body, out.contentType);
        } finally {
          ticket.release();
        }
      },
    }),
  ];
}
