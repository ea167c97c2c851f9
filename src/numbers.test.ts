import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNames, groupDigits } from './numbers.js';

const sign = (n: number) => Math.sign(n);

describe('formatting without ICU, proven against ICU', () => {
  it('groupDigits is toLocaleString("en-US") for any number', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -1e15, max: 1e15 }),
          fc.maxSafeInteger(),
          fc.double({ noNaN: false }),
          fc.constantFrom(0, -0, 999, 1000, 1e20, 1e21, Number('99999999999999999999')),
        ),
        (n) => {
          expect(groupDigits(n)).toBe(n.toLocaleString('en-US'));
        },
      ),
      { numRuns: 20_000 },
    );
  });
  it('compareNames orders as localeCompare, for plain names and for any other string', () => {
    const plain = fc.string({ unit: fc.constantFrom(...'aAbBmMzZ019_'.split('')), maxLength: 8 });
    const any = fc.string({ maxLength: 6 });
    fc.assert(
      fc.property(fc.oneof(plain, any), fc.oneof(plain, any), (a, b) => {
        expect(sign(compareNames(a, b))).toBe(sign(a.localeCompare(b)));
      }),
      { numRuns: 50_000 },
    );
    const names = ['VBAT', 'gnd', 'GND', 'VCC_IO', 'VCC1', 'A_B', 'AB', '+3V3', '/LCD_D0'];
    expect([...names].sort(compareNames)).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});
