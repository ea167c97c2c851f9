import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allModels, matedPairModel, matedPairStep, partModel, standardModels, stepModel, stepString, vrmlModel, type Solid, type Vec3 } from './index.js';
import { triangulate } from './vrml.js';

/** Decoder written for the test: the inverse of ISO 10303-21 string encoding (\X2\ only). */
function decodeStepString(literal: string): string {
  expect(literal.startsWith("'") && literal.endsWith("'")).toBe(true);
  const body = literal.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; ) {
    if (body.startsWith('\\X2\\', i)) {
      const end = body.indexOf('\\X0\\', i);
      const hex = body.slice(i + 4, end);
      for (let k = 0; k < hex.length; k += 4) out += String.fromCharCode(parseInt(hex.slice(k, k + 4), 16));
      i = end + 4;
    } else if (body.startsWith("''", i)) {
      out += "'";
      i += 2;
    } else if (body.startsWith('\\\\', i)) {
      out += '\\';
      i += 2;
    } else {
      out += body[i];
      i += 1;
    }
  }
  return out;
}

const solidNamed = (solids: readonly Solid[], name: string) => {
  const s = solids.find((x) => x.name === name);
  if (!s) throw new Error(`no solid ${name}`);
  return s;
};
const centre = (s: Solid) => [0, 1, 2].map((i) => (s.bounds.min[i]! + s.bounds.max[i]!) / 2);

describe('stepString', () => {
  it('writes only printable ASCII and decodes back to the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', "'", '\\', '×', 'µ', '−', ' ', 'Z', '±', '東') }), (text) => {
        const literal = stepString(text);
        expect(/^[\x20-\x7e]*$/.test(literal)).toBe(true);
        expect(decodeStepString(literal)).toBe(text);
      }),
    );
  });
});

