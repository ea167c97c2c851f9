import { catalog } from '../catalog/index.js';
import {
  footprintName,
  geometryFor,
  LAND_PARAM_NAMES,
  modelName,
  type LandPattern,
  type Pad,
  type ParamProvenance,
  type RoleOverrides,
} from '../geometry/index.js';
import { ok, type Result } from '../result.js';
import { dimension, esc, line, LINE_MM, n, polygon, rect, text, TEXT_MM, wrap } from './svg.js';

/**
 * A part drawing as SVG: top view of the land pattern with the body outline, pin 1 and the
 * catalog's A/B/C dimensioned; a front view with the body height; a table of every number with
 * its provenance and source; the checks to make before fabrication; a title block.
 * On an A4 portrait page (viewBox in millimetres; taller when the notes need it), printable at 100 %.
 * Deterministic: same part number, same bytes.
 */
export interface DrawingFile {
  readonly fileName: string;
  readonly content: string;
  /** The table of numbers drawn, each with its provenance and source. */
  readonly numbers: readonly DrawingNumber[];
  readonly checksBeforeFabrication: readonly string[];
}

export interface DrawingNumber {
  readonly name: string;
  readonly value: string;
  readonly provenance: ParamProvenance;
  readonly source: string;
}

/** Land-pattern overrides per role, already validated; a part uses those of its own role. */
export interface DrawingOptions {
  readonly overrides?: RoleOverrides;
  readonly overrideOrigin?: string;
}

export const PAGE = { widthMm: 210, heightMm: 297, marginMm: 10 } as const;

/** Dimension and label colours by provenance (the legend on the page says which is which). */
export const PROVENANCE_COLOURS: Readonly<Record<ParamProvenance, string>> = {
  catalog: '#000000',
  derived: '#1a7f37',
  reference: '#0b5cad',
  assumed: '#b35900',
  override: '#8b1fa9',
};

/** ISO 5455 enlargement scales. */
const SCALES = [20, 10, 5, 2] as const;
const VIEW_MAX_WIDTH_MM = 150;
/** Keeps the top view short enough that the notes and title block fit on one A4 page. */
const VIEW_MAX_HEIGHT_MM = 50;
const PAD_FILL = '#d9534f';
const COURTYARD = '#c000c0';

type Row = DrawingNumber;

/** Millimetres as on a drawing: at least two decimals, more when the value has them (1.225, 0.655). */
export function f2(x: number): string {
  const rounded = Math.round(x * 1e4) / 1e4 + 0;
  const fixed = rounded.toFixed(4).replace(/0+$/, '');
  const decimals = fixed.length - fixed.indexOf('.') - 1;
  return rounded.toFixed(Math.max(2, decimals));
}

/** Drawing scale: the largest standard ratio at which the courtyard fits the view. */
export function drawingScale(lp: LandPattern): number {
  const widthMm = lp.courtyard.maxXMm - lp.courtyard.minXMm;
  const heightMm = lp.courtyard.maxYMm - lp.courtyard.minYMm;
  return SCALES.find((s) => widthMm * s <= VIEW_MAX_WIDTH_MM && heightMm * s <= VIEW_MAX_HEIGHT_MM) ?? SCALES[SCALES.length - 1]!;
}

