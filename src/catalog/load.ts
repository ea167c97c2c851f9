import { builtCatalog } from './built.js';
import { deepFreeze } from './freeze.js';
import type { Catalog } from './schema.js';

/**
 * The catalog: data/a4s.catalog.json as the zod schema accepted it at build time
 * (scripts/build-data.ts writes src/catalog/built.ts; test/catalog-built.test.ts proves the two
 * agree). Loading it costs no validation and no zod. Nothing else reads the JSON file.
 */
export const catalog: Catalog = deepFreeze(builtCatalog);
