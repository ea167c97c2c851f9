import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atom, formatNumber, prewritten, quote, readSexpr, shared, str, writeSexpr, writeSexprBlock, type SList, type SNode } from './sexpr.js';

const word = fc.stringMatching(/^[a-z_][a-z0-9_.]{0,8}$/).map(atom);
const text = fc.string({ maxLength: 20, unit: fc.constantFrom('a', 'Z', ' ', '"', '\\', '\n', '\t', '(', ')', 'µ', '±', '$', '{') }).map(str);
// Numbers KiCad writes: whole nanometres in millimetres.
const number = fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1e6);
const tree = fc.letrec<{ node: SNode; list: SNode }>((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, word, text, number, tie('list')),
  list: fc.tuple(word, fc.array(tie('node'), { maxLength: 5 })).map(([h, rest]): SNode => [h, ...rest]),
})).list;

describe('s-expression writer and reader', () => {
  it('reads back what it writes, in both layouts (property)', () => {
    fc.assert(
      fc.property(tree, fc.boolean(), (node, blocks) => {
        const heads = blocks ? new Set(['a', 'b', 'c', 'x', '_']) : new Set<string>();
        expect(readSexpr(writeSexpr(node, heads))).toEqual({ ok: true, value: node });
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary text: a result, an SEXPR_SYNTAX error when it is not one list (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: fc.constantFrom('(', ')', '"', '\\', 'a', '1', ' ', 'n', '.', '-', '\u00a0', '\f') }), (s) => {
        const r = readSexpr(s);
        if (!r.ok) expect(r.error.code).toBe('SEXPR_SYNTAX');
      }),
      { numRuns: 2000 },
    );
  });

  it('reads nesting far beyond any KiCad file without a stack overflow: an error, not a RangeError', () => {
    const deep = '('.repeat(20000) + ')'.repeat(20000);
    expect(readSexpr(deep)).toMatchObject({ ok: false, error: { code: 'SEXPR_SYNTAX', line: 1, message: 'line 1: lists nested deeper than 200.' } });
    expect(readSexpr('('.repeat(20000))).toMatchObject({ ok: false, error: { code: 'SEXPR_SYNTAX' } });
    expect(readSexpr('('.repeat(50) + ')'.repeat(50))).toMatchObject({ ok: true });
  });

  it('a no-break space or form feed inside a list is part of a word (the reader always moves on)', () => {
    expect(readSexpr('(a\u00a0b \fc)')).toEqual({ ok: true, value: [atom('a\u00a0b'), atom('\fc')] });
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

  it('reports syntax errors with their line', () => {
    expect(readSexpr('(a (b)')).toMatchObject({ ok: false, error: { message: 'The file ends inside 1 open list(s): it is truncated.', line: 1 } });
    expect(readSexpr('(a\n "b)')).toMatchObject({ ok: false, error: { line: 2, message: 'line 2: unclosed string.' } });
    expect(readSexpr('(a)\n b')).toMatchObject({ ok: false, error: { line: 2, message: 'line 2: "b" outside any list.' } });
    expect(readSexpr('(a)\n(b)')).toMatchObject({ ok: false, error: { line: 2, message: 'line 2: text after the end of the document.' } });
    expect(readSexpr('(a "\\q\\r")')).toEqual({ ok: true, value: [atom('a'), str('q\r')] });
  });

  it('writes shared, prewritten and lazily given subtrees exactly as the plain tree (property)', () => {
    const heads = new Set(['a', 'b', 'c', 'x', '_']);
    const headWord = fc.oneof(fc.constantFrom(...heads).map(atom), word);
    const blocky = fc.letrec<{ node: SNode; list: SNode }>((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, word, text, number, tie('list')),
      list: fc.tuple(headWord, fc.array(tie('node'), { maxLength: 5 })).map(([h, rest]): SNode => [h, ...rest]),
    })).list;
    const isBlock = (node: SNode) => Array.isArray(node) && heads.has((node[0] as { atom?: string }).atom ?? '');
    // The same tree with every block below the root shared and every list inside a one-line list
    // prewritten (where prewritten is allowed: not a block's child, whose layout sees lists).
    const marked = (node: SNode, parentIsBlock: boolean, depth: number): SNode => {
      if (!Array.isArray(node)) return node;
      const copy = node.map((child) => marked(child, isBlock(node), depth + 1)) as SList;
      if (depth === 0) return copy;
      if (isBlock(copy)) return shared(copy);
      return parentIsBlock ? copy : prewritten(copy);
    };
    let blocksSeen = 0;
    fc.assert(
      fc.property(blocky, (node) => {
        const plain = writeSexpr(node, heads);
        const withMarks = marked(node, false, 0) as SList;
        // Twice: the second time the shared texts come from the writer's cache.
        expect(writeSexpr(withMarks, heads)).toBe(plain);
        expect(writeSexpr(withMarks, heads)).toBe(plain);
        if (isBlock(node)) {
          blocksSeen++;
          const root = node as SList;
          let lead = 1;
          while (lead < root.length && !Array.isArray(root[lead])) lead++;
          expect(writeSexprBlock(root.slice(0, lead) as SList, root.slice(lead), heads)).toBe(plain);
        }
      }),
      { numRuns: 500 },
    );
    // The property met block layouts, not only one-line lists.
    expect(blocksSeen).toBeGreaterThan(100);
  });

  it('lays out block lists one child per line, others on one line', () => {
    const node: SNode = [atom('a'), str('n'), [atom('b'), 1, [atom('c'), 2]], [atom('d')]];
    expect(writeSexpr(node, new Set(['a']))).toBe('(a "n"\n  (b 1 (c 2))\n  (d)\n)');
    expect(writeSexpr(node)).toBe('(a "n" (b 1 (c 2)) (d))');
  });
});
