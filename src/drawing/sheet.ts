import { builtInSeries, type Series } from '../catalog/index.js';
import { familyHeight, geometryFor, LAND_PARAM_NAMES } from '../geometry/index.js';
// Not in the geometry index (its types are public): the types the part-file writers share.
import type { PartFile, PartGeometry, RoleOverrideOptions } from '../geometry/part.js';
import { ok, type Result } from '../result.js';
import { numberRows, numbersTable, fabricationChecks, type DrawingNumber } from './notes.js';
import { PAGE, PROVENANCE_COLOURS } from './style.js';
import { esc, n, rect, text, TEXT_MM, wrap } from './svg.js';
import { TITLE_BLOCK_HEIGHT_MM, titleBlock } from './title-block.js';
import { drawingScale, legend, partViews } from './views.js';

/**
 * A part drawing as SVG: top view of the land pattern with the body outline, pin 1 and the
 * catalog's A/B/C dimensioned; a front view with the body height; a table of every number with
 * its provenance and source; the checks to make before fabrication; a title block.
 * On an A4 portrait page (viewBox in millimetres; taller when the notes need it), printable at 100 %.
 * Deterministic: same part number, same bytes.
 *
 * This file lays the blocks out from the top of the page down: heading, views (views.ts), legend,
 * numbers and checks (notes.ts), title block (title-block.ts).
 */
export interface DrawingFile extends PartFile {
  /** The table of numbers drawn, each with its provenance and source. */
  readonly numbers: readonly DrawingNumber[];
}

/** Land-pattern overrides per role, already validated; a part uses those of its own role. */
export type DrawingOptions = RoleOverrideOptions;

/** The drawing of a part number (tape and inspection variants draw as their standard part). */
export function drawingSvg(pn: string, options: DrawingOptions = {}, series: Series = builtInSeries): Result<DrawingFile> {
  const g = geometryFor(pn, options.overrides, options.overrideOrigin, series);
  if (!g.ok) return g;
  return ok(drawingOfGeometry(g.value, series));
}

/** "0.8 mm and 1.0 mm": the mated heights a socket serves, as the series states them. */
function socketHeightsText(series: Series): string {
  const heights = series.catalog.series.matedHeightsMm.map((h) => `${h.toFixed(1)} mm`);
  return heights.length > 1 ? `${heights.slice(0, -1).join(', ')} and ${heights.at(-1)}` : (heights[0] ?? '');
}

/** The drawing of a part's geometry, its text naming the series `series`. */
export function drawingOfGeometry(geometry: PartGeometry, series: Series = builtInSeries): DrawingFile {
  const lp = geometry.landPattern;
  const check = geometry.check;
  const s = drawingScale(lp);
  const out: string[] = [];
  const M = PAGE.marginMm;
  const W = PAGE.widthMm;

  // Heading.
  const roleText =
    lp.role === 'socket'
      ? `socket (mated height ${socketHeightsText(series)})`
      : `header (mated height ${familyHeight(lp.role, lp.matedHeightMm)!.toFixed(1)} mm)`;
  out.push(text(M, M + 5, `Panasonic ${series.name} ${geometry.partNumber}`, { size: TEXT_MM.title, weight: 'bold' }));
  out.push(
    text(M, M + 10.5, `${lp.pins}-pin ${roleText}, ${series.pitchMm} mm pitch. Top view (component side), scale ${s}:1, dimensions in mm.`, {
      size: TEXT_MM.normal,
    }),
  );
  let y = M + 14;
  if (check.status === 'nonstandard' || check.status === 'renamed') {
    // Wrapped, never cut: the whole reason and what to do.
    const said =
      check.status === 'renamed' ? `Old part number: ${check.errors[0]?.message ?? ''}` : `Not a catalog part number: ${check.errors[0]?.message ?? ''}`;
    for (const piece of wrap(said, 110)) {
      out.push(text(M, y + 3, piece, { size: TEXT_MM.small, fill: PROVENANCE_COLOURS.assumed }));
      y += 4;
    }
  }
  const rows = numberRows(lp, series);
  const overridden = LAND_PARAM_NAMES.some((name) => lp.params[name].provenance === 'override');
  if (overridden) {
    const names = LAND_PARAM_NAMES.filter((name) => lp.params[name].provenance === 'override');
    const origins = [...new Set(names.map((name) => lp.params[name].source))].join('; ');
    for (const piece of wrap(`Land-pattern overrides (${origins}): ${names.join(', ')}`, 130)) {
      out.push(text(M, y + 3, piece, { size: TEXT_MM.small, fill: PROVENANCE_COLOURS.override }));
      y += 4;
    }
  }

  const views = partViews(lp, s, y, W / 2);
  out.push(...views.svg);
  const key = legend(M, views.nextYMm, overridden);
  out.push(...key.svg);
  const numbers = numbersTable(rows, key.lastYMm + 7);
  out.push(...numbers.svg);
  const checks = fabricationChecks(lp.checksBeforeFabrication, numbers.nextYMm);
  out.push(...checks.svg);
  const title = titleBlock(geometry.partNumber, lp, check.status, s, checks.nextYMm, series);
  out.push(...title.svg);
  const heightMm = Math.max(PAGE.heightMm, title.topMm + TITLE_BLOCK_HEIGHT_MM + M);

  const fileName = `${geometry.partNumber}.svg`;
  const content = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(W)}mm" height="${n(heightMm)}mm" viewBox="0 0 ${n(W)} ${n(heightMm)}" font-family="Helvetica, Arial, sans-serif">`,
    `<title>${esc(`Panasonic ${series.name} ${geometry.partNumber}: land pattern and dimensions`)}</title>`,
    rect(0, 0, W, heightMm, 'fill="#fff"'),
    ...out,
    '</svg>',
    '',
  ].join('\n');
  return { fileName, content, numbers: rows, checksBeforeFabrication: lp.checksBeforeFabrication };
}
