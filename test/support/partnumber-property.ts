/**
 * The part-number reader's never-throws property (checkPartNumber over random and mutated strings),
 * run at two sizes: 20,000 strings in the unit tier (src/partnumber/partnumber.test.ts) and the full
 * million in the tools tier (test/tools/partnumber-property.test.ts; the tools project of vitest.config.ts sets
 * A4S_PROPERTY_RUNS=1000000), which is where a run of a minute belongs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogParts } from '../../src/catalog/index.js';
import { ERROR_CODES } from '../../src/errors.js';
import { checkPartNumber, formatPartNumber } from '../../src/partnumber/index.js';

/** The unit tier's size: the property in about a second. */
export const UNIT_RUNS = 20_000;

/** Runs asked by A4S_PROPERTY_RUNS (unset or empty: UNIT_RUNS); a value that is not a whole number ≥ 1 is refused. */
export function propertyRuns(env: { readonly A4S_PROPERTY_RUNS?: string }): number {
  if (env.A4S_PROPERTY_RUNS === undefined || env.A4S_PROPERTY_RUNS === '') return UNIT_RUNS;
  const n = Number(env.A4S_PROPERTY_RUNS);
  if (!Number.isInteger(n) || n < 1) throw new Error(`A4S_PROPERTY_RUNS=${env.A4S_PROPERTY_RUNS}: give a whole number of runs, 1 or more.`);
  return n;
}

/** Registers the property with `runs` strings. */
export function neverThrowsProperty(runs: number): void {
  describe(`never throws, always a status (property, ${runs === 1_000_000 ? 'one million' : runs.toLocaleString('en')} strings)`, () => {
    const standard = catalogParts.map((p) => p.partNumber);
    // Mutations of real part numbers reach deep into the grammar; random strings cover the rest.
    const mutated = fc
      .tuple(
        fc.constantFrom(...standard),
        fc.array(fc.tuple(fc.nat(12), fc.constantFrom('delete', 'insert', 'replace', 'swap'), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })), {
          maxLength: 3,
        }),
      )
      .map(([pn, edits]) => {
        let s = pn;
        for (const [at, op, ch] of edits) {
          const i = at % (s.length + 1);
          if (op === 'delete') s = s.slice(0, i) + s.slice(i + 1);
          else if (op === 'insert') s = s.slice(0, i) + ch + s.slice(i);
          else if (op === 'replace') s = s.slice(0, i) + ch + s.slice(i + 1);
          else if (i + 1 < s.length) s = s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
        }
        return s;
      });
    const anyString = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({ unit: fc.constantFrom(...'AXE0123456789DE* -'), maxLength: 14 }),
      mutated,
    );
    it(`${runs.toLocaleString('en')} random and mutated strings`, () => {
      let seen = 0;
      fc.assert(
        fc.property(anyString, (s) => {
          const c = checkPartNumber(s);
          seen++;
          if (c.status === 'invalid') return c.partNumber === null && c.errors.length === 1 && c.errors[0]!.code in ERROR_CODES;
          // Anything accepted must format back to itself and be reachable from its fields.
          return (
            c.partNumber !== null &&
            c.fields !== null &&
            formatPartNumber(c.fields) === c.partNumber &&
            (c.status === 'standard' || c.status === 'renamed') === standard.includes(c.partNumber) &&
            // Renamed only from the sockets' old form, to today's number of the same pin count.
            (c.status === 'renamed') === (c.renamedFrom !== null) &&
            (c.renamedFrom === null || (/^AXE5\d\d124$/.test(c.renamedFrom) && c.partNumber === c.renamedFrom.replace(/124$/, '127')))
          );
        }),
        { numRuns: runs },
      );
      expect(seen).toBe(runs);
    }, 300_000);
  });
}
