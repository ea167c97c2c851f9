import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSexprText, type Tree } from '../sexpr/index.js';

type SExpr = Tree<string>;
import { ERROR_CODES } from '../errors.js';
import { catalogParts } from '../catalog/index.js';
import { AREA_RATIO_MIN, contactAreaRatio, familyLandPattern, footprintFamilies, landPattern } from '../geometry/index.js';
import { familyFootprintText, footprintFile } from '../kicad/index.js';
import { renderFootprintReport, rotatePoint, verifyFootprint, verifyFootprintPair, type FootprintReport } from './index.js';

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
/** Findings that decide the verdict (errors and warnings); notes (info) aside. */
const problems = (r: FootprintReport) => r.findings.filter((f) => f.severity !== 'info');
/** The only notes our own footprints may carry: the IPC-7525 area-ratio note (its figure depends on the land pattern). */
const onlyAllowedNotes = (r: FootprintReport) => r.findings.filter((f) => f.severity === 'info' && f.code !== 'FP_PASTE_AREA_RATIO');
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
    ...lp.pads.map((p) => `  (pad ${p.number} smd rect (at ${fmt(p.xMm)} ${fmt(p.yMm)}) (size ${fmt(p.widthMm)} ${fmt(p.heightMm)}) (layers F.Cu F.Mask))`),
    // Stencil openings as KiCad 5 libraries draw them: unnumbered paste-only pads, from the geometry model.
    ...lp.pads.flatMap((p) =>
      p.pasteApertures.map((a) => `  (pad "" smd rect (at ${fmt(a.xMm)} ${fmt(a.yMm)}) (size ${fmt(a.widthMm)} ${fmt(a.heightMm)}) (layers F.Paste))`),
    ),
    ')',
  ].join('\n');
}

// ---- the tests ----

