/**
 * The library in KiCad 9 as a user meets it (Debian's bookworm-backports `kicad`, installed by
 * .ci/run): kicad-cli reads every symbol and draws every footprint; a board built with pcbnew
 * passes DRC (`kicad-cli pcb drc`) with no error from our footprints; `kicad-cli pcb export step`
 * (no --subst-models) exports both connectors, and FreeCAD finds each terminal over its pad,
 * outside the body. Fails, never skips, when KiCad or FreeCAD is missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRU_FILE, kicadLibraryFiles, MODELS_DIR, PRETTY_DIR, SYMBOL_FILE } from '../../src/kicad/index.js';
import { landPattern, familyLandPattern, familyOf, footprintFamilies } from '../../src/geometry/index.js';

const here = dirname(fileURLToPath(import.meta.url));
let root = '';
let lib = '';

function run(cmd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 256 << 20, timeout: 300_000 });
  if (r.error) throw new Error(`${cmd} could not run (install KiCad 9 from bookworm-backports and FreeCAD, as .ci/run does): ${r.error.message}`);
  return { code: r.status, out: `${r.stdout}\n${r.stderr}`, stdout: r.stdout };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'a4s-kicad9-'));
  lib = join(root, 'lib');
  for (const f of kicadLibraryFiles()) {
    mkdirSync(dirname(join(lib, f.path)), { recursive: true });
    writeFileSync(join(lib, f.path), f.content);
  }
}, 300_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

interface Violation {
  type: string;
  severity: string;
  description: string;
  items: { description: string }[];
}
interface DrcReport {
  violations: Violation[];
  unconnected_items: Violation[];
}

/** Builds a board with pcbnew (test/tools/drc_board.py) and runs KiCad's DRC on it. */
function drc(
  name: string,
  footprints: readonly string[],
  clearanceMm: number,
  options: { dru?: string; canaryGapMm?: number; library?: string; neighbourGapMm?: number } = {},
): DrcReport {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const board = join(dir, `${name}.kicad_pcb`);
  const build = run('/usr/bin/python3', [join(here, 'drc_board.py')], {
    A4S_LIB: options.library ?? lib,
    A4S_BOARD: board,
    A4S_FOOTPRINTS: footprints.join(','),
    A4S_CLEARANCE_MM: String(clearanceMm),
    ...(options.dru ? { A4S_DRU: options.dru } : {}),
    ...(options.canaryGapMm !== undefined ? { A4S_CANARY_GAP_MM: String(options.canaryGapMm) } : {}),
    ...(options.neighbourGapMm !== undefined ? { A4S_NEIGHBOUR_GAP_MM: String(options.neighbourGapMm) } : {}),
  });
  expect(build.code, build.out).toBe(0);
  const report = join(dir, 'drc.json');
  const r = run('kicad-cli', ['pcb', 'drc', '--severity-all', '--format', 'json', '-o', report, board]);
  expect(r.code, r.out).toBe(0);
  return JSON.parse(readFileSync(report, 'utf8')) as DrcReport;
}

const ours = (v: Violation) => v.items.some((i) => / of J\d+/.test(i.description));
const SAMPLE = [
  familyOf('socket', 10)!,
  familyOf('socket', 40)!,
  familyOf('socket', 80)!,
  familyOf('header', 10, 0.8)!,
  familyOf('header', 10, 1.0)!,
  familyOf('header', 40, 0.8)!,
  familyOf('header', 40, 1.0)!,
  familyOf('header', 80, 1.0)!,
].map((f) => f.footprintName);

