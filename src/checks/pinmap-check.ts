import { catalog, inspectionPartNumber, padPins, standardPinCounts } from '../catalog/index.js';
import { pinLocation, reversedPin } from '../geometry/pinout.js';
import { checkPartNumber, type PartNumberCheck } from '../partnumber/index.js';
import { matingForces } from '../select/index.js';
import { CHECK_CODES, PIN_MAP_FINDING_CODE_LIST, type PinMapFindingCode } from './codes.js';
import { limits, rule, thresholdsOf, type Limits } from './limits.js';
import { SEVERITY_RANK, type CheckReport, type Finding, type NetKind, type NetSummary, type PinAssignment, type PinMapInput, type Severity } from './types.js';

/** Floating-point slack: 1.2 A / 0.3 A is 4.000000000000001 in binary. */
const EPS = 1e-9;
/** Ours (assumed): a per-net IR_DROP note from half the threshold; below it a drop needs no attention. */
const IR_DROP_NOTE_FRACTION = 0.5;
const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits + 0;
const fmt = (x: number, digits = 3) => String(round(x, digits));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const thousands = (n: number) => n.toLocaleString('en-US');

interface NetInfo {
  readonly name: string;
  readonly kind: NetKind;
  readonly kindSource: 'stated' | 'inferred from name';
  readonly pins: number[];
  readonly totalA: number | null;
  /** Current through each of `pins` (same order), null when unknown. */
  readonly pinCurrentsA: (number | null)[];
  readonly voltageV: number | null;
  /** The net's stated total and its per-pin currents disagree (the checks use the larger). */
  readonly currentMismatch: { readonly statedA: number; readonly pinSumA: number; readonly scaled: boolean } | null;
  /** A ground net without a stated current: the return of the supplies it is assumed to carry. */
  readonly assumedReturn?: string;
}

const GROUND_NAME = /^(?:[ADPS]?GND[A-Z0-9_]*|GND|VSS[A-Z0-9_]*|0V|EARTH|CHASSIS|PE)$|GND/i;
const POWER_NAME = /^(?:\+|-)|^(?:VCC|VDD|VBAT|VBUS|VSYS|VIN|VOUT|VREG|VLED|VPP|VIO|VDDIO|PWR|POWER|VMOT|VSUP)|^\d+V\d*$|^V\d|^\d+V\d+|^[+-]?\d+V/i;

