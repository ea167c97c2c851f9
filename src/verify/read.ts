import { readSexprText, type Tree } from '../sexpr/index.js';

type SExpr = Tree<string>;
import { builtInSeries, type Series } from '../catalog/index.js';
import { error } from '../errors.js';
import { findPartNumber } from '../partnumber/index.js';
import { fail, ok, type Result } from '../result.js';

/**
 * A KiCad footprint as the verifier needs it, read from any KiCad 5 to 9 `.kicad_mod` (or a
 * footprint cut out of a board file): copper pads with their axis-aligned extent, and the points
 * of the graphics per layer. Never throws; nesting depth and size are bounded by the reader.
 */
export interface FootprintPad {
  /** Pad number as written ("" for an unnumbered pad). */
  readonly number: string;
  /** smd, thru_hole, np_thru_hole, connect. */
  readonly type: string;
  /** rect, roundrect, oval, circle, trapezoid, custom. */
  readonly shape: string;
  readonly xMm: number;
  readonly yMm: number;
  /** Extent along x and y in the footprint's axes (pad rotation applied; custom pads: anchor and primitives). */
  readonly widthMm: number;
  readonly heightMm: number;
  readonly rotationDeg: number;
  readonly layers: readonly string[];
  /** The pad's own area (its size, before rotation; a custom pad: its anchor and primitives' extent). */
  readonly areaMm2: number;
}

/**
 * A stencil opening: a copper pad's own paste layer (grown by its paste margins), a paste-only pad,
 * or a filled shape on the paste layer. Extent in the footprint's axes, like a pad's.
 */
export interface PasteOpening {
  readonly xMm: number;
  readonly yMm: number;
  readonly widthMm: number;
  readonly heightMm: number;
  readonly areaMm2: number;
  /** The copper pad whose paste layer opens it ("" for a paste-only pad or a shape). */
  readonly ofPad: string | null;
}

export interface FootprintGraphic {
  /** fp_line, fp_rect, fp_poly, fp_circle, fp_arc, fp_text. */
  readonly kind: string;
  readonly layer: string;
  /** Characteristic points: ends, corners, vertices, circle centre and extremes, text anchor. */
  readonly points: readonly (readonly [number, number])[];
  /** fp_text: its kind (reference, value, user) and content. */
  readonly text?: { readonly kind: string; readonly content: string };
}

export interface FootprintDoc {
  readonly name: string;
  /** `module` = KiCad 5 (or older) syntax; `footprint` = KiCad 6 and later. */
  readonly syntax: 'module' | 'footprint';
  readonly version: string | null;
  readonly description: string;
  readonly tags: string;
  readonly value: string;
  /** Pads with copper (F.Cu, B.Cu or *.Cu). */
  readonly pads: readonly FootprintPad[];
  /** Pads without copper (paste or mask openings only): not compared. */
  readonly ignoredPads: number;
  readonly graphics: readonly FootprintGraphic[];
  /**
   * Set when the footprint was cut out of a board file (.kicad_pcb), or copied out of one (a
   * footprint with its own placement `(at x y angle)`, as pcbnew copies it): its reference, side
   * and angle on the board.
   */
  readonly board: { readonly reference: string; readonly side: 'top' | 'bottom'; readonly angleDeg: number } | null;
  /**
   * The footprint stood on the bottom side (its layer is B.Cu, or all its copper is on B.Cu): it was
   * mirrored back to the top view before comparison. `library`: a library footprint (no board
   * placement) drawn that way.
   */
  readonly flipped: { readonly library: boolean; readonly why: string } | null;
  /** Stencil openings on the copper pads' side (F.Paste, or B.Paste of a flipped footprint). */
  readonly paste: readonly PasteOpening[];
}

/** Larger than any footprint file; only stops runaway input. */
export const MAX_FOOTPRINT_CHARS = 20_000_000;

