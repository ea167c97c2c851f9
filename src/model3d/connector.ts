import { builtInSeries, seriesDerived, type Series } from '../catalog/index.js';
import { dimensionsFor } from '../select/index.js';
import { error } from '../errors.js';
import { LAND_PARAM_NAMES, landPattern, type LandPattern, type Pad } from '../geometry/index.js';
import { fail, ok, type Result } from '../result.js';
import { box3, boxSolid, pocketedBoxSolid, prismSolid, r4, unionBounds, type Box3, type Solid, type Vec3 } from './solid.js';

/**
 * Numbers the 3D shapes add to the land pattern. None is published; each is stated, and each is
 * chosen so that the model can only be read as "simplified": the body is a box of the catalog's
 * length A, the reference width and height; the metal is drawn where it is soldered.
 */
export const MODEL_ASSUMPTIONS = {
  /** Thickness of the solder feet of contacts and soldering terminals. */
  footThicknessMm: { value: 0.1, source: 'assumed: contact and terminal foot thickness 0.1 mm (typical for 0.4 mm pitch contacts; not published)' },
  /** Feet are the pads shrunk by this much on each side (the solder fillet's room). */
  footInsetMm: { value: 0.05, source: 'assumed: each foot is its pad shrunk by 0.05 mm on every side' },
  /** Contact foot width across the pitch. */
  contactFootWidthMm: { value: 0.15, source: 'assumed: contact foot 0.15 mm wide (pad 0.23 mm, pitch 0.4 mm)' },
} as const;

/** Why the header body has notches over its soldering terminals. */
export const TERMINAL_NOTCH_SOURCE =
  "assumed: the header body is cut away over each soldering-terminal pad, from the pad's inner edge to the body's end, so that the terminal (the pad less the inset) stands visible beside the body; the real terminal shape is not published";

export const COLOURS: Readonly<Record<'body' | 'contact' | 'terminal', Vec3>> = {
  // Illustrative only: the catalog gives materials (LCP resin; Au-plated contacts; Pd + Au flash
  // or Au-plated soldering terminals), not colours.
  body: [0.2, 0.2, 0.22],
  contact: [0.85, 0.68, 0.25],
  terminal: [0.8, 0.78, 0.72],
};

export interface ConnectorModel {
  readonly name: string;
  readonly solids: readonly Solid[];
  /** The body solid's own bounds: A × width × height. */
  readonly bodyBounds: Box3;
  /** All solids: the feet reach beyond the body's sides onto their pads. */
  readonly bounds: Box3;
  /** Where each number came from, and what to check; written into the files. */
  readonly provenance: readonly string[];
  readonly checksBeforeFabrication: readonly string[];
}

/** Footprint (KiCad, y down) to model (y up) coordinates. */
const toModelY = (yFootprintMm: number) => r4(-yFootprintMm);

/** A foot on its pad, and where the body must give way to it (header soldering terminals under the body). */
interface Tail {
  readonly foot: Box3;
  /** Body notch (model x, y), open at the body's end: the pad's outline from its inner edge to the end. */
  readonly notch: { readonly x0: number; readonly x1: number; readonly y0: number; readonly y1: number } | null;
}

/**
 * A contact's or terminal's tail: its pad less the inset, the part of it outside the body outline
 * (the tails leave the body's sides onto their pads, as on the real part; they reach no further
 * than their pads, and never enter the body). A soldering terminal whose pad lies wholly under the
 * body (the header's) stands in a notch cut into the body's end over its pad. Null when the pad
 * leaves nothing (overridden pads only; shapeProblems says why).
 */
