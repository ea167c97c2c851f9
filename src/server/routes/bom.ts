import type { Series } from '../../catalog/index.js';
import { z } from 'zod';
import { checkBomPairText, checkBomStream, type BomReport, type BomStreamOptions, type InputError } from '../../checks/index.js';
import type { Result } from '../../result.js';
import { bodyByteChunks, formatBytes, readBodyText } from '../body.js';
import { ProblemError } from '../problem.js';
import { defineRoute, type RouteSpec } from '../route.js';
import { BomPairReportSchema, BomReportSchema } from '../schemas-modules.js';
import { FlagQuery as flag, flagIsOn as isOn, optionQuery } from '../schemas.js';
import { OPTIONS } from '../../options.js';
import { orThrow, problem, report, ReportFormat, reportResponses } from './reports.js';

/** BOMs are streamed (constant memory); the limit only bounds the time one upload can take. */
export const BOM_MAX_BYTES = 32 * 1024 * 1024;
const BOM_TIMEOUT_MS = 60_000;

const BomQuery = z.strictObject({
  column: z.string().max(200).optional().describe('Header of the part-number column (default: found automatically)'),
  'qty-column': z.string().max(200).optional().describe('Header of the quantity column'),
  boards: optionQuery(OPTIONS.boards).optional().describe('Boards to build (quantities are per board; default 1)'),
  'mate-column': z.string().max(200).optional().describe('Two boards (multipart): header of the part-number column of the other board’s BOM'),
  fixture: flag.optional().describe('The BOM is an inspection fixture’s'),
  'mate-fixture': flag.optional().describe('Two boards (multipart): the other board’s BOM is an inspection fixture’s too'),
  format: ReportFormat.optional().describe('json (default) | text | md | html'),
});

/** Two boards' BOMs as multipart/form-data (files or values): `a4s bom FILE --mate OTHER`. */
const BomPairRequest = z
  .strictObject({
    bom: z.string().describe('This board’s BOM (CSV or TSV)'),
    mate: z.string().describe('The other board’s BOM (the FPC’s)'),
  })
  .meta({ id: 'BomPairRequest' });

/**
 * The two-board BOM check: both texts held (bounded by BOM_MAX_BYTES together), each board checked
 * as alone with the other's parts, then the pairing. A file part's name names its board in the report.
 */
async function bomPair(text: string, contentType: string, options: BomStreamOptions & { mateColumn?: string; mateFixture?: boolean }, series: Series) {
  let form: FormData;
  try {
    form = await new Response(text, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new ProblemError(400, 'BAD_BODY', 'The multipart/form-data body cannot be read (boundary, parts).');
  }
  const fields: Record<string, { text: string; name: string | null }> = Object.create(null) as Record<string, { text: string; name: string | null }>;
  for (const [name, value] of form.entries()) {
    if (name !== 'bom' && name !== 'mate') throw new ProblemError(400, 'BAD_BODY', `Two-board BOM check: unknown field ${name}; give the fields bom and mate.`);
    if (Object.hasOwn(fields, name)) throw new ProblemError(400, 'BAD_BODY', `Two-board BOM check: the field ${name} is given twice.`);
    fields[name] = typeof value === 'string' ? { text: value, name: null } : { text: await value.text(), name: value.name || null };
  }
  const bom = fields.bom;
  const mate = fields.mate;
  if (!bom || !mate) throw new ProblemError(400, 'BAD_BODY', 'Two-board BOM check: give both fields, bom (this board’s BOM) and mate (the other board’s).');
  const { rejectInvalidText: _r, maxLineBytes: _m, mateColumn, mateFixture, ...common } = options;
  const result = checkBomPairText(
    bom.text,
    mate.text,
    {
      ...common,
      ...(mateColumn !== undefined ? { mateColumn } : {}),
      mateFixture: mateFixture === true,
      names: { board: bom.name ?? 'this board', mate: mate.name ?? 'other board' },
    },
    series,
  );
  if (result.ok) return result.value;
  const { board, code, message, ...where } = result.error;
  throw new ProblemError(400, code, `${board === 'board' ? 'bom' : 'mate'}: ${message}`, where);
}

/**
 * `POST /api/bom`: the body's byte chunks, bounded here (413 past BOM_MAX_BYTES), go to the core's
 * `checkBomStream` as `a4s bom` gives it a file's; text that is not UTF-8 (or UTF-16) is refused.
 */
export function bomRoute(): RouteSpec {
  return defineRoute({
    method: 'post',
    path: '/api/bom',
    operationId: 'checkBom',
    summary: 'Check a BOM (CSV or TSV upload, streamed; `a4s bom`), or the BOMs of two boards (multipart bom + mate; `a4s bom FILE --mate OTHER`)',
    tags: ['checks'],
    query: BomQuery,
    body: {
      description: 'The BOM as CSV or TSV (a header row, one line per item). Streamed: memory stays constant.',
      maxBytes: BOM_MAX_BYTES,
      content: { 'text/csv': 'text', 'text/tab-separated-values': 'text', 'text/plain': 'text', 'multipart/form-data': BomPairRequest },
    },
    timeoutMs: BOM_TIMEOUT_MS,
    responses: {
      ...reportResponses(z.union([BomReportSchema, BomPairReportSchema]), 'The BOM report (of two boards: BomPairReport)'),
      400: problem('Empty BOM, unusable header, not UTF-8, bad query'),
      413: problem(`Body over ${formatBytes(BOM_MAX_BYTES)}`),
      415: problem('Content type not read'),
    },
    handle: async ({ c, query, mediaType, signal, series }) => {
      const boards = query.boards ?? 1;
      const options: BomStreamOptions = {
        boards,
        fixture: isOn(query.fixture),
        ...(query.column !== undefined ? { column: query.column } : {}),
        ...(query['qty-column'] !== undefined ? { quantityColumn: query['qty-column'] } : {}),
        rejectInvalidText: true,
      };
      if (mediaType === 'multipart/form-data') {
        const text = await readBodyText(c.req.raw, BOM_MAX_BYTES, signal);
        const mateColumn = query['mate-column'];
        const pairOptions = { ...options, mateFixture: isOn(query['mate-fixture']), ...(mateColumn !== undefined ? { mateColumn } : {}) };
        return report(c, await bomPair(text, c.req.header('content-type') ?? '', pairOptions, series), query.format, series);
      }
      for (const name of ['mate-column', 'mate-fixture'] as const)
        if (query[name] !== undefined) throw new ProblemError(400, 'BAD_OPTION', `${name} goes with two boards (multipart/form-data with bom and mate).`);
      let result: Result<BomReport, InputError>;
      try {
        result = await checkBomStream(bodyByteChunks(c.req.raw, BOM_MAX_BYTES, signal), options, series);
      } catch (err) {
        if (err instanceof ProblemError) throw err; // the body over its limit (413)
        throw new ProblemError(400, 'INPUT_UNREADABLE', `The BOM cannot be read: ${(err as Error).message}`);
      }
      return report(c, orThrow(result, 400), query.format, series);
    },
  });
}
