import type { Face, Solid, Vec3 } from './solid.js';

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

/** A STEP string literal: quotes doubled, backslashes doubled, non-ASCII as \X2\…\X0\ (UTF-16). */
export function stepString(text: string): string {
  let out = '';
  let wide = '';
  const flush = () => {
    if (wide) out += `\\X2\\${wide}\\X0\\`;
    wide = '';
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) {
      flush();
      const ch = text[i]!;
      out += ch === "'" ? "''" : ch === '\\' ? '\\\\' : ch;
    } else if (code < 0x20) {
      flush();
      out += ' ';
    } else {
      wide += code.toString(16).toUpperCase().padStart(4, '0');
    }
  }
  flush();
  return `'${out}'`;
}

/** A STEP real: always with a decimal point ("1.", "-0.25", "1.E-07"). */
export function stepReal(value: number): string {
  // Coordinates repeat a lot (a grid of pads): remember the text of each value (bounded).
  let text = realTexts.get(value);
  if (text === undefined) {
    text = formatReal(value);
    if (realTexts.size < 65_536) realTexts.set(value, text);
  }
  return text;
}
const realTexts = new Map<number, string>();

function formatReal(value: number): string {
  const rounded = Math.round(value * 1e6) / 1e6 + 0;
  const s = String(rounded).toUpperCase();
  if (s.includes('E')) {
    const [mantissa, exponent] = s.split('E');
    return `${mantissa!.includes('.') ? mantissa : `${mantissa}.`}E${exponent}`;
  }
  return s.includes('.') ? s : `${s}.`;
}

class Entities {
  readonly lines: string[] = [];
  private readonly directions = new Map<string, number>();

  add(text: string): number {
    this.lines.push(text);
    return this.lines.length;
  }

  direction(d: Vec3): number {
    const key = `${stepReal(d[0])},${stepReal(d[1])},${stepReal(d[2])}`;
    let id = this.directions.get(key);
    if (id === undefined) {
      id = this.add(`DIRECTION('',(${key}))`);
      this.directions.set(key, id);
    }
    return id;
  }

  point(p: Vec3): number {
    return this.add(`CARTESIAN_POINT('',(${stepReal(p[0])},${stepReal(p[1])},${stepReal(p[2])}))`);
  }
}

const pointKey = (p: Vec3) => `${p[0]},${p[1]},${p[2]}`;

function unit(a: Vec3, b: Vec3): Vec3 {
  const d: Vec3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
  const len = Math.hypot(...d);
  return [d[0] / len, d[1] / len, d[2] / len];
}

/** A unit vector perpendicular to an axis-aligned or general normal (the plane's x direction). */
function refDirection(n: Vec3): Vec3 {
  const axis: Vec3 = Math.abs(n[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const dot = axis[0] * n[0] + axis[1] * n[1] + axis[2] * n[2];
  const r: Vec3 = [axis[0] - dot * n[0], axis[1] - dot * n[1], axis[2] - dot * n[2]];
  const len = Math.hypot(...r);
  return [r[0] / len, r[1] / len, r[2] / len];
}

/** Writes one solid's topology; returns the MANIFOLD_SOLID_BREP id. Vertices and edges are shared by the faces that meet there. */
function writeSolid(e: Entities, solid: Solid): number {
  const vertices = new Map<string, { vertex: number; point: number }>();
  const vertexOf = (p: Vec3) => {
    const key = pointKey(p);
    let v = vertices.get(key);
    if (!v) {
      const point = e.point(p);
      v = { point, vertex: e.add(`VERTEX_POINT('',#${point})`) };
      vertices.set(key, v);
    }
    return v;
  };
  const edges = new Map<string, { id: number; from: string }>();
  const edgeOf = (a: Vec3, b: Vec3) => {
    const ka = pointKey(a);
    const kb = pointKey(b);
    const key = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
    let edge = edges.get(key);
    if (!edge) {
      const va = vertexOf(a);
      const vb = vertexOf(b);
      const vector = e.add(`VECTOR('',#${e.direction(unit(a, b))},1.)`);
      const line = e.add(`LINE('',#${va.point},#${vector})`);
      edge = { id: e.add(`EDGE_CURVE('',#${va.vertex},#${vb.vertex},#${line},.T.)`), from: ka };
      edges.set(key, edge);
    }
    // The loop runs along the edge's own direction, or against it.
    return e.add(`ORIENTED_EDGE('',*,*,#${edge.id},${edge.from === ka ? '.T.' : '.F.'})`);
  };
  const face = (f: Face) => {
    const bounds = f.loops.map((loop, i) => {
      const oriented = loop.map((p, j) => edgeOf(p, loop[(j + 1) % loop.length]!));
      const edgeLoop = e.add(`EDGE_LOOP('',(${oriented.map((id) => `#${id}`).join(',')}))`);
      return e.add(`${i === 0 ? 'FACE_OUTER_BOUND' : 'FACE_BOUND'}('',#${edgeLoop},.T.)`);
    });
    const origin = vertexOf(f.loops[0]![0]!).point;
    const placement = e.add(`AXIS2_PLACEMENT_3D('',#${origin},#${e.direction(f.normal)},#${e.direction(refDirection(f.normal))})`);
    const plane = e.add(`PLANE('',#${placement})`);
    return e.add(`ADVANCED_FACE('',(${bounds.map((id) => `#${id}`).join(',')}),#${plane},.T.)`);
  };
  const faces = solid.faces.map(face);
  const shell = e.add(`CLOSED_SHELL('',(${faces.map((id) => `#${id}`).join(',')}))`);
  return e.add(`MANIFOLD_SOLID_BREP(${stepString(solid.name)},#${shell})`);
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

  const origin = e.add(`AXIS2_PLACEMENT_3D('',#${e.point([0, 0, 0])},#${e.direction([0, 0, 1])},#${e.direction([1, 0, 0])})`);
  const breps = doc.solids.map((s) => writeSolid(e, s));
  const representation = e.add(`ADVANCED_BREP_SHAPE_REPRESENTATION(${stepString(doc.productName)},(#${origin},${breps.map((id) => `#${id}`).join(',')}),#${context})`);
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
  e.add(`MECHANICAL_DESIGN_GEOMETRIC_PRESENTATION_REPRESENTATION('',(${styled.map((id) => `#${id}`).join(',')}),#${context})`);

  const header = [
    'ISO-10303-21;',
    'HEADER;',
    `FILE_DESCRIPTION((${doc.description.map(stepString).join(',\n  ')}),'2;1');`,
    `FILE_NAME(${stepString(doc.fileName)},'${STEP_TIMESTAMP}',('A4S toolkit'),(''),'a4s model3d','a4s','');`,
    "FILE_SCHEMA(('AUTOMOTIVE_DESIGN { 1 0 10303 214 1 1 1 1 }'));",
    'ENDSEC;',
    'DATA;',
  ];
  return `${[...header, ...e.lines.map((line, i) => `#${i + 1}=${line};`), 'ENDSEC;', 'END-ISO-10303-21;'].join('\n')}\n`;
}
