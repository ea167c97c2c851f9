import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { checkDeclaredLength } from './body.js';
import { silentLogger, type Logger } from './log.js';
import { buildOpenApi } from './openapi.js';
import { ProblemError, problemResponse } from './problem.js';
import { honoPath, mediaTypeOf, pathRegex, validateOrThrow, type RouteSpec } from './route.js';
import { metaRoutes, type ModuleStatus } from './routes/meta.js';
import { partRoutes } from './routes/parts.js';
import { moduleRoutes, moduleStatus } from './routes/modules.js';
import { API_CSP, COMMON_SECURITY_HEADERS, PAGE_CSP, SVG_CSP } from './security.js';
import { loadStaticSite, type StaticFile, type StaticSite } from './static.js';

export const VERSION = '0.1.0';

export interface AppOptions {
  /** Directory of the built page (dist/web); null or missing: API only. */
  readonly webRoot?: string | null;
  /** Origins allowed to call the API from a browser; empty (the default) sends no CORS headers. '*' allows any. */
  readonly corsOrigins?: readonly string[];
  readonly logger?: Logger;
  /** Longest time a request may take (body upload included) before 503 TIMEOUT. */
  readonly requestTimeoutMs?: number;
}

export interface A4sApp {
  readonly app: Hono;
  readonly routes: readonly RouteSpec[];
  readonly openapi: Record<string, unknown>;
  readonly site: StaticSite | null;
  readonly modules: ModuleStatus;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

// Request ids: a per-process prefix and a counter (cheap; unique within a process's logs).
const ID_PREFIX = Math.random().toString(36).slice(2, 8);
let idCounter = 0;
const INCOMING_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function createApp(options: AppOptions = {}): A4sApp {
  const logger = options.logger ?? silentLogger;
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const site = options.webRoot ? loadStaticSite(options.webRoot) : null;
  const modules = moduleStatus();
  const app = new Hono();

  const routes: RouteSpec[] = [];
  const openapiRef: { doc: Record<string, unknown> } = { doc: {} };
  routes.push(...metaRoutes({ version: VERSION, modules, openapi: () => openapiRef.doc }), ...partRoutes, ...moduleRoutes());

  // One middleware for every request: id, timing, security headers, the log line.
  app.use('*', async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : `${ID_PREFIX}-${(++idCounter).toString(36)}`;
    c.set('requestId' as never, requestId as never);
    await next();
    const headers = c.res.headers;
    for (const name in COMMON_SECURITY_HEADERS) headers.set(name, COMMON_SECURITY_HEADERS[name]!);
    if (!headers.has('content-security-policy')) headers.set('content-security-policy', c.req.path.startsWith('/api/') || c.req.path === '/healthz' ? API_CSP : PAGE_CSP);
    headers.set('x-request-id', requestId);
    logger.log(c.res.status >= 500 ? 'error' : 'info', 'request', {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
    });
  });

  if (options.corsOrigins && options.corsOrigins.length > 0) {
    const origins = options.corsOrigins;
    app.use('/api/*', cors({
      origin: origins.includes('*') ? '*' : [...origins],
      allowMethods: ['GET', 'HEAD', 'POST'],
      allowHeaders: ['content-type'],
      exposeHeaders: ['x-request-id', 'content-disposition'],
      maxAge: 600,
    }));
  }

  for (const route of routes) app.on(route.method.toUpperCase(), honoPath(route.path), dispatcher(route, timeoutMs));

  if (site) {
    app.get('*', (c) => {
      const file = site.files.get(c.req.path);
      return file ? staticResponse(c, file) : notFound(c);
    });
  }

  const routeMatchers = routes.map((r) => ({ regex: pathRegex(r.path), method: r.method.toUpperCase() }));
  app.notFound((c) => {
    const allowed = [...new Set(routeMatchers.filter((m) => m.regex.test(c.req.path)).map((m) => m.method))];
    if (allowed.length > 0) {
      if (allowed.includes('GET')) allowed.push('HEAD');
      return problemResponse(405, 'METHOD_NOT_ALLOWED', `${c.req.method} is not allowed on ${c.req.path}; use ${allowed.join(', ')}.`, { instance: c.req.path, requestId: requestIdOf(c) }, { allow: allowed.join(', ') });
    }
    return notFound(c);
  });

