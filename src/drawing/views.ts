import type { LandPattern, Pad } from '../geometry/index.js';
import { COURTYARD, f2, PAD_FILL, PROVENANCE_COLOURS } from './style.js';
import { dimension, line, LINE_MM, polygon, rect, text, TEXT_MM } from './svg.js';

/**
 * The views of the part at the drawing scale: the top view of the land pattern with the body
 * outline and pin 1, its dimension lines (A, B, C, width, row pitch), the front view with the body
 * height, and the legend of their colours.
 */

/** ISO 5455 enlargement scales. */
const SCALES = [20, 10, 5, 2] as const;
const VIEW_MAX_WIDTH_MM = 150;
/** Keeps the top view short enough that the notes and title block fit on one A4 page. */
const VIEW_MAX_HEIGHT_MM = 50;

/** Drawing scale: the largest standard ratio at which the courtyard fits the view. */
export function drawingScale(lp: LandPattern): number {
  const widthMm = lp.courtyard.maxXMm - lp.courtyard.minXMm;
  const heightMm = lp.courtyard.maxYMm - lp.courtyard.minYMm;
  return SCALES.find((s) => widthMm * s <= VIEW_MAX_WIDTH_MM && heightMm * s <= VIEW_MAX_HEIGHT_MM) ?? SCALES[SCALES.length - 1]!;
}

/** Paper position of a footprint point in the top view (KiCad axes, y down, as the board is seen from above). */
interface TopViewFrame {
  readonly lp: LandPattern;
  readonly scale: number;
  readonly X: (xMm: number) => number;
  readonly Y: (yMm: number) => number;
}

function signalPadsByNumber(lp: LandPattern): Map<string, Pad> {
  return new Map(lp.pads.filter((p) => p.kind === 'signal').map((p) => [p.number, p]));
}

/**
 * The three views, the top view starting 16 mm below `topMm`, centred on the page's `centreXMm`.
 * Returns their SVG and where the next block may start.
 */
export function partViews(lp: LandPattern, scale: number, topMm: number, centreXMm: number): { svg: string[]; nextYMm: number } {
  const viewTop = topMm + 16;
  const frame: TopViewFrame = {
    lp,
    scale,
    X: (x: number) => centreXMm + x * scale,
    Y: (yy: number) => viewTop + (yy - lp.courtyard.minYMm) * scale,
  };
  const belowY = frame.Y(lp.courtyard.maxYMm) + 8;
  const rightX = frame.X(lp.courtyard.maxXMm) + 7;
  const front = frontView(frame, belowY + 9 + 7, rightX);
  return { svg: [...topView(frame), ...dimensionLines(frame, belowY, rightX), ...front.svg], nextYMm: front.baseMm + 9 };
}

