import { builtInSeries, type Series } from '../catalog/index.js';
import { AREA_RATIO_MIN, apertureAreaRatio, stencilThicknessMm, type LandPattern, type Param } from '../geometry/index.js';
import { list, type Add } from './findings.js';
import { r3, toFrame, type Frame, type FramedPad } from './frame.js';
import type { PasteOpening } from './read.js';
import type { FootprintReport } from './types.js';

/**
 * Stencil openings against the catalog's metal-mask pattern: each copper pad's openings (its own
 * paste layer, paste-only pads, filled shapes on the paste layer) as a share of the pad's area,
 * against the catalog's opening ratio (contacts: "terminal opening ratio", soldering terminals:
 * "metal-part opening ratio"), and the IPC-7525 area ratio of the contact openings.
 */

/** How far an opening ratio may stray from the catalog's before it is a finding (ours, `assumed`). */
export const PASTE_RATIO_TOLERANCE = 0.1;
const TOLERANCE_SOURCE = 'assumed: a4s verifier tolerance of ±0.1 on the opening ratio (aperture shapes differ between libraries)';

interface Framed {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly area: number;
}

function frameOpening(frame: Frame, o: PasteOpening): Framed {
  const [x, y] = toFrame(frame, [o.xMm, o.yMm]);
  const swap = frame.rotationDeg === 90 || frame.rotationDeg === 270;
  return { x, y, w: swap ? o.heightMm : o.widthMm, h: swap ? o.widthMm : o.heightMm, area: o.areaMm2 };
}

/**
 * Pad names in reading order (1, 2, … 10; A1 … B5). One collator: `localeCompare` with options
 * builds one per call, 20 s to sort the names of a 200,000-pad footprint (verify.test.ts) against 1 s.
 */
const PAD_NAME_ORDER = new Intl.Collator('en', { numeric: true });

const inside = (o: Framed, p: FramedPad) => Math.abs(o.x - p.x) <= p.w / 2 + 1e-3 && Math.abs(o.y - p.y) <= p.h / 2 + 1e-3;

