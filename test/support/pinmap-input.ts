import type { PinMapInput } from '../../src/checks/index.js';

/**
 * A pin map as the checks read it, from pin names in order (pin 1 first; null: not connected) and
 * the nets' values: the input the property tests build, written once.
 */
export function pinMapInput(pins: readonly (string | null)[], nets: PinMapInput['nets'], part = 'AXE510127'): PinMapInput {
  return {
    part,
    mate: null,
    pinCount: null,
    pins: pins.map((net, i) => ({ pin: i + 1, net })),
    nets,
    conditions: {},
    connectors: [],
    irDropThresholdMv: null,
  };
}
