/** The in-process API app of the server tests (`request()` runs the app's fetch without a port), and the problem+json assertion they share. */
import { expect } from 'vitest';
import { API_ERROR_CODES as ERROR_CODES } from '../../src/server/codes.js';
import { createApp, memoryLogger } from '../../src/server/index.js';
import { ProblemSchema } from '../../src/server/schemas.js';

/** A fresh app with a memory logger (and these options), and GET/POST helpers on it. */
export function testApp(options: Omit<NonNullable<Parameters<typeof createApp>[0]>, 'logger'> = {}) {
  const logger = memoryLogger();
  const a4s = createApp({ ...options, logger });
  const get = (path: string, init?: RequestInit) => a4s.request(path, init);
  const post = (path: string, body: BodyInit, type: string | null, init: RequestInit = {}) =>
    a4s.request(path, { method: 'POST', body, headers: type ? { 'content-type': type } : {}, ...init });
  return { logger, a4s, get, post };
}

/** Asserts an RFC 9457 answer with this status and code (registered, typed, with a request id); returns its body. */
export async function problem(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = ProblemSchema.parse(await res.json());
  expect(body.code).toBe(code);
  expect(body.status).toBe(status);
  expect(body.type).toBe(`/api/errors#${code}`);
  expect(ERROR_CODES).toHaveProperty(code);
  expect(body.requestId).toMatch(/\S/);
  return body;
}
