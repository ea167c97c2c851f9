/** ISO 10303-21 encoding: strings (with the X2 escapes), reals, and the numbered entity table a STEP file is written from. */

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
export const realTexts = new Map<number, string>();

export function formatReal(value: number): string {
  const rounded = Math.round(value * 1e6) / 1e6 + 0;
  const s = String(rounded).toUpperCase();
  if (s.includes('E')) {
    const [mantissa, exponent] = s.split('E');
    return `${mantissa!.includes('.') ? mantissa : `${mantissa}.`}E${exponent}`;
  }
  return s.includes('.') ? s : `${s}.`;
}

/** Room `Entities.begin` reserves: more than any entity's fixed text with its references. */
export const ENTITY_ROOM = 256;

export const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** The fixed pieces of the entities, as bytes. */
export const ASCII = {
  advancedFace: ascii("ADVANCED_FACE('',("),
  brep: ascii('MANIFOLD_SOLID_BREP('),
  close: ascii(')'),
  close2: ascii('))'),
  closeComma: ascii('),'),
  closedShell: ascii("CLOSED_SHELL('',("),
  comma: ascii(','),
  direction: ascii("DIRECTION('',("),
  edgeCurve: ascii("EDGE_CURVE('',"),
  edgeLoop: ascii("EDGE_LOOP('',("),
  faceBound: ascii("FACE_BOUND('',"),
  faceOuterBound: ascii("FACE_OUTER_BOUND('',"),
  falseClose: ascii(',.F.)'),
  line: ascii("LINE('',"),
  orientedEdge: ascii("ORIENTED_EDGE('',*,*,"),
  placement: ascii("AXIS2_PLACEMENT_3D('',"),
  plane: ascii("PLANE('',"),
  point: ascii("CARTESIAN_POINT('',("),
  trueClose: ascii(',.T.)'),
  unitLength: ascii(',1.)'),
  vector: ascii("VECTOR('',"),
  vertexPoint: ascii("VERTEX_POINT('',"),
} as const;

/**
 * The DATA section, written as ASCII bytes as the entities are made: `#id=TEXT;` lines numbered in
 * writing order. Writing bytes (no string per entity, no final join of ~10^4 small strings per
 * model) is what keeps the library's 45 models fast; every text written here is ASCII (stepString
 * escapes the rest).
 */
export class Entities {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;
  private nextId = 1;
  /** Directions by their written text, shared by the whole file. */
  private readonly directions = new Map<string, number>();
  /** The same ids for the six axis directions, found without building their text (0 = not yet). */
  private readonly axisDirections = [0, 0, 0, 0, 0, 0];

  /**
   * Starts entity `#id=`; the caller writes its text, then `end()`. Reserves room for an entity's
   * fixed text (keywords, up to a few references); `text` and `refs` reserve for longer ones.
   */
  begin(): number {
    const id = this.nextId++;
    this.reserve(ENTITY_ROOM);
    this.bytes[this.length++] = 0x23; // #
    this.int(id);
    this.bytes[this.length++] = 0x3d; // =
    return id;
  }

  end(): void {
    this.bytes[this.length++] = 0x3b; // ;
    this.bytes[this.length++] = 0x0a;
  }

  add(text: string): number {
    const id = this.begin();
    this.text(text);
    this.end();
    return id;
  }

  /** A keyword or other fixed piece (see ASCII), within the room `begin` reserved. */
  put(piece: Uint8Array): void {
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < piece.length; i++) bytes[at++] = piece[i]!;
    this.length = at;
  }

  /** ASCII text of any length. */
  text(text: string): void {
    const n = text.length;
    this.reserve(n + ENTITY_ROOM);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < n; i++) bytes[at++] = text.charCodeAt(i);
    this.length = at;
  }

  /** `#<id>`, within the room `begin` reserved. */
  ref(id: number): void {
    this.bytes[this.length++] = 0x23;
    this.int(id);
  }

  /** `#a,#b,#c`. */
  refs(ids: readonly number[]): void {
    this.reserve(ids.length * 12 + ENTITY_ROOM);
    for (let i = 0; i < ids.length; i++) {
      if (i > 0) this.bytes[this.length++] = 0x2c; // ,
      this.ref(ids[i]!);
    }
  }

  /** A positive integer in decimal. */
  private int(value: number): void {
    let digits = 1;
    for (let power = 10; power <= value; power *= 10) digits++;
    const bytes = this.bytes;
    let at = this.length + digits;
    this.length = at;
    do {
      const rest = Math.floor(value / 10);
      bytes[--at] = 0x30 + value - rest * 10;
      value = rest;
    } while (value > 0);
  }

  private reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** The lines written, each ending in a newline. */
  data(): string {
    return new TextDecoder().decode(this.bytes.subarray(0, this.length));
  }

  direction(x: number, y: number, z: number): number {
    const slot = axisSlot(x, y, z);
    if (slot >= 0) {
      const known = this.axisDirections[slot]!;
      if (known !== 0) return known;
    }
    const key = stepReal(x) + ',' + stepReal(y) + ',' + stepReal(z);
    let id = this.directions.get(key);
    if (id === undefined) {
      id = this.begin();
      this.put(ASCII.direction);
      this.text(key);
      this.put(ASCII.close2);
      this.end();
      this.directions.set(key, id);
    }
    if (slot >= 0) this.axisDirections[slot] = id;
    return id;
  }

  point(x: number, y: number, z: number): number {
    const id = this.begin();
    this.put(ASCII.point);
    this.text(stepReal(x));
    this.put(ASCII.comma);
    this.text(stepReal(y));
    this.put(ASCII.comma);
    this.text(stepReal(z));
    this.put(ASCII.close2);
    this.end();
    return id;
  }
}

/** 0…5 for +x, −x, +y, −y, +z, −z (a zero component may be −0); −1 for any other vector. */
export function axisSlot(x: number, y: number, z: number): number {
  if (y === 0 && z === 0) return x === 1 ? 0 : x === -1 ? 1 : -1;
  if (x === 0 && z === 0) return y === 1 ? 2 : y === -1 ? 3 : -1;
  if (x === 0 && y === 0) return z === 1 ? 4 : z === -1 ? 5 : -1;
  return -1;
}

/** `#a,#b,#c` */
export function refs(ids: readonly number[]): string {
  let text = '';
  for (let i = 0; i < ids.length; i++) text += (i === 0 ? '#' : ',#') + ids[i];
  return text;
}
