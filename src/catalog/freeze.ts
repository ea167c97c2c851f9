/**
 * Freezes an object and everything reachable from it; returns it. A part already frozen is taken
 * as frozen throughout (decode answers share frozen catalog data: no need to walk it again).
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