function tailFor(pad: Pad, body: { readonly lengthMm: number; readonly widthMm: number }, role: LandPattern['role']): Tail | null {
  const inset = MODEL_ASSUMPTIONS.footInsetMm.value;
  const width = pad.kind === 'signal' ? Math.min(MODEL_ASSUMPTIONS.contactFootWidthMm.value, pad.widthMm - 2 * inset) : pad.widthMm - 2 * inset;
  const length = pad.heightMm - 2 * inset;
  if (!(width > 0.001 && length > 0.001)) return null;
  const y = toModelY(pad.yMm);
  let [x0, x1, y0, y1] = [r4(pad.xMm - width / 2), r4(pad.xMm + width / 2), r4(y - length / 2), r4(y + length / 2)];
  const hw = body.widthMm / 2;
  const hl = body.lengthMm / 2;
  const t = MODEL_ASSUMPTIONS.footThicknessMm.value;
  const eps = 0.001;
  const foot = (a: number, b: number, c: number, d: number) => box3([a, c, 0], [b, d, t]);
  if (y1 > hw + eps) return { foot: foot(x0, x1, Math.max(y0, hw), y1), notch: null };
  if (y0 < -hw - eps) return { foot: foot(x0, x1, y0, Math.min(y1, -hw)), notch: null };
  if (x1 > hl + eps) return { foot: foot(Math.max(x0, hl), x1, y0, y1), notch: null };
  if (x0 < -hl - eps) return { foot: foot(x0, Math.min(x1, -hl), y0, y1), notch: null };
  if (pad.kind === 'signal' || role === 'socket') return null;
  // Under the body: the body is cut away over the whole pad, out to the body's nearer end.
  const px0 = r4(pad.xMm - pad.widthMm / 2);
  const px1 = r4(pad.xMm + pad.widthMm / 2);
  const py0 = r4(Math.max(y - pad.heightMm / 2, -hw));
  const py1 = r4(Math.min(y + pad.heightMm / 2, hw));
  if (!(py1 - py0 < body.widthMm - eps)) return null;
  const notch = pad.xMm > 0 ? { x0: px0, x1: hl, y0: py0, y1: py1 } : { x0: -hl, x1: px1, y0: py0, y1: py1 };
  [x0, x1, y0, y1] = [Math.max(x0, -hl), Math.min(x1, hl), y0, y1];
  return { foot: foot(x0, x1, y0, y1), notch };
}

/** The header body: a box of A × width × height, with a notch at each end over a soldering terminal. */
function headerBodyPolygon(lengthMm: number, widthMm: number, notches: readonly NonNullable<Tail['notch']>[]): [number, number][] | null {
  const hl = r4(lengthMm / 2);
  const hw = r4(widthMm / 2);
  const right = notches.filter((n) => n.x1 >= hl);
  const left = notches.filter((n) => n.x0 <= -hl);
  if (right.length > 1 || left.length > 1 || right.length + left.length !== notches.length) return null;
  const r = right[0];
  const l = left[0];
  if (r && l && !(l.x1 < r.x0)) return null;
  const poly: [number, number][] = [
    [-hl, -hw],
    [hl, -hw],
  ];
  if (r) poly.push([hl, r.y0], [r.x0, r.y0], [r.x0, r.y1], [hl, r.y1]);
  poly.push([hl, hw], [-hl, hw]);
  if (l) poly.push([-hl, l.y1], [l.x1, l.y1], [l.x1, l.y0], [-hl, l.y0]);
  // Notches reaching a side would leave no wall there: not a simple body any more.
  return poly.every(([, y]) => y >= -hw && y <= hw) && (!r || (r.y0 > -hw && r.y1 < hw)) && (!l || (l.y0 > -hw && l.y1 < hw)) ? poly : null;
}

/** The socket's cavity, as numbers: where it is, and why. */
interface Cavity {
  /** Header outline: length A_header and width, centred. */
  readonly lengthMm: number;
  readonly widthMm: number;
  /** Height of the cavity floor above the board; the cavity is open at the socket's top. */
  readonly floorMm: number;
  readonly source: string;
}

/**
 * Socket cavity (where the header's body goes): the header's own outline A_header × width_header
 * for the same pin count, as deep as the pair's engagement (socket height + 0.8 mm header height
 * − 0.8 mm mated height). Derived from the same reference numbers, so that the mated-pair model
 * nests without the two bodies overlapping.
 */
