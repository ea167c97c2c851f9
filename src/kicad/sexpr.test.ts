import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atom, formatNumber, quote, readSexpr, SexprSyntaxError, str, writeSexpr, type SNode } from './sexpr.js';

const word = fc.stringMatching(/^[a-z_][a-z0-9_.]{0,8}$/).map(atom);
const text = fc.string({ maxLength: 20, unit: fc.constantFrom('a', 'Z', ' ', '"', '\\', '\n', '\t', '(', ')', 'µ', '±', '$', '{') }).map(str);
// Numbers KiCad writes: whole nanometres in millimetres.
const number = fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1e6);
const tree = fc.letrec<{ node: SNode; list: SNode }>((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, word, text, number, tie('list')),
  list: fc.tuple(word, fc.array(tie('node'), { maxLength: 5 })).map(([h, rest]): SNode => [h, ...rest]),
})).node;

describe('s-expression writer and reader', () => {
  it('reads back what it writes, in both layouts (property)', () => {
    fc.assert(
      fc.property(tree, fc.boolean(), (node, blocks) => {
        const heads = blocks ? new Set(['a', 'b', 'c', 'x', '_']) : new Set<string>();
        expect(readSexpr(writeSexpr(node, heads))).toEqual(node);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws anything but SexprSyntaxError on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: fc.constantFrom('(', ')', '"', '\\', 'a', '1', ' ', 'n', '.', '-') }), (s) => {
        try {
          readSexpr(s);
        } catch (e) {
          expect(e).toBeInstanceOf(SexprSyntaxError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('formats numbers as KiCad does: nm precision, no exponent, no -0', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(-0.0000004)).toBe('0');
    expect(formatNumber(0.000001)).toBe('0.000001');
    expect(formatNumber(0.0000015)).toBe('0.000002');
    expect(formatNumber(20211014)).toBe('20211014');
    expect(() => formatNumber(1e21)).toThrow(RangeError);
    expect(formatNumber(-3.8)).toBe('-3.8');
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
  });

  it('escapes strings', () => {
    expect(quote('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
  });

  it('reports syntax errors with their offset', () => {
    expect(() => readSexpr('(a (b)')).toThrow(/unclosed list/);
    expect(() => readSexpr('(a "b)')).toThrow(/unclosed string/);
    expect(() => readSexpr('(a) b')).toThrow(/text after the expression at offset 4/);
    expect(() => readSexpr('"\\q"')).toThrow(/unknown escape/);
  });

  it('lays out block lists one child per line, others on one line', () => {
    const node: SNode = [atom('a'), str('n'), [atom('b'), 1, [atom('c'), 2]], [atom('d')]];
    expect(writeSexpr(node, new Set(['a']))).toBe('(a "n"\n  (b 1 (c 2))\n  (d)\n)');
    expect(writeSexpr(node)).toBe('(a "n" (b 1 (c 2)) (d))');
  });
});
