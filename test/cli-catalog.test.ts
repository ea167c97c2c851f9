import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';
import { decodeStreamTest } from './support/decode-stream.js';

describe('a4s decode', () => {
  it('prints the JSON contract, one object per input, exit 0 when all are standard', async () => {
    const r = await cli(['decode', '--json', 'AXE540127', ' axe640224 ']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(2);
    for (const key of [
      'input',
      'partNumber',
      'status',
      'role',
      'pins',
      'inspection',
      'matingCycles',
      'matedHeightsMm',
      'packaging',
      'dimensionsMm',
      'errors',
      'suggestions',
    ]) {
      expect(out[0]).toHaveProperty(key);
    }
    expect(out[1]).toMatchObject({ input: ' axe640224 ', partNumber: 'AXE640224', status: 'standard', role: 'header', pins: 40, matedHeightsMm: [1.0] });
    expect(Object.keys(out[0].packaging).sort()).toEqual(['id', 'piecesPerOuterCarton', 'piecesPerReel', 'tapePitchMm', 'tapeType', 'tapeWidthMm'].sort());
  });
  it('exit 1 when any input is nonstandard or invalid; human table names the reason', async () => {
    const r = await cli(['decode', 'AXE540127', 'AXE634224', 'garbage']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/AXE634224\s+nonstandard/);
    expect(r.stdout).toMatch(/garbage\s+—\s+invalid/);
    expect(r.stdout).toContain('BAD_PREFIX');
    expect(r.stdout).toContain('try AXE634124');
  });
  it("an old socket number (2013-03 catalog) decodes as renamed to today's part, exit 1; AXE634124 is a current header", async () => {
    const r = await cli(['decode', '--json', 'AXE534124', 'AXE634124']);
    expect(r.code).toBe(1);
    const [old, header] = JSON.parse(r.stdout);
    expect(old).toMatchObject({ input: 'AXE534124', partNumber: 'AXE534127', status: 'renamed', role: 'socket', pins: 34, suggestions: ['AXE534127'] });
    expect(old.errors.map((e: { code: string }) => e.code)).toEqual(['PART_RENAMED']);
    expect(old.errors[0].message).toContain('renamed: today AXE534127');
    expect(old.packaging.piecesPerReel).toBe(5000);
    expect(header).toMatchObject({ partNumber: 'AXE634124', status: 'standard', role: 'header' });
    const table = await cli(['decode', 'AXE534124']);
    expect(table.stdout).toMatch(/AXE534124\s+AXE534127\s+renamed/);
  });
  it("today's number before the old one in one run: the old one is still renamed (the description cache is keyed by the number as read)", async () => {
    const r = await cli(['decode', '--json', 'AXE534127', 'AXE534124']);
    expect(r.code).toBe(1);
    const [today, old] = JSON.parse(r.stdout);
    expect(today).toMatchObject({ input: 'AXE534127', partNumber: 'AXE534127', status: 'standard', errors: [] });
    expect(old).toMatchObject({ input: 'AXE534124', partNumber: 'AXE534127', status: 'renamed', suggestions: ['AXE534127'] });
    expect(old.errors.map((e: { code: string }) => e.code)).toEqual(['PART_RENAMED']);
  });
  it('reads part numbers from stdin with "-", skipping blank lines', async () => {
    const r = await cli(['decode', '--json', '-'], 'AXE540127\r\n\nAXE5E4026\nAXE999\n');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.map((d: { status: string }) => d.status)).toEqual(['standard', 'standard', 'invalid']);
  });
  it('empty stdin gives an empty JSON array', async () => {
    const r = await cli(['decode', '--json', '-'], '');
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.code).toBe(0);
  });
  it('"-" mixed with part numbers is a usage error', async () => {
    const r = await cli(['decode', '-', 'AXE640124']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('BAD_OPTION');
  });
  it('a huge line is cut, reported TOO_LONG with its length, and not echoed whole', async () => {
    const huge = 'X'.repeat(3_000_000);
    const r = await cli(['decode', '--json', '-'], `AXE540127\n${huge}\nAXE640124\n`);
    const out = JSON.parse(r.stdout);
    expect(out.map((d: { status: string }) => d.status)).toEqual(['standard', 'invalid', 'standard']);
    expect(out[1].errors[0].code).toBe('TOO_LONG');
    expect(out[1].errors[0].message).toContain('3000000 characters');
    expect(r.stdout.length).toBeLessThan(10_000);
  });
  it('terminal control characters in the input are escaped in the human table', async () => {
    const r = await cli(['decode', '-'], '\u001b]0;pwned\u0007\n');
    expect(r.stdout).not.toMatch(/[\u0000-\u001f\u007f-\u009f](?<!\n)/u);
    expect(r.stdout).toContain('\\x1B]0;pwned\\x07');
  });
  it('usage errors exit 2', async () => {
    expect((await cli(['decode'])).code).toBe(2);
    expect((await cli(['decode', '--bogus', 'AXE540127'])).code).toBe(2);
    expect((await cli(['nonsense'])).code).toBe(2);
  });
  it('--help works on every command and exits 0', async () => {
    for (const command of ['decode', 'parts', 'mate', 'dims', 'spec', 'explain']) {
      const r = await cli([command, '--help']);
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toContain('--json');
    }
  });
});