const isList = (x: SExpr | undefined): x is SExpr[] => Array.isArray(x);
const head = (x: SExpr): string | undefined => (isList(x) && typeof x[0] === 'string' ? x[0] : undefined);
const children = (list: SExpr[], name: string): SExpr[][] => list.filter((c): c is SExpr[] => head(c) === name);
const child = (list: SExpr[], name: string): SExpr[] | undefined => list.find((c): c is SExpr[] => head(c) === name);
const strAt = (list: SExpr[] | undefined, i: number): string | undefined => (list && typeof list[i] === 'string' ? (list[i] as string) : undefined);
const num = (x: SExpr | undefined): number | null => {
  if (typeof x !== 'string' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(x)) return null;
  const n = Number(x);
  return Number.isFinite(n) ? n : null;
};
/** `(name x y …)` → [x, y]. */
const xyOf = (list: SExpr[] | undefined): [number, number] | null => {
  if (!list) return null;
  const x = num(list[1]);
  const y = num(list[2]);
  return x === null || y === null ? null : [x, y];
};

/** Layers of an item: `(layer "F.SilkS")` (6+) or `(layer F.SilkS)` (5); pads list several. */
function layersOf(item: SExpr[]): string[] {
  const many = child(item, 'layers');
  if (many) return many.slice(1).filter((x): x is string => typeof x === 'string');
  const one = strAt(child(item, 'layer'), 1);
  return one === undefined ? [] : [one];
}

/** KiCad rotates counter-clockwise on screen with y pointing down. */
export function rotatePoint([x, y]: readonly [number, number], deg: number): [number, number] {
  const r = (deg * Math.PI) / 180;
  const c = Math.abs(Math.cos(r)) < 1e-12 ? 0 : Math.cos(r);
  const s = Math.abs(Math.sin(r)) < 1e-12 ? 0 : Math.sin(r);
  return [x * c + y * s, -x * s + y * c];
}

function primitivePoints(prim: SExpr[]): [number, number][] {
  const width = num(child(prim, 'width')?.[1]) ?? num(child(child(prim, 'stroke') ?? [], 'width')?.[1]) ?? 0;
  const pts: [number, number][] = [];
  for (const key of ['start', 'end', 'mid', 'center']) {
    const p = xyOf(child(prim, key));
    if (p) pts.push(p);
  }
  for (const xy of children(child(prim, 'pts') ?? [], 'xy')) {
    const p = xyOf(xy);
    if (p) pts.push(p);
  }
  const c = xyOf(child(prim, 'center'));
  const e = xyOf(child(prim, 'end'));
  if (head(prim) === 'gr_circle' && c && e) {
    const r = Math.hypot(e[0] - c[0], e[1] - c[1]);
    pts.push([c[0] - r, c[1]], [c[0] + r, c[1]], [c[0], c[1] - r], [c[0], c[1] + r]);
  }
  const w = width / 2;
  return w > 0
    ? pts.flatMap(
        ([x, y]) =>
          [
            [x - w, y - w],
            [x + w, y + w],
          ] as [number, number][],
      )
    : pts;
}

/** How the items of a footprint are brought to its library frame: a footprint cut out of a board carries its board angle on the pads, and a bottom-side one is mirrored. */
interface ItemFrame {
  readonly turnDeg: number;
  readonly boardAngleDeg: number;
  readonly back: boolean;
}

/** Paste margins of a pad or the footprint: KiCad 5 `solder_paste_ratio`, 6+ `solder_paste_margin_ratio`. */
interface PasteMargins {
  readonly marginMm: number | null;
  readonly ratio: number | null;
}
function pasteMarginsOf(list: SExpr[]): PasteMargins {
  return {
    marginMm: num(child(list, 'solder_paste_margin')?.[1]),
    ratio: num(child(list, 'solder_paste_margin_ratio')?.[1]) ?? num(child(list, 'solder_paste_ratio')?.[1]),
  };
}

/**
 * A pad as read; `grow` enlarges (or shrinks) it on each side along its own axes, as KiCad opens a
 * pad's paste layer: margin + ratio × size per axis (PAD::GetSolderPasteMargin).
 */
