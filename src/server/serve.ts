import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { createApp, type A4sApp, type AppOptions } from './app.js';
import { silentLogger } from './log.js';

export interface RunningServer {
  readonly server: Server;
  readonly url: string;
  readonly a4s: A4sApp;
  /** Stops accepting, lets requests in flight finish (up to graceMs), then closes the rest. */
  close(graceMs?: number): Promise<void>;
}

export interface ServeOptions extends AppOptions {
  readonly host?: string;
  /** 0: any free port. */
  readonly port?: number;
}

/** Starts the HTTP server; resolves once it listens. */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const a4s = createApp(options);
  const logger = options.logger ?? silentLogger;
  const server = createAdaptorServer({ fetch: a4s.fetch }) as Server;
  // Slow clients cannot hold a connection forever (slowloris): headers in 10 s, whole request in 30 s.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 100;
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
  const close = (graceMs = 10_000) => (closing ??= new Promise<void>((resolve) => {
    const force = setTimeout(() => {
      logger.log('warn', 'shutdown grace period over; closing open connections', { graceMs });
      server.closeAllConnections();
    }, graceMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    // Idle keep-alive connections would hold close() open until they time out.
    server.closeIdleConnections();
  }));
  return { server, url, a4s, close };
}
