/**
 * SVG primitives on paper millimetres (the drawing's viewBox is in mm, so it prints to scale on
 * its page). Text sizes follow ISO 3098's minimum for print (≥ 2.5 mm).
 */
export const TEXT_MM = { small: 2.5, normal: 3, large: 3.5, title: 5 } as const;
export const LINE_MM = { thin: 0.18, normal: 0.25, thick: 0.5 } as const;

/** Number for SVG attributes: 3 decimals (1 µm on paper), no −0. */
export function n(value: number): string {
  return String(Math.round(value * 1000) / 1000 + 0);
}

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface TextOptions {
  readonly size?: number;
  readonly anchor?: 'start' | 'middle' | 'end';
  readonly weight?: 'normal' | 'bold';
  readonly fill?: string;
  readonly rotate?: number;
  readonly cls?: string;
}

export function text(x: number, y: number, content: string, o: TextOptions = {}): string {
  const attrs = [
    `x="${n(x)}"`,
    `y="${n(y)}"`,
    `font-size="${n(o.size ?? TEXT_MM.normal)}"`,
    o.anchor && o.anchor !== 'start' ? `text-anchor="${o.anchor}"` : '',
    o.weight === 'bold' ? 'font-weight="bold"' : '',
    o.fill ? `fill="${o.fill}"` : '',
    o.rotate ? `transform="rotate(${n(o.rotate)} ${n(x)} ${n(y)})"` : '',
    o.cls ? `class="${o.cls}"` : '',
  ].filter(Boolean);
  return `<text ${attrs.join(' ')}>${esc(content)}</text>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke = '#000', width: number = LINE_MM.thin, extra = ''): string {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${stroke}" stroke-width="${n(width)}"${extra ? ` ${extra}` : ''}/>`;
}

export function rect(x: number, y: number, w: number, h: number, attrs: string): string {
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" ${attrs}/>`;
}

export function polygon(points: readonly (readonly [number, number])[], attrs: string): string {
  return `<polygon points="${points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" ${attrs}/>`;
}

/** A filled arrowhead with its tip at (x, y), pointing in direction (dx, dy). */
export function arrow(x: number, y: number, dx: number, dy: number, colour: string, lengthMm = 2, halfWidthMm = 0.6): string {
  const len = Math.hypot(dx, dy);
  const ux = dx / len;
  const uy = dy / len;
  const bx = x - ux * lengthMm;
  const by = y - uy * lengthMm;
  return polygon(
    [
      [x, y],
      [bx - uy * halfWidthMm, by + ux * halfWidthMm],
      [bx + uy * halfWidthMm, by - ux * halfWidthMm],
    ],
    `fill="${colour}"`,
  );
}

/** Approximate text width for layout (sans-serif, average glyph ≈ 0.55 em). */
export function textWidth(content: string, size: number): number {
  return content.length * size * 0.55;
}

/** Splits text into lines of at most maxChars characters, at spaces. */
export function wrap(content: string, maxChars: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of content.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > maxChars) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(current);
  return lines;
}

/**
 * A dimension between two points along x (horizontal) or y (vertical), drawn at offset `at`
 * (the dimension line's y for horizontal, x for vertical), with extension lines from the
 * features (from1, from2: their y for horizontal, x for vertical), arrows inside, and the label
 * centred on the line, or beside it when the span is too short for arrows and text.
 */
export function dimension(
  dir: 'h' | 'v',
  a: number,
  b: number,
  at: number,
  from1: number,
  from2: number,
  label: string,
  colour: string,
  size: number = TEXT_MM.normal,
): string {
  const parts: string[] = [];
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const gap = 0.8; // between the feature and its extension line
  const over = 1.5; // extension line beyond the dimension line
  const ext = (pos: number, from: number) => {
    const s = Math.sign(at - from) || 1;
    return dir === 'h' ? line(pos, from + s * gap, pos, at + s * over, colour) : line(from + s * gap, pos, at + s * over, pos, colour);
  };
  parts.push(ext(lo, a <= b ? from1 : from2), ext(hi, a <= b ? from2 : from1));
  const span = hi - lo;
  const labelW = textWidth(label, size);
  const inside = span >= 2 * 2.2;
  if (dir === 'h') {
    parts.push(line(inside ? lo : lo - 4, at, inside ? hi : hi + 4, at, colour));
    parts.push(inside ? arrow(lo, at, -1, 0, colour) : arrow(lo, at, 1, 0, colour), inside ? arrow(hi, at, 1, 0, colour) : arrow(hi, at, -1, 0, colour));
    const fits = inside && span >= labelW + 1;
    parts.push(
      fits ? text((lo + hi) / 2, at - 1, label, { size, anchor: 'middle', fill: colour }) : text(hi + 5, at + size * 0.35, label, { size, fill: colour }),
    );
  } else {
    parts.push(line(at, inside ? lo : lo - 4, at, inside ? hi : hi + 4, colour));
    parts.push(inside ? arrow(at, lo, 0, -1, colour) : arrow(at, lo, 0, 1, colour), inside ? arrow(at, hi, 0, 1, colour) : arrow(at, hi, 0, -1, colour));
    const fits = inside && span >= labelW + 1;
    parts.push(
      fits
        ? text(at - 1, (lo + hi) / 2, label, { size, anchor: 'middle', fill: colour, rotate: -90 })
        : text(at + 1.5, (lo + hi) / 2 + size * 0.35, label, { size, fill: colour }),
    );
  }
  return parts.join('\n');
}
