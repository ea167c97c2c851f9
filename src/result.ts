import type { A4sError } from './errors.js';

/** Outcome of an operation that can fail on user input: errors are values, never exceptions. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: A4sError; readonly suggestions?: readonly string[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: A4sError, suggestions?: readonly string[]): Result<T> => (suggestions ? { ok: false, error, suggestions } : { ok: false, error });
