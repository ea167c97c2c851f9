import type { FootprintPad } from './read.js';
import type { FootprintReport } from './types.js';

/** The footprint's frame: pads turned and shifted into ours, bounding boxes, number formatting. */

export const r3 = (v: number) => Math.round(v * 1000) / 1000 + 0;
export const fmt = (v: number) => `${r3(v)} mm`;
export type Pt = readonly [number, number];

export interface Frame {
  readonly rotationDeg: 0 | 90 | 180 | 270;
  readonly cx: number;
  readonly cy: number;
}

/** Footprint coordinates → our frame: turned by the rotation, then moved so the contacts' centre is the origin. */
export function toFrame(f: Frame, [x, y]: Pt): [number, number] {
  const [u, v] = turn([x, y], f.rotationDeg);
  return [r6(u - f.cx), r6(v - f.cy)];
}
export const r6 = (v: number) => Math.round(v * 1e6) / 1e6 + 0;

/** A proper rotation by a multiple of 90° (never a mirror), KiCad's sense (counter-clockwise on screen, y down). */
export function turn([x, y]: Pt, deg: 0 | 90 | 180 | 270): [number, number] {
  switch (deg) {
    case 0:
      return [x, y];
    case 90:
      return [y, -x];
    case 180:
      return [-x, -y];
    case 270:
      return [-y, x];
  }
}

export interface FramedPad {
  readonly pad: FootprintPad;
  readonly x: number;
  readonly y: number;
  /** Along the rows. */
  readonly w: number;
  /** Across the rows. */
  readonly h: number;
}

