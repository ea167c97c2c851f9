import { expect } from 'vitest';

/**
 * Asserts two byte arrays are the same bytes. `expect(a).toEqual(b)` walks a Uint8Array element by
 * element through the deep-equality machinery: about 5 s per megabyte, most of the time of the tests
 * that compare whole library zips. This compares with Buffer.equals (a memcmp) and, when they differ,
 * names the length or the first differing offset.
 */
export function expectSameBytes(actual: Uint8Array, expected: Uint8Array, what = 'bytes'): void {
  const a = Buffer.from(actual.buffer, actual.byteOffset, actual.byteLength);
  const b = Buffer.from(expected.buffer, expected.byteOffset, expected.byteLength);
  expect(a.length, `${what}: length`).toBe(b.length);
  if (a.equals(b)) return;
  let i = 0;
  while (a[i] === b[i]) i++;
  expect(a[i], `${what}: the first differing byte, at offset ${i}`).toBe(b[i]);
}
