/** Public library entry point: the pure core (works in Node and in the browser). */
export * from './catalog/index.js';
// The catalog's zod schema and validator: public, but kept out of catalog/index.ts so that the
// modules reading the catalog do not load zod (the catalog is validated at build time).
export { CatalogSchema, ProvenanceKind, Role, PackagingId } from './catalog/schema.js';
export { parseCatalog, CatalogDataError } from './catalog/validate.js';
export * from './partnumber/index.js';
export * from './select/index.js';
export { ERROR_CODES, type A4sError, type ErrorCode } from './errors.js';
export { ok, fail, type Result } from './result.js';
export * from './geometry/index.js';
export { LandParamOverrides } from './geometry/overrides-schema.js';
export * from './checks/index.js';
export * from './order/index.js';
export * from './kicad/index.js';
export * from './model3d/index.js';
export * from './drawing/index.js';