function readPad(item: SExpr[], frame: ItemFrame, grow?: PasteMargins): FootprintPad | null {
  const { turnDeg } = frame;
  const number = typeof item[1] === 'string' ? item[1] : '';
  const type = strAt(item, 2) ?? '';
  const shape = strAt(item, 3) ?? '';
  const at = child(item, 'at');
  const size = child(item, 'size');
  const given = xyOf(at);
  const given_sz = xyOf(size);
  if (!given || !given_sz) return null;
  const sz: [number, number] = grow
    ? ([0, 1].map((i) => Math.max(0, given_sz[i]! + 2 * ((grow.marginMm ?? 0) + (grow.ratio ?? 0) * given_sz[i]!))) as [number, number])
    : given_sz;
  const atLocal: [number, number] = frame.back ? [given[0], -given[1]] : given;
  const pos = turnDeg ? rotatePoint(atLocal, turnDeg) : atLocal;
  const boardAngle = (num(at?.[3]) ?? 0) - frame.boardAngleDeg;
  const rotationDeg = ((((frame.back ? -boardAngle : boardAngle) + turnDeg) % 360) + 360) % 360;
  // Pad-local outline: the anchor (or the whole pad) and, for custom pads, every primitive point.
  const local: [number, number][] = [
    [-sz[0] / 2, -sz[1] / 2],
    [sz[0] / 2, sz[1] / 2],
    [-sz[0] / 2, sz[1] / 2],
    [sz[0] / 2, -sz[1] / 2],
  ];
  if (shape === 'custom')
    for (const prim of (child(item, 'primitives') ?? []).slice(1))
      if (isList(prim)) for (const q of primitivePoints(prim)) local.push(frame.back ? [q[0], -q[1]] : q);
  const turned = local.map((p) => rotatePoint(p, rotationDeg));
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [x, y] of turned) {
    [minX, maxX] = [Math.min(minX, x), Math.max(maxX, x)];
    [minY, maxY] = [Math.min(minY, y), Math.max(maxY, y)];
  }
  let [lminX, lmaxX, lminY, lmaxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [x, y] of local) {
    [lminX, lmaxX] = [Math.min(lminX, x), Math.max(lmaxX, x)];
    [lminY, lmaxY] = [Math.min(lminY, y), Math.max(lmaxY, y)];
  }
  const r6 = (v: number) => Math.round(v * 1e6) / 1e6 + 0;
  return {
    number,
    type,
    shape,
    xMm: r6(pos[0] + (minX + maxX) / 2),
    yMm: r6(pos[1] + (minY + maxY) / 2),
    widthMm: r6(maxX - minX),
    heightMm: r6(maxY - minY),
    rotationDeg,
    layers: layersOf(item),
    areaMm2: r6((lmaxX - lminX) * (lmaxY - lminY)),
  };
}

function readGraphic(item: SExpr[], frame: ItemFrame): FootprintGraphic | null {
  const g = readGraphicAsGiven(item);
  if (!g || (!frame.turnDeg && !frame.back)) return g;
  const layer = frame.back ? g.layer.replace(/^B\./, 'F.') : g.layer;
  return { ...g, layer, points: g.points.map((q) => rotatePoint(frame.back ? [q[0], -q[1]] : q, frame.turnDeg)) };
}

function readGraphicAsGiven(item: SExpr[]): FootprintGraphic | null {
  const kind = head(item)!;
  const layer = layersOf(item)[0];
  if (layer === undefined) return null;
  const points: [number, number][] = [];
  const p = (key: string) => xyOf(child(item, key));
  if (kind === 'fp_text') {
    const at = p('at');
    if (at) points.push(at);
    return { kind, layer, points, text: { kind: strAt(item, 1) ?? '', content: strAt(item, 2) ?? '' } };
  }
  if (kind === 'fp_rect') {
    const s = p('start');
    const e = p('end');
    if (s && e) points.push(s, e, [s[0], e[1]], [e[0], s[1]]);
  } else if (kind === 'fp_circle') {
    const c = p('center');
    const e = p('end');
    if (c && e) {
      const r = Math.hypot(e[0] - c[0], e[1] - c[1]);
      points.push(c, [c[0] - r, c[1]], [c[0] + r, c[1]], [c[0], c[1] - r], [c[0], c[1] + r]);
    }
  } else if (kind === 'fp_arc' && child(item, 'angle')) {
    // KiCad 5: (start centre) (end first point) (angle degrees).
    const c = p('start');
    const s = p('end');
    const angle = num(child(item, 'angle')?.[1]);
    if (c && s && angle !== null) {
      const [dx, dy] = rotatePoint([s[0] - c[0], s[1] - c[1]], -angle);
      points.push(s, [c[0] + dx, c[1] + dy]);
    }
  } else if (kind === 'fp_poly') {
    for (const xy of children(child(item, 'pts') ?? [], 'xy')) {
      const q = xyOf(xy);
      if (q) points.push(q);
    }
  } else {
    for (const key of ['start', 'mid', 'end']) {
      const q = p(key);
      if (q) points.push(q);
    }
  }
  return points.length ? { kind, layer, points } : null;
}

