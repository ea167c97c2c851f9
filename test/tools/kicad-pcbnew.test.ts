/**
 * The real check: KiCad 9's own pcbnew loads every generated footprint. One /usr/bin/python3
 * process loads them all and prints their pads, graphics, texts and model links as JSON; the
 * comparison with our geometry is done here. Fails when pcbnew is missing (CI installs KiCad).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SILK_PAD_CLEARANCE_MM,
  type Pad,
  type Rect,
  familyLandPattern,
  footprintChecks,
  footprintFamilies,
  footprintProvenance,
} from '../../src/geometry/index.js';
import { CHECKS_PROPERTY, DEFAULT_MODEL_DIR, FOOTPRINT_LAYERS, kicadLibraryFiles, PRETTY_DIR, PROVENANCE_PROPERTY } from '../../src/kicad/index.js';

const DUMP_SCRIPT = String.raw`
import json, os, sys
import pcbnew
d = sys.argv[1]
CANONICAL = {pcbnew.F_Cu: 'F.Cu', pcbnew.B_Cu: 'B.Cu', pcbnew.F_Mask: 'F.Mask', pcbnew.B_Mask: 'B.Mask',
             pcbnew.F_Paste: 'F.Paste', pcbnew.B_Paste: 'B.Paste', pcbnew.F_SilkS: 'F.SilkS', pcbnew.B_SilkS: 'B.SilkS',
             pcbnew.F_Fab: 'F.Fab', pcbnew.B_Fab: 'B.Fab', pcbnew.F_CrtYd: 'F.CrtYd', pcbnew.B_CrtYd: 'B.CrtYd',
             pcbnew.Cmts_User: 'Cmts.User', pcbnew.Dwgs_User: 'Dwgs.User'}
def layer(l): return CANONICAL.get(l, 'layer-%d' % l)
out = {'version': str(pcbnew.Version()), 'footprints': {}}
for f in sorted(os.listdir(d)):
    if not f.endswith('.kicad_mod'): continue
    name = f[:-len('.kicad_mod')]
    fp = pcbnew.FootprintLoad(d, name)
    if fp is None:
        out['footprints'][name] = None
        continue
    pads = []
    for p in fp.Pads():
        pos, size = p.GetPosition(), p.GetSize()
        pads.append({'number': p.GetNumber(), 'x': pos.x, 'y': pos.y, 'w': size.x, 'h': size.y,
                     'layers': sorted(layer(l) for l in p.GetLayerSet().Seq()),
                     'mask': p.GetLocalSolderMaskMargin() or 0, 'smd': p.GetAttribute() == pcbnew.PAD_ATTRIB_SMD,
                     'rect': p.GetShape() == pcbnew.PAD_SHAPE_RECT, 'angle': p.GetOrientationDegrees()})
    items = []
    for g in fp.GraphicalItems():
        item = {'cls': g.GetClass(), 'layer': layer(g.GetLayer())}
        if isinstance(g, pcbnew.PCB_TEXT):
            item['cls'] = 'TEXT'
            item['text'] = g.GetText()
            item['visible'] = bool(g.IsVisible())
            pos = g.GetPosition()
            item.update({'x1': pos.x, 'y1': pos.y, 'size': g.GetTextHeight()})
        else:
            s, e = g.GetStart(), g.GetEnd()
            item.update({'shape': {pcbnew.SHAPE_T_RECT: 'rect', pcbnew.SHAPE_T_SEGMENT: 'segment'}.get(g.GetShape(), 'other'), 'x1': s.x, 'y1': s.y, 'x2': e.x, 'y2': e.y, 'width': g.GetWidth(), 'filled': bool(g.IsFilled())})
        items.append(item)
    out['footprints'][name] = {
        'pads': pads, 'items': items, 'smd': bool(fp.GetAttributes() & pcbnew.FP_SMD),
        'reference': {'text': fp.Reference().GetText(), 'layer': layer(fp.Reference().GetLayer())},
        'value': {'text': fp.Value().GetText(), 'layer': layer(fp.Value().GetLayer())},
        'texts': [{'name': f.GetName(), 'text': f.GetText(), 'layer': layer(f.GetLayer()), 'visible': bool(f.IsVisible()), 'x': f.GetPosition().x, 'y': f.GetPosition().y, 'size': f.GetTextHeight(), 'thickness': f.GetTextThickness()} for f in fp.GetFields()],
        'allowBridges': bool(fp.GetAttributes() & pcbnew.FP_ALLOW_SOLDERMASK_BRIDGES),
        'description': fp.GetLibDescription(), 'keywords': fp.GetKeywords(),
        'models': [{'file': m.m_Filename, 'show': bool(m.m_Show)} for m in fp.Models()]}
json.dump(out, sys.stdout)
`;

interface KPad {
  number: string;
  x: number;
  y: number;
  w: number;
  h: number;
  layers: string[];
  mask: number;
  smd: boolean;
  rect: boolean;
  angle: number;
}
interface KItem {
  cls: string;
  layer: string;
  text?: string;
  visible?: boolean;
  size?: number;
  shape?: string;
  x1?: number;
  y1?: number;
  x2?: number;
  y2?: number;
  width?: number;
  filled?: boolean;
}
interface KField {
  name: string;
  text: string;
  layer: string;
  visible: boolean;
  x: number;
  y: number;
  size: number;
  thickness: number;
}
interface KFootprint {
  pads: KPad[];
  items: KItem[];
  smd: boolean;
  reference: { text: string; layer: string };
  value: { text: string; layer: string };
  texts: KField[];
  allowBridges: boolean;
  description: string;
  keywords: string;
  models: { file: string; show: boolean }[];
}

/** KiCad internal units: nanometres. */
const nm = (mm: number) => Math.round(mm * 1e6);
const MM = 1e6;

