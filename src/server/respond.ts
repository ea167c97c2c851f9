import type { Context } from 'hono';
import { API_CSP, securityHeadersFor } from './security.js';

/**
 * Responses built with every header in a plain object. The Node adapter writes such a response
 * without building a `Headers` object, which is a large share of a small request's cost; the
 * app's middleware only completes responses that were not built here (see `isComplete`).
 */
// Marks are symbol properties rather than WeakSet / WeakMap entries: two weak-collection entries
// per request made garbage collection a visible share of a small request's cost.
const COMPLETE = Symbol('a4s.complete');
const REQUEST_ID = Symbol('a4s.requestId');
type Marked<T> = T & { [COMPLETE]?: true; [REQUEST_ID]?: string };

export function isComplete(res: Response): boolean {
  return (res as Marked<Response>)[COMPLETE] === true;
}

// Request ids: a per-process prefix and a counter (cheap; unique within a process's logs), or the
// caller's own X-Request-Id when it is a sane token (so logs join across a proxy).
const ID_PREFIX = Math.random().toString(36).slice(2, 8);
let idCounter = 0;
const INCOMING_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function assignRequestId(request: Request, incoming: string | null): string {
  const id = incoming && INCOMING_ID.test(incoming) ? incoming : `${ID_PREFIX}-${(++idCounter).toString(36)}`;
  (request as Marked<Request>)[REQUEST_ID] = id;
  return id;
}

export function requestIdOf(c: Context): string | undefined {
  return (c.req.raw as Marked<Request>)[REQUEST_ID];
}

// The fixed part of the headers per (content type, CSP), built once: a response then costs one
// object copy plus its request id.
const templates = new Map<string, Readonly<Record<string, string>>>();

function template(contentType: string, csp: string): Readonly<Record<string, string>> {
  const key = `${contentType}\n${csp}`;
  let t = templates.get(key);
  if (!t) {
    t = Object.freeze({ 'content-type': contentType, 'content-security-policy': csp, ...securityHeadersFor(contentType) });
    if (templates.size < 64) templates.set(key, t);
  }
  return t;
}

export function baseHeaders(c: Context | null, contentType: string, csp = API_CSP): Record<string, string> {
  const headers: Record<string, string> = { ...template(contentType, csp) };
  const id = c ? requestIdOf(c) : undefined;
  if (id) headers['x-request-id'] = id;
  return headers;
}

export function respond(
  c: Context | null,
  body: BodyInit | null,
  contentType: string,
  init: { status?: number; headers?: Record<string, string>; csp?: string } = {},
): Response {
  const headers = baseHeaders(c, contentType, init.csp);
  if (init.headers) Object.assign(headers, init.headers);
  const res = new Response(body, { status: init.status ?? 200, headers });
  (res as Marked<Response>)[COMPLETE] = true;
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
