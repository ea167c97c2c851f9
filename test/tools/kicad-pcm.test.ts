/**
 * The KiCad PCM package (`a4s kicad-pcm`) checked by KiCad 9 itself: metadata.json against KiCad's
 * own schema (/usr/share/kicad/schemas/pcm.v1.schema.json, with Debian's python3-jsonschema); the
 * files against the metadata repository's whitelist (ci/validate/package.py of KiCad's addons
 * metadata repository: only these patterns, lowercase extensions, icon at most 64 × 64 px and
 * 20 KB); then the package installed the way PCM installs it (each top folder to
 * `<KICAD9_3RD_PARTY>/<folder>/<identifier, dots as underscores>/`, the library named
 * `PCM_Panasonic_A4S`): pcbnew loads every footprint, every model link resolves to a file, a board
 * with a 40-pin socket and a 40-pin header passes DRC at the default 0.2 mm netclass with no rule
 * file, and `kicad-cli pcb export step` adds both connectors' models (its log says so: it exits 0
 * even when a model is missing). Fails, never skips, when KiCad is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyOf, footprintFamilies } from '../../src/geometry/index.js';
import {
  designRules,
  DRU_FILE,
  kicadPcmPackage,
  MODELS_DIR,
  PCM_IDENTIFIER,
  PCM_LIBRARY_NICKNAME,
  PRETTY_DIR,
  padGapMm,
  pcmInstallDirName,
  SYMBOL_FILE,
} from '../../src/kicad/index.js';
import { zipTasks } from '../../src/kicad/zip.js';
import { familyLandPattern } from '../../src/geometry/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const SCHEMA = '/usr/share/kicad/schemas/pcm.v1.schema.json';
let root = '';
let zip = new Uint8Array();
let entries: Record<string, Uint8Array> = {};
let thirdParty = '';

function run(cmd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 256 << 20, timeout: 300_000 });
  if (r.error) throw new Error(`${cmd} could not run (install KiCad 9 and python3-jsonschema, as .ci/run does): ${r.error.message}`);
  return { code: r.status, out: `${r.stdout}\n${r.stderr}`, stdout: r.stdout };
}

/** What PCM does with the archive (PCM_TASK_MANAGER::extract): each top folder's content to `<3rd party>/<folder>/<id_>/`; metadata.json is kept apart. */
function installAsPcm(files: Record<string, Uint8Array>, into: string): void {
  const id = pcmInstallDirName(PCM_IDENTIFIER);
  for (const [path, bytes] of Object.entries(files)) {
    if (path === 'metadata.json') continue;
    const [top, ...rest] = path.split('/');
    const target = join(into, top!, id, ...rest);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'a4s-pcm-'));
  const pkg = kicadPcmPackage();
  if (!pkg.ok) throw new Error(pkg.error.message);
  zip = await zipTasks(pkg.value);
  writeFileSync(join(root, 'package.zip'), zip);
  entries = unzipSync(zip);
  thirdParty = join(root, '3rdparty');
  installAsPcm(entries, thirdParty);
}, 300_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the package as KiCad and its metadata repository define it', () => {
  it("metadata.json is valid against KiCad 9's pcm.v1.schema.json (jsonschema), a library for KiCad 8.0 and later", () => {
    expect(existsSync(SCHEMA), `${SCHEMA} (installed with KiCad 9)`).toBe(true);
    const metadata = join(root, 'metadata.json');
    writeFileSync(metadata, entries['metadata.json']!);
    const script = 'import json,sys,jsonschema\ns=json.load(open(sys.argv[1]))\nm=json.load(open(sys.argv[2]))\njsonschema.validate(m,s)\nprint("valid")';
    const r = run('/usr/bin/python3', ['-c', script, SCHEMA, metadata]);
    expect(r.code, r.out).toBe(0);
    expect(r.stdout.trim()).toBe('valid');
    const m = JSON.parse(new TextDecoder().decode(entries['metadata.json']!)) as {
      identifier: string;
      type: string;
      versions: { version: string; status: string; kicad_version: string }[];
    };
    expect(m.identifier).toBe(PCM_IDENTIFIER);
    expect(m.type).toBe('library');
    expect(m.versions).toHaveLength(1);
    expect(m.versions[0]!.kicad_version).toBe('8.0');
  });

  it('the schema check can fail: a metadata.json without versions is refused', () => {
    const bad = join(root, 'bad.json');
    const m = JSON.parse(new TextDecoder().decode(entries['metadata.json']!)) as Record<string, unknown>;
    delete m.versions;
    writeFileSync(bad, JSON.stringify(m));
    const r = run('/usr/bin/python3', [
      '-c',
      'import json,sys,jsonschema\njsonschema.validate(json.load(open(sys.argv[2])),json.load(open(sys.argv[1])))',
      SCHEMA,
      bad,
    ]);
    expect(r.code).not.toBe(0);
    expect(r.out).toContain("'versions' is a required property");
  });

  it("holds only files the metadata repository's whitelist allows (library package), and a small enough icon", () => {
    // ci/validate/package.py, ALLOWED_FILES "all" and "library" (pathlib match: lowercase extensions).
    const allowed = [
      /^metadata\.json$/,
      /^resources\/icon\.png$/,
      /^footprints\/[^/]+\.pretty\/[^/]+\.kicad_mod$/,
      /^symbols\/[^/]+\.kicad_sym$/,
      /^3dmodels\/[^/]+\.3dshapes\/[^/]+\.(stp|step|stpz|stp\.gz|step\.gz|wrl|wrz|iges)$/,
    ];
    const names = Object.keys(entries);
    for (const n of names)
      expect(
        allowed.some((re) => re.test(n)),
        n,
      ).toBe(true);
    expect(names.filter((n) => n.endsWith('.kicad_mod'))).toHaveLength(footprintFamilies.length);
    expect(names).toContain(`symbols/${SYMBOL_FILE}`);
    const icon = entries['resources/icon.png']!;
    expect(icon.byteLength).toBeLessThanOrEqual(20 * 1024);
    expect([...icon.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(icon.buffer, icon.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([64, 64]);
  });

  it('is deterministic: a second build gives the same bytes', async () => {
    const again = kicadPcmPackage();
    if (!again.ok) throw new Error(again.error.message);
    expect(Buffer.compare(Buffer.from(await zipTasks(again.value)), Buffer.from(zip))).toBe(0);
  }, 300_000);
});

describe('installed as PCM installs it, read by KiCad 9', () => {
  const id = pcmInstallDirName(PCM_IDENTIFIER);
  const pretty = () => join(thirdParty, 'footprints', id, PRETTY_DIR);

  it('pcbnew loads every footprint, and every model link resolves to a file under KICAD9_3RD_PARTY', () => {
    const script = [
      'import json, os, sys, pcbnew',
      'p = sys.argv[1]',
      'out = []',
      'for name in pcbnew.FootprintEnumerate(p):',
      '    fp = pcbnew.FootprintLoad(p, name)',
      '    out.append({"name": name, "pads": len(fp.Pads()), "models": [m.m_Filename for m in fp.Models()]})',
      'print(json.dumps(out))',
      'sys.stdout.flush()',
      'os._exit(0)',
    ].join('\n');
    const r = run('/usr/bin/python3', ['-c', script, pretty()]);
    expect(r.code, r.out).toBe(0);
    const loaded = JSON.parse(r.stdout.trim().split('\n').pop()!) as { name: string; pads: number; models: string[] }[];
    expect(loaded.map((l) => l.name).sort()).toEqual(footprintFamilies.map((f) => f.footprintName).sort());
    for (const l of loaded) {
      expect(l.pads, l.name).toBeGreaterThan(0);
      expect(l.models, l.name).toHaveLength(1);
      const link = l.models[0]!;
      expect(link).toBe(`\${KICAD9_3RD_PARTY}/3dmodels/${id}/${MODELS_DIR}/${l.name}.step`);
      expect(existsSync(link.replace('${KICAD9_3RD_PARTY}', thirdParty)), link).toBe(true);
    }
  }, 300_000);

  it(`the symbols name the footprints as PCM adds the library (${PCM_LIBRARY_NICKNAME}), and kicad-cli reads them`, () => {
    const sym = join(thirdParty, 'symbols', id, SYMBOL_FILE);
    const text = readFileSync(sym, 'utf8');
    for (const f of footprintFamilies) expect(text).toContain(`(property "Footprint" "${PCM_LIBRARY_NICKNAME}:${f.footprintName}"`);
    const r = run('kicad-cli', ['sym', 'upgrade', '--force', '-o', join(root, 'up.kicad_sym'), sym]);
    expect(r.code, r.out).toBe(0);
  });

  it("a 40-pin socket and a 40-pin header pass DRC at KiCad's default 0.2 mm netclass with no rule file; the rest of the board keeps 0.2 mm", () => {
    const names = [familyOf('socket', 40)!.footprintName, familyOf('header', 40, 1.0)!.footprintName];
    const dir = join(root, 'drc');
    mkdirSync(dir, { recursive: true });
    const board = join(dir, 'pcm.kicad_pcb');
    const build = run('/usr/bin/python3', [join(here, 'drc_board.py')], {
      A4S_LIB: thirdParty,
      A4S_PRETTY: pretty(),
      A4S_NICKNAME: PCM_LIBRARY_NICKNAME,
      A4S_BOARD: board,
      A4S_FOOTPRINTS: names.join(','),
      A4S_CLEARANCE_MM: '0.2',
      A4S_CANARY_GAP_MM: '0.17',
    });
    expect(build.code, build.out).toBe(0);
    expect(existsSync(join(dir, 'pcm.kicad_dru'))).toBe(false);
    const report = join(dir, 'drc.json');
    const r = run('kicad-cli', ['pcb', 'drc', '--severity-all', '--format', 'json', '-o', report, board]);
    expect(r.code, r.out).toBe(0);
    const drc = JSON.parse(readFileSync(report, 'utf8')) as { violations: { type: string; description: string; items: { description: string }[] }[] };
    const ours = drc.violations.filter((v) => v.items.some((i) => / of J\d+/.test(i.description)));
    expect(ours.map((v) => `${v.type}: ${v.description} ${v.items.map((i) => i.description).join(' / ')}`)).toEqual([]);
    // The canary: two tracks of other nets 0.17 mm apart, away from the connectors, are still a clearance error.
    const clearance = drc.violations.filter((v) => v.type === 'clearance');
    expect(clearance).toHaveLength(1);
    expect(clearance[0]!.items.map((i) => i.description).join(' ')).toMatch(/CANARY/);
    // The clearance the footprints carry is the pads' own gap (0.4 mm pitch less the pad width), not a round number.
    const gap = padGapMm(familyLandPattern(familyOf('socket', 40)!));
    expect(readFileSync(join(pretty(), `${names[0]}.kicad_mod`), 'utf8')).toContain(`(clearance ${gap})`);
  }, 300_000);

  it(`with the footprint clearance set to 0 (the board's rule near the connector), the plain library's ${DRU_FILE} matches the PCM_ nickname too`, () => {
    const name = familyOf('socket', 40)!.footprintName;
    const zeroed = join(root, 'zeroed', PRETTY_DIR);
    mkdirSync(zeroed, { recursive: true });
    const text = readFileSync(join(pretty(), `${name}.kicad_mod`), 'utf8');
    writeFileSync(join(zeroed, `${name}.kicad_mod`), text.replace(/\n {2}\(clearance 0\.\d+\)\n/, '\n  (clearance 0)\n'));
    const drcOf = (sub: string, dru: boolean) => {
      const dir = join(root, sub);
      mkdirSync(dir, { recursive: true });
      const board = join(dir, 'z.kicad_pcb');
      const build = run('/usr/bin/python3', [join(here, 'drc_board.py')], {
        A4S_LIB: thirdParty,
        A4S_PRETTY: zeroed,
        A4S_NICKNAME: PCM_LIBRARY_NICKNAME,
        A4S_BOARD: board,
        A4S_FOOTPRINTS: name,
        A4S_CLEARANCE_MM: '0.2',
      });
      expect(build.code, build.out).toBe(0);
      if (dru) writeFileSync(join(dir, 'z.kicad_dru'), designRules([familyLandPattern(familyOf('socket', 40)!)]));
      const report = join(dir, 'drc.json');
      expect(run('kicad-cli', ['pcb', 'drc', '--severity-all', '--format', 'json', '-o', report, board]).code).toBe(0);
      return (JSON.parse(readFileSync(report, 'utf8')) as { violations: { type: string }[] }).violations.filter((v) => v.type === 'clearance').length;
    };
    expect(drcOf('zeroed-no-rule', false)).toBeGreaterThanOrEqual(38);
    expect(drcOf('zeroed-rule', true)).toBe(0);
  }, 300_000);

  it('kicad-cli pcb export step adds both connectors with their models (KICAD9_3RD_PARTY set as KiCad sets it)', () => {
    const names = [familyOf('socket', 40)!.footprintName, familyOf('header', 40, 1.0)!.footprintName];
    const dir = join(root, 'step');
    mkdirSync(dir, { recursive: true });
    const board = join(dir, 'pcm.kicad_pcb');
    const build = run('/usr/bin/python3', [join(here, 'drc_board.py')], {
      A4S_LIB: thirdParty,
      A4S_PRETTY: pretty(),
      A4S_NICKNAME: PCM_LIBRARY_NICKNAME,
      A4S_BOARD: board,
      A4S_FOOTPRINTS: names.join(','),
    });
    expect(build.code, build.out).toBe(0);
    const step = join(dir, 'pcm.step');
    const r = run('kicad-cli', ['pcb', 'export', 'step', '-f', '-o', step, board], { KICAD9_3RD_PARTY: thirdParty });
    expect(r.code, r.out).toBe(0);
    expect(r.out).not.toMatch(/could not add 3D model|not found/i);
    expect(r.out).toContain('Adding component J1');
    expect(r.out).toContain('Adding component J2');
    // Without the variable the same export loses both models (and still exits 0): the log is what tells.
    const lost = run('kicad-cli', ['pcb', 'export', 'step', '-f', '-o', join(dir, 'lost.step'), board], { KICAD9_3RD_PARTY: join(root, 'nowhere') });
    expect(lost.out).toMatch(/Could not add 3D model for J1/);
  }, 300_000);
});