function topView({ lp, scale: s, X, Y }: TopViewFrame): string[] {
  const out: string[] = [];
  const cy0 = lp.courtyard;
  const pads = lp.pads;
  const dims = lp.dimensions.dimensionsMm;
  const bodyHalfW = lp.body.widthMm / 2;
  out.push('<g id="top-view">');
  out.push(
    rect(
      X(cy0.minXMm),
      Y(cy0.minYMm),
      (cy0.maxXMm - cy0.minXMm) * s,
      (cy0.maxYMm - cy0.minYMm) * s,
      `fill="none" stroke="${COURTYARD}" stroke-width="${LINE_MM.thin}" stroke-dasharray="1.5 1"`,
    ),
  );
  for (const pad of pads) {
    out.push(
      rect(
        X(pad.xMm - pad.widthMm / 2),
        Y(pad.yMm - pad.heightMm / 2),
        pad.widthMm * s,
        pad.heightMm * s,
        `${pad.kind === 'signal' ? `data-pin="${pad.number}" ` : ''}fill="${PAD_FILL}" fill-opacity="0.85" stroke="#8b0000" stroke-width="${LINE_MM.thin}"`,
      ),
    );
  }
  // Body outline (the fabrication outline, chamfered at the pin-1 corner).
  const fab = lp.fabOutline.map((seg) => [X(seg.x1Mm), Y(seg.y1Mm)] as const);
  out.push(polygon(fab, `fill="none" stroke="#000" stroke-width="${LINE_MM.thick}"`));
  out.push(line(X(0), Y(-bodyHalfW) - 2, X(0), Y(bodyHalfW) + 2, '#555', LINE_MM.thin, 'stroke-dasharray="4 1 1 1"'));
  out.push(line(X(-dims.A / 2) - 2, Y(0), X(dims.A / 2) + 2, Y(0), '#555', LINE_MM.thin, 'stroke-dasharray="4 1 1 1"'));

  // Pin numbers at both ends, inside the body between the rows (clear of the dimension lines).
  const byNumber = signalPadsByNumber(lp);
  // Between the rows on paper; where two labels of the usual size do not fit (rows 1.75 mm apart on a
  // large part's smaller scale), closer to the pads and smaller (a text box is about 1.15 × its size tall).
  const [p1, p2] = [byNumber.get('1')!, byNumber.get('2')!];
  const gapPaper = (Math.abs(p1.yMm - p2.yMm) - (p1.heightMm + p2.heightMm) / 2) * s;
  const tight = gapPaper < 2 * (1.2 + 1.15 * TEXT_MM.small);
  const labelSize = tight ? Math.max(1.2, Math.min(TEXT_MM.small, (gapPaper - 0.6) / 2.3)) : TEXT_MM.small;
  for (const num of ['1', '2', String(lp.pins - 1), String(lp.pins)]) {
    const pad = byNumber.get(num)!;
    const inward = -Math.sign(pad.yMm);
    const edge = Y(pad.yMm + (inward * pad.heightMm) / 2);
    const yLabel = tight
      ? edge + inward * 0.3 + (inward > 0 ? labelSize * 0.9 : -labelSize * 0.25)
      : edge + inward * 1.2 + (inward > 0 ? TEXT_MM.small * 0.75 : 0);
    out.push(text(X(pad.xMm), yLabel, num, { size: labelSize, anchor: 'middle', weight: 'bold' }));
  }
  // MP on the soldering-terminal pads when it fits.
  for (const pad of pads.filter((p) => p.kind === 'terminal')) {
    if (pad.widthMm * s >= 4.5 && pad.heightMm * s >= 3)
      out.push(text(X(pad.xMm), Y(pad.yMm) + TEXT_MM.small * 0.35, 'MP', { size: TEXT_MM.small, anchor: 'middle', fill: '#fff', weight: 'bold' }));
  }
  // Pin 1: the silkscreen marker, and a callout to the left.
  const marker = lp.pin1Marker.map((seg) => [X(seg.x1Mm), Y(seg.y1Mm)] as const);
  out.push(polygon(marker, 'fill="#000"'));
  const tip = lp.pin1Marker[0]!;
  const calloutY = Y(tip.y1Mm + (tip.y2Mm - tip.y1Mm) / 2);
  const calloutX = X(cy0.minXMm) - 3;
  out.push(line(X(tip.x1Mm) - 2, calloutY, calloutX, calloutY, '#000', LINE_MM.thin));
  out.push(text(calloutX - 1, calloutY + TEXT_MM.normal * 0.35, 'PIN 1', { size: TEXT_MM.normal, anchor: 'end', weight: 'bold' }));
  out.push('</g>');
  return out;
}

/** Dimensions: A above; B and C below (from `belowY`); width and row pitch to the right (from `rightX`). */
function dimensionLines({ lp, X, Y }: TopViewFrame, belowY: number, rightX: number): string[] {
  const out: string[] = [];
  const cy0 = lp.courtyard;
  const pads = lp.pads;
  const dims = lp.dimensions.dimensionsMm;
  const dimColour = PROVENANCE_COLOURS[lp.dimensions.provenance];
  const bodyHalfW = lp.body.widthMm / 2;
  const aboveY = Y(cy0.minYMm) - 8;
  const bottomRow = pads.filter((p) => p.kind === 'signal' && p.yMm > 0);
  const padBottom = (p: Pad) => Y(p.yMm + p.heightMm / 2);
  const terminals = pads.filter((p) => p.kind === 'terminal');
  const termBottom = Math.max(...terminals.map(padBottom));
  out.push('<g id="dimensions">');
  out.push(dimension('h', X(-dims.A / 2), X(dims.A / 2), aboveY, Y(-bodyHalfW), Y(-bodyHalfW), `A ${f2(dims.A)}`, dimColour));
  out.push(dimension('h', X(-dims.B / 2), X(dims.B / 2), belowY, padBottom(bottomRow[0]!), padBottom(bottomRow[0]!), `B ${f2(dims.B)}`, dimColour));
  out.push(dimension('h', X(-dims.C / 2), X(dims.C / 2), belowY + 9, termBottom, termBottom, `C ${f2(dims.C)}`, dimColour));
  out.push(
    dimension(
      'v',
      Y(-bodyHalfW),
      Y(bodyHalfW),
      rightX,
      X(dims.A / 2),
      X(dims.A / 2),
      f2(lp.body.widthMm),
      PROVENANCE_COLOURS[lp.params.bodyWidthMm.provenance],
    ),
  );
  const lastPad = signalPadsByNumber(lp).get(String(lp.pins))!;
  const rowOffset = lp.params.signalRowOffsetMm;
  const padRight = X(lastPad.xMm + lastPad.widthMm / 2);
  out.push(
    dimension(
      'v',
      Y(-rowOffset.valueMm),
      Y(rowOffset.valueMm),
      rightX + 9,
      padRight,
      padRight,
      f2(2 * rowOffset.valueMm),
      PROVENANCE_COLOURS[rowOffset.provenance],
    ),
  );
  out.push('</g>');
  return out;
}

