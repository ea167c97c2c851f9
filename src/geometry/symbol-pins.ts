/**
 * A schematic symbol's pins, shared by every symbol writer (KiCad, Eagle): the same numbers and
 * names as the land pattern's pads, on the 100 mil grid (KiCad library convention).
 */

/** Schematic grid (KiCad library convention: 100 mil). */
export const GRID_MM = 2.54;
export const PIN_LENGTH_MM = 2.54;
export const BODY_HALF_WIDTH_MM = 5.08;

/** Name and number of the pin that stands for the soldering terminals (one net, "MP" pads). */
export const MOUNTING_PIN = { number: 'MP', name: 'MountPin' } as const;

export interface SymbolPin {
  readonly number: string;
  readonly name: string;
  /** Pin end (where the wire connects), symbol axes: y up, mm. */
  readonly xMm: number;
  readonly yMm: number;
  /** KiCad pin orientation: 0 points right (pin on the left side), 180 left, 90 up. */
  readonly angleDeg: 0 | 90 | 180 | 270;
}

/**
 * Odd pins down the left side, even pins down the right (pins 1 and 2 at the top, as they sit
 * side by side on the part), the soldering terminals as one mechanical pin at the bottom.
 */
export function symbolPins(pins: number): SymbolPin[] {
  const rows = pins / 2;
  const topY = GRID_MM * Math.ceil((rows - 1) / 2);
  const out: SymbolPin[] = [];
  for (let k = 1; k <= rows; k++) {
    const y = round(topY - (k - 1) * GRID_MM);
    out.push({ number: String(2 * k - 1), name: `Pin_${2 * k - 1}`, xMm: -(BODY_HALF_WIDTH_MM + PIN_LENGTH_MM), yMm: y, angleDeg: 0 });
    out.push({ number: String(2 * k), name: `Pin_${2 * k}`, xMm: BODY_HALF_WIDTH_MM + PIN_LENGTH_MM, yMm: y, angleDeg: 180 });
  }
  const bottomY = round(topY - (rows - 1) * GRID_MM - GRID_MM);
  out.push({ number: MOUNTING_PIN.number, name: MOUNTING_PIN.name, xMm: 0, yMm: round(bottomY - PIN_LENGTH_MM), angleDeg: 90 });
  return out;
}

function round(v: number): number {
  return Math.round(v * 1e4) / 1e4 + 0;
}
