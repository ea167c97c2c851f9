import { builtInSeries, type Series } from '../catalog/index.js';
import type { LandPattern } from '../geometry/index.js';
import type { Add } from './findings.js';
import { box, fmt, toFrame, type Frame, type FramedPad, type Pt } from './frame.js';
import type { FootprintDoc } from './read.js';

/** The graphics around the pads: courtyard, fabrication outline, pin-1 mark. */

/** Courtyard around every pad (FP_COURTYARD_MISSING) and a fabrication outline (FP_FAB_MISSING). */
export function checkCourtyardAndFab(doc: FootprintDoc, lp: LandPattern, add: Add): void {
  const p = lp.params;
  const courtyard = graphicsOn(doc, /^[FB]\.(CrtYd|Courtyard)$/);
  const padBox = box(
    doc.pads.flatMap(
      (q) =>
        [
          [q.xMm - q.widthMm / 2, q.yMm - q.heightMm / 2],
          [q.xMm + q.widthMm / 2, q.yMm + q.heightMm / 2],
        ] as Pt[],
    ),
  );
  const cyBox = courtyard.length ? box(courtyard.flatMap((g) => g.points)) : null;
  if (!cyBox || cyBox.minX > padBox.minX + 1e-6 || cyBox.minY > padBox.minY + 1e-6 || cyBox.maxX < padBox.maxX - 1e-6 || cyBox.maxY < padBox.maxY - 1e-6) {
    add({
      code: 'FP_COURTYARD_MISSING',
      severity: 'warning',
      pads: [],
      message: cyBox ? 'The courtyard (F.CrtYd) does not enclose every pad.' : 'No courtyard (F.CrtYd): DRC cannot keep other parts off the connector.',
      expected: `a courtyard around the pads and body (ours: ${p.courtyardClearanceMm.valueMm} mm clearance, ${p.courtyardClearanceMm.provenance})`,
      found: cyBox ? `${fmt(cyBox.maxX - cyBox.minX)} × ${fmt(cyBox.maxY - cyBox.minY)}` : 'none',
      provenance: 'assumed',
      source: p.courtyardClearanceMm.source,
    });
  }
  const fab = graphicsOn(doc, /^[FB]\.(Fab)$/);
  if (fab.length === 0) {
    add({
      code: 'FP_FAB_MISSING',
      severity: 'warning',
      pads: [],
      message: 'No fabrication outline (F.Fab): assembly drawings will not show the body.',
      expected: `the body outline, ${fmt(lp.body.lengthMm)} × ${fmt(lp.body.widthMm)}`,
      found: 'none',
      provenance: 'assumed',
      source: 'assumed: KiCad library convention (F.Fab body outline)',
    });
  }
}

/**
 * A pin-1 mark (FP_PIN1_MARK_MISSING): silkscreen or fab graphics that are not the same when
 * turned by 180° and stand nearer pin 1 than the last pin. Needs every contact, framed.
 */
export function checkPin1Mark(doc: FootprintDoc, frame: Frame, framed: readonly FramedPad[], pins: number, add: Add, series: Series = builtInSeries): void {
  const marks = [
    ...graphicsOn(doc, /^[FB]\.(SilkS|Silkscreen|Fab)$/),
    ...doc.graphics.filter((g) => g.kind === 'fp_text' && /^[FB]\.(SilkS|Silkscreen|Fab)$/.test(g.layer) && /^(1|pin ?1)$/i.test(g.text?.content ?? '')),
  ];
  const points = marks.flatMap((g) => g.points.map((q) => toFrame(frame, q)));
  const key = (q: Pt) => `${Math.round(q[0] * 50)},${Math.round(q[1] * 50)}`;
  const near = new Set<string>();
  for (const q of points) for (const dx of [-1, 0, 1]) for (const dy of [-1, 0, 1]) near.add(`${Math.round(q[0] * 50) + dx},${Math.round(q[1] * 50) + dy}`);
  const byNumber = new Map(framed.map((c) => [Number(c.pad.number), c]));
  const p1 = byNumber.get(1)!;
  const pN = byNumber.get(pins)!;
  const marked = points.some((q) => !near.has(key([-q[0], -q[1]])) && Math.hypot(q[0] - p1.x, q[1] - p1.y) < Math.hypot(q[0] - pN.x, q[1] - pN.y) - 1e-6);
  if (!marked) {
    add({
      code: 'FP_PIN1_MARK_MISSING',
      severity: 'warning',
      pads: ['1'],
      message: `No pin-1 mark: the silkscreen and fab graphics are the same when turned by 180°, or mark the far end. The ${series.name} parts can be plugged reversed, so the board must show pin 1.`,
      expected: 'a silkscreen or fab mark at the pin-1 end',
      found: 'none',
      provenance: 'catalog',
      source: 'catalog: Precautions for mating (the connectors can be inserted reversed)',
    });
  }
}

/** The graphics on the layers `layer` matches, texts aside. */
function graphicsOn(doc: FootprintDoc, layer: RegExp) {
  return doc.graphics.filter((g) => layer.test(g.layer) && g.kind !== 'fp_text');
}