function rowsFor(lp: LandPattern): Row[] {
  const d = lp.dimensions;
  const p = lp.params;
  const dimProv: ParamProvenance = d.provenance;
  const dimSource = (k: 'A' | 'B' | 'C') => (d.formulas ? `${d.source}; ${k} = ${d.formulas[k]}` : `catalog: ${d.source}`);
  const terminals = lp.pads.filter((pad) => pad.kind === 'terminal');
  const tx = Math.max(...terminals.map((t) => t.xMm));
  const ty = Math.max(...terminals.map((t) => t.yMm));
  const worst = (...names: (keyof typeof p)[]): ParamProvenance => {
    const order: ParamProvenance[] = ['override', 'assumed', 'reference', 'derived', 'catalog'];
    return order.find((o) => names.some((nm) => p[nm].provenance === o)) ?? 'catalog';
  };
  return [
    { name: 'A  body length', value: f2(d.dimensionsMm.A), provenance: dimProv, source: dimSource('A') },
    {
      name: 'B  first to last contact (centres)',
      value: f2(d.dimensionsMm.B),
      provenance: dimProv,
      source: `${dimSource('B')}; reference: B = 0.4 × (pins/2 − 1), the first to the last contact centre of a row`,
    },
    {
      name: 'C  soldering terminals',
      value: f2(d.dimensionsMm.C),
      provenance: dimProv,
      source: `${dimSource('C')}; reference: what C measures is not stated in the catalog text, consistent with the soldering-terminal pad centres`,
    },
    { name: 'Body width', value: f2(lp.body.widthMm), provenance: p.bodyWidthMm.provenance, source: p.bodyWidthMm.source },
    { name: 'Body height', value: f2(lp.body.heightMm), provenance: p.bodyHeightMm.provenance, source: p.bodyHeightMm.source },
    { name: 'Contact pitch', value: f2(lp.pitchMm), provenance: 'catalog', source: `catalog: ${catalog.series.source}` },
    {
      name: 'Signal pad (x × y)',
      value: `${f2(p.signalPadWidthMm.valueMm)} × ${f2(p.signalPadLengthMm.valueMm)}`,
      provenance: worst('signalPadWidthMm', 'signalPadLengthMm'),
      source: p.signalPadLengthMm.source,
    },
    {
      name: 'Signal rows (centres)',
      value: `y ±${f2(p.signalRowOffsetMm.valueMm)}`,
      provenance: p.signalRowOffsetMm.provenance,
      source: p.signalRowOffsetMm.source,
    },
    {
      name: 'Terminal pad (x × y)',
      value: `${f2(p.terminalPadWidthMm.valueMm)} × ${f2(p.terminalPadLengthMm.valueMm)}`,
      provenance: worst('terminalPadWidthMm', 'terminalPadLengthMm'),
      source: p.terminalPadLengthMm.source,
    },
    {
      name: 'Terminal pad centres',
      value: `x ±${f2(tx)}, y ${ty === 0 ? '0' : `±${f2(ty)}`}`,
      provenance: worst('terminalOffsetFromCHalfMm', 'terminalRowOffsetMm'),
      source: `${p.terminalOffsetFromCHalfMm.source}; ${p.terminalRowOffsetMm.source}`,
    },
    { name: 'Solder-mask expansion', value: f2(p.maskExpansionMm.valueMm), provenance: p.maskExpansionMm.provenance, source: p.maskExpansionMm.source },
    {
      name: 'Paste openings (signal / terminal)',
      value: `${Math.round(p.signalPasteRatio.valueMm * 100)} % / ${Math.round(p.terminalPasteRatio.valueMm * 100)} %`,
      provenance: worst('signalPasteRatio', 'terminalPasteRatio'),
      source: p.signalPasteRatio.source,
    },
    {
      name: 'Courtyard clearance',
      value: f2(p.courtyardClearanceMm.valueMm),
      provenance: p.courtyardClearanceMm.provenance,
      source: p.courtyardClearanceMm.source,
    },
  ];
}

/**
 * Source notes without repetition: a source such as "reference: <document>.md: rows at y = ±1.2 mm"
 * becomes one note per document, listing the details cited from it; a source of several parts
 * ("catalog: …; reference: …") cites each part.
 */
export class SourceNotes {
  private readonly notes = new Map<string, string[]>();

  cite(source: string): number[] {
    const refs = source.split(/; (?=(?:catalog|reference|assumed|derived)\b)/).map((segment) => {
      const [base, detail] = splitSource(segment);
      let details = this.notes.get(base);
      if (!details) {
        details = [];
        this.notes.set(base, details);
      }
      if (detail && !details.includes(detail)) details.push(detail);
      return [...this.notes.keys()].indexOf(base) + 1;
    });
    return [...new Set(refs)];
  }

  lines(): string[] {
    return [...this.notes].map(([base, details]) => (details.length ? `${base}: ${details.join('; ')}` : base));
  }
}

/** "<document>.md<anything>: detail" → [document part, detail]; anything else is its own note. */
function splitSource(segment: string): [string, string | null] {
  const md = segment.indexOf('.md');
  const colon = md >= 0 ? segment.indexOf(': ', md) : -1;
  return colon >= 0 ? [segment.slice(0, colon), segment.slice(colon + 2)] : [segment, null];
}

