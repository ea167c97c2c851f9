/**
 * Planar polyhedral solids, the only kind of shape the connector models need. A solid is a closed
 * set of planar faces; each face has an outer loop (counter-clockwise seen from outside, i.e. from
 * the side its normal points to) and optional holes (clockwise). The STEP and VRML writers read the
 * same solids, so both files show the same shape.
 *
 * Coordinates are the 3D model's: millimetres, x along the connector (pin-1 end negative), y up in
 * the board's plane as KiCad's 3D viewer shows it (footprint y is down, so y3d = −yFootprint),
 * z up from the board surface.
 */
export type Vec3 = readonly [number, number, number];

export interface Face {
  /** Outward unit normal (axis-aligned for every face built here). */
  readonly normal: Vec3;
  /** loops[0] is the outer boundary; further loops are holes. */
  readonly loops: readonly (readonly Vec3[])[];
}

export interface Box3 {
  readonly min: Vec3;
  readonly max: Vec3;
}

export type SolidKind = 'body' | 'contact' | 'terminal';

export interface Solid {
  /** Shown in CAD trees: "socket body", "pin 7", "MP 2". */
  readonly name: string;
  readonly kind: SolidKind;
  /** Linear RGB, 0…1. */
  readonly colour: Vec3;
  readonly faces: readonly Face[];
  /** Axis-aligned bounds of the solid. */
  readonly bounds: Box3;
  /** Enclosed volume in mm³ (for the independent reader's check). */
  readonly volumeMm3: number;
}

/** Rounds to 0.1 µm and turns −0 into 0 so that the written numbers are stable text. */
export function r4(value: number): number {
  return Math.round(value * 1e4) / 1e4 + 0;
}

function v(x: number, y: number, z: number): Vec3 {
  return [r4(x), r4(y), r4(z)];
}

/**
 * The six faces of an axis-aligned box. Loops are listed counter-clockwise seen from outside
 * (right-hand rule around the outward normal).
 */
function boxFaces(b: Box3): Face[] {
  const [x0, y0, z0] = b.min;
  const [x1, y1, z1] = b.max;
  return [
    { normal: [0, 0, -1], loops: [[v(x0, y0, z0), v(x0, y1, z0), v(x1, y1, z0), v(x1, y0, z0)]] },
    { normal: [0, 0, 1], loops: [[v(x0, y0, z1), v(x1, y0, z1), v(x1, y1, z1), v(x0, y1, z1)]] },
    { normal: [0, -1, 0], loops: [[v(x0, y0, z0), v(x1, y0, z0), v(x1, y0, z1), v(x0, y0, z1)]] },
    { normal: [0, 1, 0], loops: [[v(x0, y1, z0), v(x0, y1, z1), v(x1, y1, z1), v(x1, y1, z0)]] },
    { normal: [-1, 0, 0], loops: [[v(x0, y0, z0), v(x0, y0, z1), v(x0, y1, z1), v(x0, y1, z0)]] },
    { normal: [1, 0, 0], loops: [[v(x1, y0, z0), v(x1, y1, z0), v(x1, y1, z1), v(x1, y0, z1)]] },
  ];
}

function boxVolume(b: Box3): number {
  return (b.max[0] - b.min[0]) * (b.max[1] - b.min[1]) * (b.max[2] - b.min[2]);
}

export function box3(min: Vec3, max: Vec3): Box3 {
  if (!(min[0] < max[0] && min[1] < max[1] && min[2] < max[2])) throw new RangeError(`empty box ${JSON.stringify({ min, max })}`);
  return { min: v(...min), max: v(...max) };
}

export function boxSolid(name: string, kind: SolidKind, colour: Vec3, b: Box3): Solid {
  return { name, kind, colour, faces: boxFaces(b), bounds: b, volumeMm3: boxVolume(b) };
}

/**
 * A box with a rectangular pocket open at the top (the socket's cavity that the header plugs
 * into). 11 faces: the top face is a frame (outer loop + one hole), the pocket has four walls and
 * a floor. The pocket must lie strictly inside the box in x and y and above its bottom.
 */
