import { builtInSeries, type Series } from '../catalog/index.js';

/**
 * Pin numbering (reference: production footprint of AXE540127, see data/source/A4S-reference.md):
 * odd pins in one row, even pins in the other; pins 1 and 2 at the same end. Contact position k
 * (1 … pins/2) along the connector holds pins 2k−1 (odd row) and 2k (even row).
 */
export interface PinLocation {
  readonly pin: number;
  /** 1 … pins/2, from the pin-1 end. */
  readonly position: number;
  readonly row: 'odd' | 'even';
  /** Along the connector, from its centre, pin-1 end negative (mm). */
  readonly xMm: number;
}

export function isValidPin(pins: number, pin: number): boolean {
  return Number.isInteger(pin) && pin >= 1 && pin <= pins;
}

export function pinLocation(pins: number, pin: number, series: Series = builtInSeries): PinLocation {
  if (!isValidPin(pins, pin)) throw new RangeError(`pin ${pin} is not a pin of a ${pins}-pin part`);
  const position = Math.ceil(pin / 2);
  const perRow = pins / 2;
  return { pin, position, row: pin % 2 === 1 ? 'odd' : 'even', xMm: round4((position - (perRow + 1) / 2) * series.pitchMm) };
}

/**
 * Mated pair: socket pin n touches header pin n (reference: public designs give both the same net
 * per pin number; inferred, not a manufacturer statement).
 */
export function matedPin(pin: number): number {
  return pin;
}

/**
 * The parts are symmetric and can be plugged rotated by 180° (catalog, Precautions for mating).
 * Rotating swaps both the end (position k ↔ pins/2 + 1 − k) and the row (odd ↔ even), so pin p
 * lands on pin pins + 1 − p, the pin diagonally opposite.
 */
export function reversedPin(pins: number, pin: number): number {
  if (!isValidPin(pins, pin)) throw new RangeError(`pin ${pin} is not a pin of a ${pins}-pin part`);
  return pins + 1 - pin;
}

export interface PinContact {
  /** Pin on this part. */
  readonly pin: number;
  /** Pin of the partner touched when mated the intended way. */
  readonly matesWith: number;
  /** Pin of the partner touched when plugged rotated by 180°. */
  readonly reversedMatesWith: number;
}

/** For a mated pair, which partner pin each pin touches, normally and when reversed. */
export function matingMap(pins: number): PinContact[] {
  return Array.from({ length: pins }, (_, i) => ({ pin: i + 1, matesWith: matedPin(i + 1), reversedMatesWith: reversedPin(pins, i + 1) }));
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4 + 0; // + 0 turns −0 into 0
}
