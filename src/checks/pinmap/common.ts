import type { PinMapFindingCode } from '../codes.js';
import type { Severity } from '../types.js';
import { groupDigits } from '../../numbers.js';

/** Shared by the pin-map checks: number formatting, the finding sink, pin lists. */

/** Floating-point slack: 1.2 A / 0.3 A is 4.000000000000001 in binary. */
export const EPS = 1e-9;
/** Ours (assumed): a per-net IR_DROP note from half the threshold; below it a drop needs no attention. */
export const IR_DROP_NOTE_FRACTION = 0.5;
export const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits + 0;
export const fmt = (x: number, digits = 3) => String(round(x, digits));
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
export const thousands = groupDigits;
export type Add = (code: PinMapFindingCode, severity: Severity, f: { pins?: number[]; nets?: string[]; message: string; source: string; fix?: string }) => void;
export function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
/** "1-4, 7, 9-10" */
export function compactPins(pins: readonly number[]): string {
  const parts: string[] = [];
  let start = pins[0];
  let prev = pins[0];
  for (const p of [...pins.slice(1), undefined]) {
    if (p !== undefined && prev !== undefined && p === prev + 1) {
      prev = p;
      continue;
    }
    if (start !== undefined) parts.push(start === prev ? String(start) : `${start}-${prev}`);
    start = p;
    prev = p;
  }
  return parts.join(', ');
}
