import type { PinAssignment, PinMapInput } from '../types.js';
import { baseName, netKind, RETURN_NAME, type EvidencedKind, type KindSource } from '../shared/index.js';
import { collect, EPS, fmt, plural, type Add, type PinMapRule } from './common.js';

/** Nets of a pin map: collection from the pins, kinds (from the evidence, net-kinds.ts), currents per pin (each return counted once). */

export interface NetInfo {
  readonly name: string;
  readonly kind: EvidencedKind;
  readonly kindSource: KindSource;
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
export { GROUND_NAME, inferKind, RETURN_NAME } from '../shared/index.js';
export function collectNets(input: PinMapInput, byPin: ReadonlyMap<number, PinAssignment>): Map<string, NetInfo> {
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
    const currents = netCurrents(
      assignments.map((a) => a.currentA ?? null),
      spec.currentA ?? null,
    );
    const voltages = assignments.flatMap((a) => (a.voltageV === undefined ? [] : [a.voltageV]));
    const voltageV = spec.voltageV ?? (voltages.length ? voltages.reduce((m, v) => (Math.abs(v) > Math.abs(m) ? v : m)) : null);
    const { kind, kindSource } = netKind(name, { stated, pinTypes: input.netPinTypes?.[name], voltageV, currentA: currents.totalA });
    nets.set(name, {
      name,
      kind,
      kindSource,
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
export function withGroundReturns(nets: Map<string, NetInfo>): Map<string, NetInfo> {
  const supplies = [...nets.values()].filter((n) => n.kind === 'power' && n.totalA !== null && n.totalA > 0 && !isReturn(n));
  const grounds = [...nets.values()].filter((n) => n.kind === 'ground');
  const open = grounds.filter((n) => n.totalA === null);
  if (supplies.length === 0 || open.length === 0) return nets;
  const supplyA = supplies.reduce((s, n) => s + n.totalA!, 0);
  // Returns stated elsewhere (a ground net's current, a cathode LEDK, a *_RTN) are counted once: not again on GND.
  const returns = [...nets.values()].filter((n) => n.totalA !== null && n.totalA > 0 && (n.kind === 'ground' || isReturn(n)));
  const statedA = returns.reduce((s, n) => s + n.totalA!, 0);
  const returnA = supplyA - statedA;
  if (returnA <= EPS) return nets;
  const pins = open.reduce((s, n) => s + n.pins.length, 0);
  const perPin = returnA / pins;
  const why = `assumed: ${open.length === 1 ? `${open[0]!.name} carries` : `${open.map((n) => n.name).join(', ')} carry`} the return of the supply currents (${supplies.map((n) => `${n.name} ${fmt(n.totalA!)} A`).join(', ')}${statedA > 0 ? `, less ${fmt(statedA)} A stated on the returns ${returns.map((n) => `${n.name} ${fmt(n.totalA!)} A`).join(', ')}` : ''}), ${fmt(returnA)} A shared over ${plural(pins, 'ground pin')}; give the ground net's current to override`;
  const out = new Map(nets);
  for (const n of open) out.set(n.name, { ...n, totalA: perPin * n.pins.length, pinCurrentsA: n.pins.map(() => perPin), assumedReturn: why });
  return out;
}
/** A return by its name (a cathode, a *_RTN): its stated current is a return, not a supply's. */
function isReturn(n: NetInfo): boolean {
  return n.kind !== 'ground' && RETURN_NAME.test(baseName(n.name));
}
/**
 * A net's total and the current through each pin, from the per-pin currents (`given`, null where
 * not stated) and the net's stated total. Without per-pin currents the total is shared equally by
 * the pins (assumed: pins in parallel); pins without a current share what the others leave. When
 * the two disagree, the larger figure is used (the worst case): per-pin currents adding up to more
 * than the total win; a total above them scales the stated split up to it.
 */
export function netCurrents(
  given: readonly (number | null)[],
  statedA: number | null,
): { totalA: number | null; pinCurrentsA: (number | null)[]; mismatch: NetInfo['currentMismatch'] } {
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

/** A net's current stated per pin and as a total that disagree. */
export const currentMismatchRule: PinMapRule = (r) => collect((add) => checkCurrentMismatch(r.nets, add));
