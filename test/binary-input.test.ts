/**
 * Issue 20, items 4 and 8: every text reader (BOM, pin map, net map, netlist, footprint) refuses
 * input that is not text with INPUT_NOT_TEXT and exit 2 (a PDF given to `a4s bom` was read as an
 * empty BOM, exit 0); the net map reads UTF-16 with its byte-order mark, as the BOM does.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBomText, parseKicadNetlist, parseNetMapCsv, parsePinMapText } from '../src/checks/index.js';
import { notTextReason } from '../src/text.js';
import { verifyFootprint } from '../src/verify/index.js';
import { cli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'a4s-binary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MATING = join(import.meta.dirname, 'fixtures', 'kicad', 'mating');

/** Small files of the kinds people give a text reader by mistake, written here (bytes as such files start). */
const BINARIES: Record<string, Buffer> = {
  pdf: Buffer.concat([Buffer.from('%PDF-1.7\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]), Buffer.from('\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')]),
  xlsx: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), Buffer.from('[Content_Types].xml part,qty AXE540127')]),
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
  nul: Buffer.from('pn,qty\nAXE540127,1\0\0\0\n'),
  random: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251)),
  utf16NoMark: Buffer.from('board,mate\nGND,GND\n', 'utf16le'),
};
const file = (name: string) => {
  const path = join(dir, `${name}.bin`);
  writeFileSync(path, BINARIES[name]!);
  return path;
};

describe('the core: one sniffing function (src/text.ts)', () => {
  it.each(Object.keys(BINARIES))('%s is not text', (name) => {
    expect(notTextReason(BINARIES[name]!.toString('utf8'))).not.toBeNull();
  });

  it('text is text: CSV, YAML, a KiCad file, accented names, a few undecodable bytes of a Latin-1 file', () => {
    expect(notTextReason('pn,qty\nAXE540127,3\n')).toBeNull();
    expect(notTextReason('(kicad_pcb (version 20240108)\n\t(net 1 "GND"))\n')).toBeNull();
    expect(notTextReason(`part: AXE540127\npins:\n  1: { net: Größe_µA }\n${'x'.repeat(500)}\uFFFD\uFFFD\n`)).toBeNull();
  });

  it.each([
    ['checkBomText', (t: string) => checkBomText(t)],
    ['parsePinMapText', (t: string) => parsePinMapText(t, 'csv')],
    ['parseKicadNetlist', (t: string) => parseKicadNetlist(t, 'J1')],
    ['parseNetMapCsv', (t: string) => parseNetMapCsv(t)],
    ['verifyFootprint', (t: string) => verifyFootprint(t)],
  ])('%s refuses a PDF and NUL bytes with INPUT_NOT_TEXT', (_name, read) => {
    for (const kind of ['pdf', 'nul', 'random'])
      expect(read(BINARIES[kind]!.toString('utf8')), kind).toMatchObject({ ok: false, error: { code: 'INPUT_NOT_TEXT' } });
  });
});

describe('the CLI: every text reader, exit 2', () => {
  const readers: [string, (path: string) => string[]][] = [
    ['bom', (p) => ['bom', p]],
    ['check (pin map)', (p) => ['check', p, '--part', 'AXE540127']],
    ['check --netlist', (p) => ['check', '--netlist', p, '--ref', 'J1']],
    [
      'check --net-map',
      (p) => ['check', '--netlist', join(MATING, 'board.net'), '--ref', 'J1', '--mate-netlist', join(MATING, 'fpc.net'), '--mate-ref', 'P1', '--net-map', p],
    ],
    ['verify-footprint', (p) => ['verify-footprint', p]],
  ];
  it.each(readers)('%s: PDF, xlsx, PNG, NUL bytes, random bytes, UTF-16 without its mark → INPUT_NOT_TEXT, exit 2', async (_name, words) => {
    for (const kind of Object.keys(BINARIES)) {
      const r = await cli(words(file(kind)));
      expect(r.code, kind).toBe(2);
      expect(r.stderr, kind).toMatch(/^error \[INPUT_NOT_TEXT\]/);
    }
  });

  it('a PDF given to a4s bom names what it is (it was an empty BOM, exit 0)', async () => {
    const r = await cli(['bom', file('pdf')]);
    expect(r.stderr).toMatch(/PDF/);
  });

  it('the net map in UTF-16 (with its byte-order mark, both byte orders) gives the same check as in UTF-8 (item 8: it was refused)', async () => {
    const words = (map: string) => [
      'check',
      '--netlist',
      join(MATING, 'board.net'),
      '--ref',
      'J1',
      '--mate-netlist',
      join(MATING, 'fpc.net'),
      '--mate-ref',
      'P1',
      '--net-map',
      map,
      '--json',
    ];
    const utf8 = readFileSync(join(MATING, 'net-map.csv'), 'utf8');
    const le = join(dir, 'map-le.csv');
    const be = join(dir, 'map-be.csv');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8, 'utf16le')]));
    writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(utf8, 'utf16le').swap16()]));
    const expected = await cli(words(join(MATING, 'net-map.csv')));
    expect(expected.stderr).toBe('');
    for (const map of [le, be]) {
      const r = await cli(words(map));
      expect(r.stderr, map).toBe('');
      expect(r.code).toBe(expected.code);
      expect(r.stdout).toBe(expected.stdout);
    }
  });
});