/** Assumed from the name when the input does not say (GND… → ground, VCC/VDD/+3V3… → power). */
export function inferKind(net: string): NetKind {
  if (GROUND_NAME.test(net)) return 'ground';
  if (POWER_NAME.test(net.replace(/^\//, ''))) return 'power';
  return 'signal';
}

/**
 * Checks a pin map against every rule of the catalog that a pin assignment can break. Pure; never
 * throws on any `PinMapInput`. Findings are sorted worst first (error, warning, info), then by the
 * order of the code registry and by pin.
 */
export function checkPinMap(input: PinMapInput): CheckReport {
  const l = limits();
  const findings: Finding[] = [];
  const add = (code: PinMapFindingCode, severity: Severity, f: { pins?: number[]; nets?: string[]; message: string; source: string; fix?: string }) =>
    findings.push({ code, severity, pins: [...new Set(f.pins ?? [])].sort((a, b) => a - b), nets: [...new Set(f.nets ?? [])], message: f.message, source: f.source, fix: f.fix ?? CHECK_CODES[code].fix });

  // --- the part(s) and the pin count
  const partCheck = input.part ? checkPartNumber(input.part) : null;
  const mateCheck = input.mate ? checkPartNumber(input.mate) : null;
  const { pinCount, pinCountSource } = resolvePinCount(input, partCheck, add);
  checkParts(partCheck, mateCheck, add);

  // --- structure: duplicates, beyond the count, unassigned
  const byPin = new Map<number, PinAssignment>();
  const duplicates = new Map<number, PinAssignment[]>();
  const beyond: PinAssignment[] = [];
  for (const a of input.pins) {
    if (a.pin > pinCount) {
      beyond.push(a);
      continue;
    }
    const first = byPin.get(a.pin);
    if (first) duplicates.set(a.pin, [...(duplicates.get(a.pin) ?? [first]), a]);
    else byPin.set(a.pin, a);
  }
  for (const [pin, list] of duplicates) {
    const nets = list.map((a) => a.net ?? 'NC');
    add('PIN_DUPLICATED', 'error', {
      pins: [pin],
      nets: nets.filter((n) => n !== 'NC'),
      message: `Pin ${pin} is assigned ${list.length} times (${list.map((a) => `${a.net ?? 'NC'}${a.line ? ` on line ${a.line}` : ''}`).join(', ')}); the checks use the first.`,
      source: 'pin map',
    });
  }
  if (beyond.length > 0) {
    add('PIN_BEYOND_COUNT', 'error', {
      pins: beyond.map((a) => a.pin),
      nets: beyond.flatMap((a) => (a.net ? [a.net] : [])),
      message: `${plural(beyond.length, 'pin')} beyond the part's ${pinCount} pins: ${beyond.map((a) => `${a.pin}${a.line ? ` (line ${a.line})` : ''}`).join(', ')}.`,
      source: `${input.part ? 'PRODUCT TYPES (pin count of ' + input.part + ')' : 'pin count'}`,
    });
  }
  const unassigned = range(1, pinCount).filter((p) => !byPin.has(p));
  if (unassigned.length > 0) {
    add('PIN_UNASSIGNED', 'warning', { pins: unassigned, message: `${plural(unassigned.length, 'pin')} of ${pinCount} without a net: ${compactPins(unassigned)}. Mark pins unconnected on purpose as NC.`, source: 'pin map' });
  }

  // --- nets
  const nets = collectNets(input, byPin);
  const netOf = (pin: number) => byPin.get(pin)?.net ?? null;
  const irDropMv = input.irDropThresholdMv ?? l.irDropDefaultMv.value;
  checkCurrentMismatch(nets, add);
  checkCurrents(nets, l, irDropMv, add);
  const totalCurrentA = checkTotalCurrent(nets, l, add);
  checkVoltages(nets, l, add);
  checkContactVoltages(nets, l, add);
  const summaries = checkIrDrop(nets, l, irDropMv, input.irDropThresholdMv !== null, add);
  const reversalSafe = checkReversal(pinCount, netOf, nets, input.conditions.reverseInsertionPrevented ?? null, add);

  // --- mechanics, life, environment, boards
  const inspection = Boolean(partCheck?.fields?.inspection || mateCheck?.fields?.inspection);
  const forces = matingForces(pinCount, { inspection });
  add('MATING_FORCES', 'info', {
    message: inspection
      ? `${pinCount} pins: insertion force at most ${forces.insertionMaxN} N (${forces.formula}); no removal minimum: the mating retention force of inspection parts cannot be warranted.`
      : `${pinCount} pins: insertion force at most ${forces.insertionMaxN} N, removal force at least ${forces.removalMinN} N (${forces.formula}).`,
    source: inspection ? `${forces.source} (“Mating retention force cannot be warranted.”)` : forces.source,
  });
  checkLife(input, partCheck, mateCheck, pinCount, l, add);
  checkEnvironment(input, l, add);
  checkBoards(input, l, add);

  const order = new Map(PIN_MAP_FINDING_CODE_LIST.map((c, i) => [c, i]));
  findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || order.get(a.code)! - order.get(b.code)! || (a.pins[0] ?? 0) - (b.pins[0] ?? 0) || (a.nets[0] ?? '').localeCompare(b.nets[0] ?? ''));
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return {
    part: partCheck?.partNumber ?? input.part,
    mate: mateCheck?.partNumber ?? input.mate,
    findings,
    summary: {
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      pinCount,
      pinCountSource,
      reversalSafe,
      totalCurrentA,
      insertionForceMaxN: forces.insertionMaxN,
      removalForceMinN: forces.removalMinN,
      nets: summaries,
      thresholds: thresholdsOf(l, irDropMv, input.irDropThresholdMv !== null),
    },
  };
}

type Add = (code: PinMapFindingCode, severity: Severity, f: { pins?: number[]; nets?: string[]; message: string; source: string; fix?: string }) => void;

function range(from: number, to: number): number[] {
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

function resolvePinCount(input: PinMapInput, partCheck: PartNumberCheck | null, add: Add): { pinCount: number; pinCountSource: 'part' | 'pinCount' | 'inferred' } {
  if (partCheck?.fields) return { pinCount: partCheck.fields.pins, pinCountSource: 'part' };
  if (input.pinCount !== null && input.pinCount >= 2) return { pinCount: input.pinCount % 2 === 0 ? input.pinCount : input.pinCount + 1, pinCountSource: 'pinCount' };
  const highest = Math.max(0, ...input.pins.map((p) => p.pin));
  const pinCount = standardPinCounts.find((n) => n >= highest) ?? catalog.series.pinsMax;
  add('PART_UNSTATED', 'warning', {
    message: `No part number: the pin count is taken as ${pinCount}, the smallest standard count holding pin ${highest} (assumed). Name the part for exact checks.`,
    source: 'PRODUCT TYPES (standard pin counts)',
  });
  return { pinCount, pinCountSource: 'inferred' };
}

function checkParts(part: PartNumberCheck | null, mate: PartNumberCheck | null, add: Add): void {
  for (const check of [part, mate]) {
    if (!check) continue;
    if (check.status === 'nonstandard') {
      add('PART_NONSTANDARD', 'warning', {
        message: `${check.partNumber}: ${check.errors[0]?.message ?? 'not listed'}${check.suggestions.length ? ` Standard parts: ${check.suggestions.join(', ')}.` : ''}`,
        source: 'PRODUCT TYPES (Notes 2)',
      });
    }
  }
  if (part?.fields && mate?.fields) {
    const problems: string[] = [];
    if (part.fields.role === mate.fields.role) problems.push(`both are ${part.fields.role}s`);
    if (part.fields.pins !== mate.fields.pins) problems.push(`${part.fields.pins} pins vs ${mate.fields.pins} pins`);
    if (problems.length > 0) {
      add('MATE_MISMATCH', 'error', { message: `${part.partNumber} and ${mate.partNumber} do not mate: ${problems.join('; ')}.`, source: 'PRODUCT TYPES (socket and header listed on one row)' });
    }
  }
}

function collectNets(input: PinMapInput, byPin: ReadonlyMap<number, PinAssignment>): Map<string, NetInfo> {
  const pinsOf = new Map<string, PinAssignment[]>();
  for (const a of [...byPin.values()].sort((x, y) => x.pin - y.pin)) {
    if (a.net === null) continue;
    const list = pinsOf.get(a.net) ?? [];
    list.push(a);
    pinsOf.set(a.net, list);
  }
  const nets = new Map<string, NetInfo>();
  for (const [name, assignments] of pinsOf) {
    const spec = (Object.hasOwn(input.nets, name) ? input.nets[name] : undefined) ?? {};
    const stated = spec.kind ?? assignments.find((a) => a.kind)?.kind;
    const currents = netCurrents(assignments.map((a) => a.currentA ?? null), spec.currentA ?? null);
    const voltages = assignments.flatMap((a) => (a.voltageV === undefined ? [] : [a.voltageV]));
    const voltageV = spec.voltageV ?? (voltages.length ? voltages.reduce((m, v) => (Math.abs(v) > Math.abs(m) ? v : m)) : null);
    const kind = stated ?? inferKind(name);
    nets.set(name, {
      name,
      kind,
      kindSource: stated ? 'stated' : 'inferred from name',
      pins: assignments.map((a) => a.pin),
      totalA: currents.totalA,
      pinCurrentsA: currents.pinCurrentsA,
      voltageV: voltageV ?? (kind === 'ground' ? 0 : null),
      currentMismatch: currents.mismatch,
    });
  }
  return withGroundReturns(nets);
}

/**
 * Ground nets given no current carry the return of the supply currents (assumed: the supplies'
 * loads return through this connector's ground pins), shared equally over their pins; a ground
 * net's stated current is kept and taken off what the others carry back.
 */
function withGroundReturns(nets: Map<string, NetInfo>): Map<string, NetInfo> {
  const supplies = [...nets.values()].filter((n) => n.kind === 'power' && n.totalA !== null && n.totalA > 0);
  const grounds = [...nets.values()].filter((n) => n.kind === 'ground');
  const open = grounds.filter((n) => n.totalA === null);
  if (supplies.length === 0 || open.length === 0) return nets;
  const supplyA = supplies.reduce((s, n) => s + n.totalA!, 0);
  const statedA = grounds.reduce((s, n) => s + (n.totalA ?? 0), 0);
  const returnA = supplyA - statedA;
  if (returnA <= EPS) return nets;
  const pins = open.reduce((s, n) => s + n.pins.length, 0);
  const perPin = returnA / pins;
  const why = `assumed: ${open.length === 1 ? `${open[0]!.name} carries` : `${open.map((n) => n.name).join(', ')} carry`} the return of the supply currents (${supplies.map((n) => `${n.name} ${fmt(n.totalA!)} A`).join(', ')}${statedA > 0 ? `, less ${fmt(statedA)} A stated on other ground nets` : ''}), ${fmt(returnA)} A shared over ${plural(pins, 'ground pin')}; give the ground net's current to override`;
  const out = new Map(nets);
  for (const n of open) out.set(n.name, { ...n, totalA: perPin * n.pins.length, pinCurrentsA: n.pins.map(() => perPin), assumedReturn: why });
  return out;
}

/**
 * A net's total and the current through each pin, from the per-pin currents (`given`, null where
 * not stated) and the net's stated total. Without per-pin currents the total is shared equally by
 * the pins (assumed: pins in parallel); pins without a current share what the others leave. When
 * the two disagree, the larger figure is used (the worst case): per-pin currents adding up to more
 * than the total win; a total above them scales the stated split up to it.
 */
export function netCurrents(given: readonly (number | null)[], statedA: number | null): { totalA: number | null; pinCurrentsA: (number | null)[]; mismatch: NetInfo['currentMismatch'] } {
  const sumGiven = given.reduce<number>((s, c) => s + (c ?? 0), 0);
  const anyGiven = given.some((c) => c !== null);
  const missing = given.filter((c) => c === null).length;
  if (statedA === null) {
    // Pins without a current carry what the others leave of the total: nothing, as the total is their sum.
    return { totalA: anyGiven ? sumGiven : null, pinCurrentsA: given.map((c) => c ?? (anyGiven ? 0 : null)), mismatch: null };
  }
  if (!anyGiven) return { totalA: statedA, pinCurrentsA: given.map(() => statedA / given.length), mismatch: null };
  const agree = missing === 0 ? Math.abs(sumGiven - statedA) <= EPS * Math.max(1, statedA) : sumGiven <= statedA + EPS;
  if (agree) {
    const share = missing === 0 ? 0 : Math.max(0, statedA - sumGiven) / missing;
    return { totalA: statedA, pinCurrentsA: given.map((c) => c ?? share), mismatch: null };
  }
  if (sumGiven > statedA) return { totalA: sumGiven, pinCurrentsA: given.map((c) => c ?? 0), mismatch: { statedA, pinSumA: sumGiven, scaled: false } };
  // All pins stated, adding up to less than the total: the stated split, scaled up to the total.
  const pinCurrentsA = sumGiven > 0 ? given.map((c) => (c! * statedA) / sumGiven) : given.map(() => statedA / given.length);
  return { totalA: statedA, pinCurrentsA, mismatch: { statedA, pinSumA: sumGiven, scaled: true } };
}

function checkCurrentMismatch(nets: ReadonlyMap<string, NetInfo>, add: Add): void {
  for (const net of nets.values()) {
    const m = net.currentMismatch;
    if (!m) continue;
    const larger = Math.max(m.statedA, m.pinSumA);
    add('NET_CURRENT_MISMATCH', 'warning', {
      pins: net.pins,
      nets: [net.name],
      message: `${net.name}: its per-pin currents add up to ${fmt(m.pinSumA)} A, but the net's current is given as ${fmt(m.statedA)} A. The checks use the larger, ${fmt(larger)} A${m.scaled ? ', with the per-pin split scaled up to it' : ''}.`,
      source: 'pin map (per-pin currentA against the net’s currentA)',
    });
  }
}

function pinsNeeded(totalA: number, perContactA: number): number {
  return Math.max(1, Math.ceil(totalA / perContactA - EPS));
}

/**
 * Pins a net needs: for the rated current per contact, and for a worst-case contact drop within the
 * IR-drop threshold (ΔV = I × R/n ≤ threshold → n ≥ I × R / threshold). The larger wins, so that the
 * CURRENT_PER_CONTACT, NET_SINGLE_PIN_OVERLOAD and IR_DROP fixes ask for the same number.
 */
function pinRequirement(totalA: number, l: Limits, thresholdMv: number): { forCurrent: number; forDrop: number; required: number; why: string } {
  const limit = l.perContactA.value;
  const forCurrent = pinsNeeded(totalA, limit);
  const forDrop = Math.max(1, Math.ceil((totalA * l.contactResistanceMilliOhm.value) / thresholdMv - EPS));
  const required = Math.max(forCurrent, forDrop);
  const why =
    forDrop > forCurrent
      ? `${forDrop} to keep the worst-case contact drop within ${thresholdMv} mV (IR_DROP); the ${limit} A rating per contact alone needs ${forCurrent}`
      : `${forCurrent} for the ${limit} A rating per contact${forDrop > 1 ? `; ${forDrop} would keep the worst-case contact drop within ${thresholdMv} mV` : ''}`;
  return { forCurrent, forDrop, required, why };
}

function checkCurrents(nets: ReadonlyMap<string, NetInfo>, l: Limits, thresholdMv: number, add: Add): void {
  const limit = l.perContactA.value;
  for (const net of nets.values()) {
    const over = net.pins.filter((_, i) => (net.pinCurrentsA[i] ?? 0) > limit + EPS);
    if (over.length === 0) continue;
    const total = net.totalA ?? 0;
    const needed = pinsNeeded(total, limit);
    const req = pinRequirement(total, l, thresholdMv);
    const n = net.pins.length;
    if (n === 1) {
      add('NET_SINGLE_PIN_OVERLOAD', 'error', {
        pins: net.pins,
        nets: [net.name],
        message: `${net.name} carries ${fmt(total)} A on one pin (${net.pins[0]})${net.assumedReturn ? ` (${net.assumedReturn})` : ''}; at ${limit} A per contact it needs ${needed} pins.`,
        source: l.perContactA.source,
        fix: `Assign ${net.name} to ${req.required} pins (${req.required - 1} more): ${req.why}.`,
      });
      continue;
    }
    const uneven = net.pinCurrentsA.some((c) => c !== net.pinCurrentsA[0]);
    const detail = uneven
      ? over.map((p) => `pin ${p}: ${fmt(net.pinCurrentsA[net.pins.indexOf(p)]!)} A`).join(', ')
      : `${fmt(total)} A over ${n} pins = ${fmt(total / n)} A per contact${net.assumedReturn ? ` (${net.assumedReturn})` : ''}`;
    add('CURRENT_PER_CONTACT', 'error', {
      pins: over,
      nets: [net.name],
      message: `${net.name}: ${detail} > ${limit} A per pin contact. It needs ${needed} pins${needed > n ? ` (${needed - n} more)` : ' with the current shared equally'}.`,
      source: l.perContactA.source,
      fix: req.required > n ? `Assign ${net.name} to ${req.required} pins (${req.required - n} more): ${req.why}; or lower its current.` : `Share ${net.name}'s current equally over its ${n} pins, or lower it.`,
    });
  }
}

function checkTotalCurrent(nets: ReadonlyMap<string, NetInfo>, l: Limits, add: Add): number | null {
  const withCurrent = [...nets.values()].filter((n) => n.totalA !== null);
  if (withCurrent.length === 0) return null;
  const total = round(withCurrent.reduce((s, n) => s + n.totalA!, 0), 6);
  if (total > l.totalA.value + EPS) {
    add('CURRENT_TOTAL', 'error', {
      pins: withCurrent.flatMap((n) => n.pins),
      nets: withCurrent.map((n) => n.name),
      message: `The contacts carry ${fmt(total)} A in total (${withCurrent.map((n) => `${n.name} ${fmt(n.totalA!)} A${n.assumedReturn ? ' (return, assumed)' : ''}`).join(', ')}) > ${l.totalA.value} A at total pin contacts. Supply and return currents both count: each flows through its own contacts.${withCurrent.some((n) => n.assumedReturn) ? ` Ground returns: ${withCurrent.find((n) => n.assumedReturn)!.assumedReturn}.` : ''}`,
      source: l.totalA.source,
    });
  }
  return total;
}

function checkVoltages(nets: ReadonlyMap<string, NetInfo>, l: Limits, add: Add): void {
  const rated = l.ratedVoltageV.value;
  for (const net of nets.values()) {
    if (net.voltageV === null || Math.abs(net.voltageV) <= rated + EPS) continue;
    add('VOLTAGE_OVER_RATED', 'error', {
      pins: net.pins,
      nets: [net.name],
      message: `${net.name} is at ${fmt(net.voltageV)} V, above the rated ${rated} V AC/DC.`,
      source: l.ratedVoltageV.source,
    });
  }
}

/** Neighbours from the pin geometry: same row at adjacent positions, and across the rows at the same position. */
export function neighbourPairs(pinCount: number): [number, number][] {
  const locations = range(1, pinCount).map((p) => pinLocation(pinCount, p));
  const pairs: [number, number][] = [];
  for (const a of locations) {
    for (const b of locations) {
      if (b.pin <= a.pin) continue;
      const sameRowAdjacent = a.row === b.row && Math.abs(a.position - b.position) === 1;
      const acrossRows = a.row !== b.row && a.position === b.position;
      if (sameRowAdjacent || acrossRows) pairs.push([a.pin, b.pin]);
    }
  }
  return pairs;
}

/**
 * The rated voltage (60 V AC/DC) holds between any two contacts, not only to ground: every pair of
 * nets with known voltages (ground at 0 V) more than the rating apart is an error, wherever their
 * contacts sit (neighbours in a row, facing across the rows, or anywhere else on the part).
 */
function checkContactVoltages(nets: ReadonlyMap<string, NetInfo>, l: Limits, add: Add): void {
  const rated = l.ratedVoltageV.value;
  const known = [...nets.values()].filter((n) => n.voltageV !== null).sort((a, b) => b.voltageV! - a.voltageV! || a.name.localeCompare(b.name));
  for (let i = 0; i < known.length; i++) {
    for (let j = i + 1; j < known.length; j++) {
      const hi = known[i]!;
      const lo = known[j]!;
      const deltaV = hi.voltageV! - lo.voltageV!;
      if (deltaV <= rated + EPS) continue;
      const side = (n: NetInfo) => `${n.name} (${fmt(n.voltageV!)} V${n.kindSource === 'inferred from name' && n.kind === 'ground' ? ', ground assumed 0 V' : ''}, ${n.pins.length === 1 ? 'pin' : 'pins'} ${compactPins(n.pins)})`;
      add('VOLTAGE_BETWEEN_CONTACTS', 'error', {
        pins: [...hi.pins, ...lo.pins],
        nets: [hi.name, lo.name],
        message: `${side(hi)} and ${side(lo)} are ${fmt(deltaV)} V apart: more than the rated ${rated} V AC/DC between contacts.`,
        source: `${l.ratedVoltageV.source} (rated between contacts as well as to ground)`,
      });
    }
  }
}

function checkIrDrop(nets: ReadonlyMap<string, NetInfo>, l: Limits, thresholdMv: number, override: boolean, add: Add): NetSummary[] {
  const rMax = l.contactResistanceMilliOhm.value;
  const summaries: NetSummary[] = [];
  const noCurrent: NetInfo[] = [];
  const computed: { net: NetInfo; irDropMv: number; dissipationMw: number }[] = [];
  for (const net of [...nets.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const n = net.pins.length;
    const perContact = net.pinCurrentsA.every((c) => c !== null) && n > 0 ? Math.max(...(net.pinCurrentsA as number[])) : null;
    let irDropMv: number | null = null;
    let dissipationMw: number | null = null;
    if (net.totalA !== null && n > 0) {
      // Worst case: every contact at the catalog maximum, the net's pins in parallel (equal sharing).
      const rParallel = rMax / n;
      irDropMv = round(net.totalA * rParallel, 3);
      dissipationMw = round(net.totalA * net.totalA * rParallel, 3);
    }
    summaries.push({
      net: net.name,
      kind: net.kind,
      kindSource: net.kindSource,
      pins: net.pins,
      currentA: net.totalA === null ? null : round(net.totalA, 6),
      ...(net.assumedReturn ? { currentAssumed: net.assumedReturn } : {}),
      voltageV: net.voltageV,
      perContactA: perContact === null ? null : round(perContact, 6),
      pinsNeeded: net.totalA === null ? null : pinsNeeded(net.totalA, l.perContactA.value),
      irDropMv,
      dissipationMw,
    });
    if (net.kind === 'signal') continue;
    if (irDropMv === null) {
      if (net.kind === 'power') noCurrent.push(net);
      continue;
    }
    computed.push({ net, irDropMv, dissipationMw: dissipationMw! });
  }
  // Findings only for what needs attention: nets over the threshold (warning) or past half of it
  // (a note); every other net's figures are in the nets table. The rule text is said once.
  const thresholdText = `${thresholdMv} mV (${override ? 'set by the user' : 'assumed default'})`;
  const formula = `${l.contactResistanceMilliOhm.source} (derived: ΔV = I × R/n, P = I² × R/n)`;
  const noteFrom = thresholdMv * IR_DROP_NOTE_FRACTION;
  for (const { net, irDropMv, dissipationMw } of computed) {
    const over = irDropMv > thresholdMv + EPS;
    if (!over && irDropMv < noteFrom - EPS) continue;
    const n = net.pins.length;
    add('IR_DROP', over ? 'warning' : 'info', {
      pins: net.pins,
      nets: [net.name],
      message: `${net.name}: ${fmt(net.totalA!)} A through ${plural(n, 'pin')} × ${rMax} mΩ max in parallel = ${fmt(irDropMv)} mV drop, ${fmt(dissipationMw)} mW dissipated (worst case, equal sharing)${over ? `, above the ${thresholdText} threshold` : `; more than half the ${thresholdText} threshold`}${net.assumedReturn ? ` (${net.assumedReturn})` : ''}.`,
      source: formula,
      fix: over ? irDropFix(net.name, pinRequirement(net.totalA!, l, thresholdMv), thresholdMv) : 'Nothing to do; keep the drop in your power budget.',
    });
  }
  if (computed.length > 0) {
    const worst = computed.reduce((w, c) => (c.irDropMv > w.irDropMv ? c : w));
    const overCount = computed.filter((c) => c.irDropMv > thresholdMv + EPS).length;
    add('IR_DROP', 'info', {
      message: `Worst-case contact voltage drop (${rMax} mΩ max per contact, a net's pins in parallel) of ${plural(computed.length, 'power/ground net')}: ${overCount === 0 ? 'all within' : `${overCount} above`} the ${thresholdText} threshold; the largest is ${worst.net.name}, ${fmt(worst.irDropMv)} mV. Every net's drop and dissipation is in the nets table; notes are given from half the threshold (${fmt(noteFrom)} mV).`,
      source: `${formula}${override ? '' : `; threshold ${l.irDropDefaultMv.reasoning}`}; notes from half the threshold: assumed, a drop below it needs no attention`,
      fix: 'Nothing to do; keep the drops in your power budget.',
    });
  }
  if (noCurrent.length > 0) {
    add('IR_DROP', 'info', {
      pins: noCurrent.flatMap((n) => n.pins),
      nets: noCurrent.map((n) => n.name),
      message: `${noCurrent.map((n) => n.name).join(', ')}: no current given, so the contact voltage drop cannot be computed.`,
      source: formula,
      fix: `Give the currents (nets: ${noCurrent[0]!.name}: "1.0 A") to get the drops.`,
    });
  }
  return summaries;
}

function irDropFix(name: string, req: ReturnType<typeof pinRequirement>, thresholdMv: number): string {
  return req.forCurrent > req.forDrop
    ? `Assign ${name} to ${req.required} pins: ${req.why}.`
    : `Assign ${name} to ${req.required} pins to keep the worst-case drop within ${thresholdMv} mV${req.forCurrent > 1 ? ` (the rating per contact alone needs ${req.forCurrent})` : ''}.`;
}

/**
 * Reverse insertion: plugged rotated by 180°, pin p meets the partner's pin reversedPin(p)
 * (src/geometry/pinout.ts). A supply meeting ground, another supply or a signal is a hazard.
 */
function checkReversal(pinCount: number, netOf: (pin: number) => string | null, nets: ReadonlyMap<string, NetInfo>, prevented: string | null, add: Add): boolean {
  const r = rule('reverse-insertion');
  // Two supplies on one diagonal pair meet each other whichever way round: one hazard per pair, seen from its lower pin.
  const hazards = new Map<string, { supply: string; target: string; kind: NetKind; mutual: boolean; pins: number[] }>();
  for (const p of range(1, pinCount)) {
    const supply = netOf(p);
    if (!supply || nets.get(supply)?.kind !== 'power') continue;
    const q = reversedPin(pinCount, p);
    const target = netOf(q);
    if (!target || target === supply) continue;
    const kind = nets.get(target)!.kind;
    const mutual = kind === 'power';
    if (mutual && q < p) continue;
    const [a, b] = mutual ? [supply, target].sort() : [supply, target];
    const key = `${mutual ? 'both' : 'one'}\u0000${a}\u0000${b}`;
    const h = hazards.get(key) ?? { supply: a!, target: b!, kind, mutual, pins: [] };
    h.pins.push(p, q);
    hazards.set(key, h);
  }
  /** "LEDA, a 20 V supply" / "GND, ground (a short circuit)" / "SDA, a signal of unstated voltage". */
  const described = (name: string): string => {
    const n = nets.get(name)!;
    if (n.kind === 'ground') return `${name}, ground (a short circuit)`;
    const noun = n.kind === 'power' ? 'supply' : 'signal';
    return n.voltageV === null ? `${name}, a ${noun} of unstated voltage` : `${name}, a ${fmt(n.voltageV)} V ${noun}`;
  };
  for (const h of hazards.values()) {
    const pairs = [] as string[];
    for (let i = 0; i < h.pins.length; i += 2) pairs.push(`${h.pins[i]}${h.mutual ? '↔' : '→'}${h.pins[i + 1]}`);
    const what = h.mutual
      ? `${described(h.supply)}, and ${described(h.target)}, land on each other (pins ${pairs.join(', ')})`
      : `${described(h.supply)}, lands on ${described(h.target)} (pins ${pairs.join(', ')})`;
    add('REVERSE_INSERTION_HAZARD', prevented === null ? 'error' : 'info', {
      pins: h.pins,
      nets: [h.supply, h.target],
      message: prevented === null
        ? `Plugged rotated by 180°, ${what}.`
        : `Prevented by the assembly (conditions.reverseInsertionPrevented: "${prevented}"): plugged rotated by 180°, ${what}.`,
      source: r.source,
      fix: prevented !== null
        ? 'Nothing to do while the assembly prevents reverse insertion; keep it so in every revision, or make the map reversal-safe.'
        : h.mutual
          ? `Move ${h.supply} or ${h.target} so that each supply's diagonal partner pins (pins + 1 − p) carry the same supply or are unused, or key the assembly so it cannot be plugged reversed (then say how in conditions.reverseInsertionPrevented).`
          : `Move ${h.supply} so that its diagonal partner pins (pins + 1 − p) carry ${h.supply} too or are unused, or key the assembly so it cannot be plugged reversed (then say how in conditions.reverseInsertionPrevented).`,
    });
  }
  if (hazards.size === 0) {
    add('REVERSAL_SAFE', 'info', { message: 'Reversal-safe: plugged rotated by 180° (pin p on pin pins + 1 − p), no supply meets ground, another supply or a signal.', source: r.source });
    return true;
  }
  return false;
}

function checkLife(input: PinMapInput, part: PartNumberCheck | null, mate: PartNumberCheck | null, pinCount: number, l: Limits, add: Add): void {
  const inspection = Boolean(part?.fields?.inspection || mate?.fields?.inspection);
  const planned = input.conditions.matingCycles;
  const pp = padPins(pinCount);
  const inspectionPair = `${inspectionPartNumber('socket', pinCount)} / ${inspectionPartNumber('header', pinCount)}`;
  if (planned !== undefined) {
    const limit = inspection ? l.inspectionCycles.value : l.lifeCycles.value;
    if (planned > limit) {
      const fix = inspection || planned > l.inspectionCycles.value
        ? `No A4S part is rated for ${planned} cycles (inspection parts: ${l.inspectionCycles.value}); replace the connector periodically or use another interconnect for the fixture.`
        : `For a test fixture that mates ${planned} times use the inspection parts ${inspectionPair} (${thousands(l.inspectionCycles.value)} cycles; same dimensions and foot pattern; not for production).`;
      add('MATING_CYCLES', 'error', {
        message: `${planned} mating cycles planned; ${inspection ? 'inspection parts are' : 'the standard part is'} rated for ${limit}.`,
        source: inspection ? l.inspectionCycles.source : l.lifeCycles.source,
        fix,
      });
    }
  }
  if (inspection) {
    const which = [part, mate].filter((c) => c?.fields?.inspection).map((c) => c!.partNumber).join(', ');
    const standard = [part, mate].filter((c) => c?.fields?.inspection).map((c) => (c!.fields!.role === 'socket' ? `AXE5${pp}127` : `AXE6${pp}124 / AXE6${pp}224`)).join(', ');
    const source = `${catalog.inspection.source} (“${catalog.inspection.features[3] ?? 'Please avoid using for applications other than inspection.'}”)`;
    if (input.conditions.use === 'production') {
      add('INSPECTION_PART_IN_PRODUCTION', 'error', { message: `${which} is an inspection part in a production design; the catalog says to avoid uses other than inspection, and its mating retention force cannot be warranted.`, source, fix: `Use the standard part ${standard} in production.` });
    } else if (input.conditions.use === undefined) {
      add('INSPECTION_PART_USE_UNSTATED', 'warning', { message: `${which} is an inspection part; the design does not say it is an inspection fixture (conditions.use).`, source, fix: `Set conditions.use: inspection for a fixture, or use the standard part ${standard}.` });
    }
  }
}

function checkEnvironment(input: PinMapInput, l: Limits, add: Add): void {
  const c = input.conditions;
  if (c.ambientTemperatureC) {
    const { min, max } = c.ambientTemperatureC;
    const out: string[] = [];
    if (min < l.ambientMinC.value - EPS) out.push(`${min} °C is below ${l.ambientMinC.value} °C`);
    if (max > l.ambientMaxC.value + EPS) out.push(`${max} °C is above +${l.ambientMaxC.value} °C`);
    if (out.length) add('AMBIENT_TEMPERATURE', 'error', { message: `Ambient ${min} … ${max} °C: ${out.join('; ')} (rated ${l.ambientMinC.value} to +${l.ambientMaxC.value} °C, no icing, no condensation).`, source: l.ambientMinC.source });
  }
  if (c.reflowPeakC !== undefined && c.reflowPeakC > l.reflowPeakC.value + EPS) {
    add('REFLOW_PEAK', 'error', { message: `Reflow peak ${c.reflowPeakC} °C > ${l.reflowPeakC.value} °C (on the board surface around the terminals).`, source: l.reflowPeakC.source });
  }
  if (c.iron) {
    const { temperatureC: t, durationS: s } = c.iron;
    const i = l.iron;
    // Table A: up to lowC for at most lowMaxS, up to highC for at most highMaxS, never above highC.
    let problem: string | null = null;
    if (t > i.highC + EPS) problem = `${t} °C is above ${i.highC} °C, the highest tip temperature of Table A`;
    else if (t > i.lowC + EPS && s > i.highMaxS + EPS) problem = `${t} °C for ${s} s: above ${i.lowC} °C the limit is ${i.highMaxS} s (${i.highC} °C within ${i.highMaxS} s)`;
    else if (s > i.lowMaxS + EPS) problem = `${s} s per joint is longer than ${i.lowMaxS} s (${i.lowC} °C within ${i.lowMaxS} s)`;
    if (problem) add('IRON_TEMPERATURE', 'error', { message: `Soldering iron: ${problem}.`, source: i.source, fix: `Keep the tip at ≤ ${i.lowC} °C for ≤ ${i.lowMaxS} s, or ≤ ${i.highC} °C for ≤ ${i.highMaxS} s per joint; finish rework in one operation.` });
  }
  if (c.condensation) {
    const warranty = rule('condensation-warranty');
    add('CONDENSATION', 'error', { message: 'Condensation or icing is expected: the ratings exclude it ("No icing. No condensation.") and failures due to condensation are not covered by warranty.', source: `${l.ambientMinC.source}; ${warranty.source}` });
  }
  const h = l.humidity;
  if ((c.humidityPercentRH !== undefined && c.humidityPercentRH > h.maxPercentRH + EPS) || (c.humidityHours !== undefined && c.humidityHours > h.hours + EPS)) {
    add('HUMIDITY', 'warning', { message: `Humidity ${c.humidityPercentRH ?? '?'} %RH${c.humidityHours !== undefined ? ` for ${c.humidityHours} h` : ''} goes beyond the humidity-resistance test (${h.maxPercentRH} %RH max, ${h.hours} h).`, source: h.source });
  }
  const gas = l.h2s;
  if (c.h2s) {
    const ppm = typeof c.h2s === 'object' ? c.h2s.ppm : undefined;
    const hours = typeof c.h2s === 'object' ? c.h2s.hours : undefined;
    const beyond = ppm === undefined || hours === undefined || ppm > gas.ppm + gas.tolerancePpm + EPS || hours > gas.hours + EPS;
    if (beyond) add('H2S_EXPOSURE', 'warning', { message: `H₂S exposure${ppm !== undefined ? ` ${ppm} ppm` : ''}${hours !== undefined ? ` for ${hours} h` : ''}${ppm === undefined || hours === undefined ? ' (level or duration not given)' : ''}: the catalog tests ${gas.ppm} ± ${gas.tolerancePpm} ppm for ${gas.hours} h only.`, source: gas.source });
  }
  const salt = l.salt;
  if (c.salt) {
    const percent = typeof c.salt === 'object' ? c.salt.percent : undefined;
    const hours = typeof c.salt === 'object' ? c.salt.hours : undefined;
    const beyond = percent === undefined || hours === undefined || percent > salt.percent + salt.tolerancePercent + EPS || hours > salt.hours + EPS;
    if (beyond) add('SALT_EXPOSURE', 'warning', { message: `Salt exposure${percent !== undefined ? ` ${percent} %` : ''}${hours !== undefined ? ` for ${hours} h` : ''}${percent === undefined || hours === undefined ? ' (level or duration not given)' : ''}: the catalog tests salt spray of ${salt.percent} ± ${salt.tolerancePercent} % for ${salt.hours} h only.`, source: salt.source });
  }
}

function checkBoards(input: PinMapInput, l: Limits, add: Add): void {
  const byPair = new Map<string, { boards: [string, string]; refs: string[] }>();
  for (const c of input.connectors) {
    const boards = [...c.boards].sort() as [string, string];
    const key = boards.join('\u0000');
    const entry = byPair.get(key) ?? { boards, refs: [] };
    entry.refs.push(c.ref);
    byPair.set(key, entry);
  }
  for (const { boards, refs } of byPair.values()) {
    if (refs.length <= l.maxConnectorsPerBoardPair.value) continue;
    add('MULTIPLE_CONNECTORS_PER_BOARD_PAIR', 'error', {
      message: `${refs.join(', ')} all join ${boards[0]} and ${boards[1]}: a pair of boards shall not be connected with multiple connectors (misalignment may cause mating failure or breakage).`,
      source: l.maxConnectorsPerBoardPair.source,
      fix: `Join ${boards[0]} and ${boards[1]} with one connector of a larger pin count (up to ${catalog.series.pinsMax} pins).`,
    });
  }
}
