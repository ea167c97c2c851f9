import { builtInSeries, type Series } from '../../catalog/index.js';
import { NetKind } from './schema.js';
import { failAt as fail, type InputError, type NetSpec, type PinAssignment } from '../types.js';
import type { Result } from '../../result.js';

/** Shared by the pin-map readers: no-connect names, pin numbers, one pin's assignment, the net shorthand. */

/** Names a pin left unconnected on purpose. */
export function isNoConnect(net: string | null | undefined): boolean {
  if (net === null || net === undefined) return true;
  const t = net.trim();
  return t === '' || /^(nc|n\/c|no[ _-]?connect|unconnected(-.*)?|dnc)$/i.test(t);
}

/** Upper bound of any pin number of the series (its largest listed part); the part's own count is a finding. */
export function pinNumberMax(series: Series = builtInSeries): number {
  return series.catalog.series.pinsMax;
}
/** A pin number out of range, as the readers say it (`what` is the reader's own: "line 3, pin: 81" or "pins.81: pin 81"). */
export function pinOutOfRange(what: string, series: Series): string {
  return `${what} is out of range (1 … ${pinNumberMax(series)}, the largest ${series.name} part).`;
}

export const lineField = (line: number | undefined) => (line ? { line } : {});

export function assignment(
  pin: number,
  p: { net: string | null; currentA?: number | undefined; voltageV?: number | undefined; kind?: NetKind | undefined },
  line: number | undefined,
): PinAssignment {
  return {
    pin,
    net: isNoConnect(p.net) ? null : p.net!.trim(),
    ...(p.currentA !== undefined ? { currentA: p.currentA } : {}),
    ...(p.voltageV !== undefined ? { voltageV: p.voltageV } : {}),
    ...(p.kind !== undefined ? { kind: p.kind } : {}),
    ...(line ? { line } : {}),
  };
}

/** `"1.2 A, 4.4 V, power"` → `{ currentA: 1.2, voltageV: 4.4, kind: 'power' }`. */
export function parseNetShorthand(text: string): Result<NetSpec, InputError> {
  const spec: { currentA?: number; voltageV?: number; kind?: NetKind } = {};
  for (const raw of text.split(',')) {
    const token = raw.trim();
    const m = /^([+-]?\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*(mA|A|mV|V)$/i.exec(token);
    if (m) {
      const n = Number(m[1]);
      const unit = m[2]!;
      if (/a$/i.test(unit)) {
        if (n < 0) return fail('PINMAP_RANGE', `current "${token}" is negative; give the magnitude.`);
        spec.currentA = unit === 'mA' || unit === 'ma' ? n / 1000 : n;
      } else {
        spec.voltageV = /^mv$/i.test(unit) ? n / 1000 : n;
      }
      continue;
    }
    const kind = NetKind.safeParse(token.toLowerCase());
    if (kind.success) {
      spec.kind = kind.data;
      continue;
    }
    return fail('PINMAP_FIELD', `"${token}" is neither a current (e.g. 1.2 A), a voltage (e.g. 4.4 V) nor a kind (power, ground, signal).`);
  }
  return { ok: true, value: spec };
}