describe('part models', () => {
  it('rejects a bad part number with its code', () => {
    const r = stepModel('AXE541127');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('PINS_ODD');
    expect(vrmlModel('').ok).toBe(false);
  });

  it('places the 40-pin socket per the reference footprint (pin 1 at footprint (−3.8, +1.2) → model y −1.2), tails outside the body on their pads', () => {
    const m = partModel('AXE540127');
    if (!m.ok) throw new Error('no model');
    const { solids, bodyBounds, bounds } = m.value.model;
    expect(solids).toHaveLength(1 + 40 + 4);
    // The body keeps the catalog's A (10.5 mm), width 2.5 mm and the reference's 0.77 mm height.
    expect(bodyBounds).toEqual({ min: [-5.25, -1.25, 0], max: [5.25, 1.25, 0.77] });
    // The tails leave the body's long sides onto the pads, no further than the pads less 0.05 mm.
    expect(bounds).toEqual({ min: [-5.25, -1.6, 0], max: [5.25, 1.6, 0.77] });
    // Pin 1: pad 0.23 × 0.80 at (−3.8, +1.2) → model y −1.2 (−1.6 … −0.8); tail 0.13 wide (the pad less
    // 0.05 a side, narrower than the 0.15 contact), from the body's edge (y −1.25) to the pad's outer
    // end less 0.05 (y −1.55), 0.1 mm thick.
    const pin1 = solidNamed(solids, 'pin 1').bounds;
    expect(pin1.min.map((v) => +v.toFixed(4))).toEqual([-3.865, -1.55, 0]);
    expect(pin1.max.map((v) => +v.toFixed(4))).toEqual([-3.735, -1.25, 0.1]);
    expect(centre(solidNamed(solids, 'pin 2'))).toEqual([-3.8, 1.4, 0.05]);
    expect(centre(solidNamed(solids, 'pin 40'))).toEqual([3.8, 1.4, 0.05]);
    // Soldering terminals at x = ±4.8 (reference): the part of their pads (y ±1.1, 1.1 long) beyond the body.
    const terminals = solids
      .filter((s) => s.kind === 'terminal')
      .map(centre)
      .map(([x, y]) => `${x},${y}`)
      .sort();
    expect(terminals).toEqual(['-4.8,-1.425', '-4.8,1.425', '4.8,-1.425', '4.8,1.425']);
    // No tail enters the body's outline.
    for (const s of solids.filter((x) => x.kind !== 'body')) expect(Math.abs(s.bounds.min[1]) >= 1.25 && Math.abs(s.bounds.max[1]) >= 1.25, s.name).toBe(true);
  });

  it('header: a plain body; its four soldering terminals leave the body beside their pads (the pads reach beyond the 2.0 mm body)', () => {
    const m = partModel('AXE640124');
    if (!m.ok) throw new Error('no model');
    const body = m.value.model.solids.find((s) => s.kind === 'body')!;
    expect(body.bounds).toEqual({ min: [-4.9, -1, 0], max: [4.9, 1, 0.65] });
    // The terminal pads (0.45 × 0.9 at y ±0.75, x ±C/2 = ±4.6) end at y ±1.2, beyond the body's ±1.0: no notch.
    expect(body.volumeMm3).toBeCloseTo(9.8 * 2 * 0.65, 6);
    const mp = m.value.model.solids.filter((s) => s.kind === 'terminal').map((s) => s.bounds);
    expect(mp).toHaveLength(4);
    // Each: its pad less 0.05 mm a side (x ±4.425 … ±4.775), from the body's side (|y| 1.0) to the pad's end less 0.05 (|y| 1.15).
    expect(mp.map((b) => [b.min[0], b.max[0], b.min[1], b.max[1]].map((v) => +v.toFixed(4)).join(' ')).sort()).toEqual(
      ['-4.775 -4.425 -1.15 -1', '-4.775 -4.425 1 1.15', '4.425 4.775 -1.15 -1', '4.425 4.775 1 1.15'].sort(),
    );
    // Contacts too: rows at ±0.875, pads 0.65 long (to ±1.2), tails from ±1.0 to ±1.15.
    const pin1 = solidNamed(m.value.model.solids, 'pin 1').bounds;
    expect([pin1.min[1], pin1.max[1]].map((v) => +v.toFixed(4))).toEqual([1, 1.15]);
    for (const s of m.value.model.solids.filter((x) => x.kind !== 'body'))
      expect(Math.min(Math.abs(s.bounds.min[1]), Math.abs(s.bounds.max[1])), s.name).toBeGreaterThanOrEqual(1);
  });

  it('gives headers their height: 0.65 mm (0.8 mm pair, reference); the 1.0 mm header is taller', () => {
    const h08 = partModel('AXE640124D');
    const h10 = partModel('AXE640224');
    if (!h08.ok || !h10.ok) throw new Error('no model');
    expect(h08.value.model.bodyBounds).toEqual({ min: [-4.9, -1, 0], max: [4.9, 1, 0.65] });
    expect(h10.value.model.bodyBounds.max[2]).toBeGreaterThan(0.65);
    expect(h08.value.model.solids).toHaveLength(1 + 40 + 4);
  });

  it('shares one model between tape, inspection and standard variants', () => {
    const a = stepModel('AXE540127');
    const b = stepModel('AXE540127D');
    const c = stepModel('AXE5E4026');
    if (!a.ok || !b.ok || !c.ok) throw new Error('no model');
    expect(b.value.fileName).toBe(a.value.fileName);
    expect(c.value.fileName).toBe(a.value.fileName);
    expect(c.value.content).toContain('Inspection part');
  });
});

