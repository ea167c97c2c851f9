import type { Context } from 'hono';
import { ERROR_CODES, type A4sError, type ErrorCode } from '../errors.js';
import { requestIdOf, respond } from './respond.js';

/** RFC 9457 problem details; `code` is the CLI's error code, so scripts handle both faces alike. */
export interface Problem {
  /** Relative URI of the code's documentation (served by GET /api/errors). */
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: ErrorCode;
  readonly instance?: string;
  readonly requestId?: string;
  /** Every error, when the core reported several (the first is `code`). */
  readonly errors?: readonly A4sError[];
  readonly suggestions?: readonly string[];
  readonly [extension: string]: unknown;
}

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

export function problemBody(status: number, code: ErrorCode, detail: string, extra: Record<string, unknown> = {}): Problem {
  return { type: `/api/errors#${code}`, title: ERROR_CODES[code].summary, status, detail, code, ...extra };
}

/** A problem response with the instance (path) and request id of the request. */
export function problemResponse(c: Context, status: number, code: ErrorCode, detail: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  const body = problemBody(status, code, detail, { instance: c.req.path, requestId: requestIdOf(c), ...extra });
  return respond(c, JSON.stringify(body), PROBLEM_MEDIA_TYPE, { status, headers });
}

/** Thrown inside handlers for input errors; the app turns it into a problem response. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
