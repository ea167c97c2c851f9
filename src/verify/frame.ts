import type { FootprintPad } from './read.js';

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