export function checkPaste(
  paste: readonly PasteOpening[],
  frame: Frame,
  contacts: readonly FramedPad[],
  terminals: readonly FramedPad[],
  lp: LandPattern,
  add: Add,
  name: (n: string) => string,
  series: Series = builtInSeries,
): FootprintReport['paste'] {
  const openings = paste.map((o) => frameOpening(frame, o));
  const stencil = stencilThicknessMm(lp.role, series);
  const p = lp.params;
  const groups: { pads: readonly FramedPad[]; ratio: Param; what: string; catalogName: string }[] = [
    { pads: contacts, ratio: p.signalPasteRatio, what: 'contact', catalogName: 'terminal opening ratio' },
    { pads: terminals, ratio: p.terminalPasteRatio, what: 'soldering-terminal', catalogName: 'metal-part opening ratio' },
  ];
  const missing: string[] = [];
  const oversized: { pad: string; ratio: number }[] = [];
  const off: { pad: string; ratio: number; expected: number; what: string }[] = [];
  const ratios: { what: string; ratio: number }[] = [];
  const contactOpenings: Framed[] = [];
  for (const g of groups) {
    for (const pad of g.pads) {
      const mine = openings.filter((o) => inside(o, pad));
      const area = mine.reduce((s, o) => s + o.area, 0);
      const padArea = pad.pad.areaMm2 > 0 ? pad.pad.areaMm2 : pad.w * pad.h;
      const ratio = r3(area / padArea);
      const label = name(pad.pad.number) || '(unnamed)';
      if (g.what === 'contact' && mine.length === 1) contactOpenings.push(mine[0]!);
      if (mine.length === 0) {
        missing.push(label);
        continue;
      }
      ratios.push({ what: g.what, ratio });
      const beyond = mine.some((o) => o.w > pad.w + 0.01 || o.h > pad.h + 0.01);
      if (ratio > 1 + 0.02 || beyond) oversized.push({ pad: label, ratio });
      else if (Math.abs(ratio - g.ratio.valueMm) > PASTE_RATIO_TOLERANCE + 1e-9) off.push({ pad: label, ratio, expected: g.ratio.valueMm, what: g.what });
    }
  }
  const pct = (v: number) => `${Math.round(v * 100)} %`;
  // Pads in reading order (1, 2, … 10; A1 … B5), not file order.
  const byName = PAD_NAME_ORDER.compare;
  missing.sort(byName);
  oversized.sort((a, b) => byName(a.pad, b.pad));
  off.sort((a, b) => byName(a.pad, b.pad));
  const source = `${p.signalPasteRatio.source}; ${p.terminalPasteRatio.source}`;
  const expectedText = `contacts ${pct(p.signalPasteRatio.valueMm)}, soldering terminals ${pct(p.terminalPasteRatio.valueMm)} of the pad area (${stencil.valueMm * 1000} µm stencil)`;
  if (missing.length > 0) {
    const all = openings.length === 0;
    add({
      code: 'FP_PASTE_MISSING',
      severity: 'error',
      pads: missing.slice(0, 20),
      message: all
        ? 'No stencil openings: the footprint has no paste layer (F.Paste) on its pads and no paste-only pads. A stencil made from it prints no solder, and the connector is not soldered.'
        : `${missing.length} copper pad${missing.length > 1 ? 's have' : ' has'} no stencil opening (${list(missing.slice(0, 8))}${missing.length > 8 ? ', …' : ''}): no solder is printed there.`,
      expected: expectedText,
      found: all ? 'no paste' : `${missing.length} pads without paste`,
      provenance: 'catalog',
      source,
    });
  }
  if (oversized.length > 0) {
    add({
      code: 'FP_PASTE_OVERSIZED',
      severity: 'error',
      pads: oversized.map((o) => o.pad).slice(0, 20),
      message: `Stencil openings larger than their pads (${list([...new Set(oversized.map((o) => pct(o.ratio)))])} of the pad area, or reaching beyond the pad): the catalog asks that the metal mask at the base of the terminals is not enlarged; too much solder keeps the connector from mating.`,
      expected: expectedText,
      found: [...new Set(oversized.map((o) => pct(o.ratio)))].join(', '),
      provenance: 'catalog',
      source: `${source}; catalog: Regarding soldering / Reflow soldering (openings not increased, not too much solder)`,
    });
  }
  for (const what of ['contact', 'soldering-terminal']) {
    const mine = off.filter((o) => o.what === what);
    if (mine.length === 0) continue;
    const expected = mine[0]!.expected;
    const found = [...new Set(mine.map((o) => pct(o.ratio)))];
    const full = mine.every((o) => Math.abs(o.ratio - 1) <= 0.02);
    add({
      code: 'FP_PASTE_RATIO',
      severity: 'warning',
      pads: mine.map((o) => o.pad).slice(0, 20),
      message: `${mine.length} ${what} pad${mine.length > 1 ? 's have' : ' has'} stencil openings of ${list(found)} of the pad area${full ? ' (the whole pad: the paste layer opens it fully)' : ''}; the catalog's metal-mask pattern asks for ${pct(expected)} (${what === 'contact' ? 'terminal' : 'metal-part'} opening ratio, ${stencil.valueMm * 1000} µm stencil; tolerance ±${pct(PASTE_RATIO_TOLERANCE)}).${full ? ' Give the pads their own paste openings (unnumbered F.Paste pads) or a negative paste margin ratio.' : ''}`,
      expected: pct(expected),
      found: found.join(', '),
      toleranceMm: null,
      provenance: 'catalog',
      source: `${what === 'contact' ? p.signalPasteRatio.source : p.terminalPasteRatio.source}; ${TOLERANCE_SOURCE}`,
    });
  }
  // IPC-7525 area ratio of the contact openings: the smallest, as the weakest opening decides.
  let areaRatio: number | null = null;
  let aperture: { widthMm: number; heightMm: number } | null = null;
  for (const o of contactOpenings) {
    const ar = apertureAreaRatio(o.w, o.h, stencil.valueMm);
    if (areaRatio === null || ar < areaRatio) [areaRatio, aperture] = [ar, { widthMm: r3(o.w), heightMm: r3(o.h) }];
  }
  if (areaRatio !== null) areaRatio = Math.round(areaRatio * 1000) / 1000;
  if (areaRatio !== null && aperture && areaRatio < AREA_RATIO_MIN.value) {
    add({
      code: 'FP_PASTE_AREA_RATIO',
      severity: 'info',
      pads: [],
      message: `The contact openings (${aperture.widthMm} × ${aperture.heightMm} mm on a ${stencil.valueMm * 1000} µm stencil) have an IPC-7525 area ratio of ${areaRatio}, below ${AREA_RATIO_MIN.value}: paste may not leave the openings fully; ask the board assembler (a thinner stencil, or a wider opening where the pitch allows).`,
      expected: `≥ ${AREA_RATIO_MIN.value}`,
      found: String(areaRatio),
      provenance: 'reference',
      source: `${AREA_RATIO_MIN.source}; ${stencil.source}`,
    });
  }
  return {
    stencilThicknessMm: stencil.valueMm,
    openings: paste.length,
    contactAperture: aperture,
    contactAreaRatio: areaRatio,
    areaRatioMin: AREA_RATIO_MIN.value,
    source: `${AREA_RATIO_MIN.source}; ${stencil.source}`,
  };
}