function socketCavity(lp: LandPattern, series: Series): Cavity {
  // Depends on the series, the pin count and the socket's height only; a model and its mated pair ask again.
  const cavities = seriesDerived(series, newCavityCache);
  const key = `${lp.pins}|${lp.body.heightMm}`;
  let cavity = cavities.get(key);
  if (!cavity) {
    cavity = computeSocketCavity(lp, series);
    if (cavities.size < 1024) cavities.set(key, cavity);
  }
  return cavity;
}
const newCavityCache = (_series: Series) => new Map<string, Cavity>();

function computeSocketCavity(lp: LandPattern, series: Series): Cavity {
  const header = landPattern('header', lp.pins, 0.8, {}, series);
  const headerA = dimensionsFor('header', lp.pins, 0.8, false, series).dimensionsMm.A;
  const depthMm = r4(lp.body.heightMm + header.body.heightMm - 0.8);
  return {
    lengthMm: headerA,
    widthMm: header.body.widthMm,
    floorMm: r4(lp.body.heightMm - depthMm),
    source: `assumed: socket cavity = header outline ${headerA} × ${header.body.widthMm} mm (header A, catalog; width, reference), depth ${depthMm} mm = ${lp.body.heightMm} + ${header.body.heightMm} − 0.8 (derived: engagement of the 0.8 mm pair); the real cavity shape is not published`,
  };
}

function cavityBox(c: Cavity, socketHeightMm: number): Box3 {
  return box3([-c.lengthMm / 2, -c.widthMm / 2, c.floorMm], [c.lengthMm / 2, c.widthMm / 2, socketHeightMm]);
}

/** Land-pattern parameters the user overrode, as one provenance line (none without overrides). */
function overrideLines(lp: LandPattern): string[] {
  const names = LAND_PARAM_NAMES.filter((n) => lp.params[n].provenance === 'override');
  if (names.length === 0) return [];
  const values = names.map((n) => `${n} = ${lp.params[n].valueMm}${n.endsWith('Ratio') ? '' : ' mm'}`).join(', ');
  const sources = [...new Set(names.map((n) => lp.params[n].source))].join('; ');
  return [`Land-pattern overrides (provenance override, ${sources}): ${values}; the model follows the overridden pads and body.`];
}

/**
 * What keeps a land pattern from giving a solid model (possible with user overrides only):
 * a body without volume, a pad too small to leave a foot, a socket too small for its cavity.
 */
function shapeProblems(lp: LandPattern, series: Series): string[] {
  const problems: string[] = [];
  const { lengthMm, widthMm, heightMm } = lp.body;
  if (!(lengthMm > 0 && widthMm > 0 && heightMm > 0)) problems.push(`the body ${lengthMm} × ${widthMm} × ${heightMm} mm has no volume`);
  const inset = MODEL_ASSUMPTIONS.footInsetMm.value;
  const small = lp.pads.find((pad) => !(pad.widthMm > 2 * inset && pad.heightMm > 2 * inset));
  if (small)
    problems.push(
      `pad ${small.number} (${small.widthMm} × ${small.heightMm} mm) leaves no foot: feet are the pads less ${inset} mm on each side (assumed), so pads must be over ${2 * inset} mm wide and long`,
    );
  const hidden = !small && lengthMm > 0 && widthMm > 0 ? lp.pads.find((pad) => tailFor(pad, lp.body, lp.role) === null) : undefined;
  if (hidden)
    problems.push(
      `pad ${hidden.number} lies wholly under the ${lengthMm} × ${widthMm} mm body, so its ${hidden.kind === 'signal' ? 'contact' : 'terminal'} would not show (tails leave the body onto the part of their pads beyond it)`,
    );
  if (!small && !hidden && lp.role === 'header' && lengthMm > 0 && widthMm > 0) {
    const notches = lp.pads.flatMap((pad) => tailFor(pad, lp.body, lp.role)?.notch ?? []);
    if (notches.length > 0 && !headerBodyPolygon(lengthMm, widthMm, notches))
      problems.push('the soldering-terminal pads under the header body need more than one notch at an end of the body, or notches that meet');
  }
  if (lp.role === 'socket' && problems.length === 0) {
    const c = socketCavity(lp, series);
    if (!(c.lengthMm < lengthMm && c.widthMm < widthMm && c.floorMm > 0 && c.floorMm < heightMm)) {
      problems.push(
        `the socket body ${lengthMm} × ${widthMm} × ${heightMm} mm cannot hold its cavity (the header outline ${c.lengthMm} × ${c.widthMm} mm, its floor ${c.floorMm} mm above the board): it must be longer, wider and taller`,
      );
    }
  }
  return problems;
}

