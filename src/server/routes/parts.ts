import { builtInSeries, type Series, seriesDerived } from '../../catalog/index.js';
import { describePart, explainPart, matesOf, queryParts, type PartDescription } from '../../select/index.js';
import { ProblemError } from '../problem.js';
import { jsonText } from '../respond.js';
import { defineRoute, type RouteSpec } from '../route.js';
import { ExplanationSchema, MatesSchema, PartDescriptionSchema, PartFiltersQuery, PartListSchema, PartNumberParams, ProblemSchema } from '../schemas.js';

const problem = (description: string) => ({ description, content: { 'application/problem+json': ProblemSchema } });

/** Part numbers the path cannot carry sensibly are decoded like any other string: the core says why. */
export function decodedOrNotFound(pn: string, series: Series = builtInSeries): PartDescription {
  const d = describePart(pn, series);
  if (d.status === 'invalid') {
    const first = d.errors[0];
    throw new ProblemError(404, first?.code ?? 'EMPTY', first?.message ?? `Not an ${series.name} part number.`, {
      errors: d.errors,
      suggestions: d.suggestions,
      input: pn,
    });
  }
  return d;
}

// The decode answer depends only on the exact input string; serialising it is most of the
// request's cost, so the JSON text is kept for inputs seen before (bounded), per series.
const newJsonCache = (): Map<string, string> => new Map();
const JSON_CACHE_LIMIT = 2048;

function partJson(pn: string, series: Series): string {
  const jsonCache = seriesDerived(series, newJsonCache);
  let text = jsonCache.get(pn);
  if (text === undefined) {
    text = JSON.stringify(decodedOrNotFound(pn, series));
    if (jsonCache.size >= JSON_CACHE_LIMIT) jsonCache.clear();
    jsonCache.set(pn, text);
  }
  return text;
}

export const partRoutes: RouteSpec[] = [
  defineRoute({
    method: 'get',
    path: '/api/parts',
    operationId: 'listParts',
    summary: 'Standard parts, filtered (the filters of `a4s parts`)',
    tags: ['parts'],
    query: PartFiltersQuery,
    queryErrorCode: 'BAD_OPTION',
    responses: {
      200: { description: 'The matching parts as decode objects', content: { 'application/json': PartListSchema } },
      400: problem('A filter has a bad value (BAD_OPTION)'),
    },
    handle: ({ c, query, series }) => {
      const answer = queryParts(query, series);
      return jsonText(c, JSON.stringify({ count: answer.parts.length, chosenPins: answer.chosenPins, note: answer.note, parts: answer.parts }));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/parts/{pn}',
    operationId: 'decodePart',
    summary: 'Decode a part number (the object of `a4s decode --json`)',
    description:
      "Standard and nonstandard (well formed, not listed) part numbers answer 200 with `status`; invalid ones answer 404 with the CLI's error code and suggestions.",
    tags: ['parts'],
    params: PartNumberParams,
    responses: {
      200: { description: 'The decode object', content: { 'application/json': PartDescriptionSchema } },
      404: problem('Not an A4S part number; `code` says why, `suggestions` lists the nearest standard parts'),
    },
    handle: ({ c, params, series }) => jsonText(c, partJson(params.pn, series)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/parts/{pn}/mates',
    operationId: 'matingPartners',
    summary: 'Mating partners (the socket is common to both mated heights; the header decides the height)',
    tags: ['parts'],
    params: PartNumberParams,
    responses: {
      200: { description: 'Partners with the basis of each', content: { 'application/json': MatesSchema } },
      404: problem('Not an A4S part number'),
    },
    handle: ({ c, params, series }) => {
      decodedOrNotFound(params.pn, series);
      const answer = matesOf(params.pn, series);
      return jsonText(c, JSON.stringify({ partNumber: answer.partNumber, status: answer.status, partners: answer.partners }));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/parts/{pn}/explain',
    operationId: 'explainPart',
    summary: 'Every field of a part with its value, provenance and catalog source (`a4s explain --json`)',
    tags: ['parts'],
    params: PartNumberParams,
    responses: { 200: { description: 'Fields with provenance', content: { 'application/json': ExplanationSchema } }, 404: problem('Not an A4S part number') },
    handle: ({ c, params, series }) => {
      decodedOrNotFound(params.pn, series);
      return jsonText(c, JSON.stringify(explainPart(params.pn, series)));
    },
  }),
];