const referenceOf = (fp: SExpr[]): string | undefined =>
  strAt(
    children(fp, 'property').find((p) => strAt(p, 1) === 'Reference'),
    2,
  ) ??
  strAt(
    children(fp, 'fp_text').find((t) => strAt(t, 1) === 'reference'),
    2,
  );
const MENTION = { looseness: 'mention' } as const;

/** The footprint of a board that has this reference; without one, the board's only footprint that looks like the series' part. */
function footprintOfBoard(
  root: SExpr[],
  reference: string | undefined,
  series: Series,
): Result<{ footprint: SExpr[]; board: NonNullable<FootprintDoc['board']> }> {
  const footprints = root.filter((c): c is SExpr[] => head(c) === 'footprint' || head(c) === 'module');
  const refs = footprints.map((f) => referenceOf(f) ?? '');
  let index = reference !== undefined ? refs.findIndex((r) => r === reference) : -1;
  if (reference !== undefined && index < 0) index = refs.findIndex((r) => r.toUpperCase() === reference.toUpperCase());
  if (reference === undefined) {
    const a4s = footprints.map((f, i) => (findPartNumber(JSON.stringify(f).slice(0, 20_000), MENTION, series) !== null ? i : -1)).filter((i) => i >= 0);
    if (a4s.length === 1) index = a4s[0]!;
  }
  if (index < 0) {
    const listed = refs.filter(Boolean).slice(0, 20).join(', ');
    return fail(
      error(
        'FOOTPRINT_NOT_FOOTPRINT',
        reference !== undefined
          ? `The board has no footprint ${reference}${listed ? `; its footprints: ${listed}${refs.length > 20 ? ', …' : ''}` : ''}.`
          : `The file is a board (.kicad_pcb): name the connector with --ref (e.g. --ref J2)${listed ? `; its footprints: ${listed}${refs.length > 20 ? ', …' : ''}` : ''}.`,
      ),
    );
  }
  const footprint = footprints[index]!;
  const layer = strAt(child(footprint, 'layer'), 1) ?? 'F.Cu';
  const angleDeg = num(child(footprint, 'at')?.[3]) ?? 0;
  return ok({ footprint, board: { reference: refs[index] ?? '', side: layer.startsWith('B.') ? 'bottom' : 'top', angleDeg } });
}

const GRAPHICS = new Set(['fp_line', 'fp_rect', 'fp_poly', 'fp_circle', 'fp_arc', 'fp_text', 'fp_curve']);

export interface ReadOptions {
  /** Turn every pad and graphic by this angle (degrees, KiCad's sense) as it is read: undoes a footprint turned by an angle that is not a multiple of 90°. */
  readonly turnDeg?: number;
  /** In a board file (.kicad_pcb), the reference designator of the footprint to read (e.g. J2). */
  readonly reference?: string;
}

/** Larger than any connector footprint's coordinate: a number beyond it is damage, not geometry. */
export const MAX_COORDINATE_MM = 1000;
const NUMBER_LISTS =
  /\((at|size|start|end|mid|center|xy|offset|rect_delta|width|thickness|solder_paste_margin|solder_paste_margin_ratio|solder_paste_ratio|solder_mask_margin)((?:\s+[^\s()]+)+)\s*\)/g;
const NUMBER_LIKE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const NOT_A_NUMBER = /^[+-]?(inf(inity)?|nan|null|undefined)$/i;

/**
 * Coordinates and sizes must be finite and within a metre: `(at 1e999 0)`, `(size nan 1)` or a
 * coordinate of kilometres would otherwise reach the report as Infinity, NaN or null, or be dropped
 * silently. Scans the text (cheap, and it knows the line).
 */