describe('allModels', () => {
  const files = allModels();
  it('has one STEP and one VRML per socket pin count (16) and per header pin count and height (16 + 13)', () => {
    expect(files).toHaveLength(2 * (16 + 16 + 13));
    expect(new Set(files.map((f) => f.fileName)).size).toBe(files.length);
    expect(files.filter((f) => f.fileName.endsWith('_Socket.step'))).toHaveLength(16);
    expect(files.filter((f) => /AXE6\d\d224_.*\.wrl$/.test(f.fileName))).toHaveLength(13);
  });

  it('is byte-identical from run to run', () => {
    const again = allModels();
    expect(again.map((f) => f.fileName)).toEqual(files.map((f) => f.fileName));
    expect(again.every((f, i) => f.content === files[i]!.content)).toBe(true);
  });

  it('writes AP214 in millimetres, one coloured MANIFOLD_SOLID_BREP per solid, and says where numbers came from', () => {
    const models = standardModels();
    for (const model of models) {
      const step = files.find((f) => f.fileName === `${model.name}.step`)!.content;
      expect(step.startsWith('ISO-10303-21;\nHEADER;\n')).toBe(true);
      expect(step).toContain("FILE_SCHEMA(('AUTOMOTIVE_DESIGN { 1 0 10303 214 1 1 1 1 }'));");
      expect(step).toContain('SI_UNIT(.MILLI.,.METRE.)');
      expect(step.match(/=MANIFOLD_SOLID_BREP\(/g)).toHaveLength(model.solids.length);
      expect(step.match(/=STYLED_ITEM\(/g)).toHaveLength(model.solids.length);
      expect(step).toContain('Check before fabrication:');
      expect(step).toContain('catalog: dimension A');
      expect(step.trimEnd().endsWith('END-ISO-10303-21;')).toBe(true);
      // Every entity reference points to an entity of the file.
      const count = step.match(/^#\d+=/gm)!.length;
      const refs = [...step.matchAll(/#(\d+)/g)].map((m) => Number(m[1]));
      expect(Math.max(...refs)).toBe(count);
    }
  });
});

/** Each edge of a closed, consistently oriented shell is used twice, once in each direction. */
function edgeUse(solid: Solid): Map<string, number> {
  const use = new Map<string, number>();
  for (const face of solid.faces) {
    for (const loop of face.loops) {
      loop.forEach((p, i) => {
        const key = `${p.join(',')}>${loop[(i + 1) % loop.length]!.join(',')}`;
        use.set(key, (use.get(key) ?? 0) + 1);
      });
    }
  }
  return use;
}

/** Volume by the divergence theorem over triangles: positive and exact only if closed and wound outward. */
function signedVolume(triangles: readonly (readonly Vec3[])[]): number {
  return triangles.reduce(
    (sum, [a, b, c]) => sum + (a![0] * (b![1] * c![2] - b![2] * c![1]) - a![1] * (b![0] * c![2] - b![2] * c![0]) + a![2] * (b![0] * c![1] - b![1] * c![0])) / 6,
    0,
  );
}

describe('solids', () => {
  const models = standardModels();
  const mated = matedPairStep('AXE540127', 'AXE640124');

  it('are closed, consistently oriented shells (every model)', () => {
    for (const model of models) {
      for (const solid of model.solids) {
        const use = edgeUse(solid);
        for (const [key, n] of use) {
          const [a, b] = key.split('>');
          expect(n, `${model.name} ${solid.name} ${key}`).toBe(1);
          expect(use.get(`${b}>${a}`), `${model.name} ${solid.name} reverse of ${key}`).toBe(1);
        }
      }
    }
  });

  it('enclose their stated volume, triangulated as the VRML writer does', () => {
    for (const model of models) {
      for (const solid of model.solids) {
        expect(signedVolume(solid.faces.flatMap(triangulate))).toBeCloseTo(solid.volumeMm3, 9);
      }
    }
  });

  it('mated pair: header pin 1 over socket pin 1, header board at 0.8 mm', () => {
    expect(mated.ok).toBe(true);
    if (!mated.ok) return;
    const step = mated.value.content;
    expect(step.match(/=MANIFOLD_SOLID_BREP\(/g)).toHaveLength(45 + 45);
    expect(step).toContain("MANIFOLD_SOLID_BREP('header pin 1'");
    expect(step).toContain('z = 0.8 mm');
    const pair = matedPairModel('AXE540127', 'AXE640124');
    if (!pair.ok) throw new Error('no pair');
    const socketPin1 = centre(solidNamed(pair.value.solids, 'socket pin 1'));
    const headerPin1 = centre(solidNamed(pair.value.solids, 'header pin 1'));
    expect(headerPin1[0]).toBe(socketPin1[0]);
    expect(Math.sign(headerPin1[1]!)).toBe(Math.sign(socketPin1[1]!));
    expect(headerPin1[2]).toBeCloseTo(0.75, 9); // foot under the header board at 0.8 mm
    const headerBody = solidNamed(pair.value.solids, 'header body');
    expect(headerBody.bounds.min[2]).toBeCloseTo(0.8 - 0.65, 9);
    expect(headerBody.bounds.max[2]).toBeCloseTo(0.8, 9);
    const bad = matedPairStep('AXE640124', 'AXE540127');
    expect(bad.ok || bad.error.code).toBe('PAIR_ROLES');
    const pins = matedPairStep('AXE540127', 'AXE630124');
    expect(pins.ok || pins.error.code).toBe('PAIR_PINS');
  });
});

/** A small structural reader of the VRML we write (written for the test, not shared with the writer). */
function readVrml(text: string) {
  expect(text.startsWith('#VRML V2.0 utf8\n')).toBe(true);
  const code = text
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n');
  let depth = 0;
  let minDepth = 0;
  for (const ch of code) {
    if (ch === '{' || ch === '[') depth++;
    if (ch === '}' || ch === ']') depth--;
    minDepth = Math.min(minDepth, depth);
  }
  expect([minDepth, depth]).toEqual([0, 0]);
  const shapes = [...code.matchAll(/DEF (\w+) Shape \{[\s\S]*?diffuseColor ([\d. ]+?) ambient[\s\S]*?point \[([^\]]*)\][\s\S]*?coordIndex \[([^\]]*)\]/g)].map(
    (m) => {
      const numbers = m[3]!
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(Number);
      expect(numbers.length % 3).toBe(0);
      const points: Vec3[] = [];
      for (let i = 0; i < numbers.length; i += 3) points.push([numbers[i]! * 2.54, numbers[i + 1]! * 2.54, numbers[i + 2]! * 2.54]);
      const index = m[4]!
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(Number);
      const triangles: Vec3[][] = [];
      const bad: number[] = [];
      for (let i = 0; i < index.length; i += 4) {
        if (index[i + 3] !== -1) bad.push(i + 3);
        const corners = index.slice(i, i + 3);
        if (corners.some((k) => !(k >= 0 && k < points.length))) bad.push(i);
        triangles.push(corners.map((k) => points[k]!));
      }
      expect(bad).toEqual([]);
      return { def: m[1]!, colour: m[2]!.trim().split(' ').map(Number), points, triangles };
    },
  );
  return shapes;
}

describe('VRML', () => {
  it("has one closed, outward-wound shape per solid, in 0.1 inch units, at the model's place", () => {
    const files = allModels();
    for (const model of standardModels()) {
      const file = files.find((f) => f.fileName === `${model.name}.wrl`);
      if (!file) throw new Error(`no VRML for ${model.name}`);
      const w = { value: file };
      const shapes = readVrml(w.value.content);
      expect(shapes).toHaveLength(model.solids.length);
      shapes.forEach((shape, i) => {
        const solid = model.solids[i]!;
        expect(shape.colour).toEqual([...solid.colour]);
        // Coordinates are written to 1e-7 inch: allow 1e-5 relative.
        expect(Math.abs(signedVolume(shape.triangles) - solid.volumeMm3)).toBeLessThan(1e-5 * solid.volumeMm3);
        for (const axis of [0, 1, 2]) {
          expect(Math.min(...shape.points.map((p) => p[axis]!))).toBeCloseTo(solid.bounds.min[axis]!, 5);
          expect(Math.max(...shape.points.map((p) => p[axis]!))).toBeCloseTo(solid.bounds.max[axis]!, 5);
        }
      });
      expect(w.value.content).toContain('# Check before fabrication:');
    }
  });
});

describe('land-pattern overrides', () => {
  it('apply to the parts of their role only, and are named in the file', () => {
    const overrides = { socket: { signalPadLengthMm: 0.7 } };
    const socket = stepModel('AXE540127', { overrides, overrideOrigin: 'override: drawing 123' });
    const plain = stepModel('AXE540127');
    if (!socket.ok || !plain.ok) throw new Error('expected ok');
    expect(socket.value.content).not.toBe(plain.value.content);
    expect(socket.value.content).toContain('Land-pattern overrides (provenance override, override: drawing 123): signalPadLengthMm = 0.7 mm');
    const header = vrmlModel('AXE640124', { overrides });
    const headerPlain = vrmlModel('AXE640124');
    if (!header.ok || !headerPlain.ok) throw new Error('expected ok');
    expect(header.value.content).toBe(headerPlain.value.content);
  });

  it('that leave no solid shape give MODEL_SHAPE_INVALID, not an exception', () => {
    const tiny = stepModel('AXE640124', { overrides: { header: { terminalPadWidthMm: 0.08 } } });
    expect(tiny.ok).toBe(false);
    if (!tiny.ok) {
      expect(tiny.error.code).toBe('MODEL_SHAPE_INVALID');
      expect(tiny.error.message).toContain('pad MP');
    }
    const low = vrmlModel('AXE540127', { overrides: { socket: { bodyHeightMm: 0.1 } } });
    expect(low.ok).toBe(false);
    if (!low.ok) expect(low.error.message).toContain('cannot hold its cavity');
    const pair = matedPairModel('AXE540127', 'AXE640124', { overrides: { socket: { bodyWidthMm: 1.9 } } });
    expect(pair.ok).toBe(false);
    if (!pair.ok) expect(pair.error.code).toBe('MODEL_SHAPE_INVALID');
  });
});
