import { builtInSeries, type MatedHeightMm, type Series } from '../catalog/index.js';
import {
  COURTYARD_LINE_WIDTH_MM,
  FAB_LINE_WIDTH_MM,
  SILK_LINE_WIDTH_MM,
  rectBox,
  type LandPattern,
  type Rect,
  type Segment,
  footprintChecks,
  footprintProvenance,
} from '../geometry/index.js';
import { DEFAULT_BASE_URI, libraryPaths, modelDirOf } from './library-paths.js';
import { atom, formatNumber, list, prewritten, str, writeSexpr, type SAtom, type SList } from './sexpr.js';

/**
 * KiCad 8 footprint format (`.kicad_mod`, version 20240108): KiCad 8, 9 and later read it
 * natively. Lines carry `(stroke …)`; no `uuid` is written (KiCad makes them on load), so that
 * the output is deterministic; layer names are KiCad's canonical ones.
 */
export const FOOTPRINT_FORMAT_VERSION = 20240108;
export const GENERATOR = 'a4s_toolkit';
/** `generator_version`: the format of this writer's output (changes when the output does). */
export const GENERATOR_VERSION = '2';

/** Layers this writer uses; the tests check every generated item is on one of them. */
export const FOOTPRINT_LAYERS = ['F.Cu', 'F.Mask', 'F.Paste', 'F.SilkS', 'F.Fab', 'F.CrtYd'] as const;

/** Hidden footprint properties holding the provenance table and the checks before fabrication. */
export const PROVENANCE_PROPERTY = 'Provenance';
export const CHECKS_PROPERTY = 'Check before fabrication';

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
  /**
   * The folder of the model files, in KiCad path syntax (no trailing slash); default
   * `${KIPRJMOD}/Panasonic_A4S.3dshapes` (the library's models folder in the project folder).
   */
  readonly modelDir?: string;
}

/** Hidden footprint property saying what the footprint-level clearance is, where it comes from and what it allows. */
export const CLEARANCE_PROPERTY = 'Clearance';

/**
 * The footprint-level clearance: the smallest copper gap between two pads of this footprint,
 * rounded down to 1 µm (derived). It makes the footprint DRC-clean at KiCad's default 0.2 mm
 * netclass without a rule file (a PCM package cannot carry one, and a renamed library no longer
 * matches the .kicad_dru's condition). KiCad applies a local clearance to every item next to these
 * pads, so it is the largest value that still lets the pads' own gap pass.
 */
export function footprintClearanceMm(lp: LandPattern): number {
  return Math.floor(padGapMm(lp) * 1000 + 1e-6) / 1000;
}

/** The smallest copper gap between two pads of one land pattern (mm, 0.1 µm). */
export function padGapMm(lp: LandPattern): number {
  let best = Infinity;
  const boxes = lp.pads.map((p) => rectBox(p)).sort((a, b) => a.minXMm - b.minXMm);
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    for (let j = i + 1; j < boxes.length; j++) {
      const b = boxes[j]!;
      // Sorted by left edge: a pad starting `best` or more right of a's right edge, and all after it, are farther.
      if (b.minXMm - a.maxXMm >= best) break;
      const gap = Math.max(a.minXMm - b.maxXMm, b.minXMm - a.maxXMm, a.minYMm - b.maxYMm, b.minYMm - a.maxYMm);
      if (gap > 0 && gap < best) best = gap;
    }
  }
  return Math.round(best * 1e4) / 1e4;
}

/** The text of the `Clearance` property (and of the README's clearance paragraph). */
export function clearanceText(lp: LandPattern, series: Series = builtInSeries): string {
  const c = formatNumber(footprintClearanceMm(lp));
  return [
    `Footprint clearance ${c} mm (derived: the smallest gap between two pads of this footprint, ${formatNumber(padGapMm(lp))} mm = ${formatNumber(series.pitchMm)} mm pitch (catalog) less the pad width, rounded down to 1 um).`,
    `It makes the pads pass DRC at KiCad's default 0.2 mm netclass with no rule file. KiCad applies it to everything next to these pads:`,
    `tracks, vias and zones of other nets may come ${c} mm from them (instead of the board's clearance); the rest of the board keeps its own rule.`,
    `To keep the board's clearance near the connector, set this footprint's clearance override to 0 (Footprint Properties -> Clearance overrides)`,
    `and add ${libraryPaths(series).druFile} from the a4s toolkit library (it lowers the clearance between two pads of one ${series.name} footprint only).`,
  ].join(' ');
}

const BLOCKS: ReadonlySet<string> = new Set(['footprint', 'model']);
const REF_FONT_MM = 1;
const REF_THICKNESS_MM = 0.15;
const FAB_FONT_MM = 0.5;
const FAB_THICKNESS_MM = 0.08;
const HIDDEN_FONT_MM = 1.27;

type LayerName = (typeof FOOTPRINT_LAYERS)[number];
const xy = (head: string, x: number, y: number) => list(head, x, y);
// Subtrees a library repeats thousands of times (a line's layer and stroke, a pad's layers) are
// written once (`prewritten`) and reused verbatim: less to build and to write in code that runs once.
const once = <K>(make: (key: K) => SList) => {
  const made = new Map<K, SAtom>();
  return (key: K): SAtom => {
    let node = made.get(key);
    if (node === undefined) made.set(key, (node = prewritten(make(key))));
    return node;
  };
};
const layer = once((name: LayerName) => list('layer', str(name)));
const stroke = once((widthMm: number) => list('stroke', list('width', widthMm), list('type', atom('solid'))));
const font = (sizeMm: number, thicknessMm: number) => list('font', list('size', sizeMm, sizeMm), list('thickness', thicknessMm));
const SOLID_FILL = prewritten(list('fill', atom('solid')));
const COPPER_LAYERS = prewritten(list('layers', str('F.Cu'), str('F.Mask')));
const PASTE_LAYERS = prewritten(list('layers', str('F.Paste')));

