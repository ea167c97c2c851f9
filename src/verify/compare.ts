import { catalog } from '../catalog/index.js';
import { partGeometry, type LandPattern, type Param } from '../geometry/index.js';
import { ok, type Result } from '../result.js';
import type { FootprintDoc, FootprintPad } from './read.js';
import type { FindingCode, Severity, Strength, FootprintFinding, IdentifiedBy, FootprintReport } from './types.js';
import { r3, fmt, type Pt, type Frame, toFrame, turn, type FramedPad, box, minOf, maxOf } from './frame.js';

/** The comparison of a read footprint with the catalog model of its part: pads, rows, sizes, courtyard, fab, pin-1 mark. */

/**
 * Tolerances of the comparison (ours, `assumed`): catalog numbers are compared at drawing
 * precision; pad sizes, rows and terminals at a tolerance that depends on how strong our own
 * pattern is (a reference production footprint, or an assumption).
 */
export const TOLERANCES_MM = {
  catalog: 0.01,
  reference: 0.05,
  assumed: 0.15,
  /** Contact pad width at 0.4 mm pitch: tighter, the gap between pads is about 0.17 mm. */
  padWidthReference: 0.03,
  padWidthAssumed: 0.06,
  source:
    'assumed: tolerances of the a4s verifier (catalog values at drawing precision; our land pattern within 0.05 mm where it follows a reference footprint, 0.15 mm where it is assumed; contact width 0.03 / 0.06 mm)',
} as const;

export interface Candidate {
  readonly partNumber: string;
  readonly identifiedBy: IdentifiedBy;
  readonly identifiedFrom: string;
}

export function strengthOf(p: Param): Strength {
  return p.provenance === 'override' ? 'assumed' : p.provenance;
}