describe('verify-footprint: our own footprints', () => {
  for (const family of footprintFamilies) {
    it(`${family.footprintName} passes with no finding`, () => {
      const r = verify(familyFootprintText(family), family.defaultPartNumber);
      expect(problems(r)).toEqual([]);
      expect(onlyAllowedNotes(r)).toEqual([]);
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
      expect(onlyAllowedNotes(r).map((f) => f.code)).toEqual(['FP_PART_INFERRED']);
      expect(problems(r)).toEqual([]);
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
    expect(problems(r)).toEqual([]);
  });

  for (const deg of [90, 180, 270]) {
    it(`rotated by ${deg}°: still a pass, and the placement says how it was turned`, () => {
      const r = verify(rotate(ours('AXE540127').content, deg), 'AXE540127');
      expect(problems(r)).toEqual([]);
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
    expect(problems(r)).toEqual([]);
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
      expect(problems(verify(text, 'AXE540127')), shape).toEqual([]);
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
          expect(problems(r)).toEqual([]);
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

// ---- issue 19: decisions from evidence, never from the best score ----

/** Our footprint with every part number taken out (name, value, description, tags, properties). */
const anonymous = (pn: string) => ours(pn).content.replace(/AXE[0-9A-Za-z*]+/g, 'CONN');
/** Rows swapped by renumbering (pin 2k−1 ↔ 2k): the mirror image with the same copper. */
const swapRows = (text: string) => text.replace(/\(pad "(\d+)"/g, (_m, n: string) => `(pad "${Number(n) % 2 ? Number(n) + 1 : Number(n) - 1}"`);
/** The text with the footprint's description replaced. */
const describedAs = (text: string, descr: string) => text.replace(/\(descr "[^"]*"\)/, `(descr "${descr}")`);

describe('verify-footprint: the part comes from the file, never from the best score', () => {
  it('a mirrored socket with no part number is compared as a socket (geometry) and gets FP_CHIRALITY', () => {
    const r = verify(swapRows(anonymous('AXE540127')));
    expect(r.part.role).toBe('socket');
    expect(r.part.roleFromGeometry?.decided).toBe(true);
    expect(r.findings.find((f) => f.code === 'FP_CHIRALITY')).toMatchObject({ severity: 'error' });
    // The evidence is stated: each feature, what it measured, and what each role's pattern has.
    const inferred = r.findings.find((f) => f.code === 'FP_PART_INFERRED')!;
    expect(inferred.message).toMatch(/geometry says socket/);
    expect(r.part.roleFromGeometry!.evidence.some((e) => /soldering-terminal pads \d+ \(socket \d+, header \d+\)/.test(e))).toBe(true);
  });

  it('the role from geometry follows the land patterns of src/geometry: our socket and header read as themselves, at every pin count', () => {
    for (const pins of [10, 24, 40, 80]) {
      for (const role of ['socket', 'header'] as const) {
        const pn = role === 'socket' ? `AXE5${pins}127` : `AXE6${pins}124`;
        const r = verify(anonymous(pn));
        expect(r.part.role, pn).toBe(role);
        expect(r.matches, pn).toBe(true);
      }
    }
  });

  it('when the geometry cannot tell socket from header: a warning, the mirror check under both readings, never the reading with fewer errors', () => {
    // Contacts only, rows and pad length half-way between the two patterns, no terminals: no feature points to a role.
    const s = landPattern('socket', 20, null);
    const h = landPattern('header', 20, 0.8);
    const rowOffset = (s.params.signalRowOffsetMm.valueMm + h.params.signalRowOffsetMm.valueMm) / 2;
    const length = (s.params.signalPadLengthMm.valueMm + h.params.signalPadLengthMm.valueMm) / 2;
    const contacts = (oddSign: number) =>
      s.pads
        .filter((p) => p.kind === 'signal')
        .map((p) => {
          const y = (Number(p.number) % 2 ? oddSign : -oddSign) * rowOffset;
          return `(pad "${p.number}" smd rect (at ${fmt(p.xMm)} ${fmt(y)}) (size ${fmt(p.widthMm)} ${fmt(length)}) (layers "F.Cu" "F.Paste" "F.Mask"))`;
        })
        .join(' ');
    const readings = (text: string) => {
      const r = verify(text);
      expect(r.part.roleFromGeometry?.decided).toBe(false);
      const inferred = r.findings.find((f) => f.code === 'FP_PART_INFERRED')!;
      expect(inferred.severity).toBe('warning');
      expect(inferred.message).toMatch(/does not tell socket from header/);
      expect(r.matches).toBe(false);
      // A mirror finding under a guessed role is a warning that says so, never an error.
      expect(r.findings.filter((f) => f.code === 'FP_CHIRALITY' && f.severity === 'error')).toEqual([]);
      return Object.fromEntries(r.part.roleFromGeometry!.readings.map((x) => [x.role, x.mirrored]));
    };
    const a = readings(`(footprint "CONN" ${contacts(1)})`);
    const b = readings(`(footprint "CONN" ${contacts(-1)})`);
    // Socket and header patterns are each other's mirror image: one reading says mirrored, the other not; swapping the rows swaps them.
    expect(a.socket).toBe(!a.header);
    expect(b).toEqual({ socket: !a.socket, header: !a.header });
  });

  it('a part number introduced as the mate in the description is never taken', () => {
    const socket = describedAs(anonymous('AXE540127'), 'A4S socket, mates with header AXE640124');
    const r = verify(socket);
    expect(r.part.role).toBe('socket');
    expect(r.part.identifiedBy).not.toBe('description');
    expect(r.matches).toBe(true);
    const mirrored = verify(swapRows(socket));
    expect(mirrored.part.role).toBe('socket');
    expect(codes(mirrored)).toContain('FP_CHIRALITY');
    for (const words of ['Mating part: AXE640124', 'for header AXE640124', 'counterpart AXE640124', 'AXE640124 (mating header)']) {
      expect(verify(describedAs(anonymous('AXE540127'), words)).part.identifiedBy, words).toBe('pad count');
    }
  });

  it("the footprint's own name or value wins over the description; the description counts when nothing else names a part", () => {
    const named = describedAs(ours('AXE540127').content, 'A4S connector AXE640124');
    expect(verify(named).part).toMatchObject({ partNumber: 'AXE540127', identifiedBy: 'footprint name' });
    const onlyDescription = describedAs(anonymous('AXE540127'), 'A4S socket AXE540127');
    expect(verify(onlyDescription).part).toMatchObject({ partNumber: 'AXE540127', identifiedBy: 'description' });
  });
});

/**
 * Our footprint as pcbnew copies it off a board: its own placement (at x y angle), pads carrying
 * the board angle; on the bottom side mirrored as pcbnew stores it (local y negated, a pad's own
 * rotation r becomes −r, B.* layers).
 */
function placedOnBoard(text: string, angleDeg: number, bottom: boolean): string {
  const flipped = bottom ? mapPoints(text, ([x, y]) => [x, -y]).replace(/"?\bF\.(Cu|Paste|Mask|SilkS|Fab|CrtYd)\b"?/g, '"B.$1"') : text;
  const placed = mapPads(flipped, (pad) =>
    pad.map((c) => {
      if (head(c) !== 'at' || !isList(c)) return c;
      const own = Number(c[3] ?? 0);
      return ['at', c[1]!, c[2]!, fmt((((angleDeg + (bottom ? -own : own)) % 360) + 360) % 360)];
    }),
  );
  return placed.replace(/^\(footprint ("[^"]*"|[^\s()]+)/, `(footprint $1 (at 100 50 ${angleDeg})`);
}

describe('verify-footprint: orientation (bottom side, any angle)', () => {
  it('a footprint copied off the bottom side of a board is flipped back: the correct one matches (a note), the mirrored one is found', () => {
    for (const angle of [0, 30, 90, 150]) {
      const good = verify(placedOnBoard(ours('AXE540127').content, angle, true));
      expect(problems(good), `${angle}°`).toEqual([]);
      expect(good.file.flipped).toMatchObject({ library: false });
      expect(good.findings.find((f) => f.code === 'FP_BOTTOM_SIDE')).toMatchObject({ severity: 'info' });
      const bad = verify(placedOnBoard(swapRows(ours('AXE540127').content), angle, true));
      expect(codes(bad), `${angle}°`).toContain('FP_CHIRALITY');
    }
  });

  it('a library footprint with all its copper on B.Cu is a warning (and is compared flipped back)', () => {
    const text = ours('AXE640124').content.replace(/"F\.(Cu|Paste|Mask)"/g, '"B.$1"');
    const r = verify(text);
    expect(r.file.flipped).toMatchObject({ library: true });
    expect(r.findings.find((f) => f.code === 'FP_BOTTOM_SIDE')).toMatchObject({ severity: 'warning' });
    expect(r.matches).toBe(false);
  });

  it('a footprint placed at 30° (as copied off a board) matches; at 90° there is no false pad-size warning', () => {
    for (const angle of [30, 90, 123.4]) {
      for (const pn of ['AXE540127', 'AXE640124']) {
        const r = verify(placedOnBoard(ours(pn).content, angle, false));
        expect(problems(r), `${pn} ${angle}°`).toEqual([]);
      }
    }
  });

  it('rows at any angle are normalised by the contacts: a footprint turned by 30° with its pads turned too matches whatever the pad angles carry', () => {
    const r = verify(rotate(ours('AXE524127').content, 30));
    expect(problems(r)).toEqual([]);
    expect(r.placement!.rotationDeg).toBeCloseTo(330, 1);
  });
});

describe('verify-footprint: property tests (fast-check) over our footprints of any part', () => {
  const pnArb = fc
    .record({ role: fc.constantFrom('5', '6'), pins: fc.integer({ min: 5, max: 40 }).map((n) => 2 * n), h: fc.constantFrom('124', '224') })
    .map(({ role, pins, h }) => `AXE${role}${String(pins).padStart(2, '0')}${role === '5' ? '127' : h}`);
  const verdict = (r: FootprintReport) => ({ matches: r.matches, codes: codes(r), part: r.part.partNumber });

  it('any rotation, origin shift, pad order and top/bottom flip give the same verdict', () => {
    fc.assert(
      fc.property(
        pnArb,
        fc.integer({ min: 0, max: 3599 }).map((d) => d / 10),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: -20_000, max: 20_000 }),
        fc.boolean(),
        fc.boolean(),
        (pn, deg, seed, shiftUm, bottom, part) => {
          const base = ours(pn).content;
          const before = verify(base, part ? pn : undefined);
          const moved = shift(shufflePads(rotate(base, deg), seededOrder(seed)), shiftUm / 1000, -shiftUm / 2000);
          const after = verify(bottom ? placedOnBoard(moved, 0, true) : moved, part ? pn : undefined);
          expect(verdict(after)).toEqual(verdict(before));
          expect(before.matches).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('mirroring always turns a match into a chirality finding', () => {
    fc.assert(
      fc.property(pnArb, fc.integer({ min: 0, max: 359 }), fc.boolean(), (pn, deg, part) => {
        const r = verify(rotate(mirrorY(ours(pn).content), deg), part ? pn : undefined);
        expect(codes(r)).toContain('FP_CHIRALITY');
        expect(r.matches).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
});

describe('verify-footprint: pads named by rows or with a prefix', () => {
  /** Our footprint with contacts renamed: pin 2k−1 → `${odd}k`, pin 2k → `${even}k` (as the GPD FPC names them). */
  const byRows = (text: string, odd: string, even: string) =>
    text.replace(/\(pad "(\d+)"/g, (_m, n: string) => `(pad "${Number(n) % 2 ? `${odd}${(Number(n) + 1) / 2}` : `${even}${Number(n) / 2}`}"`);

  it('A1 … B5: the geometry is compared, the numbering is "cannot be checked" with the reading, and the mirror check runs under it', () => {
    const text = byRows(ours('AXE610124').content, 'A', 'B');
    const r = verify(text, 'AXE610124');
    expect(codes(r)).not.toContain('FP_PIN_COUNT');
    const unchecked = r.findings.find((f) => f.code === 'FP_NUMBERING_UNCHECKED')!;
    expect(unchecked.severity).toBe('warning');
    expect(unchecked.message).toMatch(/cannot be checked: pads named A1 … A5, B1 … B5/);
    expect(unchecked.message).toMatch(/If A1 is pin 1 .* the A4S header pattern; if B1 is pin 1 .* MIRROR IMAGE/);
    expect(codes(r).filter((c) => c !== 'FP_NUMBERING_UNCHECKED')).toEqual([]);
    // Rows named the other way round: under the reading "A1 is pin 1" it is the mirror image (a warning, the reading is not a fact).
    const swapped = verify(byRows(ours('AXE610124').content, 'B', 'A'), 'AXE610124');
    expect(swapped.findings.find((f) => f.code === 'FP_CHIRALITY')).toMatchObject({ severity: 'warning', pads: ['A1', 'B1'] });
  });

  it('the geometry of row-named pads is really checked: a wrong pitch is found', () => {
    const wide = mapPads(byRows(ours('AXE540127').content, 'A', 'B'), (pad) =>
      /^[AB]\d+$/.test(String(pad[1])) ? pad.map((c) => (head(c) === 'at' && isList(c) ? ['at', fmt(Number(c[1]) * 1.25), c[2]!] : c)) : pad,
    );
    expect(codes(verify(wide, 'AXE540127'))).toEqual(expect.arrayContaining(['FP_PITCH', 'FP_SPAN_B', 'FP_NUMBERING_UNCHECKED']));
  });

  it('Eagle names with a common prefix (P$1 …) are read as their numbers (a note) and checked in full', () => {
    const text = ours('AXE520127').content.replace(/\(pad "(\d+)"/g, '(pad "P$$$1"');
    const r = verify(text, 'AXE520127');
    expect(r.findings.find((f) => f.code === 'FP_PAD_NAMES')).toMatchObject({ severity: 'info' });
    expect(problems(r)).toEqual([]);
    expect(codes(verify(swapRows(ours('AXE520127').content).replace(/\(pad "(\d+)"/g, '(pad "P$$$1"'), 'AXE520127'))).toContain('FP_CHIRALITY');
  });
});

describe('verify-footprint: paste (stencil openings against the catalog)', () => {
  const withoutPastePads = (text: string) => write(parse(text).filter((c) => !(head(c) === 'pad' && isList(c) && c[1] === '')));
  const padsWithPaste = (text: string, extra = '') =>
    withoutPastePads(text).replace(/\(layers "?F\.Cu"? "?F\.Mask"?\)/g, `(layers "F.Cu" "F.Paste" "F.Mask")${extra}`);

  it('no paste at all: FP_PASTE_MISSING (error)', () => {
    const r = verify(withoutPastePads(ours('AXE540127').content), 'AXE540127');
    expect(r.findings.find((f) => f.code === 'FP_PASTE_MISSING')).toMatchObject({ severity: 'error', provenance: 'catalog' });
  });

  it('paste as large as the pads where the catalog asks for less: FP_PASTE_RATIO; larger than the pads: FP_PASTE_OVERSIZED (error)', () => {
    for (const pn of ['AXE540127', 'AXE640124']) {
      const lp = ours(pn).landPattern;
      const full = verify(padsWithPaste(ours(pn).content), pn);
      const ratio = full.findings.filter((f) => f.code === 'FP_PASTE_RATIO');
      // Contacts: the catalog's opening ratio is below 100 % for both roles, so full openings are a finding.
      expect(lp.params.signalPasteRatio.valueMm).toBeLessThan(0.9);
      expect(ratio.some((f) => /contact pad/.test(f.message) && f.found === '100 %')).toBe(true);
      // Terminals: a finding only when the catalog's metal-part ratio is not 100 %.
      expect(ratio.some((f) => /soldering-terminal/.test(f.message))).toBe(lp.params.terminalPasteRatio.valueMm < 0.9);
      const bigger = verify(padsWithPaste(ours(pn).content, ' (solder_paste_margin 0.05)'), pn);
      expect(bigger.findings.find((f) => f.code === 'FP_PASTE_OVERSIZED')).toMatchObject({ severity: 'error' });
    }
  });

  it("a paste margin ratio that gives the catalog's opening is accepted (KiCad's margin: ratio × size on each side)", () => {
    const pn = 'AXE540127';
    const lp = ours(pn).landPattern;
    // Both socket ratios are the same (catalog); a per-axis margin ratio r opens (1 + 2r)² of the area.
    expect(lp.params.signalPasteRatio.valueMm).toBe(lp.params.terminalPasteRatio.valueMm);
    const r = (Math.sqrt(lp.params.signalPasteRatio.valueMm) - 1) / 2;
    const text = padsWithPaste(ours(pn).content, ` (solder_paste_margin_ratio ${fmt(r)})`);
    expect(problems(verify(text, pn))).toEqual([]);
  });

  it('the IPC-7525 area ratio of the contact openings is reported for every family of ours, as src/geometry computes it; a note below 0.66', () => {
    for (const family of footprintFamilies) {
      const r = verify(familyFootprintText(family), family.defaultPartNumber);
      const expected = contactAreaRatio(familyLandPattern(family));
      expect(r.paste?.contactAreaRatio, family.footprintName).toBeCloseTo(expected.value, 3);
      expect(r.paste?.stencilThicknessMm).toBe(0.12);
      expect(r.findings.some((f) => f.code === 'FP_PASTE_AREA_RATIO')).toBe(expected.value < AREA_RATIO_MIN.value);
    }
    // A narrow opening (0.15 × 0.5 mm) is below 0.66: the note, with its reference.
    const narrow = mapPads(ours('AXE540127').content, (pad) =>
      pad[1] === '' && isList(pad) ? pad.map((c) => (head(c) === 'size' && Number((c as SExpr[])[1]) < 0.3 ? ['size', '0.15', '0.5'] : c)) : pad,
    );
    const r = verify(narrow, 'AXE540127');
    expect(r.paste?.contactAreaRatio).toBeCloseTo((0.15 * 0.5) / (2 * 0.65 * 0.12), 3);
    expect(r.findings.find((f) => f.code === 'FP_PASTE_AREA_RATIO')).toMatchObject({ severity: 'info', provenance: 'reference' });
  });
});

describe('verify-footprint: every catalog part of ours matches', () => {
  it('the footprint of every standard part verifies as a match (no error, no warning)', () => {
    for (const part of catalogParts) {
      const fp = footprintFile(part.partNumber);
      if (!fp.ok) throw new Error(part.partNumber);
      const r = verify(fp.value.content, part.partNumber);
      expect(problems(r), part.partNumber).toEqual([]);
      expect(onlyAllowedNotes(r), part.partNumber).toEqual([]);
    }
  }, 60_000);
});

describe('verify-footprint: hostile numbers and names', () => {
  it('coordinates or sizes that are not finite or beyond 1 m are refused with their line', () => {
    const base = ours('AXE510127').content;
    for (const [from, to] of [
      ['(size 0.23 0.8)', '(size 1e999 0.8)'],
      ['(size 0.23 0.8)', '(size nan 0.8)'],
      ['(size 0.23 0.8)', '(size 0.23 Infinity)'],
      ['(at -0.8 1.2)', '(at -1500 1.2)'],
    ] as const) {
      const text = base.replace(from, to);
      expect(text, to).not.toBe(base);
      const r = verifyFootprint(text);
      expect(r.ok, to).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('FOOTPRINT_BAD_NUMBER');
      const line = text.split('\n').findIndex((l) => l.includes(to)) + 1;
      expect(r.error.message).toMatch(new RegExp(`^line ${line}: `));
    }
    expect(ERROR_CODES).toHaveProperty('FOOTPRINT_BAD_NUMBER');
  });

  it('a footprint name with newlines or control characters cannot forge lines of the text report', () => {
    const forged = ours('AXE540127').content.replace(/^\(footprint "[^"]*"/, '(footprint "X\\nOK: the footprint matches the A4S socket pattern.\\u0007"');
    const r = verifyFootprint(swapRows(forged.replace('\\u0007', '\u0007')));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.file.name).toContain('\n');
    const text = renderFootprintReport(r.value);
    expect(text.split('\n').filter((l) => l.startsWith('OK:'))).toEqual([]);
    expect(text).toContain('X\\nOK: the footprint');
    expect(text).not.toContain('\u0007');
    // Line separators a terminal or an editor may break on are escaped too.
    const other = renderFootprintReport({ ...r.value, file: { ...r.value.file, name: 'a\u2028b\u0085c\rd' } });
    expect(other).toContain('footprint a\\u2028b\\x85c\\rd (');
    expect(JSON.stringify(r.value)).not.toMatch(/null,"found":null,"toleranceMm":Infinity|NaN/);
  });
});

describe('verify-footprint --mate: handedness only from pin numbers', () => {
  it('a row-named footprint leaves the pair undecided (null), never "pin n meets pin n"', () => {
    const byRows = ours('AXE610124').content.replace(
      /\(pad "(\d+)"/g,
      (_m, n: string) => `(pad "${Number(n) % 2 ? `A${(Number(n) + 1) / 2}` : `B${Number(n) / 2}`}"`,
    );
    const r = verifyFootprintPair({ text: ours('AXE510127').content }, { text: byRows, part: 'AXE610124' });
    expect(r.ok && r.value.matesPinToPin).toBeNull();
    expect(r.ok && r.value.matches).toBe(false);
  });
});

describe('verify-footprint: a bare (at 0 0) is no board placement', () => {
  it('a library footprint with (at 0 0) and its copper on B.Cu is still a library footprint (the warning)', () => {
    const text = ours('AXE540127')
      .content.replace(/"F\.(Cu|Paste|Mask)"/g, '"B.$1"')
      .replace(/^\(footprint ("[^"]*")/, '(footprint $1 (at 0 0)');
    const r = verify(text);
    expect(r.file.board).toBeNull();
    expect(r.findings.find((f) => f.code === 'FP_BOTTOM_SIDE')).toMatchObject({ severity: 'warning' });
  });
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
    const copper = r.findings.filter((f) => f.severity !== 'info' && !/COURTYARD|FAB|PIN1|PASTE/.test(f.code));
    expect(copper).toEqual([]);
    expect(r.findings.find((f) => f.code === 'FP_TERMINAL_C')).toMatchObject({ severity: 'info', provenance: 'reference', found: '±0.565 mm' });
  });
  it('tab pads between the two designs (0.7 long at ±0.65) are no design: a warning', () => {
    const r = verify(fp(0.7, 0.65), 'AXE610124');
    expect(r.findings.some((f) => f.code === 'FP_TERMINAL_C' && f.severity === 'warning')).toBe(true);
  });
});
