import { PointIndex } from './points.js';
import type { Solid, Vec3 } from './solid.js';
import { stepString, stepReal, ASCII, Entities, refs } from './step-encode.js';

export { stepReal, stepString } from './step-encode.js';

/**
 * ISO 10303-21 (STEP) writer for planar solids, schema AP214 (AUTOMOTIVE_DESIGN): one product
 * whose shape is an ADVANCED_BREP_SHAPE_REPRESENTATION holding one MANIFOLD_SOLID_BREP per solid
 * (body, each contact, each terminal), each coloured through STYLED_ITEM → … → COLOUR_RGB, lengths
 * in millimetres. Deterministic: fixed timestamp, entities numbered in writing order.
 */
export const STEP_TIMESTAMP = '2025-01-01T00:00:00';

export interface StepDocument {
  readonly fileName: string;
  readonly productName: string;
  /** Free-text lines for FILE_DESCRIPTION: provenance and checks. */
  readonly description: readonly string[];
  readonly solids: readonly Solid[];
}

/** A unit vector perpendicular to an axis-aligned or general normal (the plane's x direction). */
function refDirection(n: Vec3): Vec3 {
  const axis: Vec3 = Math.abs(n[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const dot = axis[0] * n[0] + axis[1] * n[1] + axis[2] * n[2];
  const r: Vec3 = [axis[0] - dot * n[0], axis[1] - dot * n[1], axis[2] - dot * n[2]];
  const len = Math.hypot(...r);
  return [r[0] / len, r[1] / len, r[2] / len];
}

/** Above this many vertices a solid's vertices are found through a map instead of a scan. */
const SCAN_LIMIT = 32;

/**
 * One solid's vertices (shared by the faces that meet there), each with its CARTESIAN_POINT and
 * VERTEX_POINT ids. Two corners are the same vertex when their coordinates are equal numbers.
 */
class Vertices {
  readonly points: PointIndex = new PointIndex(SCAN_LIMIT);
  readonly pointIds: number[] = [];
  readonly vertexIds: number[] = [];

  constructor(private readonly e: Entities) {}

  /** The index of the vertex at p, written (point, then vertex) when new. */
  indexOf(p: Vec3): number {
    const x = p[0];
    const y = p[1];
    const z = p[2];
    const found = this.points.find(x, y, z);
    if (found >= 0) return found;
    const e = this.e;
    const point = e.point(x, y, z);
    const vertex = e.begin();
    e.put(ASCII.vertexPoint);
    e.ref(point);
    e.put(ASCII.close);
    e.end();
    this.pointIds.push(point);
    this.vertexIds.push(vertex);
    return this.points.add(x, y, z);
  }
}

/**
 * Writes one solid's topology; returns the MANIFOLD_SOLID_BREP id. Vertices and edges are shared
 * by the faces that meet there. Entities are written in first-use order: for each face, each
 * loop's edges (a new edge brings its new vertices, its direction, vector, line and curve), the
 * oriented edges, the loop and its bound; then the face's plane and the face.
 */
function writeSolid(e: Entities, solid: Solid): number {
  const vertices = new Vertices(e);
  /** Edge by its two vertex indices (low × 2^20 + high): its EDGE_CURVE id and the vertex it starts from. */
  const edgeIds = new Map<number, number>();
  const edgeFrom = new Map<number, number>();
  const faceIds: number[] = [];
  const oriented: number[] = [];
  const bounds: number[] = [];
  for (const f of solid.faces) {
    bounds.length = 0;
    for (let l = 0; l < f.loops.length; l++) {
      const loop = f.loops[l]!;
      oriented.length = 0;
      for (let j = 0; j < loop.length; j++) {
        const a = loop[j]!;
        const b = loop[j + 1 === loop.length ? 0 : j + 1]!;
        const ia = vertices.indexOf(a);
        const ib = vertices.indexOf(b);
        const key = ia < ib ? ia * 1048576 + ib : ib * 1048576 + ia;
        let edge = edgeIds.get(key);
        let from = ia;
        if (edge === undefined) {
          const direction = edgeDirection(e, a, b);
          const vector = e.begin();
          e.put(ASCII.vector);
          e.ref(direction);
          e.put(ASCII.unitLength);
          e.end();
          const line = e.begin();
          e.put(ASCII.line);
          e.ref(vertices.pointIds[ia]!);
          e.put(ASCII.comma);
          e.ref(vector);
          e.put(ASCII.close);
          e.end();
          edge = e.begin();
          e.put(ASCII.edgeCurve);
          e.ref(vertices.vertexIds[ia]!);
          e.put(ASCII.comma);
          e.ref(vertices.vertexIds[ib]!);
          e.put(ASCII.comma);
          e.ref(line);
          e.put(ASCII.trueClose);
          e.end();
          edgeIds.set(key, edge);
          edgeFrom.set(key, ia);
        } else {
          from = edgeFrom.get(key)!;
        }
        // The loop runs along the edge's own direction, or against it.
        const id = e.begin();
        e.put(ASCII.orientedEdge);
        e.ref(edge);
        e.put(from === ia ? ASCII.trueClose : ASCII.falseClose);
        e.end();
        oriented.push(id);
      }
      const edgeLoop = e.begin();
      e.put(ASCII.edgeLoop);
      e.refs(oriented);
      e.put(ASCII.close2);
      e.end();
      const bound = e.begin();
      e.put(l === 0 ? ASCII.faceOuterBound : ASCII.faceBound);
      e.ref(edgeLoop);
      e.put(ASCII.trueClose);
      e.end();
      bounds.push(bound);
    }
    const origin = vertices.pointIds[vertices.indexOf(f.loops[0]![0]!)]!;
    const n = f.normal;
    const normal = e.direction(n[0], n[1], n[2]);
    const r = refDirection(n);
    const xAxis = e.direction(r[0], r[1], r[2]);
    const placement = e.begin();
    e.put(ASCII.placement);
    e.ref(origin);
    e.put(ASCII.comma);
    e.ref(normal);
    e.put(ASCII.comma);
    e.ref(xAxis);
    e.put(ASCII.close);
    e.end();
    const plane = e.begin();
    e.put(ASCII.plane);
    e.ref(placement);
    e.put(ASCII.close);
    e.end();
    const face = e.begin();
    e.put(ASCII.advancedFace);
    e.refs(bounds);
    e.put(ASCII.closeComma);
    e.ref(plane);
    e.put(ASCII.trueClose);
    e.end();
    faceIds.push(face);
  }
  const shell = e.begin();
  e.put(ASCII.closedShell);
  e.refs(faceIds);
  e.put(ASCII.close2);
  e.end();
  const brep = e.begin();
  e.put(ASCII.brep);
  e.text(stepString(solid.name));
  e.put(ASCII.comma);
  e.ref(shell);
  e.put(ASCII.close);
  e.end();
  return brep;
}

/** The DIRECTION of the edge a → b: exact ±1 along an axis (what the general formula gives there). */
function edgeDirection(e: Entities, a: Vec3, b: Vec3): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const dz = b[2] - a[2];
  if (dy === 0 && dz === 0 && dx !== 0) return e.direction(dx > 0 ? 1 : -1, 0, 0);
  if (dx === 0 && dz === 0 && dy !== 0) return e.direction(0, dy > 0 ? 1 : -1, 0);
  if (dx === 0 && dy === 0 && dz !== 0) return e.direction(0, 0, dz > 0 ? 1 : -1);
  const len = Math.hypot(dx, dy, dz);
  return e.direction(dx / len, dy / len, dz / len);
}

export function writeStep(doc: StepDocument): string {
  const e = new Entities();
  const appContext = e.add(`APPLICATION_CONTEXT('core data for automotive mechanical design processes')`);
  e.add(`APPLICATION_PROTOCOL_DEFINITION('international standard','automotive_design',2000,#${appContext})`);
  const productContext = e.add(`PRODUCT_CONTEXT('',#${appContext},'mechanical')`);
  const product = e.add(`PRODUCT(${stepString(doc.productName)},${stepString(doc.productName)},'',(#${productContext}))`);
  e.add(`PRODUCT_RELATED_PRODUCT_CATEGORY('part',$,(#${product}))`);
  const formation = e.add(`PRODUCT_DEFINITION_FORMATION('','',#${product})`);
  const pdContext = e.add(`PRODUCT_DEFINITION_CONTEXT('part definition',#${appContext},'design')`);
  const definition = e.add(`PRODUCT_DEFINITION('design','',#${formation},#${pdContext})`);
  const pdShape = e.add(`PRODUCT_DEFINITION_SHAPE('','',#${definition})`);

  const lengthUnit = e.add('( LENGTH_UNIT() NAMED_UNIT(*) SI_UNIT(.MILLI.,.METRE.) )');
  const angleUnit = e.add('( NAMED_UNIT(*) PLANE_ANGLE_UNIT() SI_UNIT($,.RADIAN.) )');
  const solidAngleUnit = e.add('( NAMED_UNIT(*) SI_UNIT($,.STERADIAN.) SOLID_ANGLE_UNIT() )');
  const uncertainty = e.add(`UNCERTAINTY_MEASURE_WITH_UNIT(LENGTH_MEASURE(1.E-07),#${lengthUnit},'distance_accuracy_value','confusion accuracy')`);
  const context = e.add(
    `( GEOMETRIC_REPRESENTATION_CONTEXT(3) GLOBAL_UNCERTAINTY_ASSIGNED_CONTEXT((#${uncertainty})) GLOBAL_UNIT_ASSIGNED_CONTEXT((#${lengthUnit},#${angleUnit},#${solidAngleUnit})) REPRESENTATION_CONTEXT('Context #1','3D Context with UNIT and UNCERTAINTY') )`,
  );

  const originPoint = e.point(0, 0, 0);
  const origin = e.add(`AXIS2_PLACEMENT_3D('',#${originPoint},#${e.direction(0, 0, 1)},#${e.direction(1, 0, 0)})`);
  const breps = doc.solids.map((s) => writeSolid(e, s));
  const representation = e.add(`ADVANCED_BREP_SHAPE_REPRESENTATION(${stepString(doc.productName)},(#${origin},${refs(breps)}),#${context})`);
  e.add(`SHAPE_DEFINITION_REPRESENTATION(#${pdShape},#${representation})`);

  // One style chain per colour, shared by the solids of that colour.
  const styles = new Map<string, number>();
  const styleFor = (c: Vec3) => {
    const key = c.map(stepReal).join(',');
    let id = styles.get(key);
    if (id === undefined) {
      const colour = e.add(`COLOUR_RGB('',${key})`);
      const fillColour = e.add(`FILL_AREA_STYLE_COLOUR('',#${colour})`);
      const fill = e.add(`FILL_AREA_STYLE('',(#${fillColour}))`);
      const area = e.add(`SURFACE_STYLE_FILL_AREA(#${fill})`);
      const side = e.add(`SURFACE_SIDE_STYLE('',(#${area}))`);
      const usage = e.add(`SURFACE_STYLE_USAGE(.BOTH.,#${side})`);
      id = e.add(`PRESENTATION_STYLE_ASSIGNMENT((#${usage}))`);
      styles.set(key, id);
    }
    return id;
  };
  const styled = doc.solids.map((s, i) => e.add(`STYLED_ITEM('color',(#${styleFor(s.colour)}),#${breps[i]})`));
  e.add(`MECHANICAL_DESIGN_GEOMETRIC_PRESENTATION_REPRESENTATION('',(${refs(styled)}),#${context})`);

  return [
    'ISO-10303-21;',
    'HEADER;',
    `FILE_DESCRIPTION((${doc.description.map(stepString).join(',\n  ')}),'2;1');`,
    `FILE_NAME(${stepString(doc.fileName)},'${STEP_TIMESTAMP}',('A4S toolkit'),(''),'a4s model3d','a4s','');`,
    "FILE_SCHEMA(('AUTOMOTIVE_DESIGN { 1 0 10303 214 1 1 1 1 }'));",
    'ENDSEC;',
    `DATA;\n${e.data()}ENDSEC;`,
    'END-ISO-10303-21;',
    '',
  ].join('\n');
}
