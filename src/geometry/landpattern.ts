import { builtInSeries, type MatedHeightMm, type Role, type Series } from '../catalog/index.js';
import { dimensionsFor, type DimensionsAnswer } from '../select/index.js';
import { applyOverrides, defaultLandParams, terminalAlternatives, type LandParamOverrides, type LandParams, type TerminalAlternative } from './params.js';
import { pinLocation } from './pinout.js';
import { boxSegments, clipSegment, growToGrid, mm, rectBox, unionBox, type Box, type Rect, type Segment } from './shapes.js';

export type PadKind = 'signal' | 'terminal';

export interface Pad extends Rect {
  /** "1" … "N" for contacts; "MP" for the soldering terminals (mechanical, one net). */
  readonly number: string;
  readonly kind: PadKind;
  /** Stencil openings for this pad (F.Paste), from the catalog's opening ratios. */
  readonly pasteApertures: readonly Rect[];
  readonly maskExpansionMm: number;
}

export interface BodyOutline {
  readonly lengthMm: number;
  readonly widthMm: number;
  readonly heightMm: number;
  readonly provenance: { readonly length: string; readonly width: string; readonly height: string };
}

export interface LandPattern {
  readonly role: Role;
  readonly pins: number;
  readonly matedHeightMm: MatedHeightMm | null;
  readonly pitchMm: number;
  readonly dimensions: DimensionsAnswer;
  readonly body: BodyOutline;
  readonly pads: readonly Pad[];
  /** F.SilkS: body outline clear of pads, plus the pin-1 marker. */
  readonly silkscreen: readonly Segment[];
  readonly pin1Marker: readonly Segment[];
  /** F.Fab: body outline with a chamfer at the pin-1 corner. */
  readonly fabOutline: readonly Segment[];
  readonly courtyard: Box;
  /**
   * Solder-mask openings drawn on F.Mask, one per contact row: the row's pads grown by the mask
   * expansion (assumed design, see SOLDER_MASK_DESIGN). The footprint allows solder-mask bridges
   * between its own pads, so no mask web is left between neighbouring contacts.
   */
  readonly maskOpenings: readonly Rect[];
  readonly params: LandParams;
  /** Terminal pads of other fabricated public designs, which a verifier accepts as matching (the header's nqbit pads); none when overridden. */
  readonly terminalAlternatives: readonly TerminalAlternative[];
  readonly checksBeforeFabrication: readonly string[];
}

export interface LandPatternOptions {
  readonly overrides?: LandParamOverrides;
  readonly overrideOrigin?: string;
  readonly inspection?: boolean;
}

export const SILK_LINE_WIDTH_MM = 0.12;
export const SILK_PAD_CLEARANCE_MM = 0.2;
export const FAB_LINE_WIDTH_MM = 0.1;
export const COURTYARD_LINE_WIDTH_MM = 0.05;

/**
 * How the solder mask is opened at the contacts, with its provenance. At 0.4 mm pitch with
 * 0.23 mm pads a per-pad opening leaves a mask web of 0.17 mm less twice the expansion (0.07 mm
 * for the header's 0.05 mm, none for the socket's 0.1 mm), below what most board makers hold; so
 * each contact row gets one opening (gang relief) and the footprint allows solder-mask bridges
 * between its own pads (KiCad 7+ `allow_soldermask_bridges`).
 */
export const SOLDER_MASK_DESIGN = {
  kind: 'row' as const,
  provenance: 'assumed' as const,
  source:
    "assumed: one solder-mask opening per contact row (gang relief), the row's pads grown by the mask expansion; a per-pad opening at 0.4 mm pitch with 0.23 mm pads would leave a web of 0.17 mm less twice the expansion (0.07 mm for 0.05 mm, none for the reference's 0.1 mm), below what most board makers make; the soldering terminals keep their own openings",
};

/**
 * The land pattern of a socket or header at any even pin count. Contacts sit at the catalog's
 * 0.4 mm pitch, spanning B; the soldering terminals follow C; sizes come from the parameters.
 * KiCad axes (x right, y down), origin at the centre. Socket: pin 1 at (−B/2, +row) as in the
 * reference footprint. Header: the mirror image about the x axis (pin 1 at (−B/2, −row)) so that
 * pin n faces socket pin n when the header board is turned face down onto the socket.
 */
