import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

describe('--json (model, drawing)', () => {
  it('drawing --json: part, status, format, file name, size, the numbers with provenance, checks, content', async () => {
    const r = await cli(['drawing', 'axe540127', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ partNumber: 'AXE540127', status: 'standard', format: 'svg', fileName: 'AXE540127.svg', warnings: [] });
    expect(j.content.startsWith('<?xml')).toBe(true);
    expect(j.bytes).toBe(Buffer.byteLength(j.content));
    // Catalog, 40-pin socket: A = 10.50 mm.
    expect(j.numbers).toContainEqual(expect.objectContaining({ name: 'A  body length', value: '10.50', provenance: 'catalog' }));
    expect(j.checksBeforeFabrication.length).toBeGreaterThan(0);
    const file = join(root, 'j.svg');
    const w = await cli(['drawing', 'AXE540127', '--json', '-o', file]);
    const jw = JSON.parse(w.stdout);
    expect(jw.content).toBeUndefined();
    expect(jw.writtenTo).toBe(file);
    expect(readFileSync(file).byteLength).toBe(jw.bytes);
    expect(w.stderr).toBe('');
  });

  it('model --json: STEP and VRML, -o, --mated-with; provenance and checks', async () => {
    const r = await cli(['model', 'AXE540127', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ partNumber: 'AXE540127', status: 'standard', format: 'step', fileName: 'Panasonic_A4S_AXE540127_2x20_P0.4mm_Socket.step' });
    expect(j.content.startsWith('ISO-10303-21;')).toBe(true);
    expect(j.bytes).toBe(Buffer.byteLength(j.content));
    expect(j.provenance.some((p: string) => p.startsWith('Body length 10.5 mm: catalog'))).toBe(true);
    const file = join(root, 'j.wrl');
    const w = JSON.parse((await cli(['model', 'AXE640224', '--format', 'wrl', '--json', '-o', file])).stdout);
    expect(w).toMatchObject({ format: 'wrl', writtenTo: file });
    expect(readFileSync(file).byteLength).toBe(w.bytes);
    const pair = JSON.parse((await cli(['model', 'AXE540127', '--mated-with', 'AXE640124', '--json'])).stdout);
    expect(pair).toMatchObject({ partNumber: 'AXE540127', matedWith: 'AXE640124', format: 'step' });
    expect(pair.checksBeforeFabrication.some((c: string) => c.startsWith('Header: '))).toBe(true);
  });

  it('errors are JSON on stderr with their code; nonstandard parts are flagged in the JSON', async () => {
    const bad = await cli(['drawing', 'AXE5401', '--json']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(JSON.parse(bad.stderr).error.code).toBe('BAD_VARIANT');
    const fmt = await cli(['model', 'AXE540127', '--format', 'obj', '--json']);
    expect(fmt.code).toBe(2);
    expect(JSON.parse(fmt.stderr).error.code).toBe('BAD_OPTION');
    const odd = await cli(['model', 'AXE518127', '--json']);
    expect(odd.code).toBe(1);
    const j = JSON.parse(odd.stdout);
    expect(j.status).toBe('nonstandard');
    expect(j.warnings[0].code).toBe('NOT_LISTED');
  });
});

describe('--overrides (model, drawing)', () => {
  const defaultStep = async (pn: string) => (await cli(['model', pn])).stdout;

  it('model: the feet follow the overridden pads; the file says so; a section for the other role leaves it unchanged', async () => {
    const flat = join(root, 'flat.json');
    writeFileSync(flat, '{"signalPadLengthMm": 0.7}');
    const r = await cli(['model', 'AXE540127', '--format', 'wrl', '--overrides', flat, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.content).toContain('Land-pattern overrides (provenance override, override: user file flat.json): signalPadLengthMm = 0.7 mm');
    expect(j.provenance.some((p: string) => p.includes('signalPadLengthMm = 0.7 mm'))).toBe(true);
    // Pin 1's tail is its pad less 0.05 mm beyond the body's edge (y 1.25): the 0.7 mm pad spans
    // y 0.85 … 1.55, so the tail runs 1.25 … 1.5 = 0.25 mm (0.3 mm with the default 0.8 mm pad).
    const points = /point \[ ([^\]]*) \]/.exec(j.content.split('DEF S_pin_1 Shape')[1])![1]!;
    const ys = points.split(', ').map((p: string) => Number(p.split(' ')[1]));
    expect((Math.max(...ys) - Math.min(...ys)) * 2.54).toBeCloseTo(0.25, 6);
    const headerOnly = join(root, 'header-only.yaml');
    writeFileSync(headerOnly, 'header:\n  signalPadLengthMm: 0.7\n');
    expect((await cli(['model', 'AXE540127', '--overrides', headerOnly])).stdout).toBe(await defaultStep('AXE540127'));
    expect((await cli(['model', 'AXE640124', '--overrides', headerOnly])).stdout).not.toBe(await defaultStep('AXE640124'));
  });

  it('model: overrides that leave no solid shape are MODEL_SHAPE_INVALID (exit 2); bad files KICAD_BAD_OVERRIDES', async () => {
    const narrow = join(root, 'narrow.json');
    writeFileSync(narrow, '{"socket": {"bodyWidthMm": 1.5}}'); // the header (2.0 mm wide) no longer fits the socket
    const r = await cli(['model', 'AXE540127', '--overrides', narrow, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr).error.code).toBe('MODEL_SHAPE_INVALID');
    const mixed = join(root, 'mixed.json');
    writeFileSync(mixed, '{"socket": {"bodyWidthMm": 3}, "maskExpansionMm": 0.05}');
    const m = await cli(['drawing', 'AXE540127', '--overrides', mixed]);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('error [KICAD_BAD_OVERRIDES]');
    const overlap = join(root, 'overlap.json');
    writeFileSync(overlap, '{"signalPadWidthMm": 0.45}'); // wider than the 0.4 mm pitch
    const o = await cli(['model', 'AXE640124', '--overrides', overlap]);
    expect(o.code).toBe(2);
    expect(o.stderr).toContain('error [LAND_PATTERN_INVALID]');
  });

  it('drawing: overridden numbers in the override colour, named under the title and in the legend', async () => {
    const file = join(root, 'drawing-ov.yaml');
    writeFileSync(file, 'socket:\n  signalPadLengthMm: 0.7\n');
    const r = await cli(['drawing', 'AXE540127', '--overrides', file, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.numbers).toContainEqual(
      expect.objectContaining({ name: 'Signal pad (x × y)', value: '0.23 × 0.70', provenance: 'override', source: 'override: user file drawing-ov.yaml' }),
    );
    expect(j.content).toContain('Land-pattern overrides (override: user file drawing-ov.yaml): signalPadLengthMm');
    expect(j.content).toContain('>override (your land-pattern parameters)<');
    expect(j.content).toContain('fill="#8b1fa9">override<');
    const plain = await cli(['drawing', 'AXE540127']);
    expect(plain.stdout).not.toContain('override');
  });
});
