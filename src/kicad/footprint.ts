import type { MatedHeightMm } from '../catalog/index.js';
import {
  COURTYARD_LINE_WIDTH_MM,
  FAB_LINE_WIDTH_MM,
  LAND_PARAM_NAMES,
  MODEL_DIR_VARIABLE,
  SILK_LINE_WIDTH_MM,
  type LandPattern,
  type Param,
  type ParamProvenance,
  type Rect,
  type Segment,
} from '../geometry/index.js';
import { formatNumber, list, str, atom, writeSexpr, type SList } from './sexpr.js';

/**
 * KiCad 6 footprint format (`.kicad_mod`, version 20211014): KiCad 6.0 reads it and every later
 * KiCad upgrades it on load. KiCad 6 rejects the KiCad 7 `(stroke …)` form, so lines carry
 * `(width …)`; layer names are KiCad's canonical ones (an unknown name lands on a "Rescue" layer).
 */
export const FOOTPRINT_FORMAT_VERSION = 20211014;
export const GENERATOR = 'a4s_toolkit';

/** Layers this writer uses; the tests check every generated item is on one of them. */
export const FOOTPRINT_LAYERS = ['F.Cu', 'F.Mask', 'F.Paste', 'F.SilkS', 'F.Fab', 'F.CrtYd', 'Cmts.User'] as const;

export interface FootprintModelLink {
  /** Base name of the model file (no extension). */
  readonly name: string;
  readonly visible: boolean;
}

export interface FootprintMeta {
  readonly name: string;
  readonly description: string;
  readonly keywords: string;
  readonly models: readonly FootprintModelLink[];
}

const BLOCKS: ReadonlySet<string> = new Set(['footprint', 'model']);
const REF_FONT_MM = 1;
const REF_THICKNESS_MM = 0.15;
const FAB_FONT_MM = 0.5;
const FAB_THICKNESS_MM = 0.08;
const NOTE_FONT_MM = 0.4;
const NOTE_THICKNESS_MM = 0.06;

const xy = (head: string, x: number, y: number) => list(head, x, y);
const layer = (name: (typeof FOOTPRINT_LAYERS)[number]) => list('layer', str(name));
const font = (sizeMm: number, thicknessMm: number) => list('font', list('size', sizeMm, sizeMm), list('thickness', thicknessMm));

function line(s: Segment, layerName: 'F.SilkS' | 'F.Fab', widthMm: number): SList {
  return list('fp_line', xy('start', s.x1Mm, s.y1Mm), xy('end', s.x2Mm, s.y2Mm), layer(layerName), list('width', widthMm));
}

function text(kind: 'reference' | 'value' | 'user', content: string, x: number, y: number, layerName: 'F.SilkS' | 'F.Fab' | 'Cmts.User', sizeMm: number, thicknessMm: number, justifyLeftTop = false): SList {
  const effects = justifyLeftTop ? list('effects', font(sizeMm, thicknessMm), list('justify', atom('left'), atom('top'))) : list('effects', font(sizeMm, thicknessMm));
  return list('fp_text', atom(kind), str(content), xy('at', x, y), layer(layerName), effects);
}

function copperPad(number: string, r: Rect, maskExpansionMm: number): SList {
  return list('pad', str(number), atom('smd'), atom('rect'), xy('at', r.xMm, r.yMm), list('size', r.widthMm, r.heightMm), list('layers', str('F.Cu'), str('F.Mask')), list('solder_mask_margin', maskExpansionMm));
}

/** A stencil opening: an unnumbered pad on F.Paste only (the copper pads carry no paste). */
function pastePad(r: Rect): SList {
  return list('pad', str(''), atom('smd'), atom('rect'), xy('at', r.xMm, r.yMm), list('size', r.widthMm, r.heightMm), list('layers', str('F.Paste')));
}

function model(link: FootprintModelLink): SList {
  const path = str(`${MODEL_DIR_VARIABLE}/${link.name}.wrl`);
  const placement = [list('offset', list('xyz', 0, 0, 0)), list('scale', list('xyz', 1, 1, 1)), list('rotate', list('xyz', 0, 0, 0))];
  return link.visible ? list('model', path, ...placement) : list('model', path, atom('hide'), ...placement);
}

