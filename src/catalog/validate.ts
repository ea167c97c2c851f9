import { deepFreeze } from './freeze.js';
import { CatalogSchema, type Catalog } from './schema.js';

/**
 * Validation of the catalog data against the zod schema (the single definition of its shape).
 * Run at build time by scripts/build-data.ts, which writes the accepted form to
 * src/catalog/built.ts; the program loads that form and never loads zod for the catalog.
 */
export class CatalogDataError extends Error {
  readonly code = 'CATALOG_DATA_INVALID';
}

/** Validates catalog data; a bad record stops the program and is named (path + message). */
export function parseCatalog(data: unknown): Catalog {
  const result = CatalogSchema.safeParse(data);
  if (!result.success) {
    const first = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new CatalogDataError(`data/a4s.catalog.json is invalid:\n  ${first.join('\n  ')}`);
  }
  checkConsistency(result.data);
  return deepFreeze(result.data);
}

/** Cross-record rules the schema cannot express. */
function checkConsistency(catalog: Catalog): void {
  const problems: string[] = [];
  for (const table of catalog.productTypes) {
    const suffix = table.packaging === '4mm-pitch' ? 'D' : '';
    for (const row of table.rows) {
      const pp = String(row.pins).padStart(2, '0');
      const heightCode = row.matedHeightMm === 0.8 ? '1' : '2';
      if (row.socket !== `AXE5${pp}127${suffix}`) problems.push(`${table.packaging} ${row.pins}: socket ${row.socket} does not follow the table's pattern`);
      if (row.header !== `AXE6${pp}${heightCode}24${suffix}`)
        problems.push(`${table.packaging} ${row.pins}: header ${row.header} does not follow the table's pattern`);
    }
  }
  if (problems.length > 0) throw new CatalogDataError(`data/a4s.catalog.json is inconsistent:\n  ${problems.join('\n  ')}`);
}
