/**
 * checkLandParamOverrides (no zod, used at run time) answers exactly as the zod schema
 * LandParamOverrides (the definition): same acceptance, same output object, same issues and messages.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LandParamOverrides } from './overrides-schema.js';
import { checkLandParamOverrides, LAND_PARAM_NAMES } from './params.js';

function viaZod(value: unknown) {
  const r = LandParamOverrides.safeParse(value);
  return r.success
    ? { ok: true, value: r.data, keys: Object.keys(r.data) }
    : { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) };
}
function viaPlain(value: unknown) {
  const r = checkLandParamOverrides(value);
  return r.ok
    ? { ok: true, value: r.value, keys: Object.keys(r.value) }
    : { ok: false, issues: r.issues.map((i) => ({ path: [...i.path], message: i.message })) };
}

const anyValue = fc.oneof(
  fc.double(), // NaN, ±Infinity, -0 included
  fc.double({ min: -2, max: 60, noNaN: true }),
  fc.constantFrom(
    0,
    -0,
    1,
    50,
    50.0001,
    1.0001,
    0.5,
    -1e-9,
    1e-9,
    Number.NaN,
    Infinity,
    -Infinity,
    undefined,
    null,
    true,
    false,
    '',
    '0.2',
    [],
    {},
    [0.2],
    new Date(0),
    Object.create(null),
  ),
  fc.integer(),
  fc.string(),
);
const key = fc.oneof(
  fc.constantFrom(...LAND_PARAM_NAMES),
  fc.constantFrom(...LAND_PARAM_NAMES),
  fc.string(),
  fc.constantFrom('socket', 'constructor', 'toString', 'signalpadwidthmm'),
);
const overridesLike = fc.dictionary(key, anyValue, { maxKeys: 8 });

describe('checkLandParamOverrides equals the zod schema', () => {
  it('on generated objects (valid and invalid)', () => {
    fc.assert(
      fc.property(overridesLike, (v) => {
        expect(viaPlain(v)).toStrictEqual(viaZod(v));
      }),
      { numRuns: 3000 },
    );
  });
  it('on generated valid objects', () => {
    const valid = fc.dictionary(fc.constantFrom(...LAND_PARAM_NAMES), fc.double({ min: 0.001, max: 1, noNaN: true }));
    fc.assert(
      fc.property(valid, (v) => {
        expect(viaPlain(v)).toStrictEqual(viaZod(v));
      }),
      { numRuns: 500 },
    );
  });
  it('on values that are not objects, and odd objects', () => {
    for (const v of [
      undefined,
      null,
      5,
      Number.NaN,
      'x',
      true,
      [],
      [1],
      new Date(0),
      Object.create(null),
      JSON.parse('{"__proto__": 1}'),
      { signalPadWidthMm: undefined },
      { a: 1, b: 2, signalPadWidthMm: 'x' },
    ]) {
      expect(viaPlain(v)).toStrictEqual(viaZod(v));
    }
  });
});
