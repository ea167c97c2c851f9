import { dirname, resolve } from 'node:path';
import { fail, ok, type Result } from '../result.js';

export interface ServerEnv {
  readonly host: string;
  readonly port: number;
  readonly corsOrigins: readonly string[];
  readonly webRoot: string | null;
  /** A4S_WORKERS: worker threads of the heavy requests (unset: cores − 1, at least 1; 0: on the main thread). */
  readonly workers: number | null;
  /** A4S_CATALOG: the catalog edition's JSON file the server answers for (absent: the built-in catalog). */
  readonly catalogFile?: string;
}

/** HOST / PORT / A4S_CORS_ORIGINS / A4S_WEB_ROOT / A4S_WORKERS / A4S_CATALOG, checked: a bad value stops start-up with a message. */
export function parseEnv(env: Readonly<Record<string, string | undefined>>): Result<ServerEnv> {
  const host = env.HOST?.trim() || '127.0.0.1';
  const portText = env.PORT?.trim() || '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) return fail({ code: 'BAD_OPTION', message: `PORT "${portText}" is not a port number from 0 to 65535.` });
  const corsOrigins = (env.A4S_CORS_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      return fail({ code: 'BAD_OPTION', message: `A4S_CORS_ORIGINS entry "${origin}" is not an origin such as https://example.com (no path), or *.` });
    }
  }
  const workersText = env.A4S_WORKERS?.trim() || null;
  if (workersText !== null && (!/^\d{1,3}$/.test(workersText) || Number(workersText) > 64))
    return fail({ code: 'BAD_OPTION', message: `A4S_WORKERS "${workersText}" is not a number of worker threads from 0 to 64.` });
  return ok({
    host,
    port,
    corsOrigins,
    webRoot: env.A4S_WEB_ROOT?.trim() || null,
    workers: workersText === null ? null : Number(workersText),
    ...(env.A4S_CATALOG?.trim() ? { catalogFile: env.A4S_CATALOG.trim() } : {}),
  });
}

/** Where the built page may be: the explicit root, else dist/web of the package (from src/ or dist/src/). */
export function webRootCandidates(mainFile: string, explicit: string | null): string[] {
  if (explicit) return [resolve(explicit)];
  const serverDir = dirname(mainFile);
  return [resolve(serverDir, '../../web'), resolve(serverDir, '../../dist/web')];
}
