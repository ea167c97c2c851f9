/**
 * The catalog is validated once, at build time: scripts/build-catalog.ts runs the zod schema over
 * data/a4s.catalog.json and writes what it accepted to src/catalog/built.ts, which the program
 * loads without zod. These tests prove the built form is exactly what the schema accepts today.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import raw from '../data/a4s.catalog.json' with { type: 'json' };
import { renderBuiltCatalog, SOURCE, TARGET } from '../scripts/build-catalog.js';
import { builtCatalog } from '../src/catalog/built.js';
import { catalog } from '../src/catalog/index.js';
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
