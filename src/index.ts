/** Public library entry point: the pure core (works in Node and in the browser). */
export * from './catalog/index.js';
export * from './partnumber/index.js';
export * from './select/index.js';
export { ERROR_CODES, type A4sError, type ErrorCode } from './errors.js';
export { ok, fail, type Result } from './result.js';