/** Front view: the body height above the board, its top at `topMm`; returns the board line's paper y. */
function frontView({ lp, scale: s, X }: TopViewFrame, topMm: number, rightX: number): { svg: string[]; baseMm: number } {
  const out: string[] = [];
  const cy0 = lp.courtyard;
  const dims = lp.dimensions.dimensionsMm;
  const frontBase = topMm + lp.body.heightMm * s;
  out.push('<g id="front-view">');
  out.push(
    text(X(cy0.minXMm) - 3, frontBase - (lp.body.heightMm * s) / 2 + TEXT_MM.small * 0.35, 'Front view', {
      size: TEXT_MM.small,
      weight: 'bold',
      anchor: 'end',
    }),
  );
  out.push(line(X(cy0.minXMm), frontBase, X(cy0.maxXMm), frontBase, '#555', LINE_MM.normal));
  out.push(text(X(cy0.minXMm), frontBase + 3.5, 'board surface', { size: TEXT_MM.small, fill: '#555' }));
  out.push(
    rect(X(-dims.A / 2), frontBase - lp.body.heightMm * s, dims.A * s, lp.body.heightMm * s, `fill="#ddd" stroke="#000" stroke-width="${LINE_MM.thick}"`),
  );
  out.push(
    dimension(
      'v',
      frontBase - lp.body.heightMm * s,
      frontBase,
      rightX,
      X(dims.A / 2),
      X(dims.A / 2),
      f2(lp.body.heightMm),
      PROVENANCE_COLOURS[lp.params.bodyHeightMm.provenance],
    ),
  );
  out.push('</g>');
  return { svg: out, baseMm: frontBase };
}

/** The legend of the views' colours at `yMm` (a second line for overrides); returns the SVG and the y of its last line. */
export function legend(leftMm: number, yMm: number, overridden: boolean): { svg: string[]; lastYMm: number } {
  const out: string[] = [];
  let y = yMm;
  out.push('<g id="legend">');
  let lx = leftMm;
  out.push(text(lx, y, 'Colour = where a number comes from:', { size: TEXT_MM.small }));
  lx += 52;
  for (const kind of ['catalog', 'derived', 'reference', 'assumed'] as const) {
    out.push(rect(lx, y - 2.2, 3, 2.5, `fill="${PROVENANCE_COLOURS[kind]}"`));
    out.push(text(lx + 4, y, kind, { size: TEXT_MM.small, fill: PROVENANCE_COLOURS[kind] }));
    lx += 22;
  }
  out.push(rect(lx, y - 2.2, 4, 2.5, `fill="${PAD_FILL}"`));
  out.push(text(lx + 5, y, 'pad', { size: TEXT_MM.small }));
  out.push(line(lx + 16, y - 1, lx + 22, y - 1, COURTYARD, LINE_MM.thin, 'stroke-dasharray="1.5 1"'));
  out.push(text(lx + 23, y, 'courtyard', { size: TEXT_MM.small }));
  if (overridden) {
    // A second legend line: the first is full.
    y += 4;
    out.push(rect(leftMm + 52, y - 2.2, 3, 2.5, `fill="${PROVENANCE_COLOURS.override}"`));
    out.push(text(leftMm + 56, y, 'override (your land-pattern parameters)', { size: TEXT_MM.small, fill: PROVENANCE_COLOURS.override }));
  }
  out.push('</g>');
  return { svg: out, lastYMm: y };
}
