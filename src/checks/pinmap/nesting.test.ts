import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { tooDeep } from './nesting.js';

/** Collections nested in a value: what the YAML composer and toJS recurse over. */
const depthOf = (v: unknown): number => (v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0);

const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.integer(), fc.string({ maxLength: 4 }), fc.constant(null)),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ minLength: 1, maxLength: 3 }), tie('value'), { maxKeys: 3 }),
  ),
}));

describe('tooDeep', () => {
  it('agrees with the real nesting depth, in block YAML, flow YAML and JSON', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 6 }), fc.constantFrom('block', 'flow', 'json'), (v, limit, style) => {
        const text = style === 'json' ? JSON.stringify(v, null, 1) : stringify(v, style === 'flow' ? { collectionStyle: 'flow' } : {});
        expect(tooDeep(text, limit) !== null, text).toBe(depthOf(v) > limit);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the line, and stops early on flow and compact nesting', () => {
    expect(tooDeep('a: 1\nb: ' + '['.repeat(40) + ']'.repeat(40), 32)).toEqual({ depth: 33, line: 2 });
    expect(tooDeep('a: 1\n\nb:\n  ' + '- '.repeat(40) + 'x', 32)).toMatchObject({ line: 4 });
    expect(tooDeep('a: "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["\nb: |\n  [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n', 2)).toBeNull();
  });
});