function badNumber(text: string): string | null {
  NUMBER_LISTS.lastIndex = 0;
  for (let m = NUMBER_LISTS.exec(text); m; m = NUMBER_LISTS.exec(text)) {
    const key = m[1]!;
    const tokens = m[2]!.trim().split(/\s+/);
    // (at x y angle) takes numbers first; a trailing word (e.g. `unlocked`) is not a coordinate.
    for (const token of tokens) {
      const t = token.replace(/^"|"$/g, '');
      const bad = NOT_A_NUMBER.test(t)
        ? 'not a number'
        : NUMBER_LIKE.test(t) && !Number.isFinite(Number(t))
          ? 'not finite'
          : NUMBER_LIKE.test(t) && Math.abs(Number(t)) > MAX_COORDINATE_MM
            ? `beyond ±${MAX_COORDINATE_MM} mm`
            : null;
      if (bad) {
        const line = text.slice(0, m.index).split('\n').length;
        const shown = JSON.stringify(t.length > 40 ? `${t.slice(0, 40)}…` : t);
        return `line ${line}: (${key} …) has ${shown}, ${bad}: coordinates and sizes must be finite millimetre values within ±${MAX_COORDINATE_MM} mm. The file is damaged or not a footprint.`;
      }
    }
  }
  return null;
}

