/**
 * Issue 20, item 6: every function of the library entry answers with an error value, never a
 * throw, for null, undefined, wrong types and empty objects (a caller without types), as the README
 * promises. A property test over every export: new exports are covered without being named.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as library from '../src/index.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const netlist = readFileSync(join(FIXTURES, 'kicad', 'a4s-j2.net'), 'utf8');
const pinMapYaml = readFileSync(join(FIXTURES, 'pinmaps', 'display-40.yaml'), 'utf8');
const footprint = (library.footprintFile('AXE540127') as { ok: true; value: { content: string } }).value.content;

/** Hostile values: the kinds a caller without types passes, and good values in the wrong place. */
const hostile = fc.oneof(
  fc.constantFrom(null, undefined, {}, [], '', 0, Number.NaN, Number.POSITIVE_INFINITY, -1, 1e308, true, 'AXE540127', 'x'),
  fc.constantFrom(Object.create(null), Symbol('s'), 10n, () => 1, new Date(0), [null], { pins: null }, { pins: [{}] }, { text: null }, { board: {}, fpc: {} }),
  fc.constantFrom({ pins: [{ pin: 'x', net: 5 }] }, { file: {}, findings: [{}] }, { findings: null }, { part: 5, pins: [] }, { overrides: 'x' }, { name: 5 }),
  fc.anything({ maxDepth: 2 }),
);
/** Good first arguments, so that the later (hostile) ones are reached. */
const goodFirst = fc.constantFrom<unknown>('AXE540127', 'AXE640124', netlist, pinMapYaml, footprint, 'pn,qty\nAXE540127,3\n', 'socket', 40);

type AnyFunction = (...a: unknown[]) => unknown;
const functions = (Object.entries(library) as [string, unknown][]).filter((e): e is [string, AnyFunction] => typeof e[1] === 'function');
const codes = new Set(Object.keys(library.ERROR_CODES));

/** A function's answer: never an exception; a failure is a registered code. */
function answers(name: string, f: (...a: unknown[]) => unknown, args: unknown[]): void {
  let value: unknown;
  try {
    value = f(...args);
  } catch (err) {
    throw new Error(
      `${name}(${args.map((a) => (typeof a === 'symbol' ? 'Symbol' : typeof a === 'bigint' ? 'bigint' : JSON.stringify(a)?.slice(0, 40))).join(', ')}) threw: ${err}`,
    );
  }
  // ok and fail build results from what they are given: whatever that is, it is theirs.
  if (name !== 'fail' && typeof value === 'object' && value !== null && 'ok' in value && value.ok === false) {
    const code = (value as unknown as { error: { code: string } }).error.code;
    expect(codes, `${name}: ${code}`).toContain(code);
  }
}

describe('the library never throws (every export, hostile arguments)', () => {
  it('covers every function of the entry', () => {
    expect(functions.length).toBeGreaterThan(25);
  });

  /**
   * The whole library per call (a tenth of a second to seconds each): fewer runs in the unit tier;
   * the tools tier runs them 60 times like the others (test/tools/library-never-throws.test.ts sets
   * A4S_SLOW_LIBRARY_RUNS).
   */
  const SLOW = new Set(['kicadLibraryFiles', 'eagleLibrary', 'easyedaLibrary']);
  const slowRuns = Number(process.env.A4S_SLOW_LIBRARY_RUNS ?? 4);

  it.each(functions)('%s', (name, f) => {
    const runs = SLOW.has(name) ? slowRuns : 60;
    fc.assert(
      fc.property(fc.array(hostile, { maxLength: 3 }), (args) => answers(name, f, args)),
      { numRuns: runs },
    );
    fc.assert(
      fc.property(goodFirst, fc.array(hostile, { minLength: 1, maxLength: 2 }), (first, rest) => answers(name, f, [first, ...rest])),
      { numRuns: runs },
    );
  });

  it('the cases of the issue answer INVALID_ARGUMENT', () => {
    for (const r of [
      library.checkBomText(null as never, undefined),
      library.parseKicadNetlist(netlist, null as never),
      library.checkMatedPair({} as never),
      library.circuitJsonPart('AXE540127', null as never),
    ]) {
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
    expect(library.checkPartNumber(Object.create(null))).toMatchObject({ status: 'invalid' });
    expect(library.queryParts(null).parts.length).toBeGreaterThan(0);
  });
});
