/**
 * The real check of the Eagle library: KiCad 9's Eagle importer (pcbnew's PCB_IO_MGR.EAGLE plugin,
 * through /usr/bin/python3) loads every package, and each has the same copper pads as our own
 * .kicad_mod loaded by the same pcbnew, and the same stencil openings. Fails when pcbnew is missing
 * (CI installs KiCad 9).
 */
import { footprintFamilies } from '../../src/geometry/index.js';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyFootprintText } from '../../src/kicad/index.js';
import { eagleLibrary, eagleName } from '../../src/formats/index.js';

const SCRIPT = String.raw`
import json, os, sys
import pcbnew
lbr, pretty = sys.argv[1], sys.argv[2]
io = getattr(pcbnew.PCB_IO_MGR, 'PluginFind', None) or getattr(pcbnew.PCB_IO_MGR, 'FindPlugin')
plug = io(pcbnew.PCB_IO_MGR.EAGLE)
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
        shapes.append({'layer': pcbnew.LayerName(g.GetLayer()), 'x1': b.GetLeft(), 'y1': b.GetTop(), 'x2': b.GetRight(), 'y2': b.GetBottom(), 'w': g.GetWidth()})
    return {'pads': pads, 'shapes': shapes}
out = {'version': str(pcbnew.Version()), 'eagle': {}, 'kicad': {}}
for name in plug.FootprintEnumerate(lbr):
    fp = plug.FootprintLoad(lbr, name)
    out['eagle'][name] = None if fp is None else dump(fp)
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
}
interface KFootprint {
  pads: KPad[];
  shapes: KShape[];
}
interface Dump {
  version: string;
  eagle: Record<string, KFootprint | null>;
  kicad: Record<string, KFootprint | null>;
}

let dir = '';
let dump: Dump;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'a4s-eagle-'));
  const lbr = join(dir, 'Panasonic_A4S.lbr');
  writeFileSync(lbr, eagleLibrary());
  const pretty = join(dir, 'Panasonic_A4S.pretty');
  mkdirSync(pretty);
  for (const f of footprintFamilies) writeFileSync(join(pretty, `${f.footprintName}.kicad_mod`), familyFootprintText(f));
  writeFileSync(join(dir, 'dump.py'), SCRIPT);
  const run = spawnSync('/usr/bin/python3', [join(dir, 'dump.py'), lbr, pretty], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 240_000 });
  if (run.error || run.status !== 0)
    throw new Error(`KiCad's pcbnew (/usr/bin/python3 -c 'import pcbnew') is needed for this test: ${run.error?.message ?? run.stderr.slice(-2000)}`);
  dump = JSON.parse(run.stdout) as Dump;
}, 300_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Our .kicad_mod: copper pads (F.Cu + F.Mask), and stencil openings as F.Paste-only pads. */
const key = (p: { number: string; x: number; y: number; w: number; h: number }) => `${p.number.replace(/^MP\d+$/, 'MP')}@${p.x},${p.y} ${p.w}x${p.h}`;

describe('Eagle library in KiCad 9 (pcbnew Eagle importer)', () => {
  it('is KiCad 9 and lists every package', () => {
    expect(dump.version).toMatch(/^9\./);
    expect(Object.keys(dump.eagle).sort()).toEqual(footprintFamilies.map((f) => eagleName(f.footprintName)).sort());
  });

  for (const family of footprintFamilies) {
    it(`${family.footprintName}: the same copper pads and paste openings as our .kicad_mod`, () => {
      const eagle = dump.eagle[eagleName(family.footprintName)];
      const ours = dump.kicad[family.footprintName];
      expect(eagle, 'Eagle package loaded').toBeTruthy();
      expect(ours, 'our .kicad_mod loaded').toBeTruthy();
      const copper = ours!.pads.filter((p) => p.layers.includes('F.Cu'));
      const paste = ours!.pads.filter((p) => !p.layers.includes('F.Cu') && p.layers.includes('F.Paste'));
      expect(eagle!.pads.map(key).sort()).toEqual(copper.map(key).sort());
      for (const p of eagle!.pads) {
        expect(p).toMatchObject({ smd: true, rect: true, angle: 0 });
        expect(p.layers).toEqual(['F.Cu', 'F.Mask']);
      }
      // Stencil openings: tCream rectangles → F.Paste shapes, the same boxes as our paste pads.
      const box = (s: { x1: number; y1: number; x2: number; y2: number }) => `${s.x1},${s.y1},${s.x2},${s.y2}`;
      const eaglePaste = eagle!.shapes.filter((s) => s.layer === 'F.Paste').map((s) => box(s));
      expect(eaglePaste.sort()).toEqual(paste.map((p) => box({ x1: p.x - p.w / 2, y1: p.y - p.h / 2, x2: p.x + p.w / 2, y2: p.y + p.h / 2 })).sort());
      const layers = new Set(eagle!.shapes.map((s) => s.layer));
      for (const l of ['F.Silkscreen', 'F.Fab', 'F.Courtyard']) expect(layers.has(l), l).toBe(true);
    });
  }
});