describe('a4s parts', () => {
  it('lists every standard part by default (58 catalog rows → 74 distinct numbers + 32 inspection)', async () => {
    const r = await cli(['parts', '--json']);
    const parts = JSON.parse(r.stdout);
    // 8 mm: 16 sockets, 16 + 13 headers; 4 mm: 13 sockets, 13 headers; inspection: 16 × 2.
    expect(parts).toHaveLength(16 + 29 + 13 + 13 + 32);
    expect(new Set(parts.map((p: { partNumber: string }) => p.partNumber)).size).toBe(parts.length);
  });
  it('"at least N signals" picks the smallest standard count that fits the other filters', async () => {
    const r = await cli(['parts', '--json', '--role', 'header', '--height', '1.0', '--min-signals', '31', '--production']);
    expect(JSON.parse(r.stdout).map((p: { partNumber: string }) => p.partNumber)).toEqual(['AXE640224']);
    const four = await cli(['parts', '--json', '--packaging', '4mm-pitch', '--min-signals', '65']);
    expect(JSON.parse(four.stdout)).toEqual([]); // 4 mm tape stops at 64 pins
  });
  it('filters by height: sockets serve both, 16-pin headers exist at 0.8 only', async () => {
    const r = await cli(['parts', '--json', '--pins', '16', '--height', '1.0']);
    expect(JSON.parse(r.stdout).map((p: { partNumber: string }) => p.partNumber)).toEqual([]);
    const s = await cli(['parts', '--json', '--pins', '16', '--height', '0.8', '--production']);
    expect(JSON.parse(s.stdout).map((p: { partNumber: string }) => p.partNumber)).toEqual(['AXE516127', 'AXE516127D', 'AXE616124', 'AXE616124D']);
  });
  it('rejects bad filter values with exit 2 and a code', async () => {
    const r = await cli(['parts', '--pins', 'many']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error \[\w+\]: .*pins/);
    const j = await cli(['parts', '--height', '0.9', '--json']);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stderr).error.code).toMatch(/\w+/);
  });
});

describe('a4s mate', () => {
  it('socket: headers of both heights at that pin count, plus the inspection header', async () => {
    const r = await cli(['mate', '--json', 'AXE540127D']);
    const out = JSON.parse(r.stdout);
    expect(out.partNumber).toBe('AXE540127D');
    expect(out.partners.map((p: { partNumber: string; matedHeightMm: number | null }) => [p.partNumber, p.matedHeightMm])).toEqual([
      ['AXE640124', 0.8],
      ['AXE640124D', 0.8],
      ['AXE640224', 1.0],
      ['AXE6E4026', null],
    ]);
  });
  it('a 34-pin socket has no 1.0 mm partner (not listed)', async () => {
    const out = JSON.parse((await cli(['mate', '--json', 'AXE534127'])).stdout);
    expect(out.partners.filter((p: { matedHeightMm: number | null }) => p.matedHeightMm === 1.0)).toEqual([]);
  });
  it("header: the sockets, at the header's height", async () => {
    const out = JSON.parse((await cli(['mate', '--json', 'AXE680224'])).stdout);
    expect(
      out.partners
        .filter((p: { inspection: boolean }) => !p.inspection)
        .map((p: { partNumber: string; matedHeightMm: number }) => [p.partNumber, p.matedHeightMm]),
    ).toEqual([['AXE580127', 1.0]]);
  });
  it('invalid input: exit 1, an error with a code', async () => {
    const r = await cli(['mate', 'AXE54']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error \[[A-Z_]+\]/);
  });
});

