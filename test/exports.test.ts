/** Issue 9, item 15: the library entry exports the documented API only. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleLibrary } from '../scripts/bundle.js';
import * as library from '../src/index.js';

/** Every run-time name of `import … from 'a4s-toolkit'`. Add a name here, in src/index.ts and in the README's "Library API" together. */
export const PUBLIC_API = [
  // the catalog as data
  'catalog',
  'catalogParts',
  // another catalog edition: its series, and every function below bound to it
  'builtInSeries',
  'loadSeries',
  'createToolkit',
  // part numbers
  'checkPartNumber',
  'describePart',
  'explainPart',
  // selection
  'queryParts',
  'matesOf',
  'dimensionsFor',
  'matingForces',
  // design files
  'footprintFile',
  'symbolLibraryFile',
  'kicadLibrary',
  'kicadLibraryFiles',
  'stepModel',
  'vrmlModel',
  'matedPairStep',
  'drawingSvg',
  // design checks
  'checkPinMap',
  'checkMatedPair',
  'parsePinMapText',
  'parseKicadNetlist',
  'pinMapFromNetlist',
  'pinMapJsonSchema',
  'checkBomText',
  'checkBomPairText',
  'pairBomReports',
  'pairedBomOptions',
  'createBomChecker',
  'renderReport',
  // third-party footprints, other formats
  'verifyFootprint',
  'verifyFootprintPair',
  'renderFootprintReport',
  'renderFootprintPairReport',
  'circuitJsonPart',
  'eagleLibrary',
  'easyedaLibrary',
  // ordering
  'orderQuantities',
  // errors and results
  'ERROR_CODES',
  'ok',
  'fail',
];

describe('the library entry (src/index.ts)', () => {
  it('exports exactly the documented API: no internals such as f2, mm, quote, headOf', () => {
    expect(Object.keys(library).sort()).toEqual([...PUBLIC_API].sort());
    for (const internal of ['f2', 'mm', 'quote', 'headOf']) expect(library).not.toHaveProperty(internal);
  });

  it("the README's Library API table names exactly the exports (issue 20, item 6: verifyFootprintPair was documented, not exported)", () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Library API'));
    const table = section.slice(section.indexOf('\n|'), section.indexOf('\n\n', section.indexOf('\n|')));
    const names = [...table.matchAll(/`(\w+)`/g)].map((m) => m[1]!);
    expect(names.sort()).toEqual(Object.keys(library).sort());
    // and every function the README's prose shows as `name(…)` is exported
    for (const m of readme.matchAll(/`(\w+)\(/g)) {
      const name = m[1]!;
      if (/^[a-z]+[A-Z]/.test(name) && !['structuredClone'].includes(name)) expect(Object.keys(library), name).toContain(name);
    }
  });

  it('the bundle package.json exports (dist/lib/index.js) gives the same API, and the same answers', async () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'));
    expect(pkg.exports['.'].default).toBe('./dist/lib/index.js');
    const dir = mkdtempSync(join(tmpdir(), 'a4s-lib-'));
    try {
      const bundled = await import(pathToFileURL(await bundleLibrary(dir)).href);
      expect(Object.keys(bundled).sort()).toEqual([...PUBLIC_API].sort());
      expect(JSON.stringify(bundled.checkPartNumber('AXE540127'))).toBe(JSON.stringify(library.checkPartNumber('AXE540127')));
      expect(bundled.footprintFile('AXE640124D')).toEqual(library.footprintFile('AXE640124D'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
