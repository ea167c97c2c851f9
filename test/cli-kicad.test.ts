import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kicadLibraryFiles } from '../src/kicad/index.js';
import { cli } from './run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'a4s-cli-kicad-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every file under a folder with its bytes, by relative path. */
function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

function cliTty(args: string[]) {
  return cli(args, '', { isTTY: true, cwd: root });
}

describe('a4s footprint', () => {
  it('prints the .kicad_mod of a part to stdout', async () => {
    const r = await cli(['footprint', 'AXE540127D']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\(footprint "Panasonic_A4S_AXE540127_2x20_P0\.4mm_Socket"\n  \(version 20240108\)/);
    expect(r.stdout.match(/\(pad "\d+"/g)).toHaveLength(40);
  });

  it('-o writes the file; --overrides (YAML) changes pads and provenance', async () => {
    const overrides = join(root, 'drawing.yaml');
    writeFileSync(overrides, 'signalPadLengthMm: 0.7\nmaskExpansionMm: 0.05\n');
    const out = join(root, 'fp.kicad_mod');
    const r = await cli(['footprint', 'AXE640124', '-o', out, '--overrides', overrides]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Panasonic_A4S_AXE640124_2x20_P0.4mm_Header_Rev2');
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('(pad "1" smd rect (at -3.8 -0.875) (size 0.23 0.7)');
    expect(text).toContain('[override] override: user file drawing.yaml');
  });

  it('bad overrides: unknown name → exit 2 KICAD_BAD_OVERRIDES; unreadable file → KICAD_OVERRIDES_UNREADABLE', async () => {
    const bad = join(root, 'bad.json');
    writeFileSync(bad, '{"padLength": 1}');
    const r1 = await cli(['footprint', 'AXE540127', '--overrides', bad]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain('error [KICAD_BAD_OVERRIDES]');
    expect(r1.stderr).toContain('signalPadLengthMm');
    const r2 = await cli(['footprint', 'AXE540127', '--overrides', join(root, 'missing.yaml')]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('error [KICAD_OVERRIDES_UNREADABLE]');
    writeFileSync(join(root, 'broken.yaml'), 'a: [1,\n');
    const r3 = await cli(['footprint', 'AXE540127', '--overrides', join(root, 'broken.yaml')]);
    expect(r3.stderr).toContain('error [KICAD_OVERRIDES_UNREADABLE]');
  });

  it('invalid part number → its code and suggestions, exit 1; unlisted → footprint, warning, exit 1', async () => {
    const r = await cli(['footprint', 'AXE540128']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error \[BAD_VARIANT\]/);
    const j = await cli(['footprint', 'AXE540128', '--json']);
    expect(JSON.parse(j.stderr).error.code).toBe('BAD_VARIANT');
    const u = await cli(['footprint', 'AXE526127', '--json']);
    expect(u.code).toBe(1);
    expect(u.stderr).toContain('warning [NOT_LISTED]');
    expect(JSON.parse(u.stdout)).toMatchObject({ partNumber: 'AXE526127', status: 'nonstandard', name: 'Panasonic_A4S_AXE526127_2x13_P0.4mm_Socket' });
  });
});

describe('a4s symbol', () => {
  it('prints a one-symbol library with MPN = the part number', async () => {
    const r = await cli(['symbol', 'AXE6E4026']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\(kicad_symbol_lib\n  \(version 20231120\)/);
    expect(r.stdout).toContain('(property "MPN" "AXE6E4026"');
    expect(r.stdout).toContain('(number "MP"');
    const bad = await cli(['symbol', 'XYZ']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('error [');
  });
});

describe('a4s kicad-lib', () => {
  it('writes the whole library; a second run with --force is byte-identical', async () => {
    const a = join(root, 'lib-a');
    const r1 = await cli(['kicad-lib', a]);
    expect(r1.code).toBe(0);
    expect(r1.stdout).toMatch(/Wrote \d+ files .*45 footprints, 1 symbol library, 90 3D model files/);
    const first = tree(a);
    expect([...first.keys()].filter((p) => p.endsWith('.kicad_mod'))).toHaveLength(45);
    expect(first.has('Panasonic_A4S.kicad_sym')).toBe(true);
    expect(first.has('Panasonic_A4S.3dshapes/Panasonic_A4S_AXE540127_2x20_P0.4mm_Socket.step')).toBe(true);
    for (const f of ['fp-lib-table', 'sym-lib-table', 'README.md']) expect(first.has(f)).toBe(true);
    const r2 = await cli(['kicad-lib', a, '--force']);
    expect(r2.code).toBe(0);
    const second = tree(a);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [p, bytes] of first) expect(bytes.equals(second.get(p)!), p).toBe(true);
  });

  it('refuses a non-empty folder without --force (exit 2), and a file in place of the folder', async () => {
    const d = join(root, 'busy');
    mkdirSync(d);
    writeFileSync(join(d, 'mine.txt'), 'keep');
    const r = await cli(['kicad-lib', d, '--no-models']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error [KICAD_DIR_NOT_EMPTY]');
    expect(readdirSync(d)).toEqual(['mine.txt']);
    const forced = await cli(['kicad-lib', d, '--no-models', '--force', '--json']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(d, 'mine.txt'), 'utf8')).toBe('keep');
    expect(JSON.parse(forced.stdout).files.some((f: { path: string }) => f.path.endsWith('.step'))).toBe(false);
    const r3 = await cli(['kicad-lib', join(d, 'mine.txt')]);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toContain('error [KICAD_WRITE_FAILED]');
  });

  it('creates missing folders level by level; fails fast where no folder can be made (/proc)', async () => {
    const deep = join(root, 'new', 'deeper', 'lib');
    const ok = await cli(['kicad-lib', deep, '--no-models']);
    expect(ok.code).toBe(0);
    expect(readdirSync(deep)).toContain('fp-lib-table');
    // Node's recursive mkdir loops for minutes in /proc; the command must give up at once.
    const t0 = Date.now();
    const r = await cli(['kicad-lib', '/proc/a4s-no-such/lib', '--no-models']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error [KICAD_WRITE_FAILED]');
    expect(Date.now() - t0).toBeLessThan(3000);
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    const under = await cli(['kicad-lib', join(file, 'lib'), '--no-models', '--json']);
    expect(under.code).toBe(2);
    expect(JSON.parse(under.stderr).error.code).toBe('KICAD_WRITE_FAILED');
  }, 10_000);

  it('--no-models says that the footprints still link the models it did not write (stdout, JSON, README)', async () => {
    const d = join(root, 'no-models');
    const r = await cli(['kicad-lib', d, '--no-models']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No 3D models \(--no-models\): the footprints still link \d+ model files under Panasonic_A4S\.3dshapes\/ that were not written/);
    const readme = readFileSync(join(d, 'README.md'), 'utf8');
    expect(readme).toContain('**No 3D models in this build**');
    expect(readme).toContain('the footprints still link them');
    // Each link of each footprint is listed as missing.
    const j = JSON.parse((await cli(['kicad-lib', d, '--no-models', '--force', '--json'])).stdout);
    expect(j.modelsWritten).toBe(false);
    const linked = [...tree(d).entries()]
      .filter(([p]) => p.endsWith('.kicad_mod'))
      .flatMap(([, b]) =>
        [...b.toString('utf8').matchAll(/\(model "\$\{KIPRJMOD\}\/Panasonic_A4S\.3dshapes\/([^"]+)"/g)].map((m) => `Panasonic_A4S.3dshapes/${m[1]}`),
      );
    expect(linked.length).toBeGreaterThan(0);
    expect(new Set(j.missingModels)).toEqual(new Set(linked));
    const full = await cli(['kicad-lib', join(root, 'with-models'), '--json']);
    expect(JSON.parse(full.stdout)).toMatchObject({ modelsWritten: true, missingModels: [] });
    expect(full.stdout).not.toContain('No 3D models');
  });

  it('--overrides applies to every footprint of the role it names, their 3D models and the README', async () => {
    const file = join(root, 'socket-only.yaml');
    writeFileSync(file, 'socket:\n  signalPadLengthMm: 0.7\n');
    const d = join(root, 'lib-ov');
    const r = await cli(['kicad-lib', d, '--overrides', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Land-pattern overrides (override: user file socket-only.yaml) applied to the sockets');
    const lib = tree(d);
    const plain = new Map(kicadLibraryFiles().map((f) => [f.path, Buffer.from(f.content)]));
    let sockets = 0;
    for (const [path, bytes] of lib) {
      const text = bytes.toString('utf8');
      const isSocket = /_Socket\.(kicad_mod|step|wrl)$/.test(path);
      if (path.endsWith('.kicad_mod') && isSocket) {
        sockets++;
        expect(text, path).toContain('signalPadLengthMm = 0.7 mm [override] override: user file socket-only.yaml');
        expect(text, path).toMatch(/Land pattern provenance: override: signalPadLengthMm;/);
        expect(text, path).toMatch(/\(pad "1" smd rect \(at [-\d.]+ [-\d.]+\) \(size 0\.23 0\.7\)/);
      } else if (isSocket) {
        expect(text, path).toContain('Land-pattern overrides (provenance override, override: user file socket-only.yaml): signalPadLengthMm = 0.7 mm');
      } else if (path !== 'README.md') {
        // Headers, symbols, tables: as in the default build.
        expect(bytes.equals(plain.get(path)!), path).toBe(true);
      }
    }
    expect(sockets).toBe(16);
    const readme = lib.get('README.md')!.toString('utf8');
    expect(readme).toContain('- Sockets: signalPadLengthMm = 0.7 mm.');
    expect(readme).toContain('| signalPadLengthMm | 0.7 mm | override | override: user file socket-only.yaml |');
    expect(readme).not.toContain('- Headers:');
  });

  it('--overrides: the flat form applies to both roles; bad overrides fail before the folder is made', async () => {
    const flat = join(root, 'flat-lib.json');
    writeFileSync(flat, '{"maskExpansionMm": 0.04}');
    const j = await cli(['kicad-lib', join(root, 'lib-flat'), '--no-models', '--overrides', flat, '--json']);
    expect(j.code).toBe(0);
    expect(JSON.parse(j.stdout).overrides).toEqual({
      origin: 'override: user file flat-lib.json',
      socket: { maskExpansionMm: 0.04 },
      header: { maskExpansionMm: 0.04 },
    });
    for (const [path, bytes] of tree(join(root, 'lib-flat')))
      if (path.endsWith('.kicad_mod')) expect(bytes.toString('utf8'), path).toContain('(solder_mask_margin 0.04)');
    const cases: [string, string][] = [
      ['{"socket": {"padLength": 1}}', 'KICAD_BAD_OVERRIDES'],
      ['{"header": {"signalPadWidthMm": 0.45}}', 'LAND_PATTERN_INVALID'],
      ['{"socket": {"bodyWidthMm": 1.5}}', 'MODEL_SHAPE_INVALID'],
    ];
    for (const [content, code] of cases) {
      const file = join(root, `bad-${code}.json`);
      writeFileSync(file, content);
      const dir = join(root, `never-${code}`);
      const r = await cli(['kicad-lib', dir, '--overrides', file, '--json']);
      expect(r.code, code).toBe(2);
      expect(JSON.parse(r.stderr).error.code).toBe(code);
      expect(() => statSync(dir)).toThrow();
    }
    // Without models, a body too narrow for a 3D model still gives footprints.
    const noModels = await cli(['kicad-lib', join(root, 'lib-narrow'), '--no-models', '--overrides', join(root, 'bad-MODEL_SHAPE_INVALID.json')]);
    expect(noModels.code).toBe(0);
  });

  it('--base-uri changes where the tables point', async () => {
    const d = join(root, 'uri');
    await cli(['kicad-lib', d, '--no-models', '--base-uri', '${KIPRJMOD}/lib/a4s']);
    expect(readFileSync(join(d, 'fp-lib-table'), 'utf8')).toContain('(uri "${KIPRJMOD}/lib/a4s/Panasonic_A4S.pretty")');
  });

  it('shows a progress bar on a terminal only', async () => {
    const tty = await cliTty(['kicad-lib', 'tty-lib', '--no-models']);
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/kicad-lib \[.*\] \d+\/\d+/);
    const plain = await cli(['kicad-lib', join(root, 'plain-lib'), '--no-models']);
    expect(plain.stderr).toBe('');
  });
});
