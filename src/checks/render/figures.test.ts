import { describe, expect, it } from 'vitest';
import { netFigures, withUnit } from './figures.js';
import type { NetSummary } from '../types.js';

const net = (over: Partial<NetSummary> = {}): NetSummary => ({
  net: 'VBAT',
  kind: 'power',
  kindSource: 'stated',
  pins: [1, 2],
  currentA: 0.9,
  voltageV: 4.4,
  perContactA: 0.45,
  pinsNeeded: 3,
  irDropMv: 40.5,
  dissipationMw: 18.2,
  ...over,
});

describe("a net's figures, as the check report and the page's nets table show them", () => {
  it('each value with its unit', () => {
    expect(netFigures(net())).toEqual({
      pins: '1 2',
      current: '0.9 A',
      voltage: '4.4 V',
      perContact: '0.45 A',
      pinsNeeded: '3',
      irDrop: '40.5 mV',
      dissipation: '18.2 mW',
    });
  });

  it('"—" where the check has no value; an assumed return current says so', () => {
    const f = netFigures(
      net({ currentA: 0.9, currentAssumed: 'return of VBAT', voltageV: null, perContactA: null, pinsNeeded: null, irDropMv: null, dissipationMw: null }),
    );
    expect(f).toMatchObject({ current: '0.9 A (return, assumed)', voltage: '—', perContact: '—', pinsNeeded: '—', irDrop: '—', dissipation: '—' });
    expect(withUnit(undefined, 'A')).toBe('—');
    expect(withUnit(0, 'A')).toBe('0 A');
  });
});
