import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'a4s-cli-model-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a4s model', () => {
  it('prints STEP by default', async () => {
    const r = await cli(['model', 'AXE540127']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('ISO-10303-21;')).toBe(true);
    expect(r.stdout).toContain("FILE_NAME('Panasonic_A4S_AXE540127_2x20_P0.4mm_Socket.step'");
  });

  it('writes VRML to -o', async () => {
    const file = join(root, 'h.wrl');
    const r = await cli(['model', 'AXE640224', '--format', 'wrl', '-o', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('wrote');
    expect(readFileSync(file, 'utf8').startsWith('#VRML V2.0 utf8')).toBe(true);
  });

  it('writes the mated pair with --mated-with', async () => {
    const r = await cli(['model', 'AXE540127', '--mated-with', 'AXE640124']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("MANIFOLD_SOLID_BREP('header body'");
    const wrong = await cli(['model', 'AXE540127', '--mated-with', 'AXE630124']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('error [PAIR_PINS]');
  });

  it('rejects a bad format (2) and a bad part number (1, with suggestions)', async () => {
    const fmt = await cli(['model', 'AXE540127', '--format', 'obj']);
    expect(fmt.code).toBe(2);
    expect(fmt.stderr).toContain('error [BAD_OPTION]');
    const pn = await cli(['model', 'AXE540128']);
    expect(pn.code).toBe(1);
    expect(pn.stderr).toMatch(/^error \[BAD_VARIANT\]/);
    expect(pn.stdout).toBe('');
  });

  it('writes a nonstandard pin count but warns and exits 1', async () => {
    const r = await cli(['model', 'AXE518127']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('warning [NOT_LISTED]');
    expect(r.stdout.startsWith('ISO-10303-21;')).toBe(true);
  });

  it('reports a file it cannot write', async () => {
    const r = await cli(['model', 'AXE540127', '-o', join(root, 'no', 'such', 'dir', 'x.step')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error [OUTPUT_WRITE_FAILED]');
  });
});

describe('a4s drawing', () => {
  it('prints the SVG, or writes it with -o', async () => {
    const r = await cli(['drawing', 'AXE640124D']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(r.stdout).toContain('A 9.80');
    const file = join(root, 'd.svg');
    const w = await cli(['drawing', 'AXE5E4026', '-o', file]);
    expect(w.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('A 10.50');
  });

  it('rejects an invalid part number', async () => {
    const r = await cli(['drawing', 'XYZ']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error \[/);
  });
});
