import { pinLocation } from '../../geometry/pinout.js';
import type { Limits } from '../shared/index.js';
import type { NetSummary } from '../types.js';
import { collect, EPS, IR_DROP_NOTE_FRACTION, round, fmt, plural, type Add, type PinMapRule, range, compactPins } from './common.js';
import type { NetInfo } from './nets.js';
import { compareNames } from '../../numbers.js';

/** Electrical checks of a pin map: current per contact and per net, total current, voltages between neighbours, IR drop. */

export function pinsNeeded(totalA: number, perContactA: number): number {
  return Math.max(1, Math.ceil(totalA / perContactA - EPS));
}
/**
 * Pins a net needs: for the rated current per contact, and for a worst-case contact drop within the
 * IR-drop threshold (ΔV = I × R/n ≤ threshold → n ≥ I × R / threshold). The larger wins, so that the
 * CURRENT_PER_CONTACT, NET_SINGLE_PIN_OVERLOAD and IR_DROP fixes ask for the same number.
 */
export function pinRequirement(totalA: number, l: Limits, thresholdMv: number): { forCurrent: number; forDrop: number; required: number; why: string } {
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
      fix:
        req.required > n
          ? `Assign ${net.name} to ${req.required} pins (${req.required - n} more): ${req.why}; or lower its current.`
          : `Share ${net.name}'s current equally over its ${n} pins, or lower it.`,
    });
  }
}
function checkTotalCurrent(nets: ReadonlyMap<string, NetInfo>, l: Limits, add: Add): number | null {
  const withCurrent = [...nets.values()].filter((n) => n.totalA !== null);
  if (withCurrent.length === 0) return null;
  const total = round(
    withCurrent.reduce((s, n) => s + n.totalA!, 0),
    6,
  );
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
  // Rows and positions only (not coordinates): the same for every series, so the built-in one is read.
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
  const known = [...nets.values()].filter((n) => n.voltageV !== null).sort((a, b) => b.voltageV! - a.voltageV! || compareNames(a.name, b.name));
  for (let i = 0; i < known.length; i++) {
    for (let j = i + 1; j < known.length; j++) {
      const hi = known[i]!;
      const lo = known[j]!;
      const deltaV = hi.voltageV! - lo.voltageV!;
      if (deltaV <= rated + EPS) continue;
      const side = (n: NetInfo) =>
        `${n.name} (${fmt(n.voltageV!)} V${n.kindSource !== 'stated' && n.kind === 'ground' ? ', ground assumed 0 V' : ''}, ${n.pins.length === 1 ? 'pin' : 'pins'} ${compactPins(n.pins)})`;
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
  for (const net of [...nets.values()].sort((a, b) => compareNames(a.name, b.name))) {
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
export function irDropFix(name: string, req: ReturnType<typeof pinRequirement>, thresholdMv: number): string {
  return req.forCurrent > req.forDrop
    ? `Assign ${name} to ${req.required} pins: ${req.why}.`
    : `Assign ${name} to ${req.required} pins to keep the worst-case drop within ${thresholdMv} mV${req.forCurrent > 1 ? ` (the rating per contact alone needs ${req.forCurrent})` : ''}.`;
}

/** The current per contact (and a net on one pin over it). */
export const currentsRule: PinMapRule = (r) => collect((add) => checkCurrents(r.nets, r.limits, r.irDropMv, add));
/** The total current of the connector; finds `totalCurrentA`. */
export const totalCurrentRule: PinMapRule = (r) =>
  collect((add) => {
    r.found.totalCurrentA = checkTotalCurrent(r.nets, r.limits, add);
  });
/** The rated voltage of each net. */
export const voltagesRule: PinMapRule = (r) => collect((add) => checkVoltages(r.nets, r.limits, add));
/** The rated voltage between any two contacts. */
export const contactVoltagesRule: PinMapRule = (r) => collect((add) => checkContactVoltages(r.nets, r.limits, add));
/** The worst-case contact drop of each net; finds the nets' summaries. */
export const irDropRule: PinMapRule = (r) =>
  collect((add) => {
    r.found.netSummaries = checkIrDrop(r.nets, r.limits, r.irDropMv, r.input.irDropThresholdMv !== null, add);
  });
