// Values of ./schema.js (zod) and ./validate.js are exported by the package root (src/index.ts),
// not here: the modules that read the catalog must not load zod.
export { catalog } from './load.js';
export { deepFreeze } from './freeze.js';
export type * from './schema.js';
export * from './parts.js';
export * from './linear.js';
export * from './sources.js';
export * from './series.js';