/** The angle (0 … 90, exclusive) most copper pads are turned by beyond a multiple of 90°; 0 when they are square to the axes. */
export function commonOffAxisDeg(pads: readonly FootprintPad[]): number {
  const counts = new Map<number, number>();
  for (const p of pads) {
    const off = Math.round((((p.rotationDeg % 90) + 90) % 90) * 100) / 100;
    counts.set(off % 90, (counts.get(off % 90) ?? 0) + 1);
  }
  const [best, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  return count >= pads.length * 0.8 ? best : 0;
}

/** The size class of a pad (its two extents, smaller first, to 1 µm): contacts share one. */
export const sizeKey = (p: FootprintPad) =>
  [p.widthMm, p.heightMm]
    .sort((a, b) => a - b)
    .map((v) => v.toFixed(3))
    .join('x');

/** The most numerous size class of copper pads (the contacts: terminals are larger and fewer). */
export function commonestSizePads(pads: readonly FootprintPad[]): FootprintPad[] {
  const groups = new Map<string, FootprintPad[]>();
  for (const p of pads) {
    const k = sizeKey(p);
    const g = groups.get(k);
    if (g) g.push(p);
    else groups.set(k, [p]);
  }
  let best: FootprintPad[] = [];
  for (const g of groups.values()) if (g.length > best.length) best = g;
  return best;
}

/**
 * The direction of the contact rows, beyond a multiple of 90° (0 … 90, exclusive, KiCad's sense),
 * from where the contacts stand, not from how the pads are turned: each contact's nearest neighbour
 * lies along its row (the pitch is shorter than the row spacing). Angles are averaged as 4θ so
 * that rows along x and along y agree. Null when the neighbours disagree or there are too few (or
 * too many to be an A4S part) contacts.
 */
export function rowDirectionDeg(pads: readonly FootprintPad[]): number | null {
  const contacts = commonestSizePads(pads);
  if (contacts.length < 4 || contacts.length > 400) return null;
  let c = 0;
  let s = 0;
  for (const p of contacts) {
    let best: FootprintPad | null = null;
    let bestD = Infinity;
    for (const q of contacts) {
      if (q === p) continue;
      const d = Math.hypot(q.xMm - p.xMm, q.yMm - p.yMm);
      if (d > 1e-6 && d < bestD) [best, bestD] = [q, d];
    }
    if (!best) continue;
    const a = Math.atan2(-(best.yMm - p.yMm), best.xMm - p.xMm);
    c += Math.cos(4 * a);
    s += Math.sin(4 * a);
  }
  const n = contacts.length;
  if (Math.hypot(c, s) < 0.9 * n) return null;
  const deg = ((((Math.atan2(s, c) * 180) / Math.PI / 4) % 90) + 90) % 90;
  const r = Math.round(deg * 1000) / 1000;
  return r >= 90 - 0.01 || r <= 0.01 ? 0 : r;
}

/**
 * How far to turn the footprint back so that its rows run along an axis: the rows' direction
 * (from the contacts' centres); the pads' common angle when it agrees (it is exact), else the rows
 * win (pads not turned with their rows are measured as they stand).
 */
export function offAxisDeg(pads: readonly FootprintPad[]): number {
  const rows = rowDirectionDeg(pads);
  const padAngle = commonOffAxisDeg(pads);
  if (rows === null) return padAngle;
  const diff = Math.abs(((((rows - padAngle + 45) % 90) + 90) % 90) - 45);
  return diff < 0.5 ? padAngle : rows;
}

export function box(points: readonly Pt[]) {
  return {
    minX: minOf(points.map((q) => q[0])),
    minY: minOf(points.map((q) => q[1])),
    maxX: maxOf(points.map((q) => q[0])),
    maxY: maxOf(points.map((q) => q[1])),
  };
}

/** Math.min/max over any number of values (spreading a large array overflows the stack). */
export function minOf(values: readonly number[]): number {
  let m = Infinity;
  for (const v of values) if (v < m) m = v;
  return m;
}
export function maxOf(values: readonly number[]): number {
  let m = -Infinity;
  for (const v of values) if (v > m) m = v;
  return m;
}

/** The contacts and other copper pads in our frame, the frame, and where the file's pattern sits against ours. */
export interface FramedFootprint {
  readonly frame: Frame;
  readonly contacts: FramedPad[];
  readonly terminals: FramedPad[];
  readonly placement: NonNullable<FootprintReport['placement']>;
}

/**
 * Our frame from the contacts (at least two): rows along x (the longer spread of the contact
 * centres), pin 1 (or the lowest number) at the left. `offAxisDeg` is how far the file's pads are
 * turned beyond a multiple of 90° (reported in the placement).
 */
export function frameContacts(contacts: readonly FootprintPad[], terminals: readonly FootprintPad[], offAxisDeg: number): FramedFootprint {
  const xs = contacts.map((p) => p.xMm);
  const ys = contacts.map((p) => p.yMm);
  // Rows run along the axis with more distinct contact positions (two rows share the other one).
  const distinct = (v: number[]) => new Set(v.map((x) => Math.round(x * 100))).size;
  const alongX = distinct(xs) !== distinct(ys) ? distinct(xs) > distinct(ys) : maxOf(xs) - minOf(xs) >= maxOf(ys) - minOf(ys);
  const first = [...contacts].sort((a, b) => Number(a.number) - Number(b.number))[0]!;
  let rotationDeg: Frame['rotationDeg'] = alongX ? 0 : 90;
  const mid = (vals: number[]) => (minOf(vals) + maxOf(vals)) / 2;
  const turned = contacts.map((p) => turn([p.xMm, p.yMm], rotationDeg));
  const firstTurned = turn([first.xMm, first.yMm], rotationDeg);
  if (firstTurned[0] > mid(turned.map((t) => t[0])) + 1e-6) rotationDeg = alongX ? 180 : 270;
  const all = contacts.map((p) => turn([p.xMm, p.yMm], rotationDeg));
  const frame: Frame = { rotationDeg, cx: mid(all.map((t) => t[0])), cy: mid(all.map((t) => t[1])) };
  const framePad = (p: FootprintPad): FramedPad => {
    const [x, y] = toFrame(frame, [p.xMm, p.yMm]);
    const swap = rotationDeg === 90 || rotationDeg === 270;
    return { pad: p, x, y, w: swap ? p.heightMm : p.widthMm, h: swap ? p.widthMm : p.heightMm };
  };
  // Where the file's origin is: turned back like the pads were, then into our frame.
  const origin = toFrame(frame, [0, 0]);
  return {
    frame,
    contacts: contacts.map(framePad),
    terminals: terminals.map(framePad),
    placement: { rotationDeg: Math.round(((((rotationDeg - offAxisDeg) % 360) + 360) % 360) * 100) / 100, originMm: { x: r3(origin[0]), y: r3(origin[1]) } },
  };
}
