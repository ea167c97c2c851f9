import { z } from 'zod';
import { builtInSeries, type Series } from '../../catalog/index.js';
import { renderReport } from '../../checks/index.js';
import type { A4sError } from '../../errors.js';
import type { Result } from '../../result.js';
import { ProblemError } from '../problem.js';
import { JSON_TYPE, jsonText, respond } from '../respond.js';
import { ProblemSchema } from '../schemas.js';

/** What the check routes (pin map, BOM) share: their problems, query flags and report formats. */

export const problem = (description: string) => ({ description, content: { 'application/problem+json': ProblemSchema } });

/** A core Result's error as a problem: invalid part numbers are 404 on paths, 400 elsewhere. */
export function orThrow<T, E extends A4sError>(result: Result<T, E>, status: number): T {
  if (result.ok) return result.value;
  const { code, message, ...where } = result.error;
  throw new ProblemError(status, code, message, { ...where, ...(result.suggestions?.length ? { suggestions: result.suggestions } : {}) });
}

export const ReportFormat = z.enum(['json', 'text', 'md', 'html'], { error: 'must be one of: json, text, md, html.' });
const REPORT_TYPES = { text: 'text/plain; charset=utf-8', md: 'text/markdown; charset=utf-8', html: 'text/html; charset=utf-8' } as const;
export const reportResponses = (schema: z.ZodType, what: string) => ({
  200: {
    description: `${what} (JSON, or the human report with ?format=text|md|html)`,
    content: { 'application/json': schema, 'text/plain': 'text' as const, 'text/markdown': 'text' as const, 'text/html': 'text' as const },
  },
});

export function report(
  c: Parameters<typeof jsonText>[0],
  value: Parameters<typeof renderReport>[0],
  format: z.infer<typeof ReportFormat> | undefined,
  series: Series = builtInSeries,
): Response {
  const out = reportBody(value, format, series);
  return out.contentType === JSON_TYPE ? jsonText(c, out.body) : respond(c, out.body, out.contentType);
}

/** A report as the body of an answer (JSON, or the human report); computed in a pool worker for the pin-map check. */
export function reportBody(
  value: Parameters<typeof renderReport>[0],
  format: z.infer<typeof ReportFormat> | undefined,
  series: Series = builtInSeries,
): { body: string; contentType: string } {
  if (!format || format === 'json') return { body: JSON.stringify(value), contentType: JSON_TYPE };
  return { body: renderReport(value, format, series), contentType: REPORT_TYPES[format] };
}
