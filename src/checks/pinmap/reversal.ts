import { reversedPin } from '../../geometry/pinout.js';
import type { Series } from '../../catalog/index.js';
import { rule } from '../shared/index.js';
import type { EvidencedKind } from '../types.js';
import { collect, fmt, type Add, type PinMapRule, range } from './common.js';
import type { NetInfo } from './nets.js';

/** Reverse insertion: what a connector turned by 180° would connect. */

/**
 * Reverse insertion: plugged rotated by 180°, pin p meets the partner's pin reversedPin(p)
 * (src/geometry/pinout.ts). A supply meeting ground, another supply or a signal is a hazard.
 */
/** What the reversal analysis found: hazards, and the nets of unknown kind it rests on (with what each would meet). */
export interface ReversalResult {
  readonly hazards: number;
  readonly verdict: 'safe' | 'safe for known kinds' | 'hazard' | 'prevented';
  /** Each net of unknown kind that lands on another net, and what it would be if it were a supply. */
  readonly unknown: { readonly net: string; readonly target: string; readonly pins: [number, number] }[];
}

/** Each pin whose net is of `kind` and the other net it meets, plugged rotated by 180° (pin p on the partner's reversedPin(p)). */
function* reversalMeetings(
  pinCount: number,
  netOf: (pin: number) => string | null,
  nets: ReadonlyMap<string, NetInfo>,
  kind: EvidencedKind,
): Generator<{ net: string; target: string; p: number; q: number }> {
  for (const p of range(1, pinCount)) {
    const net = netOf(p);
    if (!net || nets.get(net)?.kind !== kind) continue;
    const q = reversedPin(pinCount, p);
    const target = netOf(q);
    if (target && target !== net) yield { net, target, p, q };
  }
}

function checkReversal(
  pinCount: number,
  netOf: (pin: number) => string | null,
  nets: ReadonlyMap<string, NetInfo>,
  prevented: string | null,
  add: Add,
  series: Series,
): ReversalResult {
  const unknown: { net: string; target: string; pins: [number, number] }[] = [];
  for (const { net, target, p, q } of reversalMeetings(pinCount, netOf, nets, 'unknown')) unknown.push({ net, target, pins: [p, q] });
  const r = rule('reverse-insertion', series);
  // Two supplies on one diagonal pair meet each other whichever way round: one hazard per pair, seen from its lower pin.
  const hazards = new Map<string, { supply: string; target: string; kind: EvidencedKind; mutual: boolean; pins: number[] }>();
  for (const { net: supply, target, p, q } of reversalMeetings(pinCount, netOf, nets, 'power')) {
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
    if (n.kind === 'unknown') return `${name}, a net of unknown kind${n.voltageV === null ? '' : ` at ${fmt(n.voltageV)} V`}`;
    const noun = n.kind === 'power' ? 'supply' : 'signal';
    return n.voltageV === null ? `${name}, a ${noun} of unstated voltage` : `${name}, a ${fmt(n.voltageV)} V ${noun}`;
  };
  for (const h of hazards.values()) {
    const pairs = [] as string[];
    for (let i = 0; i < h.pins.length; i += 2) pairs.push(`${h.pins[i]}${h.mutual ? '↔' : '→'}${h.pins[i + 1]}`);
    const what = h.mutual
      ? `${described(h.supply)}, and ${described(h.target)}, land on each other (pins ${pairs.join(', ')})`
      : `${described(h.supply)}, lands on ${described(h.target)} (pins ${pairs.join(', ')})`;
    const fromNames = [h.supply, h.target].filter((n) => nets.get(n)!.kindSource === 'name');
    const label = fromNames.length
      ? ` Kinds read from names (assumed): ${fromNames.map((n) => `${n} ${nets.get(n)!.kind === 'power' ? 'a supply' : nets.get(n)!.kind}`).join(', ')}.`
      : '';
    add('REVERSE_INSERTION_HAZARD', prevented === null ? 'error' : 'info', {
      pins: h.pins,
      nets: [h.supply, h.target],
      message:
        prevented === null
          ? `Plugged rotated by 180°, ${what}.${label}`
          : `Prevented by the assembly (conditions.reverseInsertionPrevented: "${prevented}"): plugged rotated by 180°, ${what}.${label}`,
      source: r.source,
      fix:
        prevented !== null
          ? 'Nothing to do while the assembly prevents reverse insertion; keep it so in every revision, or make the map reversal-safe.'
          : h.mutual
            ? `Move ${h.supply} or ${h.target} so that each supply's diagonal partner pins (pins + 1 − p) carry the same supply or are unused, or key the assembly so it cannot be plugged reversed (then say how in conditions.reverseInsertionPrevented).`
            : `Move ${h.supply} so that its diagonal partner pins (pins + 1 − p) carry ${h.supply} too or are unused, or key the assembly so it cannot be plugged reversed (then say how in conditions.reverseInsertionPrevented).`,
    });
  }
  if (hazards.size === 0) {
    const unknownNets = [...new Set(unknown.map((u) => u.net))];
    const named = [...new Set([...nets.values()].filter((n) => n.kindSource === 'name').map((n) => n.name))];
    add('REVERSAL_SAFE', 'info', {
      message:
        unknownNets.length > 0
          ? `Reversal-safe for the nets whose kind is known: plugged rotated by 180° (pin p on pin pins + 1 − p), no supply of known kind meets ground, another supply or a signal; ${unknownNets.join(', ')} ${unknownNets.length === 1 ? 'is' : 'are'} of unknown kind (NET_KIND_UNKNOWN).`
          : `Reversal-safe: plugged rotated by 180° (pin p on pin pins + 1 − p), no supply meets ground, another supply or a signal${named.length ? `; kinds read from names (assumed): ${named.slice(0, 12).join(', ')}${named.length > 12 ? ' …' : ''}` : ''}.`,
      source: r.source,
    });
    return { hazards: 0, verdict: unknownNets.length > 0 ? 'safe for known kinds' : 'safe', unknown };
  }
  return { hazards: hazards.size, verdict: prevented === null ? 'hazard' : 'prevented', unknown };
}

/** The connector plugged rotated by 180°; finds the reversal verdict. */
export const reversalRule: PinMapRule = (r) =>
  collect((add) => {
    r.found.reversal = checkReversal(r.pinCount, r.netOf, r.nets, r.input.conditions.reverseInsertionPrevented ?? null, add, r.series);
  });