describe('a4s dims, spec, explain', () => {
  it('dims of a listed part come from the table; of an unlisted pin count from the formula, flagged derived', async () => {
    const listed = JSON.parse((await cli(['dims', '--json', 'AXE654124'])).stdout);
    expect(listed.dimensionsMm).toEqual({ A: 12.6, B: 10.4, C: 12.0 });
    expect(listed.provenance).toBe('catalog');
    const unlisted = await cli(['dims', '--json', 'AXE518127']);
    expect(unlisted.code).toBe(1);
    const u = JSON.parse(unlisted.stdout);
    expect(u.provenance).toBe('derived');
    // Socket table: A grows 0.4 mm per 2 pins from 4.50 at 10 pins → 18 pins: 4.50 + 4 × 0.4 = 6.10.
    expect(u.dimensionsMm.A).toBeCloseTo(6.1, 9);
    expect(u.forces).toMatchObject({ insertionMaxN: 21.6, removalMinN: 2.97 });
  });
  it('inspection parts have no removal minimum: the catalog does not warrant their retention force', async () => {
    const d = JSON.parse((await cli(['dims', '--json', 'AXE5E4026'])).stdout);
    expect(d.forces.removalMinN).toBeNull();
    expect(d.forces.insertionMaxN).toBe(48);
    const e = JSON.parse((await cli(['explain', '--json', 'AXE6E1026'])).stdout);
    expect(e.fields.find((f: { field: string }) => f.field === 'removalForceMinN').value).toBeNull();
  });
  it('an unlisted part: its pairings are inferred, and no reel quantity is carried over', async () => {
    const m = JSON.parse((await cli(['mate', '--json', 'AXE616224'])).stdout);
    expect(m.partners.length).toBeGreaterThan(0);
    expect(m.partners.every((p: { basis: string }) => p.basis === 'inferred')).toBe(true);
    const d = JSON.parse((await cli(['decode', '--json', 'AXE634224'])).stdout)[0];
    expect(d.packaging).toMatchObject({ tapePitchMm: 8, piecesPerReel: null, piecesPerOuterCarton: null, tapeType: 'I', tapeWidthMm: 24 });
    const e = JSON.parse((await cli(['explain', '--json', 'AXE634224'])).stdout);
    const by = (name: string) => e.fields.find((f: { field: string }) => f.field === name);
    expect(by('matedHeightsMm').provenance).toBe('inferred');
    expect(by('packaging.tapePitchMm').provenance).toBe('inferred');
  });
  it('spec prints the characteristics and finds an item', async () => {
    const all = await cli(['spec']);
    expect(all.stdout).toContain('0.3 A/pin contact');
    expect(all.stdout).toMatch(/insertion-removal-life.*Lifetime characteristics/);
    const insp = await cli(['spec', 'inspection']);
    expect(insp.stdout).toMatch(/mating cycles\s+3000/);
    expect(() => JSON.parse(insp.stdout)).toThrow();
    const one = JSON.parse((await cli(['spec', 'rated-voltage', '--json'])).stdout);
    expect(one.characteristics[0].values[0]).toMatchObject({ value: 60, unit: 'V' });
    const missing = await cli(['spec', 'warp-drive']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('UNKNOWN_SPEC_ITEM');
  });
  it('explain gives every field with provenance and source', async () => {
    const out = JSON.parse((await cli(['explain', '--json', 'AXE634224'])).stdout);
    const fields = Object.fromEntries(out.fields.map((f: { field: string }) => [f.field, f]));
    expect(fields['dimensionsMm.A'].provenance).toBe('derived');
    expect(fields['dimensionsMm.A'].source).toMatch(/A = 0\.2 mm × pins \+ 1\.8 mm/);
    expect(fields['packaging.tapeWidthMm'].provenance).toBe('inferred');
    expect(fields['role'].provenance).toBe('inferred');
    for (const f of out.fields) expect(f.source.length).toBeGreaterThan(2);
  });
});

// The full million lines run in the tools tier (test/tools/decode-stream.test.ts).
decodeStreamTest(250_000, 'a quarter million lines');

describe('a4s parts: contradictory filters', () => {
  it('--inspection with --production is a usage error, not a silent choice', async () => {
    const r = await cli(['parts', '--inspection', '--production']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/BAD_OPTION.*exclude each other/);
  });
});

describe('a4s with no command', () => {
  it('prints the help and exits 2 (usage); `a4s help` and `--help` exit 0', async () => {
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.stderr + none.stdout).toContain('Usage: a4s');
    expect((await cli(['help'])).code).toBe(0);
    expect((await cli(['--help'])).code).toBe(0);
    expect((await cli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