/** The drawing of a part number (tape and inspection variants draw as their standard part). */
export function drawingSvg(pn: string, options: DrawingOptions = {}): Result<DrawingFile> {
  const g = geometryFor(pn, options.overrides, options.overrideOrigin);
  if (!g.ok) return g;
  const lp = g.value.landPattern;
  const check = g.value.check;
  const s = drawingScale(lp);
  const out: string[] = [];
  const M = PAGE.marginMm;
  const W = PAGE.widthMm;
  const cx = W / 2;
  const dims = lp.dimensions.dimensionsMm;
  const dimColour = PROVENANCE_COLOURS[lp.dimensions.provenance];
  const cy0 = lp.courtyard;

  // Heading.
  const roleText = lp.role === 'socket' ? 'socket (mated height 0.8 mm and 1.0 mm)' : `header (mated height ${(lp.matedHeightMm ?? 0.8).toFixed(1)} mm)`;
  out.push(text(M, M + 5, `Panasonic A4S ${g.value.partNumber}`, { size: TEXT_MM.title, weight: 'bold' }));
  out.push(text(M, M + 10.5, `${lp.pins}-pin ${roleText}, 0.4 mm pitch. Top view (component side), scale ${s}:1, dimensions in mm.`, { size: TEXT_MM.normal }));
  let y = M + 14;
  if (check.status === 'nonstandard') {
    // Wrapped, never cut: the whole reason and what to do.
    for (const piece of wrap(`Not a catalog part number: ${check.errors[0]?.message ?? ''}`, 110)) {
      out.push(text(M, y + 3, piece, { size: TEXT_MM.small, fill: PROVENANCE_COLOURS.assumed }));
      y += 4;
    }
  }
  const rows = rowsFor(lp);
  const overridden = LAND_PARAM_NAMES.some((name) => lp.params[name].provenance === 'override');
  if (overridden) {
    const names = LAND_PARAM_NAMES.filter((name) => lp.params[name].provenance === 'override');
    const origins = [...new Set(names.map((name) => lp.params[name].source))].join('; ');
    for (const piece of wrap(`Land-pattern overrides (${origins}): ${names.join(', ')}`, 130)) {
      out.push(text(M, y + 3, piece, { size: TEXT_MM.small, fill: PROVENANCE_COLOURS.override }));
      y += 4;
    }
  }

  // Top view: paper position of a footprint point (KiCad axes, y down, as the board is seen from above).
  const viewTop = y + 16;
  const X = (x: number) => cx + x * s;
  const Y = (yy: number) => viewTop + (yy - cy0.minYMm) * s;
  const pads = lp.pads;
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
  const byNumber = new Map(pads.filter((p) => p.kind === 'signal').map((p) => [p.number, p]));
  for (const num of ['1', '2', String(lp.pins - 1), String(lp.pins)]) {
    const pad = byNumber.get(num)!;
    const inward = -Math.sign(pad.yMm);
    const yLabel = Y(pad.yMm + (inward * pad.heightMm) / 2) + inward * 1.2 + (inward > 0 ? TEXT_MM.small * 0.75 : 0);
    out.push(text(X(pad.xMm), yLabel, num, { size: TEXT_MM.small, anchor: 'middle', weight: 'bold' }));
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

  // Dimensions: A above; B and C below; width and row pitch to the right.
  const aboveY = Y(cy0.minYMm) - 8;
  const belowY = Y(cy0.maxYMm) + 8;
  const bottomRow = pads.filter((p) => p.kind === 'signal' && p.yMm > 0);
  const padBottom = (p: Pad) => Y(p.yMm + p.heightMm / 2);
  const terminals = pads.filter((p) => p.kind === 'terminal');
  const termBottom = Math.max(...terminals.map(padBottom));
  out.push('<g id="dimensions">');
  out.push(dimension('h', X(-dims.A / 2), X(dims.A / 2), aboveY, Y(-bodyHalfW), Y(-bodyHalfW), `A ${f2(dims.A)}`, dimColour));
  out.push(dimension('h', X(-dims.B / 2), X(dims.B / 2), belowY, padBottom(bottomRow[0]!), padBottom(bottomRow[0]!), `B ${f2(dims.B)}`, dimColour));
  out.push(dimension('h', X(-dims.C / 2), X(dims.C / 2), belowY + 9, termBottom, termBottom, `C ${f2(dims.C)}`, dimColour));
  const rightX = X(cy0.maxXMm) + 7;
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
  const lastPad = byNumber.get(String(lp.pins))!;
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

  // Front view: body height above the board.
  const frontTop = belowY + 9 + 7;
  const frontBase = frontTop + lp.body.heightMm * s;
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
  y = frontBase + 9;

  // Legend.
  out.push('<g id="legend">');
  let lx = M;
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
    out.push(rect(M + 52, y - 2.2, 3, 2.5, `fill="${PROVENANCE_COLOURS.override}"`));
    out.push(text(M + 56, y, 'override (your land-pattern parameters)', { size: TEXT_MM.small, fill: PROVENANCE_COLOURS.override }));
  }
  out.push('</g>');
  y += 7;

  // Table of numbers with provenance; sources as numbered notes.
  const notes = new SourceNotes();
  out.push('<g id="numbers">');
  const cols = [M, M + 66, M + 112, M + 138];
  for (const [i, h] of ['Numbers used (mm)', 'value', 'provenance', 'source note'].entries())
    out.push(text(cols[i]!, y, h, { size: i ? TEXT_MM.small : TEXT_MM.normal, weight: 'bold' }));
  out.push(line(M, y + 1, W - M, y + 1, '#000', LINE_MM.thin));
  y += 4.5;
  for (const row of rows) {
    const colour = PROVENANCE_COLOURS[row.provenance];
    out.push(text(cols[0]!, y, row.name, { size: TEXT_MM.small }));
    out.push(text(cols[1]!, y, row.value, { size: TEXT_MM.small, fill: colour, weight: 'bold' }));
    out.push(text(cols[2]!, y, row.provenance, { size: TEXT_MM.small, fill: colour }));
    out.push(
      text(
        cols[3]!,
        y,
        notes
          .cite(row.source)
          .map((k) => `[${k}]`)
          .join(' '),
        { size: TEXT_MM.small },
      ),
    );
    y += 3.4;
  }
  y += 2;
  for (const [i, note] of notes.lines().entries()) {
    for (const [k, l] of wrap(`[${i + 1}] ${note}`, 138).entries()) {
      out.push(text(M + (k ? 5 : 0), y, l, { size: TEXT_MM.small }));
      y += 3.0;
    }
  }
  out.push('</g>');
  y += 4;

  // Checks before fabrication.
  out.push('<g id="checks">');
  out.push(text(M, y, 'Check before fabrication', { size: TEXT_MM.normal, weight: 'bold', fill: '#b00000' }));
  y += 5;
  for (const [i, c] of lp.checksBeforeFabrication.entries()) {
    for (const [k, l] of wrap(`${i + 1}. ${c}`, 138).entries()) {
      out.push(text(M + (k ? 4 : 0), y, l, { size: TEXT_MM.small }));
      y += 3.0;
    }
  }
  out.push('</g>');
  y += 4;

  // Title block.
  const tb = Math.max(y, PAGE.heightMm - M - 21);
  const tbw = W - 2 * M;
  out.push('<g id="title-block">');
  out.push(rect(M, tb, tbw, 21, `fill="none" stroke="#000" stroke-width="${LINE_MM.normal}"`));
  out.push(line(M + 95, tb, M + 95, tb + 21, '#000', LINE_MM.thin));
  out.push(text(M + 2, tb + 6, g.value.partNumber, { size: TEXT_MM.title, weight: 'bold' }));
  out.push(
    text(M + 2, tb + 10, `Panasonic A4S, ${lp.pins} pins, ${lp.role}${check.status === 'standard' ? '' : ` (${check.status})`}`, { size: TEXT_MM.small }),
  );
  out.push(
    text(
      M + 2,
      tb + 14,
      `General tolerance: ${lp.dimensions.generalToleranceMm !== null ? `±${lp.dimensions.generalToleranceMm} mm (catalog)` : 'not stated for this table'}`,
      { size: TEXT_MM.small },
    ),
  );
  out.push(text(M + 2, tb + 18, `Scale ${s}:1 on A4 · units mm · top view`, { size: TEXT_MM.small }));
  out.push(text(M + 97, tb + 6, `Footprint ${footprintName(lp.role, lp.pins, lp.matedHeightMm)}`, { size: TEXT_MM.small }));
  out.push(text(M + 97, tb + 10, `3D model ${modelName(lp.role, lp.pins, lp.matedHeightMm)}`, { size: TEXT_MM.small }));
  out.push(text(M + 97, tb + 14, 'Drawn by the A4S toolkit from the catalog and the stated references.', { size: TEXT_MM.small }));
  out.push(text(M + 97, tb + 18, "Not the manufacturer's drawing: check the latest product specification.", { size: TEXT_MM.small, fill: '#b00000' }));
  out.push('</g>');
  const heightMm = Math.max(PAGE.heightMm, tb + 21 + M);

  const fileName = `${g.value.partNumber}.svg`;
  const content = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(W)}mm" height="${n(heightMm)}mm" viewBox="0 0 ${n(W)} ${n(heightMm)}" font-family="Helvetica, Arial, sans-serif">`,
    `<title>${esc(`Panasonic A4S ${g.value.partNumber}: land pattern and dimensions`)}</title>`,
    rect(0, 0, W, heightMm, 'fill="#fff"'),
    ...out,
    '</svg>',
    '',
  ].join('\n');
  return ok({ fileName, content, numbers: rows, checksBeforeFabrication: lp.checksBeforeFabrication });
}
