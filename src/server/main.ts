#!/usr/bin/env node
/**
 * `npm start`: the page and the API on http://127.0.0.1:8080.
 * Environment: HOST, PORT, A4S_WEB_ROOT (built page, default dist/web of this package),
 * A4S_CORS_ORIGINS (comma-separated origins, '*' for any; default none), LOG_LEVEL (debug|info|warn|error),
 * A4S_WORKERS (worker threads of the heavy requests; default cores − 1, at least 1; 0 runs them on the main thread),
 * A4S_CATALOG (a catalog edition's JSON file to answer for instead of the built-in catalog; a file
 * that cannot be read or is not a valid catalog stops the start-up, exit code 2).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bufferedSink, jsonLogger, parseLogLevel } from './log.js';
import { startServer } from './serve.js';
import { shippedBytes } from './static.js';
import { parseEnv, webRootCandidates } from './env.js';
import { readCatalogEdition } from './catalog.js';
import type { Series } from '../catalog/index.js';

const logger = jsonLogger(bufferedSink(process.stdout), parseLogLevel(process.env.LOG_LEVEL));
const env = parseEnv(process.env);
if (!env.ok) {
  logger.log('error', 'bad environment', { error: env.error });
  logger.flush?.();
  process.exit(2);
}
// The edition is read and validated before anything listens: a server answering for a catalog it
// could not read would answer wrongly, so it refuses to start (the message on stderr too, for people).
let series: Series | undefined;
if (env.value.catalogFile !== undefined) {
  const edition = readCatalogEdition(env.value.catalogFile);
  if (!edition.ok) {
    logger.log('error', 'bad catalog edition (A4S_CATALOG)', { error: edition.error });
    logger.flush?.();
    process.stderr.write(`a4s server: error [${edition.error.code}]: ${edition.error.message}\n`);
    process.exit(2);
  }
  series = edition.value;
}
const candidates = webRootCandidates(fileURLToPath(import.meta.url), env.value.webRoot);
const webRoot = candidates.find((dir) => existsSync(`${dir}/index.html`)) ?? null;
if (!webRoot) logger.log('warn', 'built page not found; serving the API only (run `npx vite build`)', { looked: candidates });

const pool = env.value.workers === null ? {} : { size: env.value.workers };
const running = await startServer({
  host: env.value.host,
  port: env.value.port,
  corsOrigins: env.value.corsOrigins,
  webRoot,
  logger,
  pool,
  ...(series ? { series } : {}),
}).catch((err: NodeJS.ErrnoException) => {
  logger.log('error', 'cannot listen', { host: env.value.host, port: env.value.port, error: err.code ?? err.message });
  logger.flush?.();
  process.exit(1);
});
running.a4s.pool.warm();
const site = running.a4s.site;
logger.log('info', 'listening', {
  url: running.url,
  webRoot,
  shipped: site ? shippedBytes(site) : null,
  cors: env.value.corsOrigins,
  workers: running.a4s.pool.stats,
  catalog: { series: running.a4s.series.name, title: running.a4s.series.catalog.document.title, file: env.value.catalogFile ?? null },
});
// People starting it by hand get one plain line to click; the JSON log stays on stdout for machines.
if (process.stderr.isTTY) process.stderr.write(`A4S toolkit: page and API on ${running.url}  (Ctrl+C to stop)\n`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.log('info', 'shutting down', { signal });
    void running.close(10_000).then(() => {
      logger.log('info', 'stopped', { signal });
      logger.flush?.();
      process.exit(0);
    });
  });
}
