import { describe, expect, it } from 'vitest';
import { orderQuantities } from './index.js';

const notes = (pn: string, quantity: number): readonly string[] => {
  const r = orderQuantities(pn, quantity);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.notes;
};

describe('orderQuantities: notes below one reel (PRODUCT TYPES Notes 1: order unit 1 reel; samples via sales)', () => {
  it('12,000 of a 15,000-piece reel is a production order: rounded up, 3,000 left over, no sample hint', () => {
    const n = notes('AXE540127D', 12_000);
    expect(n.some((x) => /sample/i.test(x))).toBe(false);
    expect(n).toContainEqual(expect.stringMatching(/rounded up to 1 reel of 15,000 pieces, 3,000 left over/));
  });

  it('100 pieces would leave most of a 5,000-piece reel unused: the sample hint, with the 50-piece mounting samples', () => {
    const n = notes('AXE540127', 100);
    expect(n).toContainEqual(expect.stringMatching(/rounded up to 1 reel of 5,000 pieces, 4,900 left over/));
    expect(n).toContainEqual(expect.stringMatching(/sales representative.*50-piece units/));
  });

  it('the hint starts below half of the smallest reel of the part (5,000 on 8 mm tape, also for the 4 mm part number)', () => {
    expect(notes('AXE540127', 2_499).some((x) => /sales/.test(x))).toBe(true);
    expect(notes('AXE540127', 2_500).some((x) => /sales/.test(x))).toBe(false);
    expect(notes('AXE540127D', 2_499).some((x) => /sales/.test(x))).toBe(true);
    expect(notes('AXE540127D', 3_000).some((x) => /sales/.test(x))).toBe(false);
  });

  it('one reel or more: no note about reels', () => {
    expect(notes('AXE540127', 5_000)).toEqual([]);
    expect(notes('AXE540127', 12_000)).toEqual([]);
  });
});
