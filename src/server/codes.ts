import { ERROR_CODES } from '../errors.js';

/** Error codes only the HTTP API emits (the core's codes keep their meaning over HTTP). */
export const SERVER_CODES = {
  ROUTE_NOT_FOUND: { summary: 'No API endpoint or page file at this path.', fix: 'See /api/openapi.json for the endpoints.' },
  METHOD_NOT_ALLOWED: {
    summary: 'The endpoint exists but not for this HTTP method.',
    fix: 'Use the method listed in /api/openapi.json (the Allow header says which).',
  },
  BAD_JSON: { summary: 'The request body is not valid JSON (or YAML).', fix: 'Send a well-formed document; check quotes, commas and brackets.' },
  BAD_BODY: {
    summary: 'The request body does not have the shape the endpoint expects.',
    fix: 'Compare the body with the request schema in /api/openapi.json; the message names the field.',
  },
  BODY_TOO_LARGE: {
    summary: "The request body exceeds the endpoint's size limit.",
    fix: 'Send a smaller body; the limit is in the message (use the CLI for very large files).',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    summary: 'The Content-Type of the request body is not one the endpoint reads.',
    fix: 'Set Content-Type to one the message lists (e.g. application/json, application/yaml, text/csv).',
  },
  BAD_REQUEST: {
    summary:
      'The request is not well-formed HTTP (a request target with a backslash or another character HTTP does not allow, a malformed header line, headers too large).',
    fix: 'Percent-encode the path (%5C for a backslash); send well-formed HTTP/1.1.',
  },
  SERVER_BUSY: {
    summary: 'The server is running as many heavy requests (footprint verification, checks, libraries) as it takes at once; this one was not started.',
    fix: 'Retry after the seconds the Retry-After header gives, or use the CLI for many files.',
  },
  MEMORY_LIMIT: {
    summary: 'The input needs more memory than the server gives one request (256 MB per worker).',
    fix: 'Send a smaller file, or run the same check with the CLI, which has no such bound.',
  },
  TIMEOUT: { summary: "The request took longer than the server's time limit.", fix: 'Retry with a smaller input, or use the CLI for long jobs.' },
  INTERNAL: {
    summary: 'A bug in the server: the request was fine but the server failed.',
    fix: 'Report it with the request (method, path, body) and the log line with its requestId.',
  },
} as const;

/** Every code the API answers with: the core's and the server's own, merged at the edge. */
export const API_ERROR_CODES = { ...ERROR_CODES, ...SERVER_CODES } as const;
export type ApiErrorCode = keyof typeof API_ERROR_CODES;
