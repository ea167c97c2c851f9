import type { A4sError, ErrorCode } from '../errors.js';
import { fail, type Result } from '../result.js';
import type { ConnectorPlacement, NetKind, OperatingConditions } from './pinmap/index.js';
import type { PinMapFindingCode } from './codes.js';
import type { Provenance } from '../provenance.js';
import type { EvidencedKind, KindSource } from './shared/index.js';

export type { NetKind, OperatingConditions, ConnectorPlacement, EvidencedKind, KindSource };

/** One pin of the map. `net: null` is a pin left unconnected on purpose (NC). */
export interface PinAssignment {
  readonly pin: number;
  readonly net: string | null;
  readonly currentA?: number;
  readonly voltageV?: number;
  readonly kind?: NetKind;
  /** Line of the input it was read from, when known (for messages). */
  readonly line?: number;
}

export interface NetSpec {
  /** Total current of the net, shared by its pins. */
  readonly currentA?: number;
  readonly voltageV?: number;
  readonly kind?: NetKind;
}

/** What `checkPinMap` reads: the normalised pin map (from YAML, JSON, CSV or a KiCad netlist). */
export interface PinMapInput {
  readonly part: string | null;
  readonly mate: string | null;
  /** Pin count when no part is named. */
  readonly pinCount: number | null;
  /** In input order; a pin may appear twice (that is a finding, not an input error). */
  readonly pins: readonly PinAssignment[];
  readonly nets: Readonly<Record<string, NetSpec>>;
  readonly conditions: OperatingConditions;
  readonly connectors: readonly ConnectorPlacement[];
  /** Overrides the assumed default IR-drop threshold (mV). */
  readonly irDropThresholdMv: number | null;
  /** Neighbouring contacts more than this apart are a warning (V); default: the catalog's rated voltage. */
  readonly maxNeighbourV?: number | null;
  /** From a KiCad netlist: the `pintype` of every node on each net (all components), the evidence for power nets. */
  readonly netPinTypes?: Readonly<Record<string, readonly string[]>>;
}

export type Severity = 'error' | 'warning' | 'info';
/** Findings are listed most severe first: the one ranking of the project (reports, web views). */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** The JSON contract of a finding (CLI `--json`, HTTP API). */
export interface Finding {
  readonly code: PinMapFindingCode;
  readonly severity: Severity;
  readonly pins: number[];
  readonly nets: string[];
  readonly message: string;
  /** The catalog section the rule comes from; thresholds of ours say `assumed: …` with the reasoning. */
  readonly source: string;
  readonly fix: string;
}

export interface NetSummary {
  readonly net: string;
  /** `unknown` when no evidence says (never silently a signal). */
  readonly kind: EvidencedKind;
  /** Where the kind came from, strongest first: stated, netlist pin types, voltage, name (assumed), unknown. */
  readonly kindSource: KindSource;
  readonly pins: number[];
  readonly currentA: number | null;
  /** Present when `currentA` is not stated but assumed: a ground net carrying the supplies' return. */
  readonly currentAssumed?: string;
  readonly voltageV: number | null;
  /** Largest current through one of its contacts (equal sharing unless per-pin currents are given). */
  readonly perContactA: number | null;
  readonly pinsNeeded: number | null;
  /** Worst case from the maximum contact resistance with the net's pins in parallel (derived). */
  readonly irDropMv: number | null;
  readonly dissipationMw: number | null;
}

export interface Threshold {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly provenance: Extract<Provenance, 'catalog' | 'derived' | 'assumed' | 'override'>;
  readonly source: string;
}

export interface CheckSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly pinCount: number;
  readonly pinCountSource: 'part' | 'pinCount' | 'inferred';
  /** True only when no hazard is found and no net in the reversal analysis is of unknown kind. */
  readonly reversalSafe: boolean;
  /**
   * `safe`; `safe for known kinds` (no hazard, but nets of unknown kind land on others); `hazard`;
   * `prevented` (hazards, prevented by the assembly).
   */
  readonly reversal: 'safe' | 'safe for known kinds' | 'hazard' | 'prevented';
  /** Nets of unknown kind that meet another net in the analysis (reversal, neighbours, the mated pin). */
  readonly unknownKindNets: string[];
  /** Supplies and nets of unknown kind with no current, and ground nets whose current is not stated (unknown, or the assumed return of the supplies): the current checks did not run for them (or ran on the assumed return). */
  readonly noCurrentNets: string[];
  /** Supplies and nets of unknown kind with no voltage: the voltage checks did not run for them. */
  readonly noVoltageNets: string[];
  /**
   * `clean` (no error, no net of unknown kind met, every supply's current and voltage given); `clean for
   * stated values` (no error, no unknown kind met, but `noCurrentNets` / `noVoltageNets` list figures not
   * given, so those checks did not run); `qualified` (no error, but rests on nets of unknown kind); `errors`.
   * Exit 0 for `clean` and `clean for stated values`.
   */
  readonly verdict: 'clean' | 'clean for stated values' | 'qualified' | 'errors';
  readonly totalCurrentA: number | null;
  readonly insertionForceMaxN: number;
  readonly removalForceMinN: number | null;
  readonly nets: NetSummary[];
  readonly thresholds: Threshold[];
}

/** The JSON contract of `a4s check --json` and of the HTTP API. */
export interface CheckReport {
  readonly part: string | null;
  readonly mate: string | null;
  readonly findings: Finding[];
  readonly summary: CheckSummary;
}

/** An input error with where it is: line/column (1-based) and the field path. */
export interface InputError extends A4sError {
  readonly line?: number;
  readonly column?: number;
  readonly field?: string;
}

/** A failure at a place in the input; suggestions are kept only when there is at least one. */
export function failAt(
  code: ErrorCode,
  message: string,
  where: { readonly line?: number; readonly column?: number; readonly field?: string } = {},
  suggestions?: readonly string[],
): Result<never, InputError> {
  return fail<InputError>({ code, message, ...where }, suggestions && suggestions.length > 0 ? suggestions : undefined);
}
