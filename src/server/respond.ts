import type { Context } from 'hono';
import { API_CSP, COMMON_SECURITY_HEADERS } from './security.js';

/**
 * Responses built with every header in a plain object. The Node adapter writes such a response
 * without building a `Headers` object, which is a large share of a small request's cost; the
 * app's middleware only completes responses that were not built here (see `isComplete`).
 */
const complete = new WeakSet<Response>();

export function isComplete(res: Response): boolean {
  return complete.has(res);
}

// Request ids: a per-process prefix and a counter (cheap; unique within a process's logs), or the
// caller's own X-Request-Id when it is a sane token (so logs join across a proxy).
const ID_PREFIX = Math.random().toString(36).slice(2, 8);
let idCounter = 0;
const INCOMING_ID = /^[A-Za-z0-9._-]{1,64}$/;
const requestIds = new WeakMap<Request, string>();

export function assignRequestId(request: Request): string {
  const incoming = request.headers.get('x-request-id');
  const id = incoming && INCOMING_ID.test(incoming) ? incoming : `${ID_PREFIX}-${(++idCounter).toString(36)}`;
  requestIds.set(request, id);
  return id;
}

export function requestIdOf(c: Context): string | undefined {
  return requestIds.get(c.req.raw);
}

export function baseHeaders(c: Context | null, contentType: string, csp = API_CSP): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': contentType, 'content-security-policy': csp, ...COMMON_SECURITY_HEADERS };
  const id = c ? requestIdOf(c) : undefined;
  if (id) headers['x-request-id'] = id;
  return headers;
}

export function respond(c: Context | null, body: BodyInit | null, contentType: string, init: { status?: number; headers?: Record<string, string>; csp?: string } = {}): Response {
  const res = new Response(body, { status: init.status ?? 200, headers: { ...baseHeaders(c, contentType, init.csp), ...init.headers } });
  complete.add(res);
  return res;
}

export const JSON_TYPE = 'application/json; charset=utf-8';

export function jsonText(c: Context, text: string, status = 200, headers?: Record<string, string>): Response {
  return respond(c, text, JSON_TYPE, { status, headers });
}

/** A download: content-disposition names the file, so browsers save it under that name. */
export function download(c: Context, body: BodyInit, contentType: string, filename: string, csp?: string): Response {
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return respond(c, body, contentType, { headers: { 'content-disposition': `attachment; filename="${safe}"`, 'cache-control': 'public, max-age=3600' }, csp });
}
