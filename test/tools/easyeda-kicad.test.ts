/**
 * The real check of the EasyEDA Pro library: KiCad 9's EasyEDA Pro importer (pcbnew's
 * PCB_IO_MGR.EASYEDAPRO plugin, through /usr/bin/python3) lists and loads every footprint, from the
 * .elibz and from each .efoo on its own, and each has the same copper pads (numbers, positions,
 * sizes, within 1 µm after the importer's mil → nm conversion) as our own .kicad_mod loaded by the
 * same pcbnew, the same stencil openings and the row solder-mask openings. Fails when pcbnew is
 * missing (CI installs KiCad 9).
 */
import { footprintFamilies } from '../../src/geometry/index.js';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyFootprintText } from '../../src/kicad/index.js';
import { easyedaLibrary, easyedaLibraryFiles } from '../../src/formats/index.js';

const SCRIPT = String.raw`
import json, os, sys
import pcbnew
elibz, efoo_dir, pretty = sys.argv[1], sys.argv[2], sys.argv[3]
plug = pcbnew.PCB_IO_MGR.PluginFind(pcbnew.PCB_IO_MGR.EASYEDAPRO)
def dump(fp):
    pads = []
    for p in fp.Pads():
        pos, size = p.GetPosition(), p.GetSize()
        pads.append({'number': p.GetNumber(), 'x': pos.x, 'y': pos.y, 'w': size.x, 'h': size.y, 'angle': p.GetOrientationDegrees(),
                     'rect': p.GetShape() == pcbnew.PAD_SHAPE_RECT, 'smd': p.GetAttribute() == pcbnew.PAD_ATTRIB_SMD,
                     'layers': sorted(pcbnew.LayerName(l) for l in p.GetLayerSet().Seq())})
    shapes = []
    for g in fp.GraphicalItems():
        if g.GetClass() != 'PCB_SHAPE': continue
        b = g.GetBoundingBox()
        shapes.append({'layer': pcbnew.LayerName(g.GetLayer()), 'x1': b.GetLeft(), 'y1': b.GetTop(), 'x2': b.GetRight(), 'y2': b.GetBottom(), 'w': g.GetWidth(), 'filled': g.IsFilled()})
    return {'pads': pads, 'shapes': shapes}
out = {'version': str(pcbnew.Version()), 'elibz': {}, 'efoo': {}, 'kicad': {}}
for name in plug.FootprintEnumerate(elibz):
    fp = plug.FootprintLoad(elibz, name)
    out['elibz'][name] = None if fp is None else dump(fp)
for f in sorted(os.listdir(efoo_dir)):
    path = os.path.join(efoo_dir, f)
    names = list(plug.FootprintEnumerate(path))
    fp = plug.FootprintLoad(path, names[0]) if len(names) == 1 else None
    out['efoo'][f] = {'names': names, 'footprint': None if fp is None else dump(fp)}
for f in sorted(os.listdir(pretty)):
    name = f[:-len('.kicad_mod')]
    fp = pcbnew.FootprintLoad(pretty, name)
    out['kicad'][name] = None if fp is None else dump(fp)
json.dump(out, sys.stdout)
`;

interface KPad {
  number: string;
  x: number;
  y: number;
  w: number;
  h: number;
  angle: number;
  rect: boolean;
  smd: boolean;
  layers: string[];
}
interface KShape {
  layer: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  w: number;
  filled: boolean;
}
interface KFootprint {
  pads: KPad[];
  shapes: KShape[];
}
interface Dump {
  version: string;
  elibz: Record<string, KFootprint | null>;
  efoo: Record<string, { names: string[]; footprint: KFootprint | null }>;
  kicad: Record<string, KFootprint | null>;
}

let dir = '';
let dump: Dump;
const files = easyedaLibraryFiles();
const efooOf = new Map(files.filter((f) => f.path.endsWith('.efoo')).map((f) => [f.path.slice('FOOTPRINT/'.length), f.content]));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'a4s-easyeda-'));
  const elibz = join(dir, 'Panasonic_A4S.elibz');
  writeFileSync(elibz, easyedaLibrary());
  const efooDir = join(dir, 'efoo');
  mkdirSync(efooDir);
  for (const [name, content] of efooOf) writeFileSync(join(efooDir, name), content);
  const pretty = join(dir, 'Panasonic_A4S.pretty');
  mkdirSync(pretty);
  for (const f of footprintFamilies) writeFileSync(join(pretty, `${f.footprintName}.kicad_mod`), familyFootprintText(f));
  writeFileSync(join(dir, 'dump.py'), SCRIPT);
  const run = spawnSync('/usr/bin/python3', [join(dir, 'dump.py'), elibz, efooDir, pretty], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 240_000,
  });
  if (run.error || run.status !== 0)
    throw new Error(`KiCad's pcbnew (/usr/bin/python3 -c 'import pcbnew') is needed for this test: ${run.error?.message ?? run.stderr.slice(-2000)}`);
  dump = JSON.parse(run.stdout) as Dump;
}, 300_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** 1 µm in KiCad's internal units (nm): the importer rounds mil to 0.5 µm. */
const TOL_NM = 1000;
type Box = { x1: number; y1: number; x2: number; y2: number };
const padBox = (p: KPad): Box => ({ x1: p.x - p.w / 2, y1: p.y - p.h / 2, x2: p.x + p.w / 2, y2: p.y + p.h / 2 });
const byPosition = (a: { x: number; y: number }, b: { x: number; y: number }) => a.x - b.x || a.y - b.y;
const byBox = (a: Box, b: Box) => a.x1 - b.x1 || a.y1 - b.y1;