describe('kicad-cli (KiCad 9) reads the library', () => {
  it('is KiCad 8 or later', () => {
    const r = run('kicad-cli', ['version']);
    expect(r.code).toBe(0);
    expect(Number(/^(\d+)\./.exec(r.stdout.trim())?.[1])).toBeGreaterThanOrEqual(8);
  });

  it('sym upgrade loads every symbol without a warning; sym export svg draws each', () => {
    const out = join(root, 'upgraded.kicad_sym');
    const r = run('kicad-cli', ['sym', 'upgrade', '--force', '-o', out, join(lib, SYMBOL_FILE)]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).not.toMatch(/warning|error|unable/i);
    const text = readFileSync(out, 'utf8');
    for (const f of footprintFamilies) expect(text).toContain(`(symbol "${f.symbolName}"`);
    const svg = join(root, 'sym-svg');
    const s = run('kicad-cli', ['sym', 'export', 'svg', '-o', svg, join(lib, SYMBOL_FILE)]);
    expect(s.code, s.out).toBe(0);
    expect(s.out).not.toMatch(/warning|error|unable/i);
    expect(readdirSync(svg).sort()).toEqual(footprintFamilies.map((f) => `${f.symbolName}_unit1.svg`).sort());
  });

  it('fp export svg draws every footprint on a page no bigger than its courtyard and value text', () => {
    const svg = join(root, 'fp-svg');
    const r = run('kicad-cli', ['fp', 'export', 'svg', '-o', svg, join(lib, PRETTY_DIR)]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).not.toMatch(/warning|error|unable/i);
    expect(readdirSync(svg).sort()).toEqual(footprintFamilies.map((f) => `${f.footprintName}.svg`).sort());
    for (const f of footprintFamilies) {
      const head = readFileSync(join(svg, `${f.footprintName}.svg`), 'utf8').slice(0, 2000);
      const [, w, h] = /width="([\d.]+)mm" height="([\d.]+)mm"/.exec(head)!;
      const c = familyLandPattern(f).courtyard;
      // The value text (1 mm font, ~0.9 mm a character) is the widest thing allowed outside the courtyard.
      expect(Number(w), f.footprintName).toBeLessThanOrEqual(Math.max(c.maxXMm - c.minXMm, 0.9 * f.footprintName.length) + 2);
      expect(Number(h), f.footprintName).toBeLessThanOrEqual(c.maxYMm - c.minYMm + 2 * 2.5);
    }
  });
});

