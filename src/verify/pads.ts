import { builtInSeries, type Series } from '../catalog/index.js';
import type { LandPattern, Param } from '../geometry/index.js';
import { landPatternToleranceMm, list, strengthNote, strengthOf, TOLERANCES_MM, type Add } from './findings.js';
import { fmt, maxOf, minOf, r3, type FramedPad } from './frame.js';
import type { FootprintPad } from './read.js';
import type { FindingCode, Strength } from './types.js';

/**
 * Pad matching: the contacts' numbers, pitch, span (B), numbering and chirality, row spacing and
 * size; the soldering terminals' count, position (C) and size.
 */

/** The file's copper pads split into contacts (numbered 1 … pins) and the others; complete when each number is there once. */
export interface ContactPads {
  readonly contacts: FootprintPad[];
  readonly terminals: FootprintPad[];
  readonly complete: boolean;
}

/** Splits the pads and checks that the contacts are numbered 1 … pins, each once (FP_PIN_COUNT). */
export function checkContactNumbers(pads: readonly FootprintPad[], lp: LandPattern, partNumber: string, add: Add): ContactPads {
  const pins = lp.pins;
  const isContact = (p: FootprintPad) => /^\d+$/.test(p.number) && Number(p.number) >= 1 && Number(p.number) <= pins;
  const contacts = pads.filter(isContact);
  const terminals = pads.filter((p) => !isContact(p));
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
      message: `${partNumber} has ${pins} contacts numbered 1 … ${pins}; this footprint has ${contacts.length} contact pads in that range (${parts.join('; ')})${terminals.length ? ` and ${terminals.length} other copper pads` : ''}.`,
      expected: `${pins} contact pads numbered 1 … ${pins}`,
      found: `${contacts.length} pads numbered 1 … ${pins}, ${terminals.length} others`,
      provenance: 'catalog',
      source: `catalog: ${pins} pins (part number ${partNumber})`,
    });
  }
  return { contacts, terminals, complete };
}

/** Pitch, in each row (contacts sorted along the row) (FP_PITCH). */
export function checkPitch(framed: readonly FramedPad[], lp: LandPattern, add: Add, series: Series = builtInSeries): void {
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
      message: `Contacts stand ${list(found.map(fmt))} apart where the ${series.name} pitch is ${fmt(pitch)} (${badPitch.length} of ${pitches.length} neighbouring pairs).`,
      expected: fmt(pitch),
      found: found.map(fmt).join(', '),
      toleranceMm: TOLERANCES_MM.catalog,
      provenance: 'catalog',
      source: `catalog: ${series.catalog.series.source}`,
    });
  }
}

/** With every contact there once: span against B, numbering and chirality, row spacing, contact pad sizes. */
export function checkContactLayout(framed: readonly FramedPad[], lp: LandPattern, partNumber: string, add: Add, series: Series = builtInSeries): void {
  const pins = lp.pins;
  const dims = lp.dimensions;
  const p = lp.params;
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
      message: `The contacts span ${fmt(span)} from first to last; dimension B of ${partNumber} is ${fmt(B)} (${dims.provenance}).`,
      expected: fmt(B),
      found: fmt(span),
      toleranceMm: TOLERANCES_MM.catalog,
      provenance: dims.provenance,
      source: dims.source,
    });
  }

  // Numbering: pins 2k−1 and 2k in column k from the pin-1 end, odd pins in one row, even in the other.
  const columns = [...new Set(framed.map((c) => r3(c.x)))].sort((a, b) => a - b);
  const clusters: number[] = [];
  for (const x of columns) if (clusters.length === 0 || x - clusters[clusters.length - 1]! > lp.pitchMm / 2) clusters.push(x);
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
      message: `${series.name} contacts are numbered with odd pins in one row and even pins in the other, pins 2k−1 and 2k side by side in position k from the pin-1 end; ${wrong.length ? `pads ${list(wrong.slice(0, 12))}${wrong.length > 12 ? ` (and ${wrong.length - 12} more)` : ''} are not where that puts them` : `the contacts form ${clusters.length} positions along the row instead of ${pins / 2}`}.`,
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
        message: `This footprint is the MIRROR IMAGE of the ${series.name} ${lp.role}: seen from the top with pin 1 at the left end, its odd row (pin 1) is ${oddSign > 0 ? 'below' : 'above'} the even row, where it must be ${oddSign > 0 ? 'above' : 'below'}. Mated with a correct ${mate}, pin 1 meets the ${mate}'s pin 2, pin 2 meets pin 1, and every pin 2k−1 meets pin 2k: every signal lands on its neighbour's contact.`,
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
    compareValue(add, 'FP_ROW_SPACING', [], 'The two rows of contact pads stand', spacing, expectedSpacing, p.signalRowOffsetMm, 'centre to centre');
  }
  sizeFindings(add, framed, p.signalPadWidthMm, p.signalPadLengthMm, 'contact', TOLERANCES_MM.padWidthReference, TOLERANCES_MM.padWidthAssumed);
}

