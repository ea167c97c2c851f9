import type { AddressInfo } from 'node:net';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { getRequestListener, RequestError } from '@hono/node-server';
import { createApp, DEFAULT_REQUEST_TIMEOUT_MS, type A4sApp, type AppOptions } from './app.js';
import { silentLogger, type RequestLogLine } from './log.js';
import { problemBody, PROBLEM_MEDIA_TYPE } from './problem.js';

export interface RunningServer {
  readonly server: Server;
  readonly url: string;
  readonly a4s: A4sApp;
  /**
   * Stops accepting, lets requests in flight finish (up to graceMs; their answers say
   * `Connection: close`), and resolves as soon as nothing is in flight.
   */
  close(graceMs?: number): Promise<void>;
}

export interface ServeOptions extends AppOptions {
  readonly host?: string;
  /** 0: any free port. */
  readonly port?: number;
  /** Time a client has to send the request headers (default 10 s). */
  readonly headersTimeoutMs?: number;
}

/** Node checks its header and request time limits on a timer of this period (its default, 30 s, let a 10 s limit run to 37 s). */
const CONNECTIONS_CHECKING_INTERVAL_MS = 1_000;

/** Starts the HTTP server; resolves once it listens. */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const a4s = createApp(options);
  const logger = options.logger ?? silentLogger;
  const logRequest = logger.request?.bind(logger) ?? ((line: RequestLogLine) => logger.log(line.status >= 500 ? 'error' : 'info', 'request', { ...line }));
  // A request the adapter cannot turn into a URL (a backslash in the path, a target such as `*`): it
  // would answer a bare 400 with an empty body; a problem+json instead, with its log line.
  const badRequest = (err: unknown): Response | undefined => {
    if (!(err instanceof RequestError)) return undefined;
    const requestId = randomUUID();
    const body = JSON.stringify(
      problemBody(
        400,
        'BAD_REQUEST',
        `The request target cannot be read (${err.message}): paths start with / and have no backslash (percent-encode it as %5C).`,
        { requestId },
      ),
    );
    logRequest({ requestId, method: '-', path: '-', status: 400, durationMs: 0 });
    return new Response(body, {
      status: 400,
      headers: { 'content-type': PROBLEM_MEDIA_TYPE, 'x-request-id': requestId, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
    });
  };
  const server = createServer({ connectionsCheckingInterval: CONNECTIONS_CHECKING_INTERVAL_MS }, getRequestListener(a4s.fetch, { errorHandler: badRequest }));
  // Slow clients cannot hold a connection forever (slowloris): headers in 10 s. The whole request is
  // bounded by each route's own limit (15 s, uploads 60 s), which answers with a problem+json; Node's
  // own limit sits above the longest of them, as a backstop.
  const longestRoute = Math.max(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, ...a4s.routes.map((r) => r.timeoutMs ?? 0));
  server.headersTimeout = options.headersTimeoutMs ?? 10_000;
  server.requestTimeout = Math.max(longestRoute + 10_000, server.headersTimeout + 1_000);
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 100;

  // What Node would answer itself (a bare 408 or 400 with no body and no log line): a problem+json, logged.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const requestId = randomUUID();
    const detail =
      status === 408
        ? 'The request was not received in time (headers within 10 s); the connection is closed.'
        : status === 431
          ? 'The request headers are too large.'
          : `The request is not well-formed HTTP (${err.code ?? 'parse error'}): a request target with a backslash or a character HTTP does not allow, or a malformed header line.`;
    const body = JSON.stringify(problemBody(status, status === 408 ? 'TIMEOUT' : 'BAD_REQUEST', detail, { requestId }));
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: ${PROBLEM_MEDIA_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nx-request-id: ${requestId}\r\ncache-control: no-store\r\nx-content-type-options: nosniff\r\nconnection: close\r\n\r\n${body}`,
    );
    logRequest({ requestId, method: '-', path: '-', status, durationMs: 0 });
  });

  // Answers in flight, so that a shutdown can tell them to close their connection.
  const inFlight = new Set<ServerResponse>();
  let closingNow = false;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight.add(res);
    if (closingNow && !res.headersSent) res.setHeader('connection', 'close');
    res.on('close', () => {
      inFlight.delete(res);
      // Once an answer is out, its connection (idle now, or closing) must not hold the shutdown.
      if (closingNow) server.closeIdleConnections();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  let closing: Promise<void> | null = null;
  const close = (graceMs = 10_000) =>
    (closing ??= new Promise<void>((resolve) => {
      closingNow = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
      const force = setTimeout(() => {
        logger.log('warn', 'shutdown grace period over; closing open connections', { graceMs });
        server.closeAllConnections();
      }, graceMs);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        void a4s.close().then(resolve);
      });
      // Idle keep-alive connections would hold close() open until they time out.
      server.closeIdleConnections();
    }));
  return { server, url, a4s, close };
}