export function landPattern(
  role: Role,
  pins: number,
  matedHeightMm: MatedHeightMm | null,
  options: LandPatternOptions = {},
  series: Series = builtInSeries,
): LandPattern {
  const params = applyOverrides(defaultLandParams(role, matedHeightMm, series), options.overrides, options.overrideOrigin);
  const v = (name: keyof LandParams) => params[name].valueMm;
  const dimensions = dimensionsFor(role, pins, matedHeightMm, options.inspection ?? false, series);
  const { A, C } = dimensions.dimensionsMm;
  const oddRowSign = role === 'socket' ? 1 : -1;

  const pads: Pad[] = [];
  const signalWidth = v('signalPadWidthMm');
  const signalLength = v('signalPadLengthMm');
  const signalPasteLength = mm(signalLength * v('signalPasteRatio'));
  const maskExpansionMm = v('maskExpansionMm');
  for (let pin = 1; pin <= pins; pin++) {
    const loc = pinLocation(pins, pin, series);
    const y = (loc.row === 'odd' ? oddRowSign : -oddRowSign) * v('signalRowOffsetMm');
    const yMm = mm(y);
    // Keep the aperture width (paste release at 0.4 mm pitch) and shorten its length to the ratio.
    // (Object literals, not spreads: this loop runs for every pad of a library, in cold code.)
    const aperture: Rect = { xMm: loc.xMm, yMm, widthMm: signalWidth, heightMm: signalPasteLength };
    pads.push({
      xMm: loc.xMm,
      yMm,
      widthMm: signalWidth,
      heightMm: signalLength,
      number: String(pin),
      kind: 'signal',
      pasteApertures: [aperture],
      maskExpansionMm,
    });
  }
  const terminalX = mm(C / 2 + v('terminalOffsetFromCHalfMm'));
  const terminalYs = v('terminalRowOffsetMm') === 0 ? [0] : [-v('terminalRowOffsetMm'), v('terminalRowOffsetMm')];
  const scale = Math.sqrt(v('terminalPasteRatio'));
  for (const x of [-terminalX, terminalX]) {
    for (const y of terminalYs) {
      const pad = { xMm: x, yMm: mm(y), widthMm: v('terminalPadWidthMm'), heightMm: v('terminalPadLengthMm') };
      const aperture = { ...pad, widthMm: mm(pad.widthMm * scale), heightMm: mm(pad.heightMm * scale) };
      pads.push({ ...pad, number: 'MP', kind: 'terminal', pasteApertures: [aperture], maskExpansionMm: v('maskExpansionMm') });
    }
  }

  const bodyRect: Rect = { xMm: 0, yMm: 0, widthMm: A, heightMm: v('bodyWidthMm') };
  const bodyBox = rectBox(bodyRect);
  const padBoxes = pads.map((p) => rectBox(p));
  const keepOut = pads.map((p) => rectBox(p, p.maskExpansionMm + SILK_PAD_CLEARANCE_MM + SILK_LINE_WIDTH_MM / 2));
  const silkBox = rectBox(bodyRect, SILK_LINE_WIDTH_MM / 2 + 0.05);
  const silkscreen = boxSegments(silkBox).flatMap((s) => clipSegment(s, keepOut));

  const pin1 = pads[0]!;
  const pin1OuterY = oddRowSign * (Math.abs(pin1.yMm) + pin1.heightMm / 2 + pin1.maskExpansionMm + SILK_PAD_CLEARANCE_MM + SILK_LINE_WIDTH_MM / 2);
  const markerDepth = 0.25 * oddRowSign;
  const pin1Marker: Segment[] = [
    { x1Mm: pin1.xMm, y1Mm: mm(pin1OuterY), x2Mm: mm(pin1.xMm - 0.15), y2Mm: mm(pin1OuterY + markerDepth) },
    { x1Mm: mm(pin1.xMm - 0.15), y1Mm: mm(pin1OuterY + markerDepth), x2Mm: mm(pin1.xMm + 0.15), y2Mm: mm(pin1OuterY + markerDepth) },
    { x1Mm: mm(pin1.xMm + 0.15), y1Mm: mm(pin1OuterY + markerDepth), x2Mm: pin1.xMm, y2Mm: mm(pin1OuterY) },
  ];

  const chamfer = Math.min(0.5, v('bodyWidthMm') / 4);
  const cornerY = oddRowSign * (v('bodyWidthMm') / 2);
  const fabPoints: [number, number][] = [
    [-A / 2 + chamfer, cornerY],
    [A / 2, cornerY],
    [A / 2, -cornerY],
    [-A / 2, -cornerY],
    [-A / 2, cornerY - oddRowSign * chamfer],
  ];
  const fabOutline = fabPoints.map(([x1, y1], i) => {
    const [x2, y2] = fabPoints[(i + 1) % fabPoints.length]!;
    return { x1Mm: mm(x1), y1Mm: mm(y1), x2Mm: mm(x2), y2Mm: mm(y2) };
  });

  const maskOpenings: Rect[] = [];
  for (const rowSign of [1, -1]) {
    const row = pads.filter((p) => p.kind === 'signal' && Math.sign(p.yMm) === rowSign);
    if (row.length === 0) continue;
    const b = unionBox(row.map((p) => rectBox(p, p.maskExpansionMm)));
    maskOpenings.push({
      xMm: mm((b.minXMm + b.maxXMm) / 2),
      yMm: mm((b.minYMm + b.maxYMm) / 2),
      widthMm: mm(b.maxXMm - b.minXMm),
      heightMm: mm(b.maxYMm - b.minYMm),
    });
  }

  // Everything the footprint draws stays inside the courtyard (the reference and value texts aside).
  const drawn = [...silkscreen, ...pin1Marker, ...fabOutline].map((s) => segmentBox(s, SILK_LINE_WIDTH_MM / 2));
  const courtyard = unionBox([
    growToGrid(unionBox([bodyBox, ...padBoxes]), v('courtyardClearanceMm')),
    growToGrid(unionBox([...drawn, ...maskOpenings.map((r) => rectBox(r))]), 0),
  ]);

  return {
    role,
    pins,
    matedHeightMm,
    pitchMm: series.pitchMm,
    dimensions,
    body: {
      lengthMm: A,
      widthMm: v('bodyWidthMm'),
      heightMm: v('bodyHeightMm'),
      provenance: { length: `catalog: dimension A, ${dimensions.source}`, width: params.bodyWidthMm.source, height: params.bodyHeightMm.source },
    },
    pads,
    silkscreen,
    pin1Marker,
    fabOutline,
    courtyard,
    maskOpenings,
    params,
    terminalAlternatives: terminalAlternatives(role, matedHeightMm, params),
    checksBeforeFabrication: checksFor(role, params, series),
  };
}