describe('DRC of a board built with pcbnew (every pad on a net)', () => {
  it("0.1 mm clearance, KiCad's default mask settings: no violation at all; only the MP pads are left to join", () => {
    const report = drc('clean', SAMPLE, 0.1);
    expect(report.violations.map((v) => `${v.type}: ${v.description} ${v.items.map((i) => i.description).join(' / ')}`)).toEqual([]);
    // Unconnected items: the soldering terminals of one footprint (one net "MP") that the board must join.
    expect(report.unconnected_items.length).toBeGreaterThan(0);
    for (const u of report.unconnected_items) for (const i of u.items) expect(i.description).toMatch(/^Pad MP \[J\d+-MP\]/);
  }, 300_000);

  it('the check can fail: the same footprints without allow_soldermask_bridges give solder_mask_bridge errors', () => {
    const broken = join(root, 'broken-lib');
    mkdirSync(join(broken, PRETTY_DIR), { recursive: true });
    writeFileSync(join(broken, 'fp-lib-table'), readFileSync(join(lib, 'fp-lib-table')));
    const name = familyOf('socket', 40)!.footprintName;
    const text = readFileSync(join(lib, PRETTY_DIR, `${name}.kicad_mod`), 'utf8');
    expect(text).toContain('(attr smd allow_soldermask_bridges)');
    writeFileSync(join(broken, PRETTY_DIR, `${name}.kicad_mod`), text.replace('(attr smd allow_soldermask_bridges)', '(attr smd)'));
    const report = drc('broken', [name], 0.1, { library: broken });
    expect(report.violations.filter((v) => v.type === 'solder_mask_bridge').length).toBeGreaterThan(30);
  }, 300_000);

  it(`KiCad's default netclass (0.2 mm), no rule file: no error from our pads (footprint clearance); the clearance elsewhere is kept`, () => {
    const names = [familyOf('socket', 40)!.footprintName, familyOf('header', 40, 1.0)!.footprintName];
    const without = drc('default-netclass', names, 0.2, { canaryGapMm: 0.17 });
    expect(without.violations.filter(ours).map((v) => `${v.type}: ${v.description}`)).toEqual([]);
    // Two tracks of other nets 0.17 mm apart, away from the connectors: still an error.
    const canary = without.violations.filter((v) => v.type === 'clearance');
    expect(canary).toHaveLength(1);
    expect(canary[0]!.items.map((i) => i.description).join(' ')).toMatch(/CANARY_A.*CANARY_B|CANARY_B.*CANARY_A/);
  }, 300_000);

  it("what the footprint clearance allows (README, property Clearance): another net's track 0.18 mm from a pad passes at the 0.2 mm netclass, 0.16 mm does not; with the clearance set to 0 the board's 0.2 mm holds", () => {
    const name = familyOf('socket', 10)!.footprintName;
    const neighbour = (r: DrcReport) =>
      r.violations.filter((v) => v.type === 'clearance' && v.items.some((i) => /NEIGHBOUR/.test(i.description))).map((v) => v.description);
    expect(neighbour(drc('neighbour-018', [name], 0.2, { neighbourGapMm: 0.18 }))).toEqual([]);
    expect(neighbour(drc('neighbour-016', [name], 0.2, { neighbourGapMm: 0.16 }))).toHaveLength(1);
    const zeroed = join(root, 'zeroed-lib');
    mkdirSync(join(zeroed, PRETTY_DIR), { recursive: true });
    writeFileSync(join(zeroed, 'fp-lib-table'), readFileSync(join(lib, 'fp-lib-table')));
    const text = readFileSync(join(lib, PRETTY_DIR, `${name}.kicad_mod`), 'utf8');
    writeFileSync(join(zeroed, PRETTY_DIR, `${name}.kicad_mod`), text.replace(/\n {2}\(clearance 0\.\d+\)\n/, '\n  (clearance 0)\n'));
    const held = neighbour(drc('neighbour-zeroed', [name], 0.2, { neighbourGapMm: 0.18, library: zeroed }));
    expect(held).toHaveLength(1);
    expect(held[0]).toMatch(/clearance 0\.2000 mm; actual 0\.1800 mm/);
  }, 300_000);

  it(`the check can fail: without the footprint clearance, clearance errors between our pads; ${DRU_FILE} removes them and keeps the clearance elsewhere`, () => {
    const names = [familyOf('socket', 40)!.footprintName, familyOf('header', 40, 1.0)!.footprintName];
    const stripped = join(root, 'no-clearance-lib');
    mkdirSync(join(stripped, PRETTY_DIR), { recursive: true });
    writeFileSync(join(stripped, 'fp-lib-table'), readFileSync(join(lib, 'fp-lib-table')));
    for (const name of names) {
      const text = readFileSync(join(lib, PRETTY_DIR, `${name}.kicad_mod`), 'utf8');
      expect(text).toMatch(/\n {2}\(clearance 0\.\d+\)\n/);
      writeFileSync(join(stripped, PRETTY_DIR, `${name}.kicad_mod`), text.replace(/\n {2}\(clearance 0\.\d+\)\n/, '\n'));
    }
    const without = drc('no-footprint-clearance', names, 0.2, { canaryGapMm: 0.17, library: stripped });
    expect(without.violations.filter((v) => v.type === 'clearance' && ours(v)).length).toBeGreaterThanOrEqual(2 * 38);
    const withRules = drc('no-footprint-clearance-dru', names, 0.2, { canaryGapMm: 0.17, dru: join(lib, DRU_FILE), library: stripped });
    expect(withRules.violations.filter(ours).map((v) => `${v.type}: ${v.description}`)).toEqual([]);
    const canary = withRules.violations.filter((v) => v.type === 'clearance');
    expect(canary).toHaveLength(1);
    expect(canary[0]!.items.map((i) => i.description).join(' ')).toMatch(/CANARY_A.*CANARY_B|CANARY_B.*CANARY_A/);
  }, 300_000);
});