  app.onError((err, c) => {
    const instance = c.req.path;
    const requestId = requestIdOf(c);
    if (err instanceof ProblemError) return problemResponse(err.status, err.code, err.message, { instance, requestId, ...err.extra }, err.headers);
    if (err instanceof HTTPException && err.status < 500) return problemResponse(err.status, 'BAD_BODY', err.message || 'Bad request.', { instance, requestId });
    logger.log('error', 'unhandled error', { requestId, path: instance, error: err instanceof Error ? err.stack ?? err.message : String(err) });
    return problemResponse(500, 'INTERNAL', 'The server failed on this request; it is a bug. The log line with this requestId has the details.', { instance, requestId });
  });

  openapiRef.doc = buildOpenApi(routes, {
    title: 'A4S toolkit API',
    version: VERSION,
    description: 'Panasonic A4S 0.4 mm pitch board-to-FPC connectors: part numbers, selection, design files and checks, from the catalog. Errors are RFC 9457 problem details carrying the CLI\'s error codes.',
  });

  return { app, routes, openapi: openapiRef.doc, site, modules };
}

function notFound(c: Context): Response {
  return problemResponse(404, 'ROUTE_NOT_FOUND', `Nothing at ${c.req.path}; see /api/openapi.json for the API.`, { instance: c.req.path, requestId: requestIdOf(c) });
}

function requestIdOf(c: Context): string | undefined {
  return c.get('requestId' as never) as string | undefined;
}

function dispatcher(route: RouteSpec, timeoutMs: number) {
  return async (c: Context): Promise<Response> => {
    if (route.available === false) {
      throw new ProblemError(501, 'NOT_IMPLEMENTED', `${route.method.toUpperCase()} ${route.path} needs a module that is not in this build yet.`);
    }
    const params = route.params ? validateOrThrow(route.params, c.req.param() as Record<string, unknown>, 404, 'ROUTE_NOT_FOUND', 'path parameter') : undefined;
    let query: unknown;
    if (route.query) {
      const all = c.req.queries() ?? {};
      const once: Record<string, string> = {};
      for (const [name, values] of Object.entries(all)) {
        if (values.length > 1) throw new ProblemError(400, route.queryErrorCode ?? 'BAD_OPTION', `query parameter ${name} is given ${values.length} times; give it once.`);
        once[name] = values[0]!;
      }
      query = validateOrThrow(route.query, once, 400, route.queryErrorCode ?? 'BAD_OPTION', 'query parameter');
    }
    let mediaType: string | null = null;
    if (route.body) {
      mediaType = mediaTypeOf(c.req.header('content-type'));
      const accepted = Object.keys(route.body.content);
      if (mediaType === null || !accepted.includes(mediaType)) {
        throw new ProblemError(415, 'UNSUPPORTED_MEDIA_TYPE', `Content-Type ${mediaType ?? '(none)'} is not read here; send one of: ${accepted.join(', ')}.`, {}, { 'accept-post': accepted.join(', ') });
      }
      checkDeclaredLength(c.req.raw, route.body.maxBytes);
    }
    const result = route.handle({ c, params, query, mediaType });
    if (!(result instanceof Promise)) return result;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ProblemError(503, 'TIMEOUT', `The request took longer than ${timeoutMs / 1000} s.`, {}, { 'retry-after': '5' })), timeoutMs);
    });
    try {
      return await Promise.race([result, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
}

function staticResponse(c: Context, file: StaticFile): Response {
  const headers: Record<string, string> = {
    'content-type': file.type,
    etag: file.etag,
    'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    vary: 'accept-encoding',
    'content-security-policy': file.type.startsWith('image/svg') ? SVG_CSP : PAGE_CSP,
  };
  if (c.req.header('if-none-match') === file.etag) return new Response(null, { status: 304, headers });
  const gzip = file.gzip && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
  if (gzip) headers['content-encoding'] = 'gzip';
  return new Response(gzip ? file.gzip : file.body, { headers });
}
