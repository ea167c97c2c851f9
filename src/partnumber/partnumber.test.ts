import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogParts } from '../catalog/index.js';
import { ERROR_CODES } from '../errors.js';
import { checkPartNumber, editDistance, formatPartNumber, parsePartNumber } from './index.js';
import { neverThrowsProperty, propertyRuns } from '../../test/support/partnumber-property.js';

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
  // The property over every well-formed field combination runs for both editions in edition.test.ts.
});

// The never-throws property over random and mutated strings: 20,000 here (the unit tier), the full
// million in the tools tier (test/tools/partnumber-property.test.ts; `npm run test:tools` sets
// A4S_PROPERTY_RUNS=1000000). The property itself: test/support/partnumber-property.ts.
describe('propertyRuns (A4S_PROPERTY_RUNS)', () => {
  it('is 20,000 by default, the given count otherwise; refuses nonsense', () => {
    expect(propertyRuns({})).toBe(20_000);
    expect(propertyRuns({ A4S_PROPERTY_RUNS: '' })).toBe(20_000);
    expect(propertyRuns({ A4S_PROPERTY_RUNS: '1000000' })).toBe(1_000_000);
    expect(() => propertyRuns({ A4S_PROPERTY_RUNS: 'many' })).toThrow(/A4S_PROPERTY_RUNS/);
    expect(() => propertyRuns({ A4S_PROPERTY_RUNS: '0' })).toThrow(/A4S_PROPERTY_RUNS/);
    expect(() => propertyRuns({ A4S_PROPERTY_RUNS: '2.5' })).toThrow(/A4S_PROPERTY_RUNS/);
  });
});

neverThrowsProperty(propertyRuns(process.env));

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

describe('partNumberInText: the one matcher for netlist values and fields', () => {
  it('finds a standard-form number as a whole word, upper-cased, and nothing else', async () => {
    const { partNumberInText } = await import('./index.js');
    expect(partNumberInText('Conn axe540127d (Panasonic)')).toBe('AXE540127D');
    expect(partNumberInText('mates AXE6E4026')).toBe('AXE6E4026');
    expect(partNumberInText('XAXE540127')).toBeNull();
    expect(partNumberInText('AXE5401270')).toBeNull();
    expect(partNumberInText('AXE540128')).toBeNull();
    expect(partNumberInText('')).toBeNull();
  });
});