let dir = '';
let dump: { version: string; footprints: Record<string, KFootprint | null> };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'a4s-pcbnew-'));
  for (const f of kicadLibraryFiles({ models: false })) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
  const run = spawnSync('/usr/bin/python3', ['-c', DUMP_SCRIPT, join(dir, PRETTY_DIR)], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error || run.status !== 0) {
    // Missing KiCad is a failure, not a skip: CI installs it (.ci/run).
    throw new Error(
      `Running KiCad 9's pcbnew (/usr/bin/python3 -c "import pcbnew") failed; install Debian's kicad package from bookworm-backports. ${run.error?.message ?? ''} ${run.stderr}`,
    );
  }
  dump = JSON.parse(run.stdout);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function expectedCopper(pads: readonly Pad[]) {
  return pads.map((p) => ({
    number: p.number,
    x: nm(p.xMm),
    y: nm(p.yMm),
    w: nm(p.widthMm),
    h: nm(p.heightMm),
    layers: ['F.Cu', 'F.Mask'],
    mask: nm(p.maskExpansionMm),
    smd: true,
    rect: true,
    angle: 0,
  }));
}

function expectedPaste(pads: readonly Pad[]) {
  return pads.flatMap((p) =>
    p.pasteApertures.map((a) => ({
      number: '',
      x: nm(a.xMm),
      y: nm(a.yMm),
      w: nm(a.widthMm),
      h: nm(a.heightMm),
      layers: ['F.Paste'],
      mask: 0,
      smd: true,
      rect: true,
      angle: 0,
    })),
  );
}

const byPosition = (a: { number: string; x: number; y: number }, b: { number: string; x: number; y: number }) =>
  a.number.localeCompare(b.number) || a.x - b.x || a.y - b.y;

function loaded(name: string): KFootprint {
  const fp = dump.footprints[name];
  if (!fp) throw new Error(`pcbnew could not load ${name}`);
  return fp;
}