function line(s: Segment, layerName: 'F.SilkS' | 'F.Fab', widthMm: number): SList {
  return list('fp_line', xy('start', s.x1Mm, s.y1Mm), xy('end', s.x2Mm, s.y2Mm), stroke(widthMm), layer(layerName));
}

function rect(r: Rect, layerName: 'F.Mask'): SList {
  return list(
    'fp_rect',
    xy('start', r.xMm - r.widthMm / 2, r.yMm - r.heightMm / 2),
    xy('end', r.xMm + r.widthMm / 2, r.yMm + r.heightMm / 2),
    stroke(0),
    SOLID_FILL,
    layer(layerName),
  );
}

function property(
  name: string,
  value: string,
  x: number,
  y: number,
  layerName: 'F.SilkS' | 'F.Fab',
  hidden: boolean,
  sizeMm = REF_FONT_MM,
  thicknessMm = REF_THICKNESS_MM,
): SList {
  return list(
    'property',
    str(name),
    str(value),
    list('at', x, y, 0),
    layer(layerName),
    ...(hidden ? [list('hide', atom('yes'))] : []),
    list('effects', font(sizeMm, thicknessMm)),
  );
}

function copperPad(number: string, r: Rect, maskExpansionMm: number): SList {
  return list(
    'pad',
    str(number),
    atom('smd'),
    atom('rect'),
    xy('at', r.xMm, r.yMm),
    list('size', r.widthMm, r.heightMm),
    COPPER_LAYERS,
    list('solder_mask_margin', maskExpansionMm),
  );
}

/** A stencil opening: an unnumbered pad on F.Paste only (the copper pads carry no paste). */
function pastePad(r: Rect): SList {
  return list('pad', str(''), atom('smd'), atom('rect'), xy('at', r.xMm, r.yMm), list('size', r.widthMm, r.heightMm), PASTE_LAYERS);
}

/** KiCad library convention F9.3: the STEP model is linked (the VRML file sits beside it in the library). */
function model(link: FootprintModelLink, dir: string): SList {
  const path = str(`${dir}/${link.name}.step`);
  const placement = [list('offset', list('xyz', 0, 0, 0)), list('scale', list('xyz', 1, 1, 1)), list('rotate', list('xyz', 0, 0, 0))];
  return link.visible ? list('model', path, ...placement) : list('model', path, list('hide', atom('yes')), ...placement);
}

/** The footprint as an s-expression tree; `footprintText` writes it. */
export function footprintTree(lp: LandPattern, meta: FootprintMeta, series: Series = builtInSeries): SList {
  const c = lp.courtyard;
  const items: SList[] = [
    list('layer', str('F.Cu')),
    // KLC F9.1: the description carries the datasheet URL; a footprint has no Datasheet field.
    list('descr', str(meta.description)),
    list('tags', str(meta.keywords)),
    property('Reference', 'REF**', 0, mmRound(c.minYMm - 0.8), 'F.SilkS', false),
    property('Value', meta.name, 0, mmRound(c.maxYMm + 0.8), 'F.Fab', false),
    property(PROVENANCE_PROPERTY, footprintProvenance(lp, series), 0, 0, 'F.Fab', true, HIDDEN_FONT_MM),
    property(CHECKS_PROPERTY, footprintChecks(lp), 0, 0, 'F.Fab', true, HIDDEN_FONT_MM),
    property(CLEARANCE_PROPERTY, clearanceText(lp, series), 0, 0, 'F.Fab', true, HIDDEN_FONT_MM),
    list('clearance', footprintClearanceMm(lp)),
    list('attr', atom('smd'), atom('allow_soldermask_bridges')),
    ...lp.silkscreen.map((s) => line(s, 'F.SilkS', SILK_LINE_WIDTH_MM)),
    ...lp.pin1Marker.map((s) => line(s, 'F.SilkS', SILK_LINE_WIDTH_MM)),
    ...lp.fabOutline.map((s) => line(s, 'F.Fab', FAB_LINE_WIDTH_MM)),
    list(
      'fp_rect',
      xy('start', c.minXMm, c.minYMm),
      xy('end', c.maxXMm, c.maxYMm),
      stroke(COURTYARD_LINE_WIDTH_MM),
      list('fill', atom('none')),
      layer('F.CrtYd'),
    ),
    ...lp.maskOpenings.map((r) => rect(r, 'F.Mask')),
    list('fp_text', atom('user'), str('${REFERENCE}'), list('at', 0, 0, 0), layer('F.Fab'), list('effects', font(FAB_FONT_MM, FAB_THICKNESS_MM))),
    ...lp.pads.map((p) => copperPad(p.number, p, p.maskExpansionMm)),
    ...lp.pads.flatMap((p) => p.pasteApertures.map(pastePad)),
    ...meta.models.map((m) => model(m, meta.modelDir ?? modelDirOf(DEFAULT_BASE_URI, series))),
  ];
  return list(
    'footprint',
    str(meta.name),
    list('version', FOOTPRINT_FORMAT_VERSION),
    list('generator', str(GENERATOR)),
    list('generator_version', str(GENERATOR_VERSION)),
    ...items,
  );
}

const mmRound = (v: number) => Math.round(v * 1e4) / 1e4 + 0;

export function footprintText(lp: LandPattern, meta: FootprintMeta, series: Series = builtInSeries): string {
  return `${writeSexpr(footprintTree(lp, meta, series), BLOCKS)}\n`;
}

export function heightText(heights: readonly MatedHeightMm[]): string {
  return heights.map((h) => `${h.toFixed(1)} mm`).join(' or ');
}
