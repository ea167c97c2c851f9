export { catalog, parseCatalog, CatalogDataError } from './load.js';
export * from './schema.js';
export * from './parts.js';
export * from './linear.js';
