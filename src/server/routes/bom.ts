import { z } from 'zod';
import { checkBomStream, type BomReport, type BomStreamOptions, type InputError } from '../../checks/index.js';
import type { Result } from '../../result.js';
import { bodyByteChunks, formatBytes } from '../body.js';
import { ProblemError } from '../problem.js';
import { defineRoute, type RouteSpec } from '../route.js';
import { BomReportSchema } from '../schemas-modules.js';
import { FlagQuery as flag, flagIsOn as isOn } from '../schemas.js';
import { orThrow, problem, report, ReportFormat, reportResponses } from './reports.js';

/** BOMs are streamed (constant memory); the limit only bounds the time one upload can take. */
export const BOM_MAX_BYTES = 32 * 1024 * 1024;
const BOM_TIMEOUT_MS = 60_000;

const BomQuery = z.strictObject({
  column: z.string().max(200).optional().describe('Header of the part-number column (default: found automatically)'),
  'qty-column': z.string().max(200).optional().describe('Header of the quantity column'),
  boards: z
    .string()
    .regex(/^\d{1,10}$/, { error: 'is not a whole number of boards.' })
    .optional()
    .describe('Boards to build (quantities are per board; default 1)'),
  fixture: flag.optional().describe('The BOM is an inspection fixture’s'),
  format: ReportFormat.optional().describe('json (default) | text | md | html'),
});

/**
 * `POST /api/bom`: the body's byte chunks, bounded here (413 past BOM_MAX_BYTES), go to the core's
 * `checkBomStream` as `a4s bom` gives it a file's; text that is not UTF-8 (or UTF-16) is refused.
 */
export function bomRoute(): RouteSpec {
  return defineRoute({
    method: 'post',
    path: '/api/bom',
    operationId: 'checkBom',
    summary: 'Check a BOM (CSV or TSV upload, streamed; `a4s bom`)',
    tags: ['checks'],
    query: BomQuery,
    body: {
      description: 'The BOM as CSV or TSV (a header row, one line per item). Streamed: memory stays constant.',
      maxBytes: BOM_MAX_BYTES,
      content: { 'text/csv': 'text', 'text/tab-separated-values': 'text', 'text/plain': 'text' },
    },
    timeoutMs: BOM_TIMEOUT_MS,
    responses: {
      ...reportResponses(BomReportSchema, 'The BOM report'),
      400: problem('Empty BOM, unusable header, not UTF-8, bad query'),
      413: problem(`Body over ${formatBytes(BOM_MAX_BYTES)}`),
      415: problem('Content type not read'),
    },
    handle: async ({ c, query, signal }) => {
      const boards = query.boards === undefined ? 1 : Number(query.boards);
      if (boards < 1 || boards > 1_000_000_000)
        throw new ProblemError(400, 'BAD_OPTION', `query parameter boards "${query.boards}" is not a whole number from 1 to 1000000000.`);
      const options: BomStreamOptions = {
        boards,
        fixture: isOn(query.fixture),
        ...(query.column !== undefined ? { column: query.column } : {}),
        ...(query['qty-column'] !== undefined ? { quantityColumn: query['qty-column'] } : {}),
        rejectInvalidText: true,
      };
      let result: Result<BomReport, InputError>;
      try {
        result = await checkBomStream(bodyByteChunks(c.req.raw, BOM_MAX_BYTES, signal), options);
      } catch (err) {
        if (err instanceof ProblemError) throw err; // the body over its limit (413)
        throw new ProblemError(400, 'INPUT_UNREADABLE', `The BOM cannot be read: ${(err as Error).message}`);
      }
      return report(c, orThrow(result, 400), query.format);
    },
  });
}
