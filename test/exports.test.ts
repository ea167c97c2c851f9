/** Issue 9, item 15: the library entry exports the documented API only. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as library from '../src/index.js';

/** Every run-time name of `import … from 'a4s-toolkit'`. Add a name here, in src/index.ts and in the README's "Library API" together. */
export const PUBLIC_API = [
  // the catalog as data
  'catalog',
  'catalogParts',
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
  'createBomChecker',
  'renderReport',
  // third-party footprints, other formats
  'verifyFootprint',
  'renderFootprintReport',
  'circuitJsonPart',
  'eagleLibrary',
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

  it('every exported name is in the README', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Library API'));
    for (const name of PUBLIC_API) expect(section, name).toContain(`\`${name}\``);
  });
});