export function readFootprint(text: string, options: ReadOptions = {}, series: Series = builtInSeries): Result<FootprintDoc> {
  const turnDeg = Number.isFinite(options.turnDeg) ? options.turnDeg! : 0;
  if (typeof text !== 'string' || text.length > MAX_FOOTPRINT_CHARS)
    return fail(error('FOOTPRINT_SYNTAX', 'The footprint is not text or is larger than 20 MB.'));
  const parsed = readSexprText(text.replace(/^\uFEFF/, ''), { startsWith: 'a KiCad footprint starts with (footprint or (module' });
  if (!parsed.ok) {
    const where = parsed.error.line ? `line ${parsed.error.line}: ` : '';
    const msg = parsed.error.message;
    return fail(error('FOOTPRINT_SYNTAX', msg.startsWith('line ') ? msg : `${where}${msg}`));
  }
  const damaged = badNumber(text);
  if (damaged) return fail(error('FOOTPRINT_BAD_NUMBER', damaged));
  let root = parsed.value;
  let board: FootprintDoc['board'] = null;
  if (isList(root) && head(root) === 'kicad_pcb') {
    const picked = footprintOfBoard(root, options.reference, series);
    if (!picked.ok) return picked;
    root = picked.value.footprint;
    board = picked.value.board;
  }
  const kind = isList(root) ? head(root) : undefined;
  if (!isList(root) || (kind !== 'footprint' && kind !== 'module')) {
    return fail(
      error(
        'FOOTPRINT_NOT_FOOTPRINT',
        `The file starts with (${kind ?? '…'}; a KiCad footprint starts with (footprint (KiCad 6 and later) or (module (KiCad 5).`,
      ),
    );
  }
  // A footprint with its own placement was copied out of a board (pcbnew's clipboard, or a board
  // file's footprint pasted into a file): its pads carry the board angle, like one cut from a board.
  const fpLayer = strAt(child(root, 'layer'), 1) ?? 'F.Cu';
  // (KiCad 5 library exports may carry a bare (at 0 0): that is no placement.)
  const placedAt = child(root, 'at');
  const placed = placedAt !== undefined && [1, 2, 3].some((i) => (num(placedAt[i]) ?? 0) !== 0);
  if (!board && placedAt && placed)
    board = { reference: referenceOf(root) ?? '', side: fpLayer.startsWith('B.') ? 'bottom' : 'top', angleDeg: num(placedAt[3]) ?? 0 };
  // The bottom side: the footprint's own layer says so, or all its copper is on B.Cu (a library footprint drawn there).
  const copperLayers = children(root, 'pad')
    .map(layersOf)
    .filter((ls) => ls.some((l) => /^(F|B|\*|In\d+)\.Cu$/.test(l)));
  const allBack = copperLayers.length > 0 && copperLayers.every((ls) => ls.includes('B.Cu') && !ls.some((l) => l === 'F.Cu' || l === '*.Cu'));
  const back = fpLayer.startsWith('B.') || allBack;
  const flipped: FootprintDoc['flipped'] = back
    ? {
        library: !board,
        why: fpLayer.startsWith('B.') ? `the footprint's layer is ${fpLayer}` : 'all its copper pads are on B.Cu only',
      }
    : null;
  if (board && back && board.side === 'top') board = { ...board, side: 'bottom' };
  const frame: ItemFrame = { turnDeg, boardAngleDeg: board?.angleDeg ?? 0, back };
  const pasteLayer = back ? /^(B|\*)\.Paste$/ : /^(F|\*)\.Paste$/;
  const fpMargins = pasteMarginsOf(root);
  const pads: FootprintPad[] = [];
  const paste: PasteOpening[] = [];
  let ignoredPads = 0;
  const graphics: FootprintGraphic[] = [];
  let value = '';
  for (const item of root.slice(2)) {
    if (!isList(item)) continue;
    const h = head(item);
    if (h === 'pad') {
      const pad = readPad(item, frame);
      if (!pad) continue;
      const copper = pad.layers.some((l) => /^(F|B|\*|In\d+)\.Cu$/.test(l)) && pad.type !== 'np_thru_hole';
      if (copper) pads.push(pad);
      else ignoredPads++;
      if (pad.layers.some((l) => pasteLayer.test(l))) {
        if (!copper) paste.push({ xMm: pad.xMm, yMm: pad.yMm, widthMm: pad.widthMm, heightMm: pad.heightMm, areaMm2: pad.areaMm2, ofPad: null });
        else {
          const own = pasteMarginsOf(item);
          const margins = { marginMm: own.marginMm ?? fpMargins.marginMm, ratio: own.ratio ?? fpMargins.ratio };
          const opening = margins.marginMm || margins.ratio ? readPad(item, frame, margins) : pad;
          if (opening && opening.areaMm2 > 0)
            paste.push({
              xMm: opening.xMm,
              yMm: opening.yMm,
              widthMm: opening.widthMm,
              heightMm: opening.heightMm,
              areaMm2: opening.areaMm2,
              ofPad: pad.number,
            });
        }
      }
    } else if (h !== undefined && GRAPHICS.has(h)) {
      const g = readGraphic(item, frame);
      if (g) graphics.push(g);
      if (g?.text?.kind === 'value') value = g.text.content;
      if (g && (g.kind === 'fp_rect' || g.kind === 'fp_poly') && /^F\.Paste$/.test(g.layer)) {
        const opening = shapeOpening(g.kind === 'fp_rect' ? [g.points[0]!, g.points[3]!, g.points[1]!, g.points[2]!] : g.points);
        if (opening) paste.push(opening);
      }
    } else if (h === 'property' && strAt(item, 1) === 'Value') {
      value = strAt(item, 2) ?? value;
    }
  }
  if (pads.length === 0) return fail(error('FOOTPRINT_NOT_FOOTPRINT', 'The footprint has no copper pads.'));
  return ok({
    name: typeof root[1] === 'string' ? root[1] : '',
    syntax: kind,
    board,
    flipped,
    version: strAt(child(root, 'version'), 1) ?? null,
    description: strAt(child(root, 'descr'), 1) ?? '',
    tags: strAt(child(root, 'tags'), 1) ?? '',
    value,
    pads,
    ignoredPads,
    graphics,
    paste,
  });
}

/** A filled shape on the paste layer as an opening: its extent and (shoelace) area. */
function shapeOpening(points: readonly (readonly [number, number])[]): PasteOpening | null {
  if (points.length < 3) return null;
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i]!;
    const [x2, y2] = points[(i + 1) % points.length]!;
    twice += x1 * y2 - x2 * y1;
  }
  const xs = points.map((q) => q[0]);
  const ys = points.map((q) => q[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const area = Math.abs(twice) / 2;
  if (!(area > 0)) return null;
  return { xMm: (minX + maxX) / 2, yMm: (minY + maxY) / 2, widthMm: maxX - minX, heightMm: maxY - minY, areaMm2: area, ofPad: null };
}