export function compareDoc(doc: FootprintDoc, candidate: Candidate, notes: FootprintFinding[], offAxisDeg: number): Result<FootprintReport> {
  const geometry = partGeometry(candidate.partNumber);
  if (!geometry.ok) return geometry;
  const { landPattern: lp, check } = geometry.value;
  const findings: FootprintFinding[] = [...notes];
  const add = (f: Omit<FootprintFinding, 'toleranceMm' | 'provenance' | 'source' | 'expected' | 'found'> & Partial<FootprintFinding>) =>
    findings.push({ expected: null, found: null, toleranceMm: null, provenance: null, source: null, ...f });

  const pins = lp.pins;
  const isContact = (p: FootprintPad) => /^\d+$/.test(p.number) && Number(p.number) >= 1 && Number(p.number) <= pins;
  const contacts = doc.pads.filter(isContact);
  const terminals = doc.pads.filter((p) => !isContact(p));
  const numbers = new Map<number, FootprintPad[]>();
  for (const p of contacts) {
    const list = numbers.get(Number(p.number));
    if (list) list.push(p);
    else numbers.set(Number(p.number), [p]);
  }
  const missing = Array.from({ length: pins }, (_, i) => i + 1).filter((n) => !numbers.has(n));
  const repeated = [...numbers].filter(([, ps]) => ps.length > 1).map(([n]) => String(n));
  const complete = missing.length === 0 && repeated.length === 0;
  if (!complete) {
    const parts = [
      missing.length ? `no pad numbered ${list(missing.map(String))}` : '',
      repeated.length ? `more than one pad numbered ${list(repeated)}` : '',
    ].filter(Boolean);
    add({
      code: 'FP_PIN_COUNT',
      severity: 'error',
      pads: [...missing.map(String), ...repeated],
      message: `${candidate.partNumber} has ${pins} contacts numbered 1 … ${pins}; this footprint has ${contacts.length} contact pads in that range (${parts.join('; ')})${terminals.length ? ` and ${terminals.length} other copper pads` : ''}.`,
      expected: `${pins} contact pads numbered 1 … ${pins}`,
      found: `${contacts.length} pads numbered 1 … ${pins}, ${terminals.length} others`,
      provenance: 'catalog',
      source: `catalog: ${pins} pins (part number ${candidate.partNumber})`,
    });
  }

  // Our frame: rows along x (the longer spread of the contact centres), pin 1 (or the lowest number) at the left.
  let placement: FootprintReport['placement'] = null;
  let framed: FramedPad[] = [];
  let framedTerminals: FramedPad[] = [];
  let frame: Frame | null = null;
  if (contacts.length >= 2) {
    const xs = contacts.map((p) => p.xMm);
    const ys = contacts.map((p) => p.yMm);
    // Rows run along the axis with more distinct contact positions (two rows share the other one).
    const distinct = (v: number[]) => new Set(v.map((x) => Math.round(x * 100))).size;
    const alongX = distinct(xs) !== distinct(ys) ? distinct(xs) > distinct(ys) : maxOf(xs) - minOf(xs) >= maxOf(ys) - minOf(ys);
    const first = [...contacts].sort((a, b) => Number(a.number) - Number(b.number))[0]!;
    let rotationDeg: Frame['rotationDeg'] = alongX ? 0 : 90;
    const mid = (vals: number[]) => (minOf(vals) + maxOf(vals)) / 2;
    const turned = contacts.map((p) => turn([p.xMm, p.yMm], rotationDeg));
    const firstTurned = turn([first.xMm, first.yMm], rotationDeg);
    if (firstTurned[0] > mid(turned.map((t) => t[0])) + 1e-6) rotationDeg = alongX ? 180 : 270;
    const all = contacts.map((p) => turn([p.xMm, p.yMm], rotationDeg));
    frame = { rotationDeg, cx: mid(all.map((t) => t[0])), cy: mid(all.map((t) => t[1])) };
    const f = frame;
    const framePad = (p: FootprintPad): FramedPad => {
      const [x, y] = toFrame(f, [p.xMm, p.yMm]);
      const swap = rotationDeg === 90 || rotationDeg === 270;
      return { pad: p, x, y, w: swap ? p.heightMm : p.widthMm, h: swap ? p.widthMm : p.heightMm };
    };
    framed = contacts.map(framePad);
    framedTerminals = terminals.map(framePad);
    // Where the file's origin is: turned back like the pads were, then into our frame.
    const origin = toFrame(f, [0, 0]);
    placement = { rotationDeg: Math.round(((((rotationDeg - offAxisDeg) % 360) + 360) % 360) * 100) / 100, originMm: { x: r3(origin[0]), y: r3(origin[1]) } };
  }

  const dims = lp.dimensions;
  const dimsStrength: Strength = dims.provenance;
  const p = lp.params;

  // Pitch, in each row (contacts sorted along the row).
  const rows = { upper: framed.filter((c) => c.y < -1e-3), lower: framed.filter((c) => c.y > 1e-3) };
  const pitches: { a: FramedPad; b: FramedPad; d: number }[] = [];
  for (const row of [rows.upper, rows.lower]) {
    const sorted = [...row].sort((a, b) => a.x - b.x);
    for (let i = 1; i < sorted.length; i++) pitches.push({ a: sorted[i - 1]!, b: sorted[i]!, d: r3(sorted[i]!.x - sorted[i - 1]!.x) });
  }
  const pitch = lp.pitchMm;
  const badPitch = pitches.filter((q) => Math.abs(q.d - pitch) > TOLERANCES_MM.catalog);
  if (badPitch.length > 0) {
    const found = [...new Set(badPitch.map((q) => q.d))].sort((a, b) => a - b);
    add({
      code: 'FP_PITCH',
      severity: 'error',
      pads: [...new Set(badPitch.flatMap((q) => [q.a.pad.number, q.b.pad.number]))].slice(0, 12),
      message: `Contacts stand ${list(found.map(fmt))} apart where the A4S pitch is ${fmt(pitch)} (${badPitch.length} of ${pitches.length} neighbouring pairs).`,
      expected: fmt(pitch),
      found: found.map(fmt).join(', '),
      toleranceMm: TOLERANCES_MM.catalog,
      provenance: 'catalog',
      source: `catalog: ${catalog.series.source}`,
    });
  }

  if (complete && frame) {
    const byNumber = new Map(framed.map((c) => [Number(c.pad.number), c]));
    const pin = (n: number) => byNumber.get(n)!;

    // Span of the contacts against B.
    const span = r3(maxOf(framed.map((c) => c.x)) - minOf(framed.map((c) => c.x)));
    const B = dims.dimensionsMm.B;
    if (Math.abs(span - B) > TOLERANCES_MM.catalog) {
      add({
        code: 'FP_SPAN_B',
        severity: 'error',
        pads: [],
        message: `The contacts span ${fmt(span)} from first to last; dimension B of ${candidate.partNumber} is ${fmt(B)} (${dims.provenance}).`,
        expected: fmt(B),
        found: fmt(span),
        toleranceMm: TOLERANCES_MM.catalog,
        provenance: dimsStrength,
        source: dims.source,
      });
    }

    // Numbering: pins 2k−1 and 2k in column k from the pin-1 end, odd pins in one row, even in the other.
    const columns = [...new Set(framed.map((c) => r3(c.x)))].sort((a, b) => a - b);
    const clusters: number[] = [];
    for (const x of columns) if (clusters.length === 0 || x - clusters[clusters.length - 1]! > pitch / 2) clusters.push(x);
    const columnOf = (x: number) => clusters.reduce((best, cx, i) => (Math.abs(cx - x) < Math.abs(clusters[best]! - x) ? i : best), 0);
    const oddSign = Math.sign(pin(1).y);
    const wrong: string[] = [];
    for (let n = 1; n <= pins; n++) {
      const c = pin(n);
      const rowOk = Math.sign(c.y) !== 0 && (n % 2 === 1 ? Math.sign(c.y) === oddSign : Math.sign(c.y) === -oddSign);
      if (!rowOk || columnOf(c.x) !== Math.ceil(n / 2) - 1) wrong.push(String(n));
    }
    const numberingOk = wrong.length === 0 && clusters.length === pins / 2 && oddSign !== 0;
    if (!numberingOk) {
      add({
        code: 'FP_NUMBERING',
        severity: 'error',
        pads: wrong.slice(0, 20),
        message: `A4S contacts are numbered with odd pins in one row and even pins in the other, pins 2k−1 and 2k side by side in position k from the pin-1 end; ${wrong.length ? `pads ${list(wrong.slice(0, 12))}${wrong.length > 12 ? ` (and ${wrong.length - 12} more)` : ''} are not where that puts them` : `the contacts form ${clusters.length} positions along the row instead of ${pins / 2}`}.`,
        expected: 'odd pins in one row, even in the other; pins 1 and 2 at the same end',
        found: `${wrong.length} pads elsewhere`,
        provenance: 'reference',
        source: 'reference: pin numbering of the production footprint of AXE540127 (data/source/A4S-reference.md)',
      });
    } else {
      // Chirality: with pin 1 at the left, our pattern's odd row is on one side; the mirror image puts it on the other.
      const expectedOddSign = Math.sign(lp.pads.find((q) => q.number === '1')!.yMm);
      if (oddSign !== expectedOddSign) {
        const mate = lp.role === 'socket' ? 'header' : 'socket';
        add({
          code: 'FP_CHIRALITY',
          severity: 'error',
          pads: ['1', '2'],
          message: `This footprint is the MIRROR IMAGE of the A4S ${lp.role}: seen from the top with pin 1 at the left end, its odd row (pin 1) is ${oddSign > 0 ? 'below' : 'above'} the even row, where it must be ${oddSign > 0 ? 'above' : 'below'}. Mated with a correct ${mate}, pin 1 meets the ${mate}'s pin 2, pin 2 meets pin 1, and every pin 2k−1 meets pin 2k: every signal lands on its neighbour's contact.`,
          expected: `odd row ${expectedOddSign > 0 ? 'below' : 'above'} (pin 1 at (−B/2, ${expectedOddSign > 0 ? '+' : '−'}row))`,
          found: `odd row ${oddSign > 0 ? 'below' : 'above'}`,
          provenance: 'reference',
          source:
            'reference: pin numbering of the production footprint of AXE540127; socket pin n meets header pin n in public mated designs (inferred, not a manufacturer statement); data/source/A4S-reference.md',
        });
      }
    }

    // Row spacing (between pad centres) and contact pad sizes.
    if (numberingOk) {
      const odd = framed.filter((c) => Number(c.pad.number) % 2 === 1);
      const even = framed.filter((c) => Number(c.pad.number) % 2 === 0);
      const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
      const spacing = r3(Math.abs(mean(odd.map((c) => c.y)) - mean(even.map((c) => c.y))));
      const expectedSpacing = r3(2 * p.signalRowOffsetMm.valueMm);
      compareValue(add, 'FP_ROW_SPACING', [], 'The two rows of contact pads stand', spacing, expectedSpacing, p.signalRowOffsetMm, 'centre to centre', lp);
    }
    const w = p.signalPadWidthMm;
    const l = p.signalPadLengthMm;
    sizeFindings(add, framed, w, l, 'contact', TOLERANCES_MM.padWidthReference, TOLERANCES_MM.padWidthAssumed, lp);
  }

  // Soldering terminals: count, position against C, size.
  if (frame) {
    const expected = lp.pads.filter((q) => q.kind === 'terminal');
    const tStrength = strengthOf(p.terminalOffsetFromCHalfMm);
    if (framedTerminals.length !== expected.length) {
      add({
        code: 'FP_TERMINALS',
        severity: strengthOf(p.terminalRowOffsetMm) === 'assumed' ? 'warning' : 'error',
        pads: framedTerminals.map((t) => t.pad.number),
        message: `Our ${lp.role} pattern has ${expected.length} soldering-terminal pads; this footprint has ${framedTerminals.length} copper pads besides the contacts. ${strengthNote(strengthOf(p.terminalRowOffsetMm))}`,
        expected: String(expected.length),
        found: String(framedTerminals.length),
        provenance: strengthOf(p.terminalRowOffsetMm),
        source: p.terminalRowOffsetMm.source,
      });
    }
    const C = lp.dimensions.dimensionsMm.C;
    const expectedX = r3(Math.abs(expected[0]?.xMm ?? C / 2));
    const tol = tStrength === 'assumed' ? TOLERANCES_MM.assumed : TOLERANCES_MM.reference;
    const off = framedTerminals.filter((t) => Math.abs(Math.abs(t.x) - expectedX) > tol);
    if (off.length > 0 && framedTerminals.length > 0) {
      const found = [...new Set(off.map((t) => r3(Math.abs(t.x))))];
      add({
        code: 'FP_TERMINAL_C',
        severity: tStrength === 'assumed' ? 'warning' : 'error',
        pads: off.map((t) => t.pad.number),
        message: `Soldering terminals at ${list(found.map((v) => `±${fmt(v)}`))} from the centre along the connector; dimension C = ${fmt(C)} (${lp.dimensions.provenance}) puts them at ±${fmt(expectedX)} (${p.terminalOffsetFromCHalfMm.valueMm === 0 ? 'C/2' : `C/2 + ${p.terminalOffsetFromCHalfMm.valueMm} mm`}, ${tStrength}). ${strengthNote(tStrength)}`,
        expected: `±${fmt(expectedX)}`,
        found: found.map((v) => `±${fmt(v)}`).join(', '),
        toleranceMm: tol,
        provenance: tStrength,
        source: `${lp.dimensions.source}; ${p.terminalOffsetFromCHalfMm.source}`,
      });
    }
    if (framedTerminals.length === expected.length && expected.length > 0) {
      const yStrength = strengthOf(p.terminalRowOffsetMm);
      const yTol = yStrength === 'assumed' ? TOLERANCES_MM.assumed : TOLERANCES_MM.reference;
      const expectedY = r3(p.terminalRowOffsetMm.valueMm);
      const offY = framedTerminals.filter((t) => Math.abs(Math.abs(t.y) - expectedY) > yTol);
      if (offY.length > 0) {
        add({
          code: 'FP_TERMINAL_C',
          severity: 'warning',
          pads: offY.map((t) => t.pad.number),
          message: `Soldering terminals at ${list([...new Set(offY.map((t) => `y = ±${fmt(Math.abs(t.y))}`))])} across the connector; our pattern has ±${fmt(expectedY)} (${yStrength}). ${strengthNote(yStrength)}`,
          expected: `±${fmt(expectedY)}`,
          found: [...new Set(offY.map((t) => `±${fmt(r3(Math.abs(t.y)))}`))].join(', '),
          toleranceMm: yTol,
          provenance: yStrength,
          source: p.terminalRowOffsetMm.source,
        });
      }
      sizeFindings(add, framedTerminals, p.terminalPadWidthMm, p.terminalPadLengthMm, 'soldering-terminal', TOLERANCES_MM.reference, TOLERANCES_MM.assumed, lp);
    }
  }

  // Courtyard, fab outline, pin-1 mark.
  const onLayer = (re: RegExp) => doc.graphics.filter((g) => re.test(g.layer) && g.kind !== 'fp_text');
  const courtyard = onLayer(/^[FB]\.(CrtYd|Courtyard)$/);
  const padBox = box(
    doc.pads.flatMap(
      (q) =>
        [
          [q.xMm - q.widthMm / 2, q.yMm - q.heightMm / 2],
          [q.xMm + q.widthMm / 2, q.yMm + q.heightMm / 2],
        ] as Pt[],
    ),
  );
  const cyBox = courtyard.length ? box(courtyard.flatMap((g) => g.points)) : null;
  if (!cyBox || cyBox.minX > padBox.minX + 1e-6 || cyBox.minY > padBox.minY + 1e-6 || cyBox.maxX < padBox.maxX - 1e-6 || cyBox.maxY < padBox.maxY - 1e-6) {
    add({
      code: 'FP_COURTYARD_MISSING',
      severity: 'warning',
      pads: [],
      message: cyBox ? 'The courtyard (F.CrtYd) does not enclose every pad.' : 'No courtyard (F.CrtYd): DRC cannot keep other parts off the connector.',
      expected: `a courtyard around the pads and body (ours: ${p.courtyardClearanceMm.valueMm} mm clearance, ${p.courtyardClearanceMm.provenance})`,
      found: cyBox ? `${fmt(cyBox.maxX - cyBox.minX)} × ${fmt(cyBox.maxY - cyBox.minY)}` : 'none',
      provenance: 'assumed',
      source: p.courtyardClearanceMm.source,
    });
  }
  const fab = onLayer(/^[FB]\.(Fab)$/);
  if (fab.length === 0) {
    add({
      code: 'FP_FAB_MISSING',
      severity: 'warning',
      pads: [],
      message: 'No fabrication outline (F.Fab): assembly drawings will not show the body.',
      expected: `the body outline, ${fmt(lp.body.lengthMm)} × ${fmt(lp.body.widthMm)}`,
      found: 'none',
      provenance: 'assumed',
      source: 'assumed: KiCad library convention (F.Fab body outline)',
    });
  }
  if (frame && complete) {
    const f = frame;
    const marks = [
      ...onLayer(/^[FB]\.(SilkS|Silkscreen|Fab)$/),
      ...doc.graphics.filter((g) => g.kind === 'fp_text' && /^[FB]\.(SilkS|Silkscreen|Fab)$/.test(g.layer) && /^(1|pin ?1)$/i.test(g.text?.content ?? '')),
    ];
    const points = marks.flatMap((g) => g.points.map((q) => toFrame(f, q)));
    const key = (q: Pt) => `${Math.round(q[0] * 50)},${Math.round(q[1] * 50)}`;
    const near = new Set<string>();
    for (const q of points) for (const dx of [-1, 0, 1]) for (const dy of [-1, 0, 1]) near.add(`${Math.round(q[0] * 50) + dx},${Math.round(q[1] * 50) + dy}`);
    const byNumber = new Map(framed.map((c) => [Number(c.pad.number), c]));
    const p1 = byNumber.get(1)!;
    const pN = byNumber.get(pins)!;
    const marked = points.some((q) => !near.has(key([-q[0], -q[1]])) && Math.hypot(q[0] - p1.x, q[1] - p1.y) < Math.hypot(q[0] - pN.x, q[1] - pN.y) - 1e-6);
    if (!marked) {
      add({
        code: 'FP_PIN1_MARK_MISSING',
        severity: 'warning',
        pads: ['1'],
        message:
          'No pin-1 mark: the silkscreen and fab graphics are the same when turned by 180°, or mark the far end. The A4S parts can be plugged reversed, so the board must show pin 1.',
        expected: 'a silkscreen or fab mark at the pin-1 end',
        found: 'none',
        provenance: 'catalog',
        source: 'catalog: Precautions for mating (the connectors can be inserted reversed)',
      });
    }
  }

  const count = (s: Severity) => findings.filter((x) => x.severity === s).length;
  const summary = { errors: count('error'), warnings: count('warning'), infos: count('info') };
  return ok({
    file: { name: doc.name, syntax: doc.syntax, version: doc.version, copperPads: doc.pads.length, ignoredPads: doc.ignoredPads, board: doc.board },
    part: {
      partNumber: candidate.partNumber,
      role: lp.role,
      pins,
      identifiedBy: candidate.identifiedBy,
      identifiedFrom: candidate.identifiedFrom,
      status: check.status as 'standard' | 'nonstandard',
    },
    placement,
    tolerancesMm: TOLERANCES_MM,
    findings,
    summary,
    matches: summary.errors === 0 && summary.warnings === 0,
  });
}

