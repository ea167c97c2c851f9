/**
 * Every STEP file the toolkit writes, opened by an independent reader: FreeCAD's OpenCASCADE
 * (Debian's `freecad`, installed by .ci/run). One Python process reads them all and reports solids,
 * validity, volumes and bounding boxes; this test compares them with the geometry, within 0.01 mm.
 * Fails if FreeCAD is missing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dimensionsFor } from '../../src/select/index.js';
import { landPattern } from '../../src/geometry/index.js';
import { allModels, matedPairModel, matedPairStep, standardModels, type Box3 } from '../../src/model3d/index.js';

interface SolidReport {
  isValid: boolean;
  isClosed: boolean;
  volume: number;
  faces: number;
  bbox: number[];
}
interface FileReport {
  file: string;
  error?: string;
  bodyCommon: number[];
  isValid: boolean;
  shapeType: string;
  solids: SolidReport[];
  faces: number;
  facesOutsideSolids: number;
  bbox: number[] | null;
}

const TOLERANCE_MM = 0.01;
const here = dirname(fileURLToPath(import.meta.url));
let dir = '';
let reports = new Map<string, FileReport>();

const asList = (b: Box3) => [...b.min, ...b.max];
const within = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) <= TOLERANCE_MM);

/** A file whose first solid lost one face: OpenCASCADE must not report it as a valid solid. */
function breakFirstShell(step: string): string {
  return step.replace(/CLOSED_SHELL\('',\(#\d+,/, "CLOSED_SHELL('',(");
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'a4s-step-'));
  for (const f of allModels().filter((f) => f.fileName.endsWith('.step'))) writeFileSync(join(dir, f.fileName), f.content);
  for (const [s, h] of [
    ['AXE540127', 'AXE640124'],
    ['AXE580127', 'AXE680224'],
    ['AXE510127', 'AXE610124'],
  ] as const) {
    const pair = matedPairStep(s, h);
    if (!pair.ok) throw new Error(pair.error.message);
    writeFileSync(join(dir, pair.value.fileName), pair.value.content);
  }
  const sample = allModels().find((f) => f.fileName.endsWith('.step'))!;
  writeFileSync(join(dir, 'zz_broken.step'), breakFirstShell(sample.content));
  const out = execFileSync('/usr/bin/python3', [join(here, 'freecad_step_report.py')], {
    env: { ...process.env, A4S_STEP_DIR: dir },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    timeout: 300_000,
  });
  const json = out.slice(out.indexOf('A4S-REPORT-BEGIN') + 'A4S-REPORT-BEGIN'.length, out.indexOf('A4S-REPORT-END'));
  reports = new Map((JSON.parse(json) as FileReport[]).map((r) => [r.file, r]));
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('STEP files read by FreeCAD (OpenCASCADE)', () => {
  const models = standardModels();

  it('reads one file per model and the mated pairs', () => {
    expect(reports.size).toBe(models.length + 3 + 1);
  });

  it.each(models.map((m) => [m.name, m] as const))('%s: valid solids, body A × width × height, every solid in place', (name, model) => {
    const r = reports.get(`${name}.step`);
    expect(r, 'no report').toBeDefined();
    expect(r!.error).toBeUndefined();
    expect(r!.isValid).toBe(true);
    expect(r!.facesOutsideSolids).toBe(0);
    expect(r!.solids).toHaveLength(model.solids.length);
    expect(r!.solids.every((s) => s.isValid && s.isClosed && s.volume > 0)).toBe(true);

    // The body: the catalog's A (read here from the catalog table), the width and the height of the geometry.
    const role = name.includes('_Socket') ? 'socket' : 'header';
    const pins = Number(/_2x(\d+)_/.exec(name)![1]) * 2;
    const height = role === 'header' ? (/AXE6\d\d224_/.test(name) ? 1.0 : 0.8) : null;
    const A = dimensionsFor(role, pins, height).dimensionsMm.A;
    const body = landPattern(role, pins, height).body;
    const expectedBody = [-A / 2, -body.widthMm / 2, 0, A / 2, body.widthMm / 2, body.heightMm];
    const bodies = r!.solids.filter((s) => within(s.bbox, expectedBody) && s.volume === Math.max(...r!.solids.map((x) => x.volume)));
    expect(bodies, `a solid with bounding box ${expectedBody.join(' ')}`).toHaveLength(1);
    const bx = bodies[0]!.bbox;
    expect([bx[3]! - bx[0]!, bx[4]! - bx[1]!, bx[5]! - bx[2]!].map((x) => Math.round(x * 1000) / 1000)).toEqual([A, body.widthMm, body.heightMm]);

    // The whole model, tails included: the body's A and height; the tails reach beyond its sides onto their pads.
    expect(within(r!.bbox!, asList(model.bounds)), `model bounding box ${r!.bbox!.join(' ')}`).toBe(true);
    expect([r!.bbox![0], r!.bbox![3], r!.bbox![5]].map((x) => Math.round(x! * 1000) / 1000)).toEqual([-A / 2, A / 2, body.heightMm]);
    // Contacts and terminals are their own solids, none intersecting the body (OpenCASCADE common volume ~0).
    expect(r!.bodyCommon).toHaveLength(model.solids.length - 1);
    expect(Math.max(...r!.bodyCommon)).toBeLessThan(1e-9);
    // Each tail lies over its pad and reaches no further (the pads of the model's land pattern).
    const lp = landPattern(role, pins, height);
    for (const s of model.solids.filter((x) => x.kind !== 'body')) {
      const [x0, y0, , x1, y1] = asList(s.bounds);
      const over = lp.pads.some(
        (p) =>
          x0! >= p.xMm - p.widthMm / 2 - 1e-9 &&
          x1! <= p.xMm + p.widthMm / 2 + 1e-9 &&
          -y1! >= p.yMm - p.heightMm / 2 - 1e-9 &&
          -y0! <= p.yMm + p.heightMm / 2 + 1e-9,
      );
      expect(over, s.name).toBe(true);
    }
    // Each solid where the model put it, with its volume.
    const key = (b: readonly number[]) => b.map((x) => x.toFixed(2)).join(' ');
    expect(r!.solids.map((s) => key(s.bbox)).sort()).toEqual(model.solids.map((s) => key(asList(s.bounds))).sort());
    const volume = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(volume(r!.solids.map((s) => s.volume))).toBeCloseTo(volume(model.solids.map((s) => s.volumeMm3)), 6);
  });

  it('mated pairs: socket and header solids valid, stacked to the mated height', () => {
    for (const [s, h, heightMm] of [
      ['AXE540127', 'AXE640124', 0.8],
      ['AXE580127', 'AXE680224', 1.0],
      ['AXE510127', 'AXE610124', 0.8],
    ] as const) {
      const pair = matedPairModel(s, h);
      if (!pair.ok) throw new Error(pair.error.message);
      const r = reports.get(`${pair.value.name}.step`);
      expect(r).toBeDefined();
      expect(r!.isValid).toBe(true);
      expect(r!.facesOutsideSolids).toBe(0);
      expect(r!.solids).toHaveLength(pair.value.solids.length);
      expect(r!.solids.every((x) => x.isValid && x.isClosed)).toBe(true);
      expect(r!.bbox![2]).toBeCloseTo(0, 2);
      expect(r!.bbox![5]).toBeCloseTo(heightMm, 2);
    }
  });

  it('the reader catches a broken solid (the check can fail)', () => {
    const r = reports.get('zz_broken.step')!;
    const sample = models[0]!;
    const validSolids = r.solids.filter((s) => s.isValid && s.isClosed).length;
    expect(validSolids < sample.solids.length || r.facesOutsideSolids > 0 || !r.isValid).toBe(true);
  });
});
