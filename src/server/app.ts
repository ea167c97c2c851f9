import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { declaredTooLarge, drainThenTooLarge } from './body.js';
import { silentLogger, type Logger, type RequestLogLine } from './log.js';
import { buildOpenApi } from './openapi.js';
import { JobPool, type PoolOptions } from './pool.js';
import { ProblemError, problemResponse } from './problem.js';
import { assignRequestId, isComplete, requestIdOf, respond } from './respond.js';
import { honoPath, mediaTypeOf, pathRegex, validateOrThrow, type RouteSpec } from './route.js';
import { metaRoutes } from './routes/meta.js';
import { partRoutes } from './routes/parts.js';
import { moduleRoutes } from './routes/modules.js';
import { verifyRoutes } from './routes/verify.js';
import { formatRoutes } from './routes/formats.js';
import { API_CSP, PAGE_CSP, SVG_CSP, securityHeadersFor } from './security.js';
import { loadStaticSite, notFoundPage, wantsHtml, type StaticFile, type StaticSite } from './static.js';

export { VERSION } from '../version.js';
import { builtInSeries, type Series } from '../catalog/index.js';
import { VERSION } from '../version.js';

export interface AppOptions {
  /** Directory of the built page (dist/web); null or missing: API only. */
  readonly webRoot?: string | null;
  /** Origins allowed to call the API from a browser; empty (the default) sends no CORS headers. '*' allows any. */
  readonly corsOrigins?: readonly string[];
  readonly logger?: Logger;
  /** Longest time a request may take (body upload included) before 503 TIMEOUT. */
  readonly requestTimeoutMs?: number;
  /** The worker pool of the CPU-heavy requests (size, queue bound, heap per worker); see src/server/pool.ts. */
  readonly pool?: Omit<PoolOptions, 'logger'>;
  /** The connector series the routes answer for (A4S_CATALOG; default: the built-in catalog). */
  readonly series?: Series;
}

