import { builtInSeries, type Series } from '../catalog/index.js';
import { partGeometry, type LandPattern, type Segment, footprintNote } from '../geometry/index.js';
import { FAB_LINE_WIDTH_MM, SILK_LINE_WIDTH_MM } from '../geometry/index.js';
import { ok, type Result } from '../result.js';

/**
 * A part as circuit-json (the JSON format of tscircuit and other TypeScript circuit tools): the
 * source component and its ports (one per pin, and MP for the soldering terminals), the PCB
 * component with its SMT pads, solder paste, ports, silkscreen, fab outline and courtyard, and a
 * note holding the provenance of every number (the same text as the KiCad footprint's note).
 * circuit-json's PCB y axis points up (KiCad's down): y is negated, the part seen from the top is
 * the same. Lengths in mm. Types are declared here (the circuit-json package is a test-time
 * dependency: its zod schemas validate this output in the tests).
 */
export interface CircuitJsonPoint {
  readonly x: number;
  readonly y: number;
}
export type CircuitJsonElement = Readonly<Record<string, unknown>> & { readonly type: string };

export interface CircuitJsonPart {
  readonly partNumber: string;
  readonly status: 'standard' | 'renamed' | 'nonstandard';
  readonly elements: readonly CircuitJsonElement[];
}

const r = (v: number) => Math.round(v * 1e6) / 1e6 + 0;
const pt = (x: number, y: number): CircuitJsonPoint => ({ x: r(x), y: r(-y) });

export function circuitJsonOfLandPattern(lp: LandPattern, partNumber: string, name = 'J1', series: Series = builtInSeries): CircuitJsonElement[] {
  const sourceId = 'source_component_0';
  const pcbId = 'pcb_component_0';
  const c = lp.courtyard;
  const elements: CircuitJsonElement[] = [
    {
      type: 'source_component',
      ftype: 'simple_connector',
      source_component_id: sourceId,
      name,
      manufacturer_part_number: partNumber,
      display_value: partNumber,
      pin_count: lp.pins,
      are_pins_interchangeable: false,
    },
  ];
  const portId = (number: string) => `source_port_${number}`;
  for (let pin = 1; pin <= lp.pins; pin++) {
    elements.push({
      type: 'source_port',
      source_port_id: portId(String(pin)),
      source_component_id: sourceId,
      name: `pin${pin}`,
      pin_number: pin,
      port_hints: [String(pin), `pin${pin}`],
    });
  }
  elements.push({ type: 'source_port', source_port_id: portId('MP'), source_component_id: sourceId, name: 'MP', port_hints: ['MP'] });
  elements.push({
    type: 'pcb_component',
    pcb_component_id: pcbId,
    source_component_id: sourceId,
    center: { x: 0, y: 0 },
    layer: 'top',
    rotation: 0,
    width: r(c.maxXMm - c.minXMm),
    height: r(c.maxYMm - c.minYMm),
  });
  // One PCB port per source port, at its (first) pad.
  const seen = new Set<string>();
  lp.pads.forEach((pad, i) => {
    const padId = `pcb_smtpad_${i}`;
    const pcbPortId = `pcb_port_${pad.number}`;
    if (!seen.has(pad.number)) {
      seen.add(pad.number);
      elements.push({
        type: 'pcb_port',
        pcb_port_id: pcbPortId,
        source_port_id: portId(pad.number),
        pcb_component_id: pcbId,
        ...pt(pad.xMm, pad.yMm),
        layers: ['top'],
      });
    }
    elements.push({
      type: 'pcb_smtpad',
      shape: 'rect',
      pcb_smtpad_id: padId,
      pcb_component_id: pcbId,
      pcb_port_id: pcbPortId,
      ...pt(pad.xMm, pad.yMm),
      width: r(pad.widthMm),
      height: r(pad.heightMm),
      layer: 'top',
      port_hints: [pad.number],
      soldermask_margin: r(pad.maskExpansionMm),
    });
    pad.pasteApertures.forEach((a, j) => {
      elements.push({
        type: 'pcb_solder_paste',
        shape: 'rect',
        pcb_solder_paste_id: `pcb_solder_paste_${i}_${j}`,
        pcb_component_id: pcbId,
        pcb_smtpad_id: padId,
        ...pt(a.xMm, a.yMm),
        width: r(a.widthMm),
        height: r(a.heightMm),
        layer: 'top',
      });
    });
  });
  const route = (s: Segment) => [pt(s.x1Mm, s.y1Mm), pt(s.x2Mm, s.y2Mm)];
  [...lp.silkscreen, ...lp.pin1Marker].forEach((s, i) => {
    elements.push({
      type: 'pcb_silkscreen_path',
      pcb_silkscreen_path_id: `pcb_silkscreen_path_${i}`,
      pcb_component_id: pcbId,
      layer: 'top',
      route: route(s),
      stroke_width: SILK_LINE_WIDTH_MM,
    });
  });
  lp.fabOutline.forEach((s, i) => {
    elements.push({
      type: 'pcb_fabrication_note_path',
      pcb_fabrication_note_path_id: `pcb_fabrication_note_path_${i}`,
      pcb_component_id: pcbId,
      layer: 'top',
      route: route(s),
      stroke_width: FAB_LINE_WIDTH_MM,
    });
  });
  elements.push({
    type: 'pcb_courtyard_rect',
    pcb_courtyard_rect_id: 'pcb_courtyard_rect_0',
    pcb_component_id: pcbId,
    center: pt((c.minXMm + c.maxXMm) / 2, (c.minYMm + c.maxYMm) / 2),
    width: r(c.maxXMm - c.minXMm),
    height: r(c.maxYMm - c.minYMm),
    layer: 'top',
  });
  elements.push({
    type: 'pcb_note_text',
    pcb_note_text_id: 'pcb_note_text_provenance',
    pcb_component_id: pcbId,
    name: 'provenance',
    text: footprintNote(lp, series),
    font: 'tscircuit2024',
    font_size: 0.4,
    anchor_position: pt(c.minXMm, c.maxYMm + 1.6),
    anchor_alignment: 'top_left',
    layer: 'top',
  });
  return elements;
}

/** The circuit-json of a part number (tape and inspection do not change the land pattern). */
export function circuitJsonPart(pn: string, options: { name?: string } = {}, series: Series = builtInSeries): Result<CircuitJsonPart> {
  const g = partGeometry(pn, {}, series);
  if (!g.ok) return g;
  const { landPattern: lp, partNumber, check } = g.value;
  return ok({
    partNumber,
    status: check.status as 'standard' | 'renamed' | 'nonstandard',
    elements: circuitJsonOfLandPattern(lp, partNumber, options.name, series),
  });
}