export function pocketedBoxSolid(name: string, kind: SolidKind, colour: Vec3, outer: Box3, pocket: Box3): Solid {
  const [x0, y0, z0] = outer.min;
  const [x1, y1, z1] = outer.max;
  const [px0, py0, pz0] = pocket.min;
  const [px1, py1] = pocket.max;
  if (!(x0 < px0 && px1 < x1 && y0 < py0 && py1 < y1 && z0 < pz0 && pz0 < z1 && pocket.max[2] === z1)) {
    throw new RangeError('the pocket must lie inside the box and open at its top');
  }
  const [bottom, , ...sides] = boxFaces(outer);
  // Top frame: outer loop counter-clockwise seen from +z, the hole clockwise.
  const top: Face = {
    normal: [0, 0, 1],
    loops: [
      [v(x0, y0, z1), v(x1, y0, z1), v(x1, y1, z1), v(x0, y1, z1)],
      [v(px0, py0, z1), v(px0, py1, z1), v(px1, py1, z1), v(px1, py0, z1)],
    ],
  };
  // Pocket walls face into the pocket (towards its centre); the floor faces up.
  const pocketFaces: Face[] = [
    { normal: [0, 0, 1], loops: [[v(px0, py0, pz0), v(px1, py0, pz0), v(px1, py1, pz0), v(px0, py1, pz0)]] },
    { normal: [0, 1, 0], loops: [[v(px0, py0, pz0), v(px0, py0, z1), v(px1, py0, z1), v(px1, py0, pz0)]] },
    { normal: [0, -1, 0], loops: [[v(px0, py1, pz0), v(px1, py1, pz0), v(px1, py1, z1), v(px0, py1, z1)]] },
    { normal: [1, 0, 0], loops: [[v(px0, py0, pz0), v(px0, py1, pz0), v(px0, py1, z1), v(px0, py0, z1)]] },
    { normal: [-1, 0, 0], loops: [[v(px1, py0, pz0), v(px1, py0, z1), v(px1, py1, z1), v(px1, py1, pz0)]] },
  ];
  return { name, kind, colour, faces: [bottom!, top, ...sides, ...pocketFaces], bounds: outer, volumeMm3: boxVolume(outer) - boxVolume(pocket) };
}

/** Bounds of several solids together. */
export function unionBounds(solids: readonly Solid[]): Box3 {
  const min = [0, 1, 2].map((i) => Math.min(...solids.map((s) => s.bounds.min[i]!))) as unknown as Vec3;
  const max = [0, 1, 2].map((i) => Math.max(...solids.map((s) => s.bounds.max[i]!))) as unknown as Vec3;
  return { min, max };
}

/**
 * Turns a solid over about the x axis and lifts it by dzMm: (x, y, z) → (x, −y, dz − z). This is
 * how a header board is laid face down onto the socket board. Normals turn with the points; the
 * loops keep their order, which stays counter-clockwise from outside because the map is a rotation.
 */
export function flipAboutX(solid: Solid, dzMm: number, name = solid.name): Solid {
  const p = (q: Vec3): Vec3 => v(q[0], -q[1], dzMm - q[2]);
  const n = (q: Vec3): Vec3 => [q[0], -q[1] + 0, -q[2] + 0];
  const a = p(solid.bounds.min);
  const b = p(solid.bounds.max);
  return {
    ...solid,
    name,
    faces: solid.faces.map((f) => ({ normal: n(f.normal), loops: f.loops.map((l) => l.map(p)) })),
    bounds: {
      min: [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.min(a[2], b[2])],
      max: [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.max(a[2], b[2])],
    },
  };
}

/**
 * A right prism: a simple rectilinear polygon (x, y; counter-clockwise seen from +z) extruded
 * from z0 to z1. The header's body with its end notches over the soldering terminals. Faces:
 * bottom, top (the polygon, possibly not convex), one wall per polygon edge.
 */
export function prismSolid(name: string, kind: SolidKind, colour: Vec3, polygon: readonly (readonly [number, number])[], z0: number, z1: number): Solid {
  const n = polygon.length;
  let area2 = 0;
  for (let i = 0; i < n; i++) {
    const [ax, ay] = polygon[i]!;
    const [bx, by] = polygon[(i + 1) % n]!;
    area2 += ax * by - bx * ay;
    if (ax !== bx && ay !== by) throw new RangeError('prismSolid: the polygon must be rectilinear');
  }
  if (!(area2 > 0) || !(z1 > z0)) throw new RangeError('prismSolid: the polygon must be counter-clockwise and the prism have a height');
  const top: Face = { normal: [0, 0, 1], loops: [polygon.map(([x, y]) => v(x, y, z1))] };
  const bottom: Face = { normal: [0, 0, -1], loops: [[polygon[0]!, ...polygon.slice(1).reverse()].map(([x, y]) => v(x, y, z0))] };
  const walls: Face[] = polygon.map(([ax, ay], i) => {
    const [bx, by] = polygon[(i + 1) % n]!;
    const normal: Vec3 = [Math.sign(by - ay) + 0, Math.sign(ax - bx) + 0, 0];
    return { normal, loops: [[v(ax, ay, z0), v(bx, by, z0), v(bx, by, z1), v(ax, ay, z1)]] };
  });
  const xs = polygon.map((p) => p[0]);
  const ys = polygon.map((p) => p[1]);
  const bounds = box3([Math.min(...xs), Math.min(...ys), z0], [Math.max(...xs), Math.max(...ys), z1]);
  return { name, kind, colour, faces: [bottom, top, ...walls], bounds, volumeMm3: (area2 / 2) * (z1 - z0) };
}
