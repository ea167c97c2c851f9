import type { Series } from '../../catalog/index.js';
import type { PartNumberCheck } from '../../partnumber/index.js';
import type { MatingForces } from '../../select/index.js';
import { CHECK_CODES, type PinMapFindingCode } from '../codes.js';
import type { Limits } from '../shared/index.js';
import type { Finding, NetSummary, PinAssignment, PinMapInput, Severity } from '../types.js';
import type { MissingValues } from './evidence.js';
import type { NetInfo } from './nets.js';
import type { ReversalResult } from './reversal.js';
import { groupDigits } from '../../numbers.js';

/** Shared by the pin-map checks: the rules' one signature and their input, the finding sink, number formatting, pin lists. */

/** Floating-point slack: 1.2 A / 0.3 A is 4.000000000000001 in binary. */
export const EPS = 1e-9;
/** Ours (assumed): a per-net IR_DROP note from half the threshold; below it a drop needs no attention. */
export const IR_DROP_NOTE_FRACTION = 0.5;
export const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits + 0;
export const fmt = (x: number, digits = 3) => String(round(x, digits));
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
export const thousands = groupDigits;
export type Add = (code: PinMapFindingCode, severity: Severity, f: { pins?: number[]; nets?: string[]; message: string; source: string; fix?: string }) => void;

/**
 * What every pin-map rule reads: the map as given, the parts, the pin count, the pins and nets as
 * read once for all rules, the catalog's limits and the thresholds in force. `found` is the one
 * part rules write: what a rule works out for the report's summary or for a later rule of
 * PIN_MAP_RULES (the reversal verdict, read by the unknown-kinds rule), so their order matters.
 */
export interface PinMapRuleInput {
  readonly input: PinMapInput;
  /** The series the map is checked against (its catalog's limits, parts and names). */
  readonly series: Series;
  readonly limits: Limits;
  readonly part: PartNumberCheck | null;
  readonly mate: PartNumberCheck | null;
  readonly pinCount: number;
  readonly pinCountSource: 'part' | 'pinCount' | 'inferred';
  /** Each pin within the count, first assignment; the others are in `duplicates`, the pins past the count in `beyond`. */
  readonly byPin: ReadonlyMap<number, PinAssignment>;
  readonly duplicates: ReadonlyMap<number, readonly PinAssignment[]>;
  readonly beyond: readonly PinAssignment[];
  readonly netOf: (pin: number) => string | null;
  readonly nets: ReadonlyMap<string, NetInfo>;
  /** The IR-drop threshold in force (the map's, else the catalog-derived default). */
  readonly irDropMv: number;
  readonly maxNeighbourV: number | null;
  readonly found: Partial<PinMapFacts>;
}
/** What rules work out besides findings (the summary's figures). */
export interface PinMapFacts {
  totalCurrentA: number | null;
  netSummaries: NetSummary[];
  reversal: ReversalResult;
  unknownKindNets: string[];
  missingValues: MissingValues;
  forces: MatingForces;
}
/** A pin-map rule: every rule has this signature, and `checkPinMap` runs them from one list (PIN_MAP_RULES, check.ts). */
export type PinMapRule = (r: PinMapRuleInput) => Finding[];

/** The findings a rule's body adds (pins sorted and unique, nets unique, the code's fix by default). */
export function collect(body: (add: Add) => void): Finding[] {
  const findings: Finding[] = [];
  body((code, severity, f) =>
    findings.push({
      code,
      severity,
      pins: [...new Set(f.pins ?? [])].sort((a, b) => a - b),
      nets: [...new Set(f.nets ?? [])],
      message: f.message,
      source: f.source,
      fix: f.fix ?? CHECK_CODES[code].fix,
    }),
  );
  return findings;
}

/** A fact an earlier rule of the list found (a rule placed before the one that finds it is a programming error). */
export function found<K extends keyof PinMapFacts>(r: PinMapRuleInput, key: K): PinMapFacts[K] {
  const value = r.found[key];
  if (value === undefined) throw new Error(`pin-map rule order: ${key} is read before the rule that finds it`);
  return value as PinMapFacts[K];
}
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
