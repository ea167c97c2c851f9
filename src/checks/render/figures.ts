import type { NetSummary } from '../types.js';

/** A value with its unit, or "—" where the check has none (no current given, no voltage …). */
export const withUnit = (value: number | null | undefined, unit: string): string => (value === null || value === undefined ? '—' : `${value} ${unit}`);

/**
 * A net's figures as text, the same in the report of `a4s check` (text, Markdown, HTML) and in the
 * page's nets table: one formatting, so the two cannot drift apart. The markup around them differs
 * (a static table in the report, an editable one on the page) and stays with each.
 */
export function netFigures(n: NetSummary) {
  return {
    pins: n.pins.join(' '),
    current: `${withUnit(n.currentA, 'A')}${n.currentAssumed ? ' (return, assumed)' : ''}`,
    voltage: withUnit(n.voltageV, 'V'),
    perContact: withUnit(n.perContactA, 'A'),
    pinsNeeded: n.pinsNeeded === null ? '—' : String(n.pinsNeeded),
    irDrop: withUnit(n.irDropMv, 'mV'),
    dissipation: withUnit(n.dissipationMw, 'mW'),
  };
}
