import type { Context } from 'hono';
import type { Series } from '../catalog/index.js';
import type { z } from 'zod';
import type { ApiErrorCode } from './codes.js';
import { ProblemError } from './problem.js';

/** A JSON Schema given directly (e.g. the pin-map schema the checks module publishes). */
export interface RawJsonSchema {
  readonly jsonSchema: Record<string, unknown>;
}

export type SchemaLike = z.ZodType | RawJsonSchema;

export interface ResponseSpec {
  readonly description: string;
  /** media type → schema; 'binary' for files. */
  readonly content?: Readonly<Record<string, SchemaLike | 'binary' | 'text'>>;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface BodySpec {
  /** Accepted media types (without parameters) → schema for the document. */
  readonly content: Readonly<Record<string, SchemaLike | 'binary' | 'text'>>;
  readonly maxBytes: number;
  readonly description: string;
}

export interface RouteInput<P, Q> {
  readonly c: Context;
  readonly params: P;
  readonly query: Q;
  /** The request's media type (lowercase, without parameters) when there is a body spec. */
  readonly mediaType: string | null;
  /** Aborted when the request times out: long loops (uploads) stop reading. */
  readonly signal: AbortSignal;
  /** The series the server answers for (the app's `series` option, A4S_CATALOG): pass it to the core. */
  readonly series: Series;
}

export interface RouteSpec<P = unknown, Q = unknown> {
  readonly method: 'get' | 'post';
  /** OpenAPI form: /api/parts/{pn}. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly params?: z.ZodType<P>;
  readonly query?: z.ZodType<Q>;
  /** The code a bad query parameter reports (BAD_OPTION: the CLI's code for a bad option). */
  readonly queryErrorCode?: ApiErrorCode;
  /** Codes for errors in one parameter, by name (default: queryErrorCode). */
  readonly queryErrorCodes?: Readonly<Record<string, ApiErrorCode>>;
  readonly body?: BodySpec;
  readonly responses: Readonly<Record<number, ResponseSpec>>;
  /** Longest time this route may take (default: the app's requestTimeoutMs). */
  readonly timeoutMs?: number;
  readonly handle: (input: RouteInput<P, Q>) => Response | Promise<Response>;
}

/** Keeps P and Q inferred from the schemas at the definition site. */
export function defineRoute<P, Q>(spec: RouteSpec<P, Q>): RouteSpec<unknown, unknown> {
  return spec as unknown as RouteSpec<unknown, unknown>;
}

export function isRawJsonSchema(s: unknown): s is RawJsonSchema {
  return typeof s === 'object' && s !== null && 'jsonSchema' in s;
}

/** One line naming the field and what is wrong, from zod's issues. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input: Record<string, unknown>, noun: string): string {
  const first = issues[0];
  if (!first) return `invalid ${noun}`;
  const key = first.path[0];
  // An option's own parser (optionQuery) wrote the whole message, naming the parameter and its value.
  if (key === undefined || ownMessage(first) !== null) return first.message;
  const value = input[String(key)];
  return `${noun} ${String(key)}${value === undefined ? '' : ` "${truncate(String(value))}"`} ${first.message}`;
}

/** The code an option's own parser gave its issue (optionQuery's `params`), or null. */
function ownMessage(issue: z.core.$ZodIssue): string | null {
  const params = issue.code === 'custom' ? (issue.params as { code?: unknown; whole?: unknown } | undefined) : undefined;
  return params?.whole === true && typeof params.code === 'string' ? params.code : null;
}

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

export function validateOrThrow<T>(
  schema: z.ZodType<T>,
  input: Record<string, unknown>,
  status: number,
  code: ApiErrorCode,
  noun: string,
  codes: Readonly<Record<string, ApiErrorCode>> = {},
): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    const first = result.error.issues[0];
    const key = first?.path[0];
    throw new ProblemError(
      status,
      ((first ? ownMessage(first) : null) as ApiErrorCode | null) ??
        (key !== undefined && Object.hasOwn(codes, String(key)) ? codes[String(key)] : undefined) ??
        code,
      describeIssues(result.error.issues, input, noun),
    );
  }
  return result.data;
}

/** Media type without parameters, lowercase: "application/json; charset=utf-8" → "application/json". */
export function mediaTypeOf(header: string | undefined): string | null {
  if (!header) return null;
  const type = header.split(';', 1)[0]!.trim().toLowerCase();
  return type === '' ? null : type;
}

/** OpenAPI path → Hono path: /api/parts/{pn}/mates → /api/parts/:pn/mates. */
export function honoPath(openApiPath: string): string {
  return openApiPath.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}

/** A regex for matching concrete paths against a route (405 detection). */
export function pathRegex(openApiPath: string): RegExp {
  const escaped = openApiPath.split(/\{[A-Za-z0-9_]+\}/).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('[^/]+')}$`);
}