export function strengthNote(s: Strength): string {
  if (s === 'assumed')
    return "Our value is only ASSUMED (no public land pattern): this is a weak finding; check against Panasonic's recommended PC-board pattern.";
  if (s === 'reference') return 'Our value comes from a production footprint (reference): a strong finding.';
  return 'Our value comes from the catalog.';
}

export type Add = (f: Omit<FootprintFinding, 'toleranceMm' | 'provenance' | 'source' | 'expected' | 'found'> & Partial<FootprintFinding>) => void;

export function compareValue(
  add: Add,
  code: FindingCode,
  pads: string[],
  what: string,
  found: number,
  expected: number,
  param: Param,
  detail: string,
  _lp: LandPattern,
): void {
  const s = strengthOf(param);
  const tol = s === 'assumed' ? TOLERANCES_MM.assumed : TOLERANCES_MM.reference;
  if (Math.abs(found - expected) <= tol + 1e-9) return;
  add({
    code,
    severity: 'warning',
    pads,
    message: `${what} ${fmt(found)} apart (${detail}); our land pattern has ${fmt(expected)} (${s}, tolerance ±${tol} mm). ${strengthNote(s)}`,
    expected: fmt(expected),
    found: fmt(found),
    toleranceMm: tol,
    provenance: s,
    source: param.source,
  });
}

