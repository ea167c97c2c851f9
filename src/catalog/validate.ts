import { inspectionPattern, writePartNumber } from '../partnumber/form.js';
import { deepFreeze } from './freeze.js';
import { CatalogSchema, type Catalog } from './schema.js';

/**
 * Validation of the catalog data against the zod schema (the single definition of its shape).
 * Run at build time by scripts/build-data.ts, which writes the accepted form to
 * src/catalog/built.ts; the program loads that form and never loads zod for the catalog.
 */
export class CatalogDataError extends Error {
  readonly code = 'CATALOG_DATA_INVALID';
  constructor(
    message: string,
    /** Each problem found, `path: what is wrong` (the message lists them too, one a line). */
    readonly problems: readonly string[] = [],
  ) {
    super(message);
  }
}

/**
 * Validates catalog data; a bad record stops the program and is named (path + message).
 * `name` is how messages name the file (another edition's file given with --catalog).
 */
export function parseCatalog(data: unknown, name = 'data/a4s.catalog.json'): Catalog {
  const result = CatalogSchema.safeParse(data);
  if (!result.success) {
    const first = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new CatalogDataError(`${name} is invalid:\n  ${first.join('\n  ')}`, first);
  }
  checkConsistency(result.data, name);
  return deepFreeze(result.data);
}

/** Cross-record rules the schema cannot express: every listed number follows the edition's grammar. */
function checkConsistency(catalog: Catalog, name: string): void {
  const problems: string[] = [];
  const form = catalog.partNumberGrammar.form;
  if (form.roleDigit.socket === form.roleDigit.header) problems.push('partNumberGrammar.form.roleDigit: socket and header need different digits');
  const codes = [form.socketCode, form.headerCodeByMatedHeightMm['0.8'], form.headerCodeByMatedHeightMm['1.0']];
  if (new Set(codes.map((c) => c.length)).size !== 1) problems.push('partNumberGrammar.form: the socket and header codes must have the same length');
  if (catalog.series.pinsMax >= 10 ** form.pinsDigits) problems.push(`series.pinsMax ${catalog.series.pinsMax} does not fit in ${form.pinsDigits} digits`);
  for (const [t, table] of catalog.productTypes.entries()) {
    for (const [r, row] of table.rows.entries()) {
      const fields = { pins: row.pins, inspection: false, packaging: table.packaging } as const;
      const socket = writePartNumber(form, { ...fields, role: 'socket', matedHeightMm: null });
      const header = writePartNumber(form, { ...fields, role: 'header', matedHeightMm: row.matedHeightMm });
      const at = `productTypes.${t}.rows.${r}`;
      if (row.socket !== socket) problems.push(`${at}.socket: ${row.socket} does not follow the grammar (${table.packaging}, ${row.pins} pins: ${socket})`);
      if (row.header !== header) problems.push(`${at}.header: ${row.header} does not follow the grammar (${table.packaging}, ${row.pins} pins: ${header})`);
    }
  }
  for (const role of ['socket', 'header'] as const) {
    const printed = role === 'socket' ? catalog.inspection.socketPattern : catalog.inspection.headerPattern;
    const expected = inspectionPattern(form, role);
    if (printed !== expected) problems.push(`inspection.${role}Pattern ${printed} does not follow the grammar (${expected})`);
  }
  if (problems.length > 0) throw new CatalogDataError(`${name} is inconsistent:\n  ${problems.join('\n  ')}`, problems);
}