/** `name = 0.23 mm [reference] source`, one line per land-pattern parameter. */
export function provenanceLines(lp: LandPattern): string[] {
  return LAND_PARAM_NAMES.map((name) => {
    const p: Param = lp.params[name];
    const unit = name.endsWith('Ratio') ? '' : ' mm';
    return `${name} = ${formatNumber(p.valueMm)}${unit} [${p.provenance}] ${p.source}`;
  });
}

/** "reference: a, b; catalog: c" — which parameters come from which kind of source. */
export function provenanceSummary(lp: LandPattern): string {
  const groups = new Map<ParamProvenance, string[]>();
  for (const name of LAND_PARAM_NAMES) {
    const kind = lp.params[name].provenance;
    groups.set(kind, [...(groups.get(kind) ?? []), name]);
  }
  const order: ParamProvenance[] = ['override', 'catalog', 'derived', 'reference', 'assumed'];
  return order.filter((k) => groups.has(k)).map((k) => `${k}: ${groups.get(k)!.join(', ')}`).join('; ');
}

/** Lines of the Cmts.User note: where each number came from, then what to check before fabrication. */
export function footprintNote(lp: LandPattern): string {
  return [
    'LAND PATTERN PROVENANCE (a4s toolkit; catalog = Panasonic A4S catalog, reference = data/source/A4S-reference.md, assumed = stated rule):',
    `body: A = ${formatNumber(lp.body.lengthMm)} mm (${lp.body.provenance.length}); width ${formatNumber(lp.body.widthMm)} mm (${lp.body.provenance.width}); height ${formatNumber(lp.body.heightMm)} mm (${lp.body.provenance.height})`,
    `dimensions A/B/C = ${formatNumber(lp.dimensions.dimensionsMm.A)} / ${formatNumber(lp.dimensions.dimensionsMm.B)} / ${formatNumber(lp.dimensions.dimensionsMm.C)} mm [${lp.dimensions.provenance}] ${lp.dimensions.source}`,
    ...provenanceLines(lp),
    'CHECK BEFORE FABRICATION:',
    ...lp.checksBeforeFabrication.map((c, i) => `${i + 1}. ${c}`),
  ].join('\n');
}

/** The footprint as an s-expression tree; `footprintText` writes it. */
export function footprintTree(lp: LandPattern, meta: FootprintMeta): SList {
  const c = lp.courtyard;
  const items: SList[] = [
    list('layer', str('F.Cu')),
    list('descr', str(meta.description)),
    list('tags', str(meta.keywords)),
    list('attr', atom('smd')),
    text('reference', 'REF**', 0, c.minYMm - 0.8, 'F.SilkS', REF_FONT_MM, REF_THICKNESS_MM),
    text('value', meta.name, 0, c.maxYMm + 0.8, 'F.Fab', REF_FONT_MM, REF_THICKNESS_MM),
    text('user', '${REFERENCE}', 0, 0, 'F.Fab', FAB_FONT_MM, FAB_THICKNESS_MM),
    text('user', footprintNote(lp), c.minXMm, c.maxYMm + 1.6, 'Cmts.User', NOTE_FONT_MM, NOTE_THICKNESS_MM, true),
    ...lp.silkscreen.map((s) => line(s, 'F.SilkS', SILK_LINE_WIDTH_MM)),
    ...lp.pin1Marker.map((s) => line(s, 'F.SilkS', SILK_LINE_WIDTH_MM)),
    ...lp.fabOutline.map((s) => line(s, 'F.Fab', FAB_LINE_WIDTH_MM)),
    list('fp_rect', xy('start', c.minXMm, c.minYMm), xy('end', c.maxXMm, c.maxYMm), layer('F.CrtYd'), list('width', COURTYARD_LINE_WIDTH_MM), list('fill', atom('none'))),
    ...lp.pads.map((p) => copperPad(p.number, p, p.maskExpansionMm)),
    ...lp.pads.flatMap((p) => p.pasteApertures.map(pastePad)),
    ...meta.models.map(model),
  ];
  return list('footprint', str(meta.name), list('version', FOOTPRINT_FORMAT_VERSION), list('generator', atom(GENERATOR)), ...items);
}

export function footprintText(lp: LandPattern, meta: FootprintMeta): string {
  return `${writeSexpr(footprintTree(lp, meta), BLOCKS)}\n`;
}

export function heightText(heights: readonly MatedHeightMm[]): string {
  return heights.map((h) => `${h.toFixed(1)} mm`).join(' or ');
}
