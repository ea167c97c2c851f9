import { familyLandPattern, footprintFamilies } from '../geometry/index.js';
import { describe, expect, it } from 'vitest';
import { catalogParts } from '../catalog/index.js';
import { eagleLibrary, eagleName, eaglePadNames } from './index.js';

/** A tiny reader for the XML we write (one element per line, attributes in double quotes). */
interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}
function parseXml(xml: string): El {
  const root: El = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: El[] = [root];
  const re = /<(\/?)([A-Za-z0-9_]+)((?:\s+[A-Za-z_][\w-]*="[^"]*")*)\s*(\/?)>|<\?[^>]*\?>|<!DOCTYPE[^>]*>|([^<]+)/g;
  for (const m of xml.matchAll(re)) {
    if (m[5] !== undefined) {
      stack[stack.length - 1]!.text += m[5];
      continue;
    }
    if (!m[2]) continue;
    if (m[1]) {
      const top = stack.pop()!;
      expect(top.name, 'closing tag matches').toBe(m[2]);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of m[3]!.matchAll(/([A-Za-z_][\w-]*)="([^"]*)"/g)) {
      expect(attrs, `attribute ${a[1]} given twice on <${m[2]}>`).not.toHaveProperty(a[1]!);
      attrs[a[1]!] = a[2]!;
    }
    const el: El = { name: m[2], attrs, children: [], text: '' };
    stack[stack.length - 1]!.children.push(el);
    if (!m[4]) stack.push(el);
  }
  expect(stack).toHaveLength(1);
  return root;
}
const all = (el: El, name: string): El[] => [...el.children.filter((c) => c.name === name), ...el.children.flatMap((c) => all(c, name))];
const one = (el: El, name: string): El => {
  const found = all(el, name);
  expect(found.length, name).toBeGreaterThan(0);
  return found[0]!;
};
const num = (v: string | undefined) => {
  expect(v).toMatch(/^-?\d+(\.\d+)?$/);
  return Number(v);
};

const xml = eagleLibrary();
const doc = parseXml(xml);

