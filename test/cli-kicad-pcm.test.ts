/** `a4s kicad-pcm`: the package file, byte-identical on a second run, its SHA-256 as printed; typed errors. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'a4s-cli-pcm-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a4s kicad-pcm', () => {
  it('writes the package, the same bytes twice; --json gives the size and SHA-256 a repository needs', async () => {
    const r1 = await cli(['kicad-pcm', 'a.zip', '--json'], '', { cwd: root });
    expect(r1.code, r1.stderr).toBe(0);
    const r2 = await cli(['kicad-pcm', 'b.zip'], '', { cwd: root });
    expect(r2.code, r2.stderr).toBe(0);
    const a = readFileSync(join(root, 'a.zip'));
    expect(Buffer.compare(a, readFileSync(join(root, 'b.zip')))).toBe(0);
    const summary = JSON.parse(r1.stdout) as { bytes: number; sha256: string; libraryNickname: string; entries: string[] };
    expect(summary.bytes).toBe(a.byteLength);
    expect(summary.sha256).toBe(createHash('sha256').update(a).digest('hex'));
    expect(summary.libraryNickname).toBe('PCM_Panasonic_A4S');
    expect(Object.keys(unzipSync(a)).sort()).toEqual([...summary.entries].sort());
    expect(r2.stdout).toContain('Install from File');
  }, 120_000);

  it('bad overrides: a typed error, exit 2, nothing written; a link at the target is refused', async () => {
    writeFileSync(join(root, 'bad.json'), JSON.stringify({ signalPadWidthMm: -1 }));
    const bad = await cli(['kicad-pcm', 'c.zip', '--overrides', 'bad.json'], '', { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/KICAD_BAD_OVERRIDES|LAND_PATTERN_INVALID/);
    expect(() => readFileSync(join(root, 'c.zip'))).toThrow();
    symlinkSync(join(root, 'elsewhere.zip'), join(root, 'link.zip'));
    const link = await cli(['kicad-pcm', 'link.zip'], '', { cwd: root });
    expect(link.code).toBe(2);
    expect(link.stderr).toContain('OUTPUT_WRITE_FAILED');
    expect(() => readFileSync(join(root, 'elsewhere.zip'))).toThrow();
  }, 120_000);
});