describe('KiCad 9 pcbnew loads every generated footprint', () => {
  it('is KiCad 8 or later and loads exactly the footprints of the library, none failing', () => {
    expect(Number(/^(\d+)\./.exec(dump.version)?.[1])).toBeGreaterThanOrEqual(8);
    expect(Object.keys(dump.footprints).sort()).toEqual(footprintFamilies.map((f) => f.footprintName).sort());
    expect(
      Object.entries(dump.footprints)
        .filter(([, v]) => v === null)
        .map(([k]) => k),
    ).toEqual([]);
  });

  it.each(footprintFamilies.map((f) => [f.footprintName, f] as const))('%s: same pads as our geometry (copper and paste apart)', (name, family) => {
    const fp = loaded(name);
    const lp = familyLandPattern(family);
    const copper = fp.pads.filter((p) => p.number !== '');
    const paste = fp.pads.filter((p) => p.number === '');
    expect(copper.length).toBe(family.pins + (lp.pads.length - family.pins));
    expect([...copper].sort(byPosition)).toEqual(expectedCopper(lp.pads).sort(byPosition));
    expect([...paste].sort(byPosition)).toEqual(expectedPaste(lp.pads).sort(byPosition));
    // Numbers "1".."N" once each, soldering terminals all "MP".
    const numbers = copper.map((p) => p.number);
    expect(new Set(numbers.filter((n) => n !== 'MP'))).toEqual(new Set(Array.from({ length: family.pins }, (_, i) => String(i + 1))));
    expect(numbers.filter((n) => n !== 'MP')).toHaveLength(family.pins);
  });

  it.each(footprintFamilies.map((f) => [f.footprintName, f] as const))('%s: layers, attributes, texts, courtyard, model links', (name, family) => {
    const fp = loaded(name);
    const lp = familyLandPattern(family);
    expect(fp.smd).toBe(true);
    const allowed = new Set<string>(FOOTPRINT_LAYERS);
    const used = [...fp.items.map((i) => i.layer), ...fp.pads.flatMap((p) => p.layers), fp.reference.layer, fp.value.layer];
    expect(used.filter((l) => !allowed.has(l))).toEqual([]);
    const layers = new Set(fp.items.map((i) => i.layer));
    for (const l of ['F.SilkS', 'F.Fab', 'F.CrtYd', 'F.Mask']) expect(layers).toContain(l);
    expect(fp.reference).toEqual({ text: 'REF**', layer: 'F.SilkS' });
    expect(fp.value).toEqual({ text: name, layer: 'F.Fab' });
    // Provenance and checks are hidden properties, surviving KiCad's string escaping unchanged;
    // the only visible texts are the reference, the value and ${REFERENCE} on F.Fab.
    const field = (n: string) => fp.texts.find((t) => t.name === n);
    expect(field(PROVENANCE_PROPERTY)?.text).toBe(footprintProvenance(lp));
    expect(field(CHECKS_PROPERTY)?.text).toBe(footprintChecks(lp));
    expect(field(CHECKS_PROPERTY)?.visible).toBe(false);
    expect(field(PROVENANCE_PROPERTY)?.visible).toBe(false);
    expect(
      fp.texts
        .filter((t) => t.visible)
        .map((t) => t.name)
        .sort(),
    ).toEqual(['Reference', 'Value']);
    expect(fp.items.filter((i) => i.cls === 'TEXT').map((i) => [i.text, i.layer])).toEqual([['${REFERENCE}', 'F.Fab']]);
    // KiCad's usual size for reference and value: 1 mm, 0.15 mm strokes.
    for (const t of fp.texts.filter((x) => x.visible)) expect([t.size, t.thickness]).toEqual([nm(1), nm(0.15)]);
    // Solder mask: one filled opening per contact row on F.Mask, bridges allowed between this footprint's pads.
    expect(fp.allowBridges).toBe(true);
    const masks = fp.items.filter((i) => i.layer === 'F.Mask');
    expect(masks).toHaveLength(2);
    expect(masks.every((m) => m.shape === 'rect' && m.filled)).toBe(true);
    // Description: every part number, pitch, heights, provenance.
    for (const pn of family.partNumbers) expect(fp.description).toContain(pn);
    expect(fp.description).toContain('0.4 mm pitch');
    for (const h of family.matedHeightsMm) expect(fp.description).toContain(`${h.toFixed(1)} mm`);
    expect(fp.description).toMatch(/Land pattern provenance: .*reference: /);
    expect(fp.keywords).toContain(family.partNumbers[0]!);
    // Courtyard: one rectangle holding every pad (with its mask opening) and the body.
    const crt = fp.items.filter((i) => i.layer === 'F.CrtYd');
    expect(crt).toHaveLength(1);
    const c = crt[0]!;
    expect(c.shape).toBe('rect');
    expect(fp.items.filter((i) => i.cls !== 'TEXT' && i.layer !== 'F.CrtYd' && i.layer !== 'F.Mask').every((i) => i.shape === 'segment')).toBe(true);
    const [minX, maxX, minY, maxY] = [Math.min(c.x1!, c.x2!), Math.max(c.x1!, c.x2!), Math.min(c.y1!, c.y2!), Math.max(c.y1!, c.y2!)];
    for (const p of fp.pads) {
      expect(p.x - p.w / 2).toBeGreaterThanOrEqual(minX);
      expect(p.x + p.w / 2).toBeLessThanOrEqual(maxX);
      expect(p.y - p.h / 2).toBeGreaterThanOrEqual(minY);
      expect(p.y + p.h / 2).toBeLessThanOrEqual(maxY);
    }
    expect(maxX - minX).toBeGreaterThanOrEqual(nm(lp.body.lengthMm));
    expect(maxY - minY).toBeGreaterThanOrEqual(nm(lp.body.widthMm));
    // No clutter: every drawing (silkscreen, fabrication, mask) lies inside the courtyard; only the
    // reference and value texts sit outside it.
    for (const i of fp.items.filter((x) => x.layer !== 'F.CrtYd')) {
      const half = (i.width ?? 0) / 2;
      for (const [x, y] of [
        [i.x1!, i.y1!],
        [i.x2 ?? i.x1!, i.y2 ?? i.y1!],
      ] as const) {
        expect(x - half, `${i.layer} ${i.cls}`).toBeGreaterThanOrEqual(minX);
        expect(x + half).toBeLessThanOrEqual(maxX);
        expect(y - half).toBeGreaterThanOrEqual(minY);
        expect(y + half).toBeLessThanOrEqual(maxY);
      }
    }
    for (const t of fp.texts.filter((x) => !x.visible)) expect(t.x >= minX && t.x <= maxX && t.y >= minY && t.y <= maxY, t.name).toBe(true);
    // 3D model: the family's own STEP file (KLC F9.3: named as the footprint), shown.
    expect(fp.models).toEqual([{ file: `${DEFAULT_MODEL_DIR}/${name}.step`, show: true }]);
    expect(family.models.map((m) => m.name)).toEqual([name]);
  });

  it.each(footprintFamilies.map((f) => [f.footprintName, f] as const))(
    '%s: silkscreen clear of every mask opening (pads and rows) by the clearance, with a pin-1 marker near pin 1',
    (name, family) => {
      const fp = loaded(name);
      const silk = fp.items.filter((i) => i.layer === 'F.SilkS' && i.cls !== 'TEXT');
      expect(silk.length).toBeGreaterThan(0);
      const openings: Rect[] = [
        ...fp.pads
          .filter((p) => p.number !== '')
          .map((p) => ({ xMm: p.x / MM, yMm: p.y / MM, widthMm: (p.w + 2 * p.mask) / MM, heightMm: (p.h + 2 * p.mask) / MM })),
        // The row openings drawn on F.Mask.
        ...fp.items
          .filter((i) => i.layer === 'F.Mask')
          .map((i) => ({
            xMm: (i.x1! + i.x2!) / 2 / MM,
            yMm: (i.y1! + i.y2!) / 2 / MM,
            widthMm: Math.abs(i.x2! - i.x1!) / MM,
            heightMm: Math.abs(i.y2! - i.y1!) / MM,
          })),
      ];
      for (const s of silk) {
        const gap = segmentToRectsMm(s, openings) - s.width! / MM / 2;
        expect(gap).toBeGreaterThanOrEqual(SILK_PAD_CLEARANCE_MM - 1e-6);
      }
      // Some silkscreen lies within 1 mm of pin 1 and on its row's side (the marker).
      const pin1 = fp.pads.find((p) => p.number === '1')!;
      const near = silk.filter((s) => Math.hypot(s.x1! - pin1.x, s.y1! - pin1.y) < 1.2 * MM && Math.sign(s.y1!) === Math.sign(pin1.y));
      expect(near.length).toBeGreaterThan(0);
      void family;
    },
  );
});

