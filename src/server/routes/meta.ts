import { builtInSeries, type Series } from '../../catalog/index.js';
import { API_ERROR_CODES } from '../codes.js';
import type { PoolStats } from '../pool.js';
import { jsonText } from '../respond.js';
import { defineRoute, type RouteSpec } from '../route.js';
import { EditionSchema, ErrorCodesSchema, HealthSchema } from '../schemas.js';

const started = Date.now();

export function metaRoutes(ctx: { version: string; openapi: () => Record<string, unknown>; workers: () => PoolStats; series: Series }): RouteSpec[] {
  let openapiText: string | null = null;
  const errorsText = JSON.stringify(API_ERROR_CODES);
  const editionText = JSON.stringify({
    series: ctx.series.name,
    prefix: ctx.series.grammar.prefix,
    title: ctx.series.catalog.document.title,
    manufacturer: ctx.series.catalog.document.manufacturer,
    builtIn: ctx.series === builtInSeries,
  });
  return [
    defineRoute({
      method: 'get',
      path: '/healthz',
      operationId: 'health',
      summary: 'Liveness: 200 while the server accepts requests',
      tags: ['meta'],
      responses: { 200: { description: 'The server is up', content: { 'application/json': HealthSchema } } },
      handle: ({ c }) =>
        jsonText(c, JSON.stringify({ status: 'ok', version: ctx.version, uptimeS: Math.round((Date.now() - started) / 1000), workers: ctx.workers() }), 200, {
          'cache-control': 'no-store',
        }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/edition',
      operationId: 'edition',
      summary: 'Which catalog edition the server answers for: the built-in one, or the file of A4S_CATALOG',
      tags: ['meta'],
      responses: { 200: { description: 'The series and its catalog document', content: { 'application/json': EditionSchema } } },
      handle: ({ c }) => jsonText(c, editionText),
    }),
    defineRoute({
      method: 'get',
      path: '/api/openapi.json',
      operationId: 'openapi',
      summary: 'This document (OpenAPI 3.1), generated from the schemas the handlers validate with',
      tags: ['meta'],
      responses: { 200: { description: 'OpenAPI 3.1 document', content: { 'application/json': { jsonSchema: { type: 'object' } } } } },
      handle: ({ c }) => jsonText(c, (openapiText ??= JSON.stringify(ctx.openapi(), null, 2))),
    }),
    defineRoute({
      method: 'get',
      path: '/api/errors',
      operationId: 'errorCodes',
      summary: 'Every error code with what it means and what to do (the `type` of problem responses points here)',
      tags: ['meta'],
      responses: { 200: { description: 'code → { summary, fix }', content: { 'application/json': ErrorCodesSchema } } },
      handle: ({ c }) => jsonText(c, errorsText),
    }),
  ];
}
