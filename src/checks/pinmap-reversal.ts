import { reversedPin } from '../geometry/pinout.js';
import { rule } from './limits.js';
import type { NetKind } from './types.js';
import { fmt, type Add, range } from './pinmap-common.js';
import type { NetInfo } from './pinmap-nets.js';

/** Reverse insertion: what a connector turned by 180° would connect. */

/**
 * Reverse insertion: plugged rotated by 180°, pin p meets the partner's pin reversedPin(p)
 * (src/geometry/pinout.ts). A supply meeting ground, another supply or a signal is a hazard.
 */
export function checkReversal(
  pinCount: number,
  netOf: (pin: number) => string | null,
  nets: ReadonlyMap<string, NetInfo>,
  prevented: string | null,
  add: Add,
): boolean {
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
      message:
        prevented === null
          ? `Plugged rotated by 180°, ${what}.`
          : `Prevented by the assembly (conditions.reverseInsertionPrevented: "${prevented}"): plugged rotated by 180°, ${what}.`,
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
    add('REVERSAL_SAFE', 'info', {
      message: 'Reversal-safe: plugged rotated by 180° (pin p on pin pins + 1 − p), no supply meets ground, another supply or a signal.',
      source: r.source,
    });
    return true;
  }
  return false;
}
