import { builtInSeries, type Series } from '../catalog/index.js';
import type { PartNumberCheck } from '../partnumber/index.js';
import { footprintName, modelName, type LandPattern } from '../geometry/index.js';
import { PAGE } from './style.js';
import { line, LINE_MM, rect, text, TEXT_MM } from './svg.js';

/** The title block: part, scale, tolerance, the library names it belongs with, and whose drawing this is. */

export const TITLE_BLOCK_HEIGHT_MM = 21;

/** The title block at the foot of the page, or below `yMm` when the sheet runs longer; returns the SVG and its top. */
export function titleBlock(
  partNumber: string,
  lp: LandPattern,
  status: PartNumberCheck['status'],
  scale: number,
  yMm: number,
  series: Series = builtInSeries,
): { svg: string[]; topMm: number } {
  const M = PAGE.marginMm;
  const W = PAGE.widthMm;
  const out: string[] = [];
  const tb = Math.max(yMm, PAGE.heightMm - M - TITLE_BLOCK_HEIGHT_MM);
  const tbw = W - 2 * M;
  out.push('<g id="title-block">');
  out.push(rect(M, tb, tbw, TITLE_BLOCK_HEIGHT_MM, `fill="none" stroke="#000" stroke-width="${LINE_MM.normal}"`));
  out.push(line(M + 95, tb, M + 95, tb + TITLE_BLOCK_HEIGHT_MM, '#000', LINE_MM.thin));
  out.push(text(M + 2, tb + 6, partNumber, { size: TEXT_MM.title, weight: 'bold' }));
  out.push(
    text(M + 2, tb + 10, `Panasonic ${series.name}, ${lp.pins} pins, ${lp.role}${status === 'standard' ? '' : ` (${status})`}`, { size: TEXT_MM.small }),
  );
  out.push(
    text(
      M + 2,
      tb + 14,
      `General tolerance: ${lp.dimensions.generalToleranceMm !== null ? `±${lp.dimensions.generalToleranceMm} mm (catalog)` : 'not stated for this table'}`,
      { size: TEXT_MM.small },
    ),
  );
  out.push(text(M + 2, tb + 18, `Scale ${scale}:1 on A4 · units mm · top view`, { size: TEXT_MM.small }));
  out.push(text(M + 97, tb + 6, `Footprint ${footprintName(lp.role, lp.pins, lp.matedHeightMm, series)}`, { size: TEXT_MM.small }));
  out.push(text(M + 97, tb + 10, `3D model ${modelName(lp.role, lp.pins, lp.matedHeightMm, series)}`, { size: TEXT_MM.small }));
  out.push(text(M + 97, tb + 14, 'Drawn by the A4S toolkit from the catalog and the stated references.', { size: TEXT_MM.small }));
  out.push(text(M + 97, tb + 18, "Not the manufacturer's drawing: check the latest product specification.", { size: TEXT_MM.small, fill: '#b00000' }));
  out.push('</g>');
  return { svg: out, topMm: tb };
}