function expectSamePads(theirs: KPad[], ours: KPad[]): void {
  expect(theirs.length).toBe(ours.length);
  const a = [...theirs].sort(byPosition);
  const b = [...ours].sort(byPosition);
  a.forEach((p, i) => {
    const q = b[i]!;
    expect(p.number, `pad at ${q.x},${q.y}`).toBe(q.number);
    for (const k of ['x', 'y', 'w', 'h'] as const) expect(Math.abs(p[k] - q[k]), `pad ${q.number} at ${q.x},${q.y}: ${k}`).toBeLessThanOrEqual(TOL_NM);
    expect(p).toMatchObject({ smd: true, rect: true, angle: 0 });
  });
}

function expectSameBoxes(theirs: Box[], ours: Box[], what: string): void {
  expect(theirs.length, what).toBe(ours.length);
  const a = [...theirs].sort(byBox);
  const b = [...ours].sort(byBox);
  a.forEach((s, i) => {
    for (const k of ['x1', 'y1', 'x2', 'y2'] as const) expect(Math.abs(s[k] - b[i]![k]), `${what} ${i}: ${k}`).toBeLessThanOrEqual(TOL_NM);
  });
}

function expectSameFootprint(theirs: KFootprint, ours: KFootprint): void {
  const copper = ours.pads.filter((p) => p.layers.includes('F.Cu'));
  const paste = ours.pads.filter((p) => !p.layers.includes('F.Cu') && p.layers.includes('F.Paste'));
  expectSamePads(theirs.pads, copper);
  for (const p of theirs.pads) expect(p.layers).toContain('F.Cu');
  expectSameBoxes(
    theirs.shapes.filter((s) => s.layer === 'F.Paste' && s.filled),
    paste.map(padBox),
    'stencil opening',
  );
  expectSameBoxes(
    theirs.shapes.filter((s) => s.layer === 'F.Mask' && s.filled),
    ours.shapes.filter((s) => s.layer === 'F.Mask'),
    'solder-mask opening',
  );
  const layers = new Set(theirs.shapes.map((s) => s.layer));
  for (const l of ['F.Silkscreen', 'F.Fab']) expect(layers.has(l), l).toBe(true);
}

describe('EasyEDA Pro library in KiCad 9 (pcbnew EasyEDA Pro importer)', () => {
  it('is KiCad 9 and lists every footprint of the KiCad library in the .elibz', () => {
    expect(dump.version).toMatch(/^9\./);
    expect(Object.keys(dump.elibz).sort()).toEqual(footprintFamilies.map((f) => f.footprintName).sort());
    expect(Object.keys(dump.kicad)).toHaveLength(45);
  });

  it('each .efoo on its own names its one footprint', () => {
    expect(Object.keys(dump.efoo)).toHaveLength(footprintFamilies.length);
    const names = Object.values(dump.efoo).flatMap((e) => e.names);
    expect(names.sort()).toEqual(footprintFamilies.map((f) => f.footprintName).sort());
  });

  for (const family of footprintFamilies) {
    it(`${family.footprintName}: the same copper pads, stencil and mask openings as our .kicad_mod (.elibz and .efoo)`, () => {
      const ours = dump.kicad[family.footprintName];
      const fromZip = dump.elibz[family.footprintName];
      const single = Object.values(dump.efoo).find((e) => e.names[0] === family.footprintName)?.footprint;
      expect(ours, 'our .kicad_mod loaded').toBeTruthy();
      expect(fromZip, 'loaded from the .elibz').toBeTruthy();
      expect(single, 'loaded from its .efoo').toBeTruthy();
      expectSameFootprint(fromZip!, ours!);
      expectSameFootprint(single!, ours!);
    });
  }
});