export function sizeFindings(
  add: Add,
  pads: FramedPad[],
  width: Param,
  length: Param,
  what: string,
  tolRef: number,
  tolAssumed: number,
  _lp: LandPattern,
): void {
  const sw = strengthOf(width);
  const sl = strengthOf(length);
  const tw = sw === 'assumed' ? tolAssumed : tolRef;
  const tl = sl === 'assumed' ? TOLERANCES_MM.assumed : TOLERANCES_MM.reference;
  const off = pads.filter((q) => Math.abs(q.w - width.valueMm) > tw + 1e-9 || Math.abs(q.h - length.valueMm) > tl + 1e-9);
  if (off.length === 0) return;
  const sizes = [...new Set(off.map((q) => `${r3(q.w)} × ${r3(q.h)} mm`))];
  const strength: Strength = sw === 'reference' && sl === 'reference' ? 'reference' : 'assumed';
  add({
    code: 'FP_PAD_SIZE',
    severity: 'warning',
    pads: off.map((q) => q.pad.number).slice(0, 20),
    message: `${off.length} ${what} pad${off.length > 1 ? 's are' : ' is'} ${list(sizes)} (along × across the rows); our land pattern has ${r3(width.valueMm)} × ${r3(length.valueMm)} mm (${sw === sl ? sw : `${sw} × ${sl}`}, tolerance ±${tw} × ±${tl} mm). ${strengthNote(strength)}`,
    expected: `${r3(width.valueMm)} × ${r3(length.valueMm)} mm`,
    found: sizes.join(', '),
    toleranceMm: Math.max(tw, tl),
    provenance: strength,
    source: width.source === length.source ? width.source : `${width.source}; ${length.source}`,
  });
}

export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