describe('Eagle library (.lbr)', () => {
  it("is an Eagle 9 XML document with the DTD's structure for a library (a hand-written subset of eagle.dtd's rules)", () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE eagle SYSTEM "eagle.dtd">\n<eagle version="9.')).toBe(true);
    const eagle = one(doc, 'eagle');
    expect(eagle.children.map((c) => c.name)).toEqual(['drawing']);
    expect(one(doc, 'drawing').children.map((c) => c.name)).toEqual(['settings', 'grid', 'layers', 'library']);
    expect(one(doc, 'library').children.map((c) => c.name)).toEqual(['description', 'packages', 'symbols', 'devicesets']);
    // Required attributes and enumerations of eagle.dtd (Eagle 9) for the elements we write.
    const required: Record<string, string[]> = {
      layer: ['number', 'name', 'color', 'fill'],
      package: ['name'],
      smd: ['name', 'x', 'y', 'dx', 'dy', 'layer'],
      wire: ['x1', 'y1', 'x2', 'y2', 'width', 'layer'],
      rectangle: ['x1', 'y1', 'x2', 'y2', 'layer'],
      text: ['x', 'y', 'size', 'layer'],
      symbol: ['name'],
      pin: ['name', 'x', 'y'],
      deviceset: ['name'],
      gate: ['name', 'symbol', 'x', 'y'],
      connect: ['gate', 'pin', 'pad'],
      technology: ['name'],
      attribute: ['name'],
    };
    for (const [name, attrs] of Object.entries(required))
      for (const el of all(doc, name)) for (const a of attrs) expect(el.attrs, `<${name}> needs ${a}`).toHaveProperty(a);
    const enums: [string, string, RegExp][] = [
      ['smd', 'stop', /^(yes|no)$/],
      ['smd', 'cream', /^(yes|no)$/],
      ['pin', 'length', /^(point|short|middle|long)$/],
      ['pin', 'direction', /^(nc|in|out|io|oc|pwr|pas|hiz|sup)$/],
      ['pin', 'rot', /^R(0|90|180|270)$/],
      ['text', 'align', /^(bottom-left|bottom-center|bottom-right|center-left|center|center-right|top-left|top-center|top-right)$/],
    ];
    for (const [name, attr, re] of enums) for (const el of all(doc, name)) if (el.attrs[attr] !== undefined) expect(el.attrs[attr]).toMatch(re);
    const layers = new Set(all(doc, 'layer').map((l) => l.attrs.number));
    for (const name of ['smd', 'wire', 'rectangle', 'text'])
      for (const el of all(doc, name)) expect(layers.has(el.attrs.layer), `layer ${el.attrs.layer} is declared`).toBe(true);
  });

  it('a package per footprint family: the KiCad land pattern, y negated, unique pad names, paste on tCream, courtyard on tKeepout', () => {
    const packages = all(doc, 'package');
    expect(packages.map((p) => p.attrs.name)).toEqual(footprintFamilies.map((f) => eagleName(f.footprintName)));
    footprintFamilies.forEach((family, i) => {
      const pkg = packages[i]!;
      const lp = familyLandPattern(family);
      const smds = all(pkg, 'smd');
      expect(new Set(smds.map((s) => s.attrs.name)).size).toBe(smds.length);
      expect(smds.map((s) => [s.attrs.name, num(s.attrs.x), num(s.attrs.y), num(s.attrs.dx), num(s.attrs.dy)])).toEqual(
        lp.pads.map((p, k) => [eaglePadNames(lp)[k], p.xMm, -p.yMm + 0, p.widthMm, p.heightMm]),
      );
      expect(smds.every((s) => s.attrs.stop === 'yes' && s.attrs.cream === 'no' && s.attrs.layer === '1')).toBe(true);
      const cream = all(pkg, 'rectangle').filter((r) => r.attrs.layer === '31');
      expect(cream).toHaveLength(lp.pads.length);
      const wires = all(pkg, 'wire');
      expect(wires.filter((w) => w.attrs.layer === '39')).toHaveLength(4);
      expect(wires.filter((w) => w.attrs.layer === '51')).toHaveLength(lp.fabOutline.length);
      expect(wires.filter((w) => w.attrs.layer === '21')).toHaveLength(lp.silkscreen.length + lp.pin1Marker.length);
      const description = one(pkg, 'description').text;
      expect(description).toMatch(/\[reference\]|\[assumed\]/);
      expect(description).toMatch(/signalPadWidthMm = 0\.23 mm/);
    });
  });

  it('a device set per family with a technology per catalog part number (MPN, MANUFACTURER); every pad connected once', () => {
    const sets = all(doc, 'deviceset');
    expect(sets).toHaveLength(footprintFamilies.length);
    const technologies = all(doc, 'technology').map((t) => t.attrs.name);
    expect([...technologies].sort()).toEqual(catalogParts.map((p) => p.partNumber).sort());
    for (const t of all(doc, 'technology')) {
      const attrs = Object.fromEntries(all(t, 'attribute').map((a) => [a.attrs.name, a.attrs.value]));
      expect(attrs).toEqual({ MPN: t.attrs.name, MANUFACTURER: 'Panasonic' });
    }
    const packages = new Map(all(doc, 'package').map((p) => [p.attrs.name, p]));
    const symbols = new Map(all(doc, 'symbol').map((s) => [s.attrs.name, s]));
    for (const set of sets) {
      const device = one(set, 'device');
      const pkg = packages.get(device.attrs.package!)!;
      const sym = symbols.get(one(set, 'gate').attrs.symbol!)!;
      const pads = all(one(set, 'connects'), 'connect').flatMap((c) => c.attrs.pad!.split(' '));
      expect([...pads].sort()).toEqual(
        all(pkg, 'smd')
          .map((s) => s.attrs.name)
          .sort(),
      );
      expect(
        all(one(set, 'connects'), 'connect')
          .map((c) => c.attrs.pin)
          .sort(),
      ).toEqual(
        all(sym, 'pin')
          .map((p) => p.attrs.name)
          .sort(),
      );
    }
  });

  it('deterministic', () => {
    expect(eagleLibrary()).toBe(xml);
  });
});
