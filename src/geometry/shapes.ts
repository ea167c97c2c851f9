/** Axis-aligned rectangle given by its centre and size (mm, KiCad axes: x right, y down). */
export interface Rect {
  readonly xMm: number;
  readonly yMm: number;
  readonly widthMm: number;
  readonly heightMm: number;
}

export interface Segment {
  readonly x1Mm: number;
  readonly y1Mm: number;
  readonly x2Mm: number;
  readonly y2Mm: number;
}

export interface Box {
  readonly minXMm: number;
  readonly minYMm: number;
  readonly maxXMm: number;
  readonly maxYMm: number;
}

/** Rounds to 0.1 µm and turns −0 into 0, so that outputs are stable text. */
export function mm(value: number): number {
  return Math.round(value * 1e4) / 1e4 + 0;
}

export function rectBox(r: Rect, growMm = 0): Box {
  return {
    minXMm: mm(r.xMm - r.widthMm / 2 - growMm),
    maxXMm: mm(r.xMm + r.widthMm / 2 + growMm),
    minYMm: mm(r.yMm - r.heightMm / 2 - growMm),
    maxYMm: mm(r.yMm + r.heightMm / 2 + growMm),
  };
}

export function unionBox(boxes: readonly Box[]): Box {
  return {
    minXMm: Math.min(...boxes.map((b) => b.minXMm)),
    minYMm: Math.min(...boxes.map((b) => b.minYMm)),
    maxXMm: Math.max(...boxes.map((b) => b.maxXMm)),
    maxYMm: Math.max(...boxes.map((b) => b.maxYMm)),
  };
}

/** Grows a box and rounds it outward to a grid (KiCad convention: courtyard on a 0.01 mm grid). */
export function growToGrid(box: Box, growMm: number, gridMm = 0.01): Box {
  const down = (v: number) => mm(Math.floor(mm(v / gridMm)) * gridMm);
  const up = (v: number) => mm(Math.ceil(mm(v / gridMm)) * gridMm);
  return { minXMm: down(box.minXMm - growMm), minYMm: down(box.minYMm - growMm), maxXMm: up(box.maxXMm + growMm), maxYMm: up(box.maxYMm + growMm) };
}

export function boxSegments(b: Box): Segment[] {
  return [
    { x1Mm: b.minXMm, y1Mm: b.minYMm, x2Mm: b.maxXMm, y2Mm: b.minYMm },
    { x1Mm: b.maxXMm, y1Mm: b.minYMm, x2Mm: b.maxXMm, y2Mm: b.maxYMm },
    { x1Mm: b.maxXMm, y1Mm: b.maxYMm, x2Mm: b.minXMm, y2Mm: b.maxYMm },
    { x1Mm: b.minXMm, y1Mm: b.maxYMm, x2Mm: b.minXMm, y2Mm: b.minYMm },
  ];
}

/**
 * Removes from an axis-aligned segment the parts that lie inside any keep-out box, so that
 * silkscreen stays clear of pads. Returns the remaining pieces (shorter than minLengthMm dropped).
 */
export function clipSegment(seg: Segment, keepOut: readonly Box[], minLengthMm = 0.1): Segment[] {
  const horizontal = seg.y1Mm === seg.y2Mm;
  if (!horizontal && seg.x1Mm !== seg.x2Mm) throw new Error('clipSegment handles axis-aligned segments only');
  const fixed = horizontal ? seg.y1Mm : seg.x1Mm;
  // Pieces as flat [start, end, start, end, …] pairs, rebuilt once per crossing box: the same
  // subtraction as splitting each piece, without an array per piece (a row of 40 pads crosses the
  // silkscreen edge 40 times, each time over up to 40 pieces).
  let pieces: number[] = [
    Math.min(horizontal ? seg.x1Mm : seg.y1Mm, horizontal ? seg.x2Mm : seg.y2Mm),
    Math.max(horizontal ? seg.x1Mm : seg.y1Mm, horizontal ? seg.x2Mm : seg.y2Mm),
  ];
  for (const b of keepOut) {
    const crosses = horizontal ? fixed > b.minYMm && fixed < b.maxYMm : fixed > b.minXMm && fixed < b.maxXMm;
    if (!crosses) continue;
    const lo = horizontal ? b.minXMm : b.minYMm;
    const hi = horizontal ? b.maxXMm : b.maxYMm;
    const next: number[] = [];
    for (let i = 0; i < pieces.length; i += 2) {
      const a = pieces[i]!;
      const z = pieces[i + 1]!;
      if (hi <= a || lo >= z) {
        next.push(a, z);
        continue;
      }
      if (lo > a) next.push(a, lo);
      if (hi < z) next.push(hi, z);
    }
    pieces = next;
  }
  const kept: [number, number][] = [];
  for (let i = 0; i < pieces.length; i += 2) kept.push([pieces[i]!, pieces[i + 1]!]);
  return kept
    .filter(([a, z]) => z - a >= minLengthMm)
    .map(([a, z]) => (horizontal ? { x1Mm: mm(a), y1Mm: fixed, x2Mm: mm(z), y2Mm: fixed } : { x1Mm: fixed, y1Mm: mm(a), x2Mm: fixed, y2Mm: mm(z) }));
}