export interface A4sApp {
  /**
   * The server's entry point: Hono's fetch wrapped with the request id, the headers of responses
   * not built by respond(), and the log line. (A Hono middleware would do the same but makes every
   * request asynchronous, which costs a third of the throughput of small requests.)
   */
  readonly fetch: (request: Request, env?: unknown) => Response | Promise<Response>;
  /** Like Hono's app.request(), through `fetch` (tests). */
  readonly request: (path: string, init?: RequestInit) => Promise<Response>;
  readonly app: Hono;
  readonly routes: readonly RouteSpec[];
  readonly openapi: Record<string, unknown>;
  readonly site: StaticSite | null;
  /** The worker pool of the heavy requests (its `stats` for /healthz and tests). */
  readonly pool: JobPool;
  /** The connector series it answers for (the built-in catalog, or A4S_CATALOG's edition). */
  readonly series: Series;
  /** Stops the pool's workers (the server's shutdown, tests). */
  close(): Promise<void>;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

export function createApp(options: AppOptions = {}): A4sApp {
  const logger = options.logger ?? silentLogger;
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const series = options.series ?? builtInSeries;
  const site = options.webRoot ? loadStaticSite(options.webRoot) : null;
  // Workers start at the first heavy request, not here.
  const pool = new JobPool({ ...options.pool, logger, series });
  const app = new Hono();

  const routes: RouteSpec[] = [];
  // The OpenAPI document is generated from the zod schemas at its first request, not at start-up.
  let openapiDoc: Record<string, unknown> | null = null;
  const openapi = (): Record<string, unknown> =>
    (openapiDoc ??= buildOpenApi(routes, {
      title: 'A4S toolkit API',
      version: VERSION,
      description:
        "Panasonic A4S 0.4 mm pitch board-to-FPC connectors: part numbers, selection, design files and checks, from the catalog. Errors are RFC 9457 problem details carrying the CLI's error codes.",
    }));
  routes.push(
    ...metaRoutes({ version: VERSION, openapi, workers: () => pool.stats, series }),
    ...partRoutes,
    ...moduleRoutes(pool),
    ...verifyRoutes(pool),
    ...formatRoutes(pool),
  );

  if (options.corsOrigins && options.corsOrigins.length > 0) {
    const origins = options.corsOrigins;
    app.use(
      '/api/*',
      cors({
        origin: origins.includes('*') ? '*' : [...origins],
        allowMethods: ['GET', 'HEAD', 'POST'],
        allowHeaders: ['content-type'],
        exposeHeaders: ['x-request-id', 'content-disposition'],
        maxAge: 600,
      }),
    );
  }

  for (const route of routes) app.on(route.method.toUpperCase(), honoPath(route.path), dispatcher(route, timeoutMs, series));

  const routeMatchers = routes.map((r) => ({ regex: pathRegex(r.path), method: r.method.toUpperCase() }));
  /** No route for this method: 405 with Allow when the path is an endpoint's (whatever else is served), else 404. */
  const unmatched = (c: Context): Response => {
    const allowed = [...new Set(routeMatchers.filter((m) => m.regex.test(c.req.path)).map((m) => m.method))];
    if (allowed.length > 0) {
      if (allowed.includes('GET')) allowed.push('HEAD');
      return problemResponse(
        c,
        405,
        'METHOD_NOT_ALLOWED',
        `${c.req.method} is not allowed on ${c.req.path}; use ${allowed.join(', ')}.`,
        {},
        { allow: allowed.join(', ') },
      );
    }
    return notFound(c, site);
  };

  if (site) {
    app.get('*', (c) => {
      const file = site.files.get(c.req.path);
      return file ? staticResponse(c, file) : unmatched(c);
    });
  }

  app.notFound(unmatched);

  app.onError((err, c) => {
    if (err instanceof ProblemError) return problemResponse(c, err.status, err.code, err.message, err.extra, err.headers);
    if (err instanceof HTTPException && err.status < 500) return problemResponse(c, err.status, 'BAD_BODY', err.message || 'Bad request.');
    logger.log('error', 'unhandled error', {
      requestId: requestIdOf(c),
      path: c.req.path,
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
    return problemResponse(c, 500, 'INTERNAL', 'The server failed on this request; it is a bug. The log line with this requestId has the details.');
  });

  const logRequest = logger.request?.bind(logger) ?? ((line: RequestLogLine) => logger.log(line.status >= 500 ? 'error' : 'info', 'request', { ...line }));
  const finish = (method: string, path: string, res: Response, requestId: string, started: number): Response => {
    const out = isComplete(res) ? res : completeHeaders(res, requestId);
    logRequest({ requestId, method, path, status: out.status, durationMs: Math.round((performance.now() - started) * 100) / 100 });
    return out;
  };
  const fetch = (request: Request, env?: unknown): Response | Promise<Response> => {
    const started = performance.now();
    // Under Node, the method, path and request-id header are read from the IncomingMessage: the
    // adapter's Request builds its URL and headers lazily, and asking for them costs on every request.
    const incoming = (env as { incoming?: { method?: string; url?: string; headers: Record<string, string | string[] | undefined> } } | undefined)?.incoming;
    const requestId = assignRequestId(request, incoming ? headerValue(incoming.headers['x-request-id']) : request.headers.get('x-request-id'));
    const method = incoming?.method ?? request.method;
    const path = incoming?.url !== undefined ? pathOf(incoming.url) : pathOf(request.url);
    const res = app.fetch(request, env);
    return res instanceof Promise ? res.then((r) => finish(method, path, r, requestId, started)) : finish(method, path, res, requestId, started);
  };
  const request = async (path: string, init?: RequestInit) => fetch(new Request(new URL(path, 'http://localhost'), init));
  return {
    fetch,
    request,
    app,
    routes,
    site,
    pool,
    series,
    close: () => pool.close(),
    get openapi() {
      return openapi();
    },
  };
}

/** Responses not built by respond() (CORS preflight, Hono's own): the same headers, slower path. */
function completeHeaders(res: Response, requestId: string): Response {
  let out = res;
  try {
    out.headers.set('x-request-id', requestId);
  } catch {
    out = new Response(res.body, res); // immutable headers (e.g. a fetched response): copy
    out.headers.set('x-request-id', requestId);
  }
  const security = securityHeadersFor(out.headers.get('content-type') ?? '');
  for (const name in security) out.headers.set(name, security[name]!);
  if (!out.headers.has('content-security-policy')) out.headers.set('content-security-policy', API_CSP);
  return out;
}

/** The path of a URL or request target without building a URL object (runs on every request). */
function pathOf(url: string): string {
  const scheme = url.indexOf('//');
  const slash = url.startsWith('/') ? 0 : url.indexOf('/', scheme < 0 ? 0 : scheme + 2);
  if (slash < 0) return '/';
  const query = url.indexOf('?', slash);
  return query < 0 ? url.slice(slash) : url.slice(slash, query);
}

function headerValue(v: string | string[] | undefined): string | null {
  return v === undefined ? null : Array.isArray(v) ? (v[0] ?? null) : v;
}

/**
 * 404: a browser asking for a page (Accept: text/html, outside /api/) gets an HTML page with links
 * back; every other client, and every /api/ path, gets the problem+json the API documents.
 */
function notFound(c: Context, site: StaticSite | null = null): Response {
  if (site && !c.req.path.startsWith('/api/') && (c.req.method === 'GET' || c.req.method === 'HEAD') && wantsHtml(c.req.header('accept'))) {
    return c.html(notFoundPage(site, c.req.path), 404, { 'content-security-policy': PAGE_CSP, 'cache-control': 'no-store' });
  }
  return problemResponse(c, 404, 'ROUTE_NOT_FOUND', `Nothing at ${c.req.path}; see /api/openapi.json for the API.`);
}

function dispatcher(route: RouteSpec, timeoutMs: number, series: Series) {
  return (c: Context): Response | Promise<Response> => {
    const params = route.params ? validateOrThrow(route.params, c.req.param() as Record<string, unknown>, 404, 'ROUTE_NOT_FOUND', 'path parameter') : undefined;
    let query: unknown;
    if (route.query) {
      const all = c.req.queries() ?? {};
      const once: Record<string, string> = {};
      for (const [name, values] of Object.entries(all)) {
        if (values.length > 1)
          throw new ProblemError(400, route.queryErrorCode ?? 'BAD_OPTION', `query parameter ${name} is given ${values.length} times; give it once.`);
        // An own property even for "__proto__" (an assignment would set the prototype, and the strict schema would not see it).
        Object.defineProperty(once, name, { value: values[0]!, enumerable: true, writable: true, configurable: true });
      }
      query = validateOrThrow(route.query, once, 400, route.queryErrorCode ?? 'BAD_OPTION', 'query parameter', route.queryErrorCodes);
    }
    let mediaType: string | null = null;
    if (route.body) {
      mediaType = mediaTypeOf(c.req.header('content-type'));
      const accepted = Object.keys(route.body.content);
      if (mediaType === null || !accepted.includes(mediaType)) {
        throw new ProblemError(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          `Content-Type ${mediaType ?? '(none)'} is not read here; send one of: ${accepted.join(', ')}.`,
          {},
          { 'accept-post': accepted.join(', ') },
        );
      }
      if (declaredTooLarge(c.req.raw, route.body.maxBytes)) return drainThenTooLarge(c.req.raw, route.body.maxBytes);
    }
    const input = new Input(c, params, query, mediaType, series);
    const result = route.handle(input);
    if (!(result instanceof Promise)) return result;
    return withTimeout(result, route.timeoutMs ?? timeoutMs, () => input.abort());
  };
}

/** A handler's input; the abort signal is made only when a handler asks for it (it costs). */
class Input {
  #controller: AbortController | undefined;
  constructor(
    readonly c: Context,
    readonly params: unknown,
    readonly query: unknown,
    readonly mediaType: string | null,
    readonly series: Series,
  ) {}
  get signal(): AbortSignal {
    return (this.#controller ??= new AbortController()).signal;
  }
  abort(): void {
    this.#controller?.abort();
  }
}

/** Async handlers (uploads, file generation) race a timer; the signal tells them to stop reading. */
async function withTimeout(result: Promise<Response>, timeoutMs: number, abort: () => void): Promise<Response> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort();
      reject(new ProblemError(503, 'TIMEOUT', `The request took longer than ${timeoutMs / 1000} s; send a smaller input.`, {}, { 'retry-after': '5' }));
    }, timeoutMs);
  });
  try {
    return await Promise.race([result, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function staticResponse(c: Context, file: StaticFile): Response {
  const headers: Record<string, string> = {
    etag: file.etag,
    'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    vary: 'accept-encoding',
  };
  const csp = file.type.startsWith('image/svg') ? SVG_CSP : PAGE_CSP;
  if (etagMatches(c.req.header('if-none-match'), file.etag)) return respond(c, null, file.type, { status: 304, headers, csp });
  const gzip = file.gzip !== null && acceptsGzip(c.req.header('accept-encoding'));
  if (gzip) headers['content-encoding'] = 'gzip';
  return respond(c, gzip ? file.gzip : file.body, file.type, { headers, csp });
}

/** If-None-Match (RFC 9110 13.1.2): `*`, or a list of entity tags compared weakly (W/ ignored). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const strong = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === strong);
}

/** Accept-Encoding (RFC 9110 12.5.3): gzip (or *) with a q-value above 0; `gzip;q=0` refuses it. */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let gzip: number | null = null;
  let star: number | null = null;
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    const weight = Number.isFinite(q) ? q : 0;
    if (name === 'gzip' || name === 'x-gzip') gzip = weight;
    else if (name === '*') star = weight;
  }
  return (gzip ?? star ?? 0) > 0;
}
