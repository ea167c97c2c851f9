import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSexprText, type Tree } from '../sexpr/index.js';

type SExpr = Tree<string>;
import { ERROR_CODES } from '../errors.js';
import { landPattern, footprintFamilies } from '../geometry/index.js';
import { familyFootprintText, footprintFile } from '../kicad/index.js';
import { rotatePoint, verifyFootprint, type FootprintReport } from './index.js';

// ---- helpers: transform a footprint's text the way a vendor's library would differ ----

const isList = (x: SExpr | undefined): x is SExpr[] => Array.isArray(x);
const head = (x: SExpr): string | undefined => (isList(x) && typeof x[0] === 'string' ? x[0] : undefined);

function parse(text: string): SExpr[] {
  const r = readSexprText(text);
  if (!r.ok || !isList(r.value)) throw new Error('test footprint does not parse');
  return r.value;
}

function write(x: SExpr): string {
  if (isList(x)) return `(${x.map(write).join(' ')})`;
  if (x !== '' && /^[A-Za-z0-9_.+\-*$]+$/.test(x)) return x;
  return `"${x.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

const fmt = (v: number) => String(Math.round(v * 1e6) / 1e6 + 0);
const POINT_HEADS = new Set(['at', 'start', 'end', 'mid', 'center', 'xy']);

/** Moves every point of the footprint (not the pad-local shapes): a rigid motion of the whole part. */
function mapPoints(text: string, f: (p: [number, number]) => [number, number], padAngleDeg = 0): string {
  const root = parse(text);
  const walk = (x: SExpr): SExpr => {
    if (!isList(x)) return x;
    const h = head(x);
    if (h !== undefined && POINT_HEADS.has(h) && x.length >= 3) {
      const [u, v] = f([Number(x[1]), Number(x[2])]);
      return [h, fmt(u), fmt(v), ...x.slice(3)];
    }
    if (h === 'pad') {
      return x.map((c) => {
        if (head(c) !== 'at' || !isList(c)) return c;
        const [u, v] = f([Number(c[1]), Number(c[2])]);
        const angle = (Number(c[3] ?? 0) + padAngleDeg) % 360;
        return angle ? ['at', fmt(u), fmt(v), fmt(angle)] : ['at', fmt(u), fmt(v)];
      });
    }
    if (h === 'model') return x;
    return x.map(walk);
  };
  return write(walk(root));
}

const rotate = (text: string, deg: number) => mapPoints(text, (p) => rotatePoint(p, deg), deg);
const shift = (text: string, dx: number, dy: number) => mapPoints(text, ([x, y]) => [x + dx, y + dy]);
const mirrorY = (text: string) => mapPoints(text, ([x, y]) => [x, -y]);

function mapPads(text: string, f: (pad: SExpr[]) => SExpr[]): string {
  const root = parse(text);
  return write(root.map((c) => (head(c) === 'pad' && isList(c) ? f(c) : c)));
}

function shufflePads(text: string, order: (n: number) => number[]): string {
  const root = parse(text);
  const pads = root.filter((c) => head(c) === 'pad');
  const rest = root.filter((c) => head(c) !== 'pad');
  const perm = order(pads.length);
  return write([...rest, ...perm.map((i) => pads[i]!)]);
}

function seededOrder(seed: number) {
  return (n: number) => {
    const idx = Array.from({ length: n }, (_, i) => i);
    let s = seed >>> 0 || 1;
    for (let i = n - 1; i > 0; i--) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      const j = s % (i + 1);
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    return idx;
  };
}

const ours = (pn: string) => {
  const f = footprintFile(pn);
  if (!f.ok) throw new Error(pn);
  return f.value;
};
function verify(text: string, part?: string): FootprintReport {
  const r = verifyFootprint(text, part ? { part } : {});
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
const codes = (r: FootprintReport) => [...new Set(r.findings.filter((f) => f.severity !== 'info').map((f) => f.code))].sort();

/** The same land pattern written in KiCad 5 syntax: (module …), bare words, (width …), layers with paste on the copper pads. */
function kicad5(pn: string): string {
  const fp = ours(pn);
  const lp = fp.landPattern;
  const line = (s: { x1Mm: number; y1Mm: number; x2Mm: number; y2Mm: number }, layer: string) =>
    `  (fp_line (start ${fmt(s.x1Mm)} ${fmt(s.y1Mm)}) (end ${fmt(s.x2Mm)} ${fmt(s.y2Mm)}) (layer ${layer}) (width 0.12))`;
  const c = lp.courtyard;
  const box = [
    { x1Mm: c.minXMm, y1Mm: c.minYMm, x2Mm: c.maxXMm, y2Mm: c.minYMm },
    { x1Mm: c.maxXMm, y1Mm: c.minYMm, x2Mm: c.maxXMm, y2Mm: c.maxYMm },
    { x1Mm: c.maxXMm, y1Mm: c.maxYMm, x2Mm: c.minXMm, y2Mm: c.maxYMm },
    { x1Mm: c.minXMm, y1Mm: c.maxYMm, x2Mm: c.minXMm, y2Mm: c.minYMm },
  ];
  return [
    `(module ${fp.name} (layer F.Cu) (tedit 5A02FF57)`,
    '  (descr "vendor footprint")',
    '  (attr smd)',
    `  (fp_text reference REF** (at 0 -3) (layer F.SilkS)\n    (effects (font (size 1 1) (thickness 0.15)))\n  )`,
    ...lp.silkscreen.map((s) => line(s, 'F.SilkS')),
    ...lp.pin1Marker.map((s) => line(s, 'F.SilkS')),
    ...lp.fabOutline.map((s) => line(s, 'F.Fab')),
    ...box.map((s) => line(s, 'F.CrtYd')),
    ...lp.pads.map(
      (p) => `  (pad ${p.number} smd rect (at ${fmt(p.xMm)} ${fmt(p.yMm)}) (size ${fmt(p.widthMm)} ${fmt(p.heightMm)}) (layers F.Cu F.Paste F.Mask))`,
    ),
    ')',
  ].join('\n');
}

// ---- the tests ----

describe('verify-footprint: our own footprints', () => {
  for (const family of footprintFamilies) {
    it(`${family.footprintName} passes with no finding`, () => {
      const r = verify(familyFootprintText(family), family.defaultPartNumber);
      expect(r.findings).toEqual([]);
      expect(r.matches).toBe(true);
      expect(r.placement).toEqual({ rotationDeg: 0, originMm: { x: 0, y: 0 } });
    });
  }

  it('finds the part in the footprint name when --part is not given, and says so', () => {
    const fp = ours('AXE540127');
    const r = verify(fp.content);
    expect(r.part).toMatchObject({ partNumber: 'AXE540127', identifiedBy: 'footprint name' });
    const byFile = verifyFootprint(fp.content.replace(/Panasonic_A4S_AXE540127/g, 'X'), { fileName: 'AXE540127D.kicad_mod' });
    expect(byFile.ok && byFile.value.part.identifiedBy).toBe('file name');
  });

  it('without any part number, infers the part from the pad count (an info note) and picks the pattern that fits', () => {
    for (const pn of ['AXE524127', 'AXE640124']) {
      const text = ours(pn).content.replace(/AXE[0-9A-Za-z*]+/g, 'CONN');
      const r = verify(text);
      expect(r.part.identifiedBy).toBe('pad count');
      expect(r.part.role).toBe(pn.startsWith('AXE5') ? 'socket' : 'header');
      expect(r.findings.map((f) => f.code)).toEqual(['FP_PART_INFERRED']);
      expect(r.matches).toBe(true);
    }
  });

  it('ignores paste-only and mask-only pads (our files carry paste openings as separate pads)', () => {
    const fp = ours('AXE540127');
    const r = verify(fp.content);
    const withMask = fp.content.replace(
      /\)\s*$/,
      '  (pad "" smd rect (at 30 30) (size 5 5) (layers "F.Mask"))\n  (pad "" smd rect (at 30 30) (size 5 5) (layers "F.Paste"))\n)\n',
    );
    const more = verify(withMask);
    expect(more.matches).toBe(true);
    expect(more.file.ignoredPads).toBe(r.file.ignoredPads + 2);
  });
});

describe('verify-footprint: wrong footprints give the expected answer', () => {
  it('rows swapped (pin 2k−1 ↔ 2k renumbered): FP_CHIRALITY, the mirror image', () => {
    const fp = ours('AXE540127');
    const swapped = mapPads(fp.content, (pad) => {
      const n = Number(pad[1]);
      return /^\d+$/.test(String(pad[1])) ? [pad[0]!, String(n % 2 ? n + 1 : n - 1), ...pad.slice(2)] : pad;
    });
    const r = verify(swapped, 'AXE540127');
    expect(codes(r)).toEqual(['FP_CHIRALITY']);
    const f = r.findings.find((x) => x.code === 'FP_CHIRALITY')!;
    expect(f.severity).toBe('error');
    expect(f.message).toMatch(/pin 1 meets the header's pin 2/);
  });

  it('the footprint mirrored about its long axis (a header drawn as seen from below): FP_CHIRALITY', () => {
    const r = verify(mirrorY(ours('AXE640124').content), 'AXE640124');
    expect(codes(r)).toContain('FP_CHIRALITY');
    expect(codes(r).filter((c) => c !== 'FP_PIN1_MARK_MISSING')).toEqual(['FP_CHIRALITY']);
  });

  it('pad order shuffled: still a pass', () => {
    const r = verify(shufflePads(ours('AXE530127').content, seededOrder(7)), 'AXE530127');
    expect(r.findings).toEqual([]);
  });

  for (const deg of [90, 180, 270]) {
    it(`rotated by ${deg}°: still a pass, and the placement says how it was turned`, () => {
      const r = verify(rotate(ours('AXE540127').content, deg), 'AXE540127');
      expect(r.findings).toEqual([]);
      expect(r.placement!.rotationDeg).toBe((360 - deg) % 360);
    });
  }

  it('a 0.5 mm pitch: FP_PITCH and FP_SPAN_B (errors, catalog)', () => {
    const fp = ours('AXE540127');
    const wide = mapPads(fp.content, (pad) => {
      if (!/^\d+$/.test(String(pad[1]))) return pad;
      return pad.map((c) => (head(c) === 'at' && isList(c) ? ['at', fmt(Number(c[1]) * 1.25), c[2]!] : c));
    });
    const r = verify(wide, 'AXE540127');
    expect(codes(r)).toEqual(expect.arrayContaining(['FP_PITCH', 'FP_SPAN_B']));
    const pitch = r.findings.find((f) => f.code === 'FP_PITCH')!;
    expect(pitch).toMatchObject({ severity: 'error', expected: '0.4 mm', found: '0.5 mm', provenance: 'catalog' });
  });

  it('the header pattern on a socket part: mirrored, rows too close, terminals off C (errors against the reference socket pattern)', () => {
    const r = verify(ours('AXE640124').content, 'AXE540127');
    expect(codes(r)).toEqual(expect.arrayContaining(['FP_CHIRALITY', 'FP_ROW_SPACING', 'FP_TERMINAL_C']));
    expect(r.findings.find((f) => f.code === 'FP_TERMINAL_C')!).toMatchObject({
      severity: 'error',
      provenance: 'reference',
      expected: '±4.8 mm',
      found: '±4.6 mm',
    });
  });

  it('the socket pattern on a header part: errors against the 0.8 mm header (reference), weak against the 1.0 mm one (assumed)', () => {
    const strong = verify(ours('AXE540127').content, 'AXE640124');
    expect(strong.findings.find((f) => f.code === 'FP_TERMINAL_C')!).toMatchObject({ severity: 'error', provenance: 'reference' });
    const r = verify(ours('AXE540127').content, 'AXE640224');
    const terminals = r.findings.find((f) => f.code === 'FP_TERMINAL_C')!;
    expect(terminals).toMatchObject({ severity: 'warning', provenance: 'assumed' });
    expect(terminals.message).toMatch(/ASSUMED/);
  });

  it('a footprint in KiCad 5 syntax: read, and a pass', () => {
    const text = kicad5('AXE540127');
    const r = verify(text, 'AXE540127');
    expect(r.file.syntax).toBe('module');
    expect(r.findings).toEqual([]);
    const mirrored = verify(mirrorY(text), 'AXE540127');
    expect(codes(mirrored)).toContain('FP_CHIRALITY');
  });

  it('pads as roundrect, oval and custom shapes are measured by their extent: a pass', () => {
    const fp = ours('AXE540127');
    for (const shape of ['roundrect', 'oval', 'custom']) {
      const text = mapPads(fp.content, (pad) => {
        if (pad[3] !== 'rect' || !(pad as SExpr[]).some((c) => isList(c) && head(c) === 'layers' && c.includes('F.Cu'))) return pad;
        const size = pad.find((c) => head(c) === 'size') as SExpr[];
        const [w, h] = [Number(size[1]), Number(size[2])];
        if (shape === 'roundrect') return [...pad.slice(0, 3), 'roundrect', ...pad.slice(4), ['roundrect_rratio', '0.25']];
        if (shape === 'oval') return [...pad.slice(0, 3), 'oval', ...pad.slice(4)];
        // custom: a small anchor and a polygon primitive that covers the pad.
        const poly = [
          'gr_poly',
          ['pts', ['xy', fmt(-w / 2), fmt(-h / 2)], ['xy', fmt(w / 2), fmt(-h / 2)], ['xy', fmt(w / 2), fmt(h / 2)], ['xy', fmt(-w / 2), fmt(h / 2)]],
          ['width', '0'],
          ['fill', 'yes'],
        ];
        return [
          ...pad.slice(0, 3),
          'custom',
          ...pad.slice(4).map((c) => (head(c) === 'size' ? ['size', '0.1', '0.1'] : c)),
          ['options', ['clearance', 'outline'], ['anchor', 'rect']],
          ['primitives', poly],
        ];
      });
      expect(verify(text, 'AXE540127').findings, shape).toEqual([]);
    }
  });

  it('missing pins, duplicated numbers, no courtyard, no fab, no pin-1 mark', () => {
    const fp = ours('AXE540127');
    const noPin7 = mapPads(fp.content, (pad) => (pad[1] === '7' ? [pad[0]!, '77', ...pad.slice(2)] : pad));
    const r = verify(noPin7, 'AXE540127');
    expect(codes(r)).toContain('FP_PIN_COUNT');
    expect(r.findings.find((f) => f.code === 'FP_PIN_COUNT')!.pads).toContain('7');
    const bare = write(parse(fp.content).filter((c) => !['fp_line', 'fp_rect', 'fp_poly', 'fp_circle', 'fp_arc'].includes(head(c) ?? '')));
    expect(codes(verify(bare, 'AXE540127'))).toEqual(['FP_COURTYARD_MISSING', 'FP_FAB_MISSING', 'FP_PIN1_MARK_MISSING']);
  });

  it('a numbering that runs around the connector (1 … N/2 in one row): FP_NUMBERING', () => {
    const lp = landPattern('socket', 10, null);
    const half = 5;
    const pads = lp.pads
      .filter((p) => p.kind === 'signal')
      .map((p, i) => {
        const k = Math.floor(i / 2);
        const n = i % 2 === 0 ? k + 1 : 2 * half - k;
        return `(pad "${n}" smd rect (at ${p.xMm} ${p.yMm}) (size 0.23 0.8) (layers "F.Cu" "F.Mask"))`;
      });
    const r = verify(`(footprint "x" ${pads.join(' ')})`, 'AXE510127');
    expect(codes(r)).toContain('FP_NUMBERING');
  });
});

describe('verify-footprint: a footprint cut out of a board file (.kicad_pcb)', () => {
  /** Our footprint placed on a board as KiCad writes it: pad positions local, pad angles absolute (board angle added). */
  const onBoard = (text: string, ref: string, angle: number) =>
    text
      .replace(/^\(footprint ("[^"]*")/, `(footprint $1\n  (at 100 50 ${angle})\n  (property "Reference" "${ref}" (at 0 0 ${angle}) (layer "F.SilkS"))`)
      .replace(/\(pad ("[^"]*") smd rect\s*\(at ([-\d.]+) ([-\d.]+)\)/g, `(pad $1 smd rect (at $2 $3 ${angle})`);
  const board = (...fps: string[]) => `(kicad_pcb (version 20240108) (generator "pcbnew")\n${fps.join('\n')}\n)`;

  it('reads the footprint of the reference given, undoing its board angle; a mirrored one is found', () => {
    const fp = ours('AXE540127').content;
    const swapped = fp.replace(/\(pad "(\d+)"/g, (_m, n: string) => `(pad "${Number(n) % 2 ? Number(n) + 1 : Number(n) - 1}"`);
    const text = board(onBoard(fp, 'J1', 90), onBoard(swapped, 'J2', 270));
    const j1 = verifyFootprint(text, { reference: 'J1' });
    expect(j1.ok && j1.value).toMatchObject({
      matches: true,
      file: { board: { reference: 'J1', side: 'top', angleDeg: 90 } },
      part: { partNumber: 'AXE540127' },
    });
    const j2 = verifyFootprint(text, { reference: 'j2' });
    expect(j2.ok && j2.value.findings.map((f) => f.code)).toEqual(['FP_CHIRALITY']);
  });

  it('without --ref: the only A4S footprint; otherwise FOOTPRINT_NOT_FOOTPRINT listing the references', () => {
    const fp = ours('AXE540127').content;
    const one = verifyFootprint(board(onBoard(fp, 'J7', 0)));
    expect(one.ok && one.value.file.board?.reference).toBe('J7');
    const two = verifyFootprint(board(onBoard(fp, 'J1', 0), onBoard(fp, 'J2', 0)));
    expect(!two.ok && two.error).toMatchObject({ code: 'FOOTPRINT_NOT_FOOTPRINT', message: expect.stringContaining('J1, J2') });
    const none = verifyFootprint(board(onBoard(fp, 'J1', 0)), { reference: 'J9' });
    expect(!none.ok && none.error.code).toBe('FOOTPRINT_NOT_FOOTPRINT');
  });
});

describe('verify-footprint: unreadable input is an error value, never an exception', () => {
  it('syntax, not a footprint, no copper, nesting, unknown part', () => {
    const code = (text: string, part?: string) => {
      const r = verifyFootprint(text, part ? { part } : {});
      return r.ok ? 'ok' : r.error.code;
    };
    expect(code('(footprint "x" (pad "1" smd rect (at 0 0)')).toBe('FOOTPRINT_SYNTAX');
    expect(code('')).toBe('FOOTPRINT_SYNTAX');
    expect(code('('.repeat(100_000))).toBe('FOOTPRINT_SYNTAX');
    expect(code('(kicad_pcb (version 20221018))')).toBe('FOOTPRINT_NOT_FOOTPRINT');
    expect(code('(footprint "x" (fp_line (start 0 0) (end 1 1) (layer "F.SilkS")))')).toBe('FOOTPRINT_NOT_FOOTPRINT');
    expect(code('(footprint "x" (pad "1" smd rect (at 0 0) (size 1 1) (layers "F.Cu")))')).toBe('FOOTPRINT_PART_UNKNOWN');
    expect(code(ours('AXE540127').content, 'AXE999')).not.toBe('ok');
    for (const c of ['FOOTPRINT_SYNTAX', 'FOOTPRINT_NOT_FOOTPRINT', 'FOOTPRINT_PART_UNKNOWN', 'FP_CHIRALITY']) expect(ERROR_CODES).toHaveProperty(c);
  });

  it('a huge footprint (200,000 pads, one custom pad with 200,000 points) gives a value, not a stack overflow', () => {
    const pads = Array.from({ length: 200_000 }, (_, i) => `(pad "${(i % 3) + 1}" smd rect (at ${i % 997} ${i % 13}) (size 0.2 0.8) (layers F.Cu))`).join('');
    const r = verifyFootprint(`(footprint "AXE540127" ${pads})`);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.findings.map((f) => f.code)).toContain('FP_PIN_COUNT');
    const pts = Array.from({ length: 200_000 }, (_, i) => `(xy ${i % 7} ${i % 5})`).join('');
    const custom = verifyFootprint(`(footprint "x" (pad "1" smd custom (at 0 0) (size 0.1 0.1) (layers F.Cu) (primitives (gr_poly (pts ${pts})))))`, {
      part: 'AXE510127',
    });
    expect(custom.ok).toBe(true);
  }, 60_000);

  it('the same input gives the same report (deterministic)', () => {
    const text = ours('AXE524127').content.replace(/\(pad "1" /, '(pad "2" ');
    expect(JSON.stringify(verifyFootprint(text))).toBe(JSON.stringify(verifyFootprint(text)));
  });

  it('fast-check: any text, or a footprint with random damage, gives a value', () => {
    const base = ours('AXE510127').content;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.integer({ min: 0, max: base.length }).chain((cut) => fc.constant(base.slice(0, cut) + base.slice(cut + 3))),
        ),
        (text) => {
          const r = verifyFootprint(text);
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('verify-footprint: rigid transformations never turn a pass into a finding (fast-check)', () => {
  const parts = ['AXE510127', 'AXE524127', 'AXE540127', 'AXE580127', 'AXE610124', 'AXE630224', 'AXE650124', 'AXE680124'];
  const texts = new Map(parts.map((pn) => [pn, ours(pn).content]));
  /** Our footprint turned by `angles`, its pads shuffled, its origin shifted: no finding, and the turn is found. */
  const placementProperty = (angles: fc.Arbitrary<number>) =>
    fc.assert(
      fc.property(
        fc.constantFrom(...parts),
        angles,
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: -50_000, max: 50_000 }),
        fc.integer({ min: -50_000, max: 50_000 }),
        (pn, deg, seed, dx, dy) => {
          const text = shift(shufflePads(rotate(texts.get(pn)!, deg), seededOrder(seed)), dx / 1000, dy / 1000);
          const r = verify(text, pn);
          expect(r.findings).toEqual([]);
          const off = ((((r.placement!.rotationDeg - (360 - deg)) % 360) + 540) % 360) - 180;
          expect(Math.abs(off)).toBeLessThan(0.05);
        },
      ),
      { numRuns: 60 },
    );
  it('rotation by a multiple of 90°, pad order, origin shift', () => placementProperty(fc.constantFrom(0, 90, 180, 270)));
  it('any angle (pads carry it, as KiCad writes a turned footprint), pad order, origin shift', () =>
    placementProperty(fc.integer({ min: 0, max: 3599 }).map((d) => d / 10)));
});

describe("old socket numbers (AXE5nn124) name today's part, with a warning", () => {
  it('--part AXE534124, or the old number in the file name: FP_PART_RENAMED, compared with AXE534127 (our footprint: no other finding)', () => {
    const text = ours('AXE534127').content;
    const byOption = verify(text, 'AXE534124');
    expect(byOption.part).toMatchObject({ partNumber: 'AXE534127', identifiedFrom: '--part AXE534124, read as AXE534127' });
    expect(byOption.findings.map((f) => [f.code, f.severity])).toEqual([['FP_PART_RENAMED', 'warning']]);
    expect(byOption.findings[0]).toMatchObject({ expected: 'AXE534127', found: 'AXE534124', provenance: 'reference' });
    expect(byOption.matches).toBe(false);
    const r = verifyFootprint(text.replace(/Panasonic_A4S_AXE534127/g, 'FPC-AXE534124'), {});
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.part.partNumber).toBe('AXE534127');
    expect(r.value.findings.map((f) => f.code)).toEqual(['FP_PART_RENAMED']);
    // Today's number: nothing said.
    expect(verify(text, 'AXE534127').findings).toEqual([]);
  });
});

describe("the header evidence holds two terminal pads: the nqbit design's is a match, with a note", () => {
  // Our own fixture, written from the nqbit dash_connector's measurements (data/source/A4S-reference.md):
  // 10 contacts 0.23 × 0.65 in rows ±0.875 (odd row at −y), 4 tab pads 0.45 × 0.53 at (±1.6, ±0.565).
  const contacts = Array.from({ length: 10 }, (_, i) => {
    const pin = i + 1;
    const x = -0.8 + 0.4 * Math.floor(i / 2);
    const y = pin % 2 === 1 ? -0.875 : 0.875;
    return `  (pad "${pin}" smd rect (at ${x.toFixed(1)} ${y}) (size 0.23 0.65) (layers "F.Cu" "F.Paste" "F.Mask"))`;
  });
  const tabs = (length: number, y: number) =>
    [-1.6, 1.6].flatMap((x) => [-y, y].map((yy) => `  (pad "MP" smd rect (at ${x} ${yy}) (size 0.45 ${length}) (layers "F.Cu" "F.Paste" "F.Mask"))`));
  const fp = (length: number, y: number) => `(footprint "nqbit_like" (layer "F.Cu")\n${[...contacts, ...tabs(length, y)].join('\n')}\n)\n`;
  it('tab pads 0.45 × 0.53 at y ±0.565: an info note, no copper warning', () => {
    const r = verify(fp(0.53, 0.565), 'AXE610124');
    const copper = r.findings.filter((f) => f.severity !== 'info' && !/COURTYARD|FAB|PIN1/.test(f.code));
    expect(copper).toEqual([]);
    expect(r.findings.find((f) => f.code === 'FP_TERMINAL_C')).toMatchObject({ severity: 'info', provenance: 'reference', found: '±0.565 mm' });
  });
  it('tab pads between the two designs (0.7 long at ±0.65) are no design: a warning', () => {
    const r = verify(fp(0.7, 0.65), 'AXE610124');
    expect(r.findings.some((f) => f.code === 'FP_TERMINAL_C' && f.severity === 'warning')).toBe(true);
  });
});
