import type { Context } from 'hono';
import type { A4sError } from '../errors.js';
import { API_ERROR_CODES, type ApiErrorCode } from './codes.js';
import { requestIdOf, respond } from './respond.js';

/** RFC 9457 problem details; `code` is the CLI's error code, so scripts handle both faces alike. */
export interface Problem {
  /** Relative URI of the code's documentation (served by GET /api/errors). */
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: ApiErrorCode;
  readonly instance?: string;
  readonly requestId?: string;
  /** Every error, when the core reported several (the first is `code`). */
  readonly errors?: readonly A4sError[];
  readonly suggestions?: readonly string[];
  readonly [extension: string]: unknown;
}

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

export function problemBody(status: number, code: ApiErrorCode, detail: string, extra: Record<string, unknown> = {}): Problem {
  return { type: `/api/errors#${code}`, title: API_ERROR_CODES[code].summary, status, detail, code, ...extra };
}

/** A problem response with the instance (path) and request id of the request. */
export function problemResponse(
  c: Context,
  status: number,
  code: ApiErrorCode,
  detail: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  const body = problemBody(status, code, detail, { instance: c.req.path, requestId: requestIdOf(c), ...extra });
  return respond(c, JSON.stringify(body), PROBLEM_MEDIA_TYPE, { status, headers });
}

/** Thrown inside handlers for input errors; the app turns it into a problem response. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