describe('the 40-pin socket against the reference production footprint (data/source/A4S-reference.md)', () => {
  // Numbers typed from the reference text, not from our geometry: signal pads 0.23 × 0.80 mm,
  // pitch 0.40 mm, x = −3.8 … +3.8, rows y = ±1.2 (pin 1 at (−3.8, +1.2), pin 2 at (−3.8, −1.2)),
  // soldering terminals 1.00 × 1.10 mm at x = ±4.8, y = ±1.1; mask 0.1 mm larger on each side.
  const TOL_MM = 0.01;
  const close = (actualNm: number, expectedMm: number) => expect(Math.abs(actualNm / MM - expectedMm)).toBeLessThanOrEqual(TOL_MM);

  it('signal pads', () => {
    const fp = loaded('Panasonic_A4S_AXE540127_2x20_P0.4mm_Socket');
    for (let pin = 1; pin <= 40; pin++) {
      const pad = fp.pads.filter((p) => p.number === String(pin));
      expect(pad).toHaveLength(1);
      const k = Math.ceil(pin / 2);
      close(pad[0]!.x, -3.8 + (k - 1) * 0.4);
      close(pad[0]!.y, pin % 2 === 1 ? 1.2 : -1.2);
      close(pad[0]!.w, 0.23);
      close(pad[0]!.h, 0.8);
      close(pad[0]!.mask, 0.1);
    }
    const p1 = fp.pads.find((p) => p.number === '1')!;
    const p2 = fp.pads.find((p) => p.number === '2')!;
    const p40 = fp.pads.find((p) => p.number === '40')!;
    close(p1.x, -3.8);
    close(p1.y, 1.2);
    close(p2.x, -3.8);
    close(p2.y, -1.2);
    close(p40.x, 3.8);
    close(p40.y, -1.2);
  });

  it('soldering-terminal pads', () => {
    const fp = loaded('Panasonic_A4S_AXE540127_2x20_P0.4mm_Socket');
    const mp = fp.pads
      .filter((p) => p.number === 'MP')
      .map((p) => [p.x / MM, p.y / MM, p.w / MM, p.h / MM, p.mask / MM])
      .sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    const expected = [
      [-4.8, -1.1],
      [-4.8, 1.1],
      [4.8, -1.1],
      [4.8, 1.1],
    ];
    expect(mp).toHaveLength(4);
    mp.forEach((pad, i) => {
      expect(Math.abs(pad[0]! - expected[i]![0]!)).toBeLessThanOrEqual(TOL_MM);
      expect(Math.abs(pad[1]! - expected[i]![1]!)).toBeLessThanOrEqual(TOL_MM);
      expect(Math.abs(pad[2]! - 1.0)).toBeLessThanOrEqual(TOL_MM);
      expect(Math.abs(pad[3]! - 1.1)).toBeLessThanOrEqual(TOL_MM);
      expect(Math.abs(pad[4]! - 0.1)).toBeLessThanOrEqual(TOL_MM);
    });
  });
});

/** Distance (mm) from a drawn segment (nm, its centre line) to the nearest rectangle; 0 if it touches. */
function segmentToRectsMm(s: KItem, rects: readonly Rect[]): number {
  const steps = 64;
  let best = Infinity;
  for (let i = 0; i <= steps; i++) {
    const x = (s.x1! + ((s.x2! - s.x1!) * i) / steps) / MM;
    const y = (s.y1! + ((s.y2! - s.y1!) * i) / steps) / MM;
    for (const r of rects) {
      const dx = Math.max(Math.abs(x - r.xMm) - r.widthMm / 2, 0);
      const dy = Math.max(Math.abs(y - r.yMm) - r.heightMm / 2, 0);
      best = Math.min(best, Math.hypot(dx, dy));
    }
  }
  return best;
}