function segmentBox(s: Segment, growMm: number): Box {
  return {
    minXMm: Math.min(s.x1Mm, s.x2Mm) - growMm,
    maxXMm: Math.max(s.x1Mm, s.x2Mm) + growMm,
    minYMm: Math.min(s.y1Mm, s.y2Mm) - growMm,
    maxYMm: Math.max(s.y1Mm, s.y2Mm) + growMm,
  };
}

function checksFor(role: Role, params: LandParams, series: Series): string[] {
  const placement = series.catalog.rules.find((r) => r.id === 'placement-error');
  const overridden = Object.values(params).some((p) => p.provenance === 'override');
  const checks = [
    role === 'socket'
      ? "Compare the pads with Panasonic's recommended PC board pattern in the latest product specification: the catalog text lost that figure; these pads come from a production footprint of the 40-pin socket, placed with the catalog's C at every pin count."
      : "Compare the pads with Panasonic's recommended PC board pattern (latest product specification): these pads come from two fabricated public footprints of the 10-pin header, placed with the catalog's C at every pin count. Re-check boards laid out with this library's earlier header footprints (rows 2.45 mm apart).",
    "Stencil: 120 µm, openings at the catalog's ratios (terminals 70 %, metal parts " +
      (role === 'socket' ? '70 %' : '100 %') +
      '); aperture shapes are ours. Do not enlarge the pattern or the openings at the base of the terminals (catalog, Regarding soldering).',
    'Pin 1 and row assignment: odd pins in one row, even pins in the other, pins 1 and 2 at the same end (reference). The parts are symmetric and can be inserted reversed: run `a4s check` on the pin map.',
    'This connector has no stand-off: keep cover lay and adhesive thin under it (catalog, PC board).',
  ];
  if (placement)
    checks.push(`Placement machines may be off by ±${placement.values[0]!.value} to ${placement.values[1]!.value} mm (catalog): keep the courtyard free.`);
  if (overridden) checks.push('Some parameters were overridden by the user: the provenance table says which.');
  return checks;
}
