/**
 * The catalog is validated once, at build time: scripts/build-data.ts runs the zod schema over
 * data/a4s.catalog.json and writes what it accepted to src/catalog/built.ts, which the program
 * loads without zod. These tests prove the built form is exactly what the schema accepts today.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import raw from '../data/a4s.catalog.json' with { type: 'json' };
import { z } from 'zod';
import { PIN_MAP_SCHEMA_TARGET, renderBuiltCatalog, renderPinMapSchema, SOURCE, TARGET } from '../scripts/build-data.js';
import { PinMapDocument, pinMapJsonSchema } from '../src/checks/index.js';
import { builtCatalog } from '../src/catalog/built.js';
import { catalog, catalogParts, compareCatalogCodes, type CatalogPart } from '../src/catalog/index.js';
import { parseCatalog } from '../src/catalog/validate.js';

const isDeepFrozen = (value: unknown): boolean =>
  value === null || typeof value !== 'object' || (Object.isFrozen(value) && Object.values(value).every(isDeepFrozen));

describe('built catalog (validated at build time)', () => {
  it('src/catalog/built.ts is what the build step writes from the current JSON (not stale)', () => {
    expect(readFileSync(TARGET, 'utf8')).toBe(renderBuiltCatalog(readFileSync(SOURCE, 'utf8')));
  });
  it('the built form equals what the zod schema accepts from data/a4s.catalog.json', () => {
    expect(builtCatalog).toStrictEqual(parseCatalog(raw));
    expect(JSON.stringify(builtCatalog)).toBe(JSON.stringify(parseCatalog(raw)));
  });
  it('the run-time catalog is the built form, deeply frozen', () => {
    expect(catalog).toBe(builtCatalog);
    expect(isDeepFrozen(catalog)).toBe(true);
  });
  it('the build step refuses invalid data (it runs the schema)', () => {
    const broken = structuredClone(raw) as typeof raw;
    broken.productTypes[0]!.rows[3]!.header = 'AXE616125';
    expect(() => renderBuiltCatalog(JSON.stringify(broken))).toThrow(/productTypes\.0\.rows\.3\.header/);
  });
});

describe('catalog codes order without the ICU collator', () => {
  const codes = [...new Set([...catalogParts.map((p) => p.partNumber), ...catalog.productTypes.map((t) => t.packaging), ''])];
  it('compareCatalogCodes orders every pair of catalog codes as localeCompare does', () => {
    const disagree = codes.flatMap((a) => codes.filter((b) => Math.sign(compareCatalogCodes(a, b)) !== Math.sign(a.localeCompare(b))).map((b) => `${a} ${b}`));
    expect(disagree).toEqual([]);
  });
  it('the part listing order is the one localeCompare gives', () => {
    const byLocale = (a: CatalogPart, b: CatalogPart) =>
      (a.role === b.role ? 0 : a.role === 'socket' ? -1 : 1) ||
      Number(a.inspection) - Number(b.inspection) ||
      a.pins - b.pins ||
      (a.matedHeightMm ?? 0) - (b.matedHeightMm ?? 0) ||
      (b.packaging ?? '').localeCompare(a.packaging ?? '') ||
      a.partNumber.localeCompare(b.partNumber);
    expect(
      [...catalogParts]
        .reverse()
        .sort(byLocale)
        .map((p) => p.partNumber),
    ).toEqual(catalogParts.map((p) => p.partNumber));
  });
});

describe('pin-map JSON Schema (generated at build time)', () => {
  it('src/checks/pinmap/schema.built.ts is current', () => {
    expect(readFileSync(PIN_MAP_SCHEMA_TARGET, 'utf8')).toBe(renderPinMapSchema());
  });
  it('equals what zod generates from PinMapDocument now', () => {
    expect(pinMapJsonSchema).toStrictEqual(z.toJSONSchema(PinMapDocument, { io: 'input' }));
  });
});
