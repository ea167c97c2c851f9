import type { A4sError } from './errors.js';

/**
 * Outcome of an operation that can fail on user input: errors are values, never exceptions. The one
 * result type of the project; a module whose errors carry more (line, column, field) narrows `E`.
 */
export type Result<T, E extends A4sError = A4sError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E; readonly suggestions?: readonly string[] };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
/** A failure; `suggestions` are kept when given (an empty list too: callers that drop it pass undefined). */
export const fail = <E extends A4sError = A4sError>(error: E, suggestions?: readonly string[]): Result<never, E> =>
  suggestions ? { ok: false, error, suggestions } : { ok: false, error };
