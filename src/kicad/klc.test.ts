/**
 * The KiCad Library Conventions (klc.kicad.org) that fit a manufacturer library, checked on every
 * generated footprint and symbol. Rules we do not follow are listed, with the reason, in the
 * library README (tested at the end). KiCad's own checker (kicad-library-utils) agrees on the
 * rules checked here when run by hand; it is not part of the project.
 */
import { describe, expect, it } from 'vitest';
import { footprintName, footprintFamilies } from '../geometry/index.js';
import { DEFAULT_MODEL_DIR } from './library-paths.js';
import { childNamed, childrenNamed, kicadLibraryFiles, readSexpr as readTree, valueOf, type SList, type SNode } from './index.js';

/** Reads a file this project wrote (a failure is a test failure). */
const readSexpr = (text: string): SNode => {
  const r = readTree(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const files = kicadLibraryFiles({ models: false });
const text = (c: string | Uint8Array) => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'));
const footprints = files.filter((f) => f.path.endsWith('.kicad_mod')).map((f) => ({ path: f.path, tree: readSexpr(text(f.content)) as SList }));
const num = (n: SList | undefined, i: number) => Number(valueOf(n?.[i]));
const layerOf = (n: SList) => String(valueOf(childNamed(n, 'layer')?.[1]));
const strokeWidth = (n: SList) => num(childNamed(childNamed(n, 'stroke')!, 'width'), 1);
const byLayer = (tree: SList, head: string, layer: string) => childrenNamed(tree, head).filter((n) => layerOf(n) === layer);
const onGrid = (v: number, grid: number) => Math.abs(Math.round(v / grid) * grid - v) < 1e-9;

describe.each(footprints.map((f) => [f.path, f.tree] as const))('KLC on %s', (path, tree) => {
  const name = String(valueOf(tree[1]));
  const pads = childrenNamed(tree, 'pad').filter((p) => valueOf(p[1]) !== '');
  const crt = byLayer(tree, 'fp_rect', 'F.CrtYd');

  it('F2/F3: file named as the footprint, convention Manufacturer_Series_MPN_RowsxPins_Pitch_Kind', () => {
    expect(path).toBe(`Panasonic_A4S.pretty/${name}.kicad_mod`);
    expect(name).toMatch(/^Panasonic_A4S_AXE[56]\d\d[12]2[47]_2x\d+_P0\.4mm_(Socket|Header_Rev2)$/);
  });

  it('F5.1: silkscreen lines 0.12 mm; F5.2: fabrication outline 0.1 mm with ${REFERENCE} and the value on F.Fab', () => {
    const silk = byLayer(tree, 'fp_line', 'F.SilkS');
    expect(silk.length).toBeGreaterThan(0);
    expect(silk.every((l) => strokeWidth(l) === 0.12)).toBe(true);
    const fab = byLayer(tree, 'fp_line', 'F.Fab');
    expect(fab.length).toBeGreaterThanOrEqual(4);
    expect(fab.every((l) => strokeWidth(l) === 0.1)).toBe(true);
    const props = new Map(childrenNamed(tree, 'property').map((p) => [String(valueOf(p[1])), p]));
    expect(layerOf(props.get('Reference')!)).toBe('F.SilkS');
    expect(layerOf(props.get('Value')!)).toBe('F.Fab');
    expect(valueOf(props.get('Value')![2])).toBe(name);
    const user = childrenNamed(tree, 'fp_text').filter((t) => valueOf(t[1]) === 'user');
    expect(user.map((t) => [valueOf(t[2]), layerOf(t)])).toEqual([['${REFERENCE}', 'F.Fab']]);
  });

  it('F5.3: one courtyard rectangle, 0.05 mm lines on a 0.01 mm grid, holding every pad', () => {
    expect(crt).toHaveLength(1);
    const c = crt[0]!;
    expect(strokeWidth(c)).toBe(0.05);
    const [x0, y0, x1, y1] = [num(childNamed(c, 'start'), 1), num(childNamed(c, 'start'), 2), num(childNamed(c, 'end'), 1), num(childNamed(c, 'end'), 2)];
    for (const v of [x0, y0, x1, y1]) expect(onGrid(v, 0.01)).toBe(true);
    for (const p of pads) {
      const [x, y] = [num(childNamed(p, 'at'), 1), num(childNamed(p, 'at'), 2)];
      const [w, h] = [num(childNamed(p, 'size'), 1), num(childNamed(p, 'size'), 2)];
      expect(x - w / 2 >= x0 && x + w / 2 <= x1 && y - h / 2 >= y0 && y + h / 2 <= y1).toBe(true);
    }
  });

  it("F5.4: pin 1 marked on the fabrication layer (a chamfered corner of at most 1 mm at pin 1's end) and on the silkscreen", () => {
    const fab = byLayer(tree, 'fp_line', 'F.Fab').map((l) => [
      num(childNamed(l, 'start'), 1),
      num(childNamed(l, 'start'), 2),
      num(childNamed(l, 'end'), 1),
      num(childNamed(l, 'end'), 2),
    ]);
    const diagonal = fab.filter(([a, b, c, d]) => a !== c && b !== d);
    expect(diagonal).toHaveLength(1);
    const [a, b, c, d] = diagonal[0]!;
    expect(Math.hypot(c! - a!, d! - b!)).toBeLessThanOrEqual(Math.SQRT2 * 1 + 1e-9);
    const pin1 = pads.find((p) => valueOf(p[1]) === '1')!;
    const [px, py] = [num(childNamed(pin1, 'at'), 1), num(childNamed(pin1, 'at'), 2)];
    expect(Math.min(a!, c!)).toBeLessThan(0);
    expect(px).toBeLessThan(0);
    expect(Math.sign(b! + d!)).toBe(Math.sign(py));
    const silk = byLayer(tree, 'fp_line', 'F.SilkS').filter((l) => Math.hypot(num(childNamed(l, 'start'), 1) - px, num(childNamed(l, 'start'), 2) - py) < 1.2);
    expect(silk.length).toBeGreaterThan(0);
  });

  it('F6.x (SMD): SMD attribute, pads on F.Cu and F.Mask, numbered 1…N and MP, stencil openings on F.Paste', () => {
    expect(valueOf(childNamed(tree, 'attr')![1])).toBe('smd');
    for (const p of pads) {
      expect(valueOf(p[2])).toBe('smd');
      expect(childNamed(p, 'layers')!.slice(1).map(valueOf)).toEqual(['F.Cu', 'F.Mask']);
    }
    const numbers = pads.map((p) => String(valueOf(p[1])));
    const n = numbers.filter((x) => x !== 'MP').length;
    expect(new Set(numbers.filter((x) => x !== 'MP'))).toEqual(new Set(Array.from({ length: n }, (_, i) => String(i + 1))));
    const paste = childrenNamed(tree, 'pad').filter((p) => valueOf(p[1]) === '');
    expect(paste).toHaveLength(pads.length);
    for (const p of paste) expect(childNamed(p, 'layers')!.slice(1).map(valueOf)).toEqual(['F.Paste']);
  });

  it('F9.1: description with the datasheet URL, keywords, no Datasheet field', () => {
    expect(String(valueOf(childNamed(tree, 'descr')![1]))).toMatch(/https:\/\/\S+/);
    expect(String(valueOf(childNamed(tree, 'tags')![1]))).toContain('Panasonic');
    expect(childrenNamed(tree, 'property').map((p) => valueOf(p[1]))).not.toContain('Datasheet');
  });

  it('F9.3: the STEP model named as the footprint, no offset, scale 1, no rotation', () => {
    const models = childrenNamed(tree, 'model');
    expect(models.map((m) => valueOf(m[1]))).toEqual([`${DEFAULT_MODEL_DIR}/${name}.step`]);
    const m = models[0]!;
    expect(childNamed(childNamed(m, 'offset')!, 'xyz')!.slice(1)).toEqual([0, 0, 0]);
    expect(childNamed(childNamed(m, 'scale')!, 'xyz')!.slice(1)).toEqual([1, 1, 1]);
    expect(childNamed(childNamed(m, 'rotate')!, 'xyz')!.slice(1)).toEqual([0, 0, 0]);
  });
});

describe('KLC on the symbols', () => {
  const lib = readSexpr(text(files.find((f) => f.path.endsWith('.kicad_sym'))!.content));
  it.each(childrenNamed(lib, 'symbol').map((s) => [String(valueOf(s[1])), s] as const))(
    '%s: S5.1 footprint field, S5.2 escaped filter matching it, S6.2 keywords without filler words',
    (_name, symbol) => {
      const props = new Map(childrenNamed(symbol, 'property').map((p) => [String(valueOf(p[1])), String(valueOf(p[2]))]));
      const fp = props.get('Footprint')!;
      expect(fp).toMatch(/^Panasonic_A4S:/);
      const filter = props.get('ki_fp_filters')!;
      expect(filter).not.toMatch(/[_-]/);
      const re = new RegExp(`^${filter.replace(/\./g, '\\.').replace(/\?/g, '.').replace(/\*/g, '.*')}$`);
      expect(re.test(fp.slice('Panasonic_A4S:'.length))).toBe(true);
      const fillers = ['a', 'an', 'and', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with'];
      expect(
        props
          .get('ki_keywords')!
          .split(/[\s-]+/)
          .filter((w) => fillers.includes(w.toLowerCase())),
      ).toEqual([]);
      expect(props.get('Description')).toBeTruthy();
      expect(props.get('Datasheet')).toMatch(/^https:\/\//);
    },
  );

  it('every header family has its own footprint (AXE6nn124 and AXE6nn224), each symbol pointing to its own', () => {
    const fps = childrenNamed(lib, 'symbol')
      .map((s) => childrenNamed(s, 'property').find((p) => valueOf(p[1]) === 'Footprint')!)
      .map((p) => String(valueOf(p[2])));
    expect(new Set(fps).size).toBe(fps.length);
    expect(fps).toContain(`Panasonic_A4S:${footprintName('header', 40, 1.0)}`);
    expect(fps).toContain(`Panasonic_A4S:${footprintName('header', 40, 0.8)}`);
    expect(fps).toHaveLength(footprintFamilies.length);
  });
});

describe('the library README says which conventions are not followed, and why', () => {
  const readme = text(files.find((f) => f.path === 'README.md')!.content);
  it('lists the rules not followed', () => {
    expect(readme).toContain('## KiCad Library Conventions');
    for (const rule of ['F6.3', 'F9.3', 'S3.1', 'S6.2']) expect(readme).toContain(rule);
  });
});
