import { PointIndex } from './points.js';
import type { Face, Solid, Vec3 } from './solid.js';

/**
 * VRML 2.0 writer for KiCad's 3D viewer. KiCad reads .wrl models in units of 0.1 inch (one unit =
 * 2.54 mm), with the same axes as the STEP model (x, y in the board plane, y up on screen; z up).
 * One Shape per solid, triangles wound counter-clockwise seen from outside, colours as Material.
 */
export const VRML_UNIT_MM = 2.54;

export interface VrmlDocument {
  readonly title: string;
  /** Written as # comment lines: provenance and checks. */
  readonly comments: readonly string[];
  readonly solids: readonly Solid[];
}

/** 1e-7 unit = 0.25 nm: exact enough that the volumes and bounds read back within 1e-5. */
const num = (value: number) => String(Math.round(value * 1e7) / 1e7 + 0);

/**
 * Triangles of a planar face. Convex loops (all faces here) fan from their first corner; a face
 * with one hole (the socket's top frame) is split into one quad per outer edge, each joining the
 * outer edge to the two hole corners nearest to its ends (exact for a rectangle in a rectangle).
 */
export function triangulate(face: Face): Vec3[][] {
  const [outer, ...holes] = face.loops;
  if (!outer) return [];
  const fan = (loop: readonly Vec3[]) => loop.slice(1, -1).map((p, i) => [loop[0]!, p, loop[i + 2]!]);
  if (holes.length === 0) return isConvex(outer, face.normal) ? fan(outer) : earClip(outer, face.normal);
  if (holes.length > 1 || holes[0]!.length !== outer.length) throw new Error('triangulate: only one hole with as many corners as the outer loop');
  const hole = holes[0]!;
  const nearest = (p: Vec3) => hole.reduce((best, q) => (dist2(p, q) < dist2(p, best) ? q : best), hole[0]!);
  return outer.flatMap((p, i) => {
    const q = outer[(i + 1) % outer.length]!;
    return fan([p, q, nearest(q), nearest(p)]);
  });
}

/** z of the cross product (b − a) × (c − b), seen from the side the normal points to. */
function turn(a: Vec3, b: Vec3, c: Vec3, normal: Vec3): number {
  const u = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
  const w = [c[0] - b[0], c[1] - b[1], c[2] - b[2]];
  const cross = [u[1]! * w[2]! - u[2]! * w[1]!, u[2]! * w[0]! - u[0]! * w[2]!, u[0]! * w[1]! - u[1]! * w[0]!];
  return cross[0]! * normal[0] + cross[1]! * normal[1] + cross[2]! * normal[2];
}

function isConvex(loop: readonly Vec3[], normal: Vec3): boolean {
  return loop.every((p, i) => turn(loop[(i + loop.length - 1) % loop.length]!, p, loop[(i + 1) % loop.length]!, normal) >= -1e-12);
}

/** Ear clipping of a simple polygon (the header body's notched top and bottom), counter-clockwise about its normal. */
function earClip(loop: readonly Vec3[], normal: Vec3): Vec3[][] {
  const rest = [...loop];
  const out: Vec3[][] = [];
  const inside = (p: Vec3, a: Vec3, b: Vec3, c: Vec3) => turn(a, b, p, normal) > 1e-12 && turn(b, c, p, normal) > 1e-12 && turn(c, a, p, normal) > 1e-12;
  let guard = rest.length * rest.length;
  while (rest.length > 3 && guard-- > 0) {
    for (let i = 0; i < rest.length; i++) {
      const a = rest[(i + rest.length - 1) % rest.length]!;
      const b = rest[i]!;
      const c = rest[(i + 1) % rest.length]!;
      const t = turn(a, b, c, normal);
      if (Math.abs(t) <= 1e-12) {
        rest.splice(i, 1); // a straight corner: drop it (it lies on the edge a–c)
        break;
      }
      if (t < 0) continue;
      if (rest.some((p) => p !== a && p !== b && p !== c && inside(p, a, b, c))) continue;
      out.push([a, b, c]);
      rest.splice(i, 1);
      break;
    }
  }
  if (rest.length !== 3) throw new Error('triangulate: not a simple polygon');
  out.push([rest[0]!, rest[1]!, rest[2]!]);
  return out;
}

function dist2(a: Vec3, b: Vec3): number {
  return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2;
}

/** Comments must stay on one line each and not end the header. */
function comment(text: string): string {
  return `# ${text.replace(/[\r\n]+/g, ' ')}`;
}

/** A solid's corners, each once, in first-use order (linear scan: a box has 8, a pocketed box 16). */
class Corners extends PointIndex {
  constructor() {
    super(32);
  }

  indexOf(p: Vec3): number {
    const [x, y, z] = p;
    const found = this.find(x, y, z);
    return found >= 0 ? found : this.add(x, y, z);
  }
}

/** Text of a coordinate in VRML units; coordinates repeat (a grid of pads), so each text is kept (bounded). */
function unitText(mm: number): string {
  let text = unitTexts.get(mm);
  if (text === undefined) {
    text = num(mm / VRML_UNIT_MM);
    if (unitTexts.size < 65_536) unitTexts.set(mm, text);
  }
  return text;
}
const unitTexts = new Map<number, string>();

function shape(solid: Solid): string {
  const corners = new Corners();
  let coordIndex = '';
  for (const face of solid.faces) {
    for (const t of triangulate(face)) {
      coordIndex += (coordIndex === '' ? '' : ', ') + corners.indexOf(t[0]!) + ',' + corners.indexOf(t[1]!) + ',' + corners.indexOf(t[2]!) + ',-1';
    }
  }
  let points = '';
  for (let i = 0; i < corners.xs.length; i++)
    points += (i === 0 ? '' : ', ') + unitText(corners.xs[i]!) + ' ' + unitText(corners.ys[i]!) + ' ' + unitText(corners.zs[i]!);
  const [r, g, b] = solid.colour;
  return (
    '  DEF ' +
    defName(solid.name) +
    ' Shape {\n' +
    '    appearance Appearance {\n' +
    `      material Material { diffuseColor ${num(r)} ${num(g)} ${num(b)} ambientIntensity 0.2 specularColor 0.2 0.2 0.2 shininess 0.3 }\n` +
    '    }\n' +
    '    geometry IndexedFaceSet {\n' +
    '      solid TRUE\n' +
    '      ccw TRUE\n' +
    '      creaseAngle 0.5\n' +
    '      coord Coordinate { point [ ' +
    points +
    ' ] }\n' +
    '      coordIndex [ ' +
    coordIndex +
    ' ]\n' +
    '    }\n' +
    '  }'
  );
}

/** VRML names: letters, digits, underscores; may not start with a digit. */
function defName(name: string): string {
  return `S_${name.replace(/[^A-Za-z0-9]+/g, '_')}`;
}

export function writeVrml(doc: VrmlDocument): string {
  return [
    '#VRML V2.0 utf8',
    comment(doc.title),
    comment(`Units: 1 = ${VRML_UNIT_MM} mm (0.1 inch), KiCad's scale for .wrl models.`),
    ...doc.comments.map(comment),
    'WorldInfo {',
    `  title "${doc.title.replace(/["\\]/g, '')}"`,
    '}',
    'Transform {',
    '  children [',
    doc.solids.map(shape).join('\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
}
