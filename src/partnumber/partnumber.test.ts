import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogParts } from '../catalog/index.js';
import { ERROR_CODES } from '../errors.js';
import { checkPartNumber, editDistance, formatPartNumber, parsePartNumber, type PartNumberFields } from './index.js';

describe('normalisation', () => {
  it('accepts case and surrounding spaces, nothing else', () => {
    expect(checkPartNumber('  axe540127d\t').partNumber).toBe('AXE540127D');
    expect(checkPartNumber('AXE 540127').status).toBe('invalid');
    expect(checkPartNumber('AXE-540127').errors[0]!.code).toBe('BAD_CHARACTERS');
  });
});

describe('nonstandard: well formed but not listed', () => {
  it.each([
    ['AXE634224', 'a 34-pin 1.0 mm header (only 0.8 mm exists at 34)'],
    ['AXE554127D', 'a 54-pin socket on 4 mm tape (4 mm table stops listing 54)'],
    ['AXE570127D', '70 pins on 4 mm tape'],
    ['AXE640224D', 'a 1.0 mm header on 4 mm tape'],
    ['AXE518127', '18 pins'],
    ['AXE5E1826', 'an 18-pin inspection socket'],
  ])('%s is nonstandard (%s), with suggestions', (pn) => {
    const c = checkPartNumber(pn);
    expect(c.status).toBe('nonstandard');
    expect(c.partNumber).toBe(pn);
    expect(c.errors.map((e) => e.code)).toEqual(['NOT_LISTED']);
    expect(c.suggestions.length).toBeGreaterThan(0);
    for (const s of c.suggestions) expect(checkPartNumber(s).status).toBe('standard');
  });
  it('suggests the same pins on the other tape or height first', () => {
    expect(checkPartNumber('AXE554127D').suggestions[0]).toBe('AXE554127');
    expect(checkPartNumber('AXE634224').suggestions[0]).toBe('AXE634124');
  });
});

describe('invalid: a reason code for each way to be wrong', () => {
  it.each([
    ['', 'EMPTY'],
    ['   ', 'EMPTY'],
    ['X'.repeat(41), 'TOO_LONG'],
    ['AXE54012€', 'BAD_CHARACTERS'],
    ['AXE540127\u0000', 'BAD_CHARACTERS'],
    ['AXT540127', 'BAD_PREFIX'],
    ['AXE740127', 'BAD_ROLE'],
    ['AXE5AB127', 'BAD_PINS'],
    ['AXE541127', 'PINS_ODD'],
    ['AXE508127', 'PINS_OUT_OF_RANGE'],
    ['AXE590127', 'PINS_OUT_OF_RANGE'],
    ['AXE540224', 'BAD_VARIANT'],
    ['AXE640127', 'BAD_VARIANT'],
    ['AXE640324', 'BAD_VARIANT'],
    ['AXE540127X', 'BAD_SUFFIX'],
    ['AXE540127DD', 'BAD_SUFFIX'],
    ['AXE5E**26', 'INSPECTION_PINS_MISSING'],
    ['AXE5E4026D', 'INSPECTION_FORM'],
  ])('%j → %s', (input, code) => {
    const c = checkPartNumber(input);
    expect(c.status).toBe('invalid');
    expect(c.partNumber).toBeNull();
    expect(c.errors[0]!.code).toBe(code);
    expect(c.errors[0]!.message.length).toBeGreaterThan(10);
    expect(ERROR_CODES).toHaveProperty(code);
  });
  it('suggests the nearest standard numbers for typos', () => {
    expect(checkPartNumber('AXE54O127').suggestions).toContain('AXE540127'); // letter O for zero
    expect(checkPartNumber('AXE540172').suggestions[0]).toBe('AXE540127');
    expect(checkPartNumber('AXE5E4O26').suggestions).toContain('AXE5E4026');
    expect(checkPartNumber('completely different').suggestions).toEqual([]);
  });
});

describe('format is the inverse of parse', () => {
  it('for every catalog part', () => {
    for (const p of catalogParts) {
      const parsed = parsePartNumber(p.partNumber);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(formatPartNumber(parsed.fields)).toBe(p.partNumber);
    }
  });
  it('for every well-formed field combination (property)', () => {
    const fields = fc
      .record({
        role: fc.constantFrom('socket' as const, 'header' as const),
        pins: fc.integer({ min: 5, max: 40 }).map((n) => n * 2),
        inspection: fc.boolean(),
        height: fc.constantFrom(0.8 as const, 1.0 as const),
        packaging: fc.constantFrom('8mm-pitch' as const, '4mm-pitch' as const),
      })
      .map(
        ({ role, pins, inspection, height, packaging }): PartNumberFields => ({
          role,
          pins,
          inspection,
          matedHeightMm: role === 'header' && !inspection ? height : null,
          packaging: inspection ? null : packaging,
        }),
      );
    fc.assert(
      fc.property(fields, (f) => {
        const pn = formatPartNumber(f);
        const parsed = parsePartNumber(pn);
        expect(parsed).toEqual({ ok: true, partNumber: pn, fields: f });
        expect(checkPartNumber(pn.toLowerCase()).status).not.toBe('invalid');
      }),
      { numRuns: 2000 },
    );
  });
});