/** Soldering terminals: count, position against C, size. */
export function checkTerminals(framedTerminals: readonly FramedPad[], lp: LandPattern, add: Add): void {
  const p = lp.params;
  const expected = lp.pads.filter((q) => q.kind === 'terminal');
  const tStrength = strengthOf(p.terminalOffsetFromCHalfMm);
  if (framedTerminals.length !== expected.length) {
    add({
      code: 'FP_TERMINALS',
      severity: strengthOf(p.terminalRowOffsetMm) === 'assumed' ? 'warning' : 'error',
      pads: framedTerminals.map((t) => t.pad.number),
      message: `Our ${lp.role} pattern has ${expected.length} soldering-terminal pads; this footprint has ${framedTerminals.length} copper pads besides the contacts. ${strengthNote(strengthOf(p.terminalRowOffsetMm), p.terminalRowOffsetMm.source)}`,
      expected: String(expected.length),
      found: String(framedTerminals.length),
      provenance: strengthOf(p.terminalRowOffsetMm),
      source: p.terminalRowOffsetMm.source,
    });
  }
  const C = lp.dimensions.dimensionsMm.C;
  const expectedX = r3(Math.abs(expected[0]?.xMm ?? C / 2));
  const tol = landPatternToleranceMm(tStrength);
  const off = framedTerminals.filter((t) => Math.abs(Math.abs(t.x) - expectedX) > tol);
  if (off.length > 0 && framedTerminals.length > 0) {
    const found = [...new Set(off.map((t) => r3(Math.abs(t.x))))];
    add({
      code: 'FP_TERMINAL_C',
      severity: tStrength === 'assumed' ? 'warning' : 'error',
      pads: off.map((t) => t.pad.number),
      message: `Soldering terminals at ${list(found.map((v) => `±${fmt(v)}`))} from the centre along the connector; dimension C = ${fmt(C)} (${lp.dimensions.provenance}) puts them at ±${fmt(expectedX)} (${p.terminalOffsetFromCHalfMm.valueMm === 0 ? 'C/2' : `C/2 + ${p.terminalOffsetFromCHalfMm.valueMm} mm`}, ${tStrength}). ${strengthNote(tStrength, p.terminalOffsetFromCHalfMm.source)}`,
      expected: `±${fmt(expectedX)}`,
      found: found.map((v) => `±${fmt(v)}`).join(', '),
      toleranceMm: tol,
      provenance: tStrength,
      source: `${lp.dimensions.source}; ${p.terminalOffsetFromCHalfMm.source}`,
    });
  }
  if (framedTerminals.length === expected.length && expected.length > 0) {
    const yStrength = strengthOf(p.terminalRowOffsetMm);
    const yTol = landPatternToleranceMm(yStrength);
    // Terminal pads as another fabricated public design has them (the header's evidence holds two): a match, said.
    const fits = (t: FramedPad, rowOffsetMm: number, lengthMm: number, tolMm: number) =>
      Math.abs(Math.abs(t.y) - rowOffsetMm) <= tolMm + 1e-9 &&
      Math.abs(t.h - lengthMm) <= tolMm + 1e-9 &&
      Math.abs(t.w - p.terminalPadWidthMm.valueMm) <= tolMm + 1e-9;
    const ours = framedTerminals.every((t) => fits(t, p.terminalRowOffsetMm.valueMm, p.terminalPadLengthMm.valueMm, yTol));
    const alternative = ours
      ? undefined
      : lp.terminalAlternatives.find((a) => framedTerminals.every((t) => fits(t, a.rowOffsetMm, a.lengthMm, landPatternToleranceMm(a.provenance))));
    if (alternative) {
      add({
        code: 'FP_TERMINAL_C',
        severity: 'info',
        pads: framedTerminals.map((t) => t.pad.number),
        message: `Soldering-terminal pads ${fmt(p.terminalPadWidthMm.valueMm)} × ${fmt(alternative.lengthMm)} at y = ±${fmt(alternative.rowOffsetMm)}: as in a fabricated public design (${alternative.provenance}); ours are ${fmt(p.terminalPadWidthMm.valueMm)} × ${fmt(p.terminalPadLengthMm.valueMm)} at ±${fmt(p.terminalRowOffsetMm.valueMm)}, which hold them. Both are evidence; neither is the manufacturer's drawing.`,
        expected: `±${fmt(p.terminalRowOffsetMm.valueMm)}`,
        found: `±${fmt(alternative.rowOffsetMm)}`,
        toleranceMm: landPatternToleranceMm(alternative.provenance),
        provenance: alternative.provenance,
        source: alternative.source,
      });
      return;
    }
    const expectedY = r3(p.terminalRowOffsetMm.valueMm);
    const offY = framedTerminals.filter((t) => Math.abs(Math.abs(t.y) - expectedY) > yTol);
    if (offY.length > 0) {
      add({
        code: 'FP_TERMINAL_C',
        severity: 'warning',
        pads: offY.map((t) => t.pad.number),
        message: `Soldering terminals at ${list([...new Set(offY.map((t) => `y = ±${fmt(Math.abs(t.y))}`))])} across the connector; our pattern has ±${fmt(expectedY)} (${yStrength}). ${strengthNote(yStrength, p.terminalRowOffsetMm.source)}`,
        expected: `±${fmt(expectedY)}`,
        found: [...new Set(offY.map((t) => `±${fmt(r3(Math.abs(t.y)))}`))].join(', '),
        toleranceMm: yTol,
        provenance: yStrength,
        source: p.terminalRowOffsetMm.source,
      });
    }
    sizeFindings(add, framedTerminals, p.terminalPadWidthMm, p.terminalPadLengthMm, 'soldering-terminal', TOLERANCES_MM.reference, TOLERANCES_MM.assumed);
  }
}

