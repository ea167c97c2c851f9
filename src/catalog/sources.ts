import { catalog } from './load.js';

/**
 * Citations start from the catalog data's own `source` fields, not from headings typed again in
 * the code: a heading is the first `depth` parts of a source ("A / B / C" → "A / B"), without the
 * closing "(…)" note of the source it is cut from.
 */
export function sourceHeading(source: string, depth: number): string {
  return source
    .split(' / ')
    .slice(0, depth)
    .join(' / ')
    .replace(/\s*\([^()]*\)$/, '');
}

/** "PRODUCT TYPES": the section of the product-type tables, their notes and the standard packing. */
export const PRODUCT_TYPES_SOURCE = sourceHeading(catalog.productTypes[0]!.source, 1);
/** "EMBOSED TAPE DIMENSIONS / Dimension table" (the catalog's spelling): tape type, width and reel quantity by pin range. */
export const TAPE_TABLE_SOURCE = sourceHeading(catalog.tape.tables[0]!.source, 2);