/**
 * Runs of the one-million-string property: A4S_PROPERTY_RUNS=20000 shortens it for local work; unset,
 * and always in CI (CI set), the full million. A value that is not a whole number ≥ 1 is refused.
 */
function propertyRuns(env: { readonly A4S_PROPERTY_RUNS?: string; readonly CI?: string }): number {
  const FULL = 1_000_000;
  if (env.CI || env.A4S_PROPERTY_RUNS === undefined || env.A4S_PROPERTY_RUNS === '') return FULL;
  const n = Number(env.A4S_PROPERTY_RUNS);
  if (!Number.isInteger(n) || n < 1) throw new Error(`A4S_PROPERTY_RUNS=${env.A4S_PROPERTY_RUNS}: give a whole number of runs, 1 or more.`);
  return n;
}
const RUNS = propertyRuns(process.env);

describe('propertyRuns (A4S_PROPERTY_RUNS)', () => {
  it('is the full million by default and in CI, the given count otherwise; refuses nonsense', () => {
    expect(propertyRuns({})).toBe(1_000_000);
    expect(propertyRuns({ A4S_PROPERTY_RUNS: '20000' })).toBe(20_000);
    expect(propertyRuns({ A4S_PROPERTY_RUNS: '20000', CI: 'true' })).toBe(1_000_000);
    expect(() => propertyRuns({ A4S_PROPERTY_RUNS: 'many' })).toThrow(/A4S_PROPERTY_RUNS/);
    expect(() => propertyRuns({ A4S_PROPERTY_RUNS: '0' })).toThrow(/A4S_PROPERTY_RUNS/);
  });
});

describe(`never throws, always a status (property, ${RUNS === 1_000_000 ? 'one million' : RUNS.toLocaleString('en')} strings)`, () => {
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
  it(`${RUNS.toLocaleString('en')} random and mutated strings`, () => {
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
      { numRuns: RUNS },
    );
    expect(seen).toBe(RUNS);
  }, 300_000);
});

describe('editDistance', () => {
  it('is the Levenshtein distance and stops early past its limit', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('AXE540127', 'AXE540127')).toBe(0);
    expect(editDistance('AAAAAAAAA', 'BBBBBBBBB', 2)).toBe(3);
  });
});

describe('renamed: the sockets of the 2013-03 catalog (AXE5nn124), today AXE5nn127', () => {
  // Typed from data/source/A4S-reference.md ("Old part numbers"), not from the code.
  const sockets = catalogParts.filter((p) => p.role === 'socket' && !p.inspection && p.packaging === '8mm-pitch');
  it("every listed socket under its old number: a warning with today's number, fields and catalog record", () => {
    expect(sockets.length).toBe(16);
    for (const current of sockets) {
      const old = current.partNumber.replace(/127$/, '124');
      const c = checkPartNumber(old.toLowerCase());
      expect(c.status, old).toBe('renamed');
      expect(c.partNumber).toBe(current.partNumber);
      expect(c.renamedFrom).toBe(old);
      expect(c.catalogPart).toBe(current);
      expect(c.fields).toMatchObject({ role: 'socket', pins: current.pins, matedHeightMm: null, inspection: false });
      expect(c.errors.map((e) => e.code)).toEqual(['PART_RENAMED']);
      expect(c.errors[0]!.message).toContain(`renamed: today ${current.partNumber}`);
      expect(c.errors[0]!.message).toContain('2013-03');
      expect(c.suggestions).toEqual([current.partNumber]);
    }
    expect(checkPartNumber('AXE534124')).toMatchObject({ status: 'renamed', partNumber: 'AXE534127' });
  });
  it("AXE6nn124 is a current header, never renamed; today's numbers carry no renaming", () => {
    for (const p of catalogParts) {
      const c = checkPartNumber(p.partNumber);
      expect(c.status, p.partNumber).toBe('standard');
      expect(c.renamedFrom).toBeNull();
    }
    expect(checkPartNumber('AXE634124')).toMatchObject({ status: 'standard', partNumber: 'AXE634124', renamedFrom: null });
  });
  it('only the old form is renamed: with D (4 mm tape came later), an unlisted pin count, or another code it stays invalid', () => {
    for (const pn of ['AXE534124D', 'AXE518124', 'AXE534224', 'AXE534125']) {
      const c = checkPartNumber(pn);
      expect(c.status, pn).toBe('invalid');
      expect(c.errors[0]!.code, pn).toBe('BAD_VARIANT');
    }
    expect(checkPartNumber('AXE534124D').errors[0]!.message).toMatch(
      /124 was the sockets' ending in the 2013-03 catalog, today 127; the D suffix came only later/,
    );
  });
  it("property: an old number and today's one name the same part (same fields and catalog record)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...sockets), fc.boolean(), (current, lower) => {
        const old = current.partNumber.replace(/127$/, '124');
        const a = checkPartNumber(lower ? old.toLowerCase() : ` ${old} `);
        const b = checkPartNumber(current.partNumber);
        return a.status === 'renamed' && b.status === 'standard' && a.catalogPart === b.catalogPart && JSON.stringify(a.fields) === JSON.stringify(b.fields);
      }),
    );
  });
});