/**
 * A distance against our land pattern's, within the tolerance of its strength: beyond it, an error
 * where our value is evidence (catalog or reference), a warning where it is only assumed, as the
 * terminals' findings.
 */
function compareValue(add: Add, code: FindingCode, pads: string[], what: string, found: number, expected: number, param: Param, detail: string): void {
  const s = strengthOf(param);
  const tol = landPatternToleranceMm(s);
  if (Math.abs(found - expected) <= tol + 1e-9) return;
  add({
    code,
    severity: s === 'assumed' ? 'warning' : 'error',
    pads,
    message: `${what} ${fmt(found)} apart (${detail}); our land pattern has ${fmt(expected)} (${s}, tolerance ±${tol} mm). ${strengthNote(s, param.source)}`,
    expected: fmt(expected),
    found: fmt(found),
    toleranceMm: tol,
    provenance: s,
    source: param.source,
  });
}

/** Pad sizes against ours: width (along the rows) within `tolRef` or `tolAssumed` by its strength, length within the land-pattern tolerance. */
function sizeFindings(add: Add, pads: readonly FramedPad[], width: Param, length: Param, what: string, tolRef: number, tolAssumed: number): void {
  const sw = strengthOf(width);
  const sl = strengthOf(length);
  const tw = sw === 'assumed' ? tolAssumed : tolRef;
  const tl = landPatternToleranceMm(sl);
  const off = pads.filter((q) => Math.abs(q.w - width.valueMm) > tw + 1e-9 || Math.abs(q.h - length.valueMm) > tl + 1e-9);
  if (off.length === 0) return;
  const sizes = [...new Set(off.map((q) => `${r3(q.w)} × ${r3(q.h)} mm`))];
  const strength: Strength = sw === 'reference' && sl === 'reference' ? 'reference' : 'assumed';
  add({
    code: 'FP_PAD_SIZE',
    severity: 'warning',
    pads: off.map((q) => q.pad.number).slice(0, 20),
    message: `${off.length} ${what} pad${off.length > 1 ? 's are' : ' is'} ${list(sizes)} (along × across the rows); our land pattern has ${r3(width.valueMm)} × ${r3(length.valueMm)} mm (${sw === sl ? sw : `${sw} × ${sl}`}, tolerance ±${tw} × ±${tl} mm). ${strengthNote(strength, strength === sw ? width.source : length.source)}`,
    expected: `${r3(width.valueMm)} × ${r3(length.valueMm)} mm`,
    found: sizes.join(', '),
    toleranceMm: Math.max(tw, tl),
    provenance: strength,
    source: width.source === length.source ? width.source : `${width.source}; ${length.source}`,
  });
}