describe('kicad-cli pcb export step (linked STEP models, no --subst-models) read by FreeCAD', () => {
  it('exports both connectors; each terminal and contact is a solid over its pad, outside the body', () => {
    const socket = familyOf('socket', 40)!;
    const header = familyOf('header', 40, 1.0)!;
    // The documented set-up (README "3D models"): the library's files in the KiCad project folder, no path variable.
    const dir = join(root, 'step');
    for (const f of kicadLibraryFiles()) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.content);
    }
    writeFileSync(join(dir, 'pair.kicad_pro'), '{}\n');
    const board = join(dir, 'pair.kicad_pcb');
    const build = run('/usr/bin/python3', [join(here, 'drc_board.py')], {
      A4S_LIB: dir,
      A4S_BOARD: board,
      A4S_FOOTPRINTS: `${socket.footprintName},${header.footprintName}`,
      A4S_CLEARANCE_MM: '0.1',
    });
    expect(build.code, build.out).toBe(0);
    const placed = (JSON.parse(build.stdout) as { placed: { ref: string; name: string; x: number; y: number }[] }).placed;
    const step = join(dir, 'pair.step');
    const r = run('kicad-cli', ['pcb', 'export', 'step', '-f', '-o', step, board]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).not.toMatch(/not found|cannot|could not|error/i);
    expect(readFileSync(join(dir, `${PRETTY_DIR}/${socket.footprintName}.kicad_mod`), 'utf8')).toContain(`(model "\${KIPRJMOD}/${MODELS_DIR}/`);
    for (const p of placed) expect(r.out).toContain(`Adding component ${p.ref}`);

    // KiCad's STEP: x as on the board, y up (−y of the board), z = 0 at the board's bottom.
    const parts = placed.map((p) => {
      const family = p.name === socket.footprintName ? socket : header;
      const lp = landPattern(family.role, family.pins, family.matedHeightMm);
      return { p, lp };
    });
    const probe = run('/usr/bin/python3', [join(here, 'freecad_board_report.py')], { A4S_STEP: step });
    expect(probe.code, probe.out).toBe(0);
    const first = JSON.parse(probe.stdout.slice(probe.stdout.indexOf('A4S-REPORT-BEGIN') + 16, probe.stdout.indexOf('A4S-REPORT-END'))) as {
      solids: { bbox: number[]; volume: number; isValid: boolean }[];
    };
    const boardSolid = first.solids.reduce((a, b) => (b.volume > a.volume ? b : a));
    const top = Math.min(...first.solids.filter((s) => s !== boardSolid).map((s) => s.bbox[2]!));
    expect(top).toBeGreaterThan(boardSolid.bbox[5]! - 0.2);
    const bodies = parts.map(({ p, lp }) => [
      p.x - lp.body.lengthMm / 2,
      -p.y - lp.body.widthMm / 2,
      top,
      p.x + lp.body.lengthMm / 2,
      -p.y + lp.body.widthMm / 2,
      top + lp.body.heightMm,
    ]);
    const rep = run('/usr/bin/python3', [join(here, 'freecad_board_report.py')], { A4S_STEP: step, A4S_BODIES: JSON.stringify(bodies) });
    const report = JSON.parse(rep.stdout.slice(rep.stdout.indexOf('A4S-REPORT-BEGIN') + 16, rep.stdout.indexOf('A4S-REPORT-END'))) as {
      solids: { bbox: number[]; volume: number; isValid: boolean }[];
      bodies: { found: number[]; common: { solid: number; volume: number }[] }[];
    };
    // Board + every solid of both models.
    expect(report.solids).toHaveLength(1 + (1 + 40 + 4) + (1 + 40 + 4));
    expect(report.solids.every((s) => s.isValid)).toBe(true);
    report.bodies.forEach((b, k) => {
      expect(b.found, `body of ${parts[k]!.p.ref}`).toHaveLength(1);
      for (const c of b.common) expect(c.volume, `solid ${c.solid} inside the body of ${parts[k]!.p.ref}`).toBeLessThan(1e-6);
    });
    // Each pad (contacts and soldering terminals) has a solid standing on it, within its outline.
    const used = new Set(report.bodies.flatMap((b) => b.found));
    for (const { p, lp } of parts) {
      for (const pad of lp.pads) {
        const [x0, x1] = [p.x + pad.xMm - pad.widthMm / 2, p.x + pad.xMm + pad.widthMm / 2];
        const [y0, y1] = [-(p.y + pad.yMm + pad.heightMm / 2), -(p.y + pad.yMm - pad.heightMm / 2)];
        const on = report.solids.filter(
          (s, i) =>
            !used.has(i) &&
            s !== report.solids[report.solids.indexOf(boardSolid)] &&
            Math.abs(s.bbox[2]! - top) < 1e-3 &&
            s.bbox[0]! >= x0 - 1e-3 &&
            s.bbox[3]! <= x1 + 1e-3 &&
            s.bbox[1]! >= y0 - 1e-3 &&
            s.bbox[4]! <= y1 + 1e-3,
        );
        expect(on.length, `${p.ref} pad ${pad.number} at (${pad.xMm}, ${pad.yMm})`).toBe(1);
      }
    }
  }, 300_000);
});
