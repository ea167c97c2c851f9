import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { easyedaLibrary } from '../src/formats/index.js';
import { footprintFamilies } from '../src/geometry/index.js';
import { cli } from './run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'a4s-cli-easyeda-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a4s easyeda-lib', () => {
  it('writes the .elibz (the same bytes as the library function) and says how many footprints', async () => {
    const path = join(root, 'Panasonic_A4S.elibz');
    const r = await cli(['easyeda-lib', path, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ footprints: footprintFamilies.length, bytes: easyedaLibrary().byteLength });
    expect(Buffer.from(readFileSync(path)).equals(Buffer.from(easyedaLibrary()))).toBe(true);
    const plain = await cli(['easyeda-lib', path]);
    expect(plain.stdout).toMatch(
      new RegExp(`: ${footprintFamilies.length} footprints, ${footprintFamilies.length} symbols, \\d+ devices \\(EasyEDA Pro library`),
    );
  });

  it('"-" writes the zip to standard output', async () => {
    const r = await cli(['easyeda-lib', '-']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('PK\u0003\u0004')).toBe(true);
  });

  it('exit 2 with OUTPUT_WRITE_FAILED when it cannot write, and a link is refused (its target untouched)', async () => {
    const bad = await cli(['easyeda-lib', join(root, 'no-such-dir', 'x.elibz')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/OUTPUT_WRITE_FAILED/);
    const dir = join(root, 'links');
    mkdirSync(dir);
    writeFileSync(join(dir, 'victim.txt'), 'keep');
    symlinkSync('victim.txt', join(dir, 'out.elibz'));
    const link = await cli(['easyeda-lib', join(dir, 'out.elibz')]);
    expect(link.code).toBe(2);
    expect(link.stderr).toMatch(/OUTPUT_WRITE_FAILED/);
    expect(link.stderr).toMatch(/link/i);
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('keep');
  });
});
