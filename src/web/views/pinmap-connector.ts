import type { LandPattern, Pad } from '../../geometry/index.js';
import { s } from '../dom.js';

/**
 * Where each contact pad stands in the top view (component side, KiCad axes: x right, y down), from
 * the part's own land pattern: the one rule the footprint, the drawing and these pictures share.
 */
export interface PadPlace {
  readonly pin: number;
  readonly pad: Pad;
  /** 1 = top row of the top view, 2 = bottom row. */
  readonly row: 1 | 2;
  /** 1 … pins/2 from the left. */
  readonly column: number;
}

export function padPlaces(lp: LandPattern): PadPlace[] {
  const signal = lp.pads.filter((p) => p.kind === 'signal');
  const xs = [...new Set(signal.map((p) => p.xMm))].sort((a, b) => a - b);
  return signal.map((pad) => ({ pin: Number(pad.number), pad, row: pad.yMm < 0 ? 1 : 2, column: xs.indexOf(pad.xMm) + 1 }));
}

/** The pin-1 mark, the same everywhere: a triangle outside pin 1's pad pointing at it. */
export const pin1Glyph = (row: 1 | 2) => (row === 2 ? '▲' : '▼');

/**
 * The connector in the top view from its land pattern (mm, KiCad axes): fab outline with the pin-1
 * chamfer, the pads (each `data-pin`), the pin-1 marker, and lines between given pin pairs.
 */
export function connectorSvg(lp: LandPattern, places: readonly PadPlace[], marked: ReadonlySet<number>, lines: readonly [number, number][]): SVGElement {
  const c = lp.courtyard;
  const m = 0.6;
  const at = new Map(places.map((p) => [p.pin, p.pad]));
  const pin1 = at.get(1)!;
  const labelY = (pad: Pad) => pad.yMm + Math.sign(pad.yMm) * (pad.heightMm / 2 + 0.8);
  const label = (pin: number) =>
    s('text', { x: at.get(pin)!.xMm, y: labelY(at.get(pin)!), class: 'label', 'text-anchor': 'middle', 'dominant-baseline': 'middle' }, String(pin));
  return s(
    'svg',
    {
      viewBox: `${c.minXMm - m} ${c.minYMm - m} ${c.maxXMm - c.minXMm + 2 * m} ${c.maxYMm - c.minYMm + 2 * m}`,
      class: 'connector',
      role: 'img',
      'aria-label': lines.length
        ? `Reverse-insertion hazards: ${lines.map(([a, b]) => `${a} with ${b}`).join('; ')}`
        : `Pads of the ${lp.pins}-pin ${lp.role}, top view, no reverse-insertion hazard`,
    },
    s('polygon', { points: lp.fabOutline.map((seg) => `${seg.x1Mm},${seg.y1Mm}`).join(' '), class: 'body' }),
    ...lp.pads
      .filter((p) => p.kind === 'terminal')
      .map((p) => s('rect', { x: p.xMm - p.widthMm / 2, y: p.yMm - p.heightMm / 2, width: p.widthMm, height: p.heightMm, class: 'pad terminal' })),
    ...places.map(({ pin, pad }) =>
      s(
        'rect',
        {
          x: pad.xMm - pad.widthMm / 2,
          y: pad.yMm - pad.heightMm / 2,
          width: pad.widthMm,
          height: pad.heightMm,
          class: `pad${marked.has(pin) ? ' hazard' : ''}${pin === 1 ? ' pin1' : ''}`,
          'data-pin': pin,
        },
        s('title', {}, `pin ${pin}`),
      ),
    ),
    s('polygon', { points: lp.pin1Marker.map((seg) => `${seg.x1Mm},${seg.y1Mm}`).join(' '), class: 'pin1-marker' }),
    label(1),
    label(2),
    label(lp.pins - 1),
    label(lp.pins),
    ...lines.map(([a, b]) => s('line', { x1: at.get(a)!.xMm, y1: at.get(a)!.yMm, x2: at.get(b)!.xMm, y2: at.get(b)!.yMm, class: 'hazard-line' })),
    s('desc', {}, `Pin 1 at x ${pin1.xMm} mm, y ${pin1.yMm} mm (KiCad axes, top view).`),
  );
}