/** `connectorModel`, or MODEL_SHAPE_INVALID when the (overridden) land pattern gives no solid model. */
export function tryConnectorModel(lp: LandPattern, name: string, series: Series = builtInSeries): Result<ConnectorModel> {
  const problems = shapeProblems(lp, series);
  if (problems.length > 0)
    return fail(error('MODEL_SHAPE_INVALID', `The 3D model ${name} cannot be drawn from these land-pattern parameters: ${problems.join('; ')}.`));
  return ok(connectorModel(lp, name, series));
}

/** The model of one footprint: body, one foot per contact, one per soldering terminal. */
export function connectorModel(lp: LandPattern, name: string, series: Series = builtInSeries): ConnectorModel {
  const { lengthMm, widthMm, heightMm } = lp.body;
  const bodyBounds = box3([-lengthMm / 2, -widthMm / 2, 0], [lengthMm / 2, widthMm / 2, heightMm]);
  const provenance = [
    ...overrideLines(lp),
    `Body length ${lengthMm} mm: ${lp.body.provenance.length}.`,
    `Body width ${widthMm} mm: ${lp.body.provenance.width}.`,
    `Body height ${heightMm} mm: ${lp.body.provenance.height}.`,
    `Contact and terminal positions: the land pattern (pads: ${lp.params.signalPadWidthMm.source}).`,
    ...Object.values(MODEL_ASSUMPTIONS).map((a) => `${a.source}.`),
    'Colours are illustrative (catalog: LCP body, Au-plated contacts).',
    'Origin: the footprint origin (centre), x along the connector with pin 1 at negative x, z = 0 on the board surface.',
  ];
  const tails = lp.pads.map((pad) => [pad, tailFor(pad, lp.body, lp.role)] as const);
  let body: Solid;
  if (lp.role === 'socket') {
    const cavity = socketCavity(lp, series);
    body = pocketedBoxSolid('socket body', 'body', COLOURS.body, bodyBounds, cavityBox(cavity, heightMm));
    provenance.push(`${cavity.source}.`);
  } else {
    const notches = tails.flatMap(([, t]) => t?.notch ?? []);
    const polygon = notches.length ? headerBodyPolygon(lengthMm, widthMm, notches) : null;
    body = polygon ? prismSolid('header body', 'body', COLOURS.body, polygon, 0, heightMm) : boxSolid('header body', 'body', COLOURS.body, bodyBounds);
    if (polygon) provenance.push(`${TERMINAL_NOTCH_SOURCE}.`);
  }
  let terminal = 0;
  const feet = tails.flatMap(([pad, t]) => {
    if (!t) return []; // only with overrides; tryConnectorModel reports it
    return [
      pad.kind === 'signal'
        ? boxSolid(`pin ${pad.number}`, 'contact', COLOURS.contact, t.foot)
        : boxSolid(`MP ${++terminal}`, 'terminal', COLOURS.terminal, t.foot),
    ];
  });
  provenance.push(
    `Simplified shapes: each contact and soldering terminal is a flat tail, its pad less the inset, where the pad lies beyond the body outline (the ${lp.role} is ${lp.body.widthMm} mm wide: ${lp.body.provenance.width}; the pads reach beyond it for the solder fillet): the tails are their own solids outside the body, on their pads, reaching no further than the pads; the real contact and body shapes are in the manufacturer's CAD data.`,
  );
  const solids = [body, ...feet];
  return { name, solids, bodyBounds, bounds: unionBounds(solids), provenance, checksBeforeFabrication: lp.checksBeforeFabrication };
}
