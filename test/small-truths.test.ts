/** Issue 9, item 14: texts that were cut, unexplained or untrue. */
import { describe, expect, it } from 'vitest';
import { drawingSvg } from '../src/drawing/index.js';
import { orderQuantities } from '../src/order/index.js';
import { cli } from './run-cli.js';

describe('small truths (issue 9, item 14)', () => {
  it('the nonstandard-part drawing note is whole, never cut mid-word', () => {
    const r = drawingSvg('AXE536127');
    expect(r.ok).toBe(true);
    const svg = r.ok ? r.value.content : '';
    expect(svg).not.toMatch(/Plea</);
    expect(svg.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).toMatch(
      /Please contact our sales representative for connectors having a number of pins other than those listed above\./,
    );
  });

  it('the decode table explains its * when it uses it', async () => {
    const r = await cli(['decode', 'AXE536127']);
    expect(r.stdout).toMatch(/\*\s/);
    expect(r.stdout).toMatch(/^\* derived: /m);
    const plain = await cli(['decode', 'AXE540127']);
    expect(plain.stdout).not.toMatch(/^\* /m);
    const streamed = await cli(['decode', '-'], 'AXE536127\n');
    expect(streamed.stdout).toMatch(/^\* derived: /m);
  });

  it("the mated STEP's note gives the header's own width (2.0 mm), not the socket's 2.5", async () => {
    const r = await cli(['model', 'AXE540127', '--mated-with', 'AXE640124']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/header is 2 mm wide/);
    expect(r.stdout).not.toMatch(/header is 2\.5 mm wide/);
    expect(r.stdout).toMatch(/socket is 2\.5 mm wide/);
  });

  it('a4s order takes the digit groups it prints: 12,000 and 12 000', async () => {
    for (const q of ['12,000', '12 000', '12_000']) {
      const r = await cli(['order', 'AXE540127', q]);
      expect(r.code, q).toBe(0);
      expect(r.stdout).toMatch(/12,000 pieces needed/);
    }
    for (const q of ['12,00', '1,2000', '12.000', '12,000.5']) expect((await cli(['order', 'AXE540127', q])).code, q).toBe(2);
  });

  it("a4s spec missing names the public header footprints as the header pads' source, as the README does", async () => {
    const r = await cli(['spec', 'missing']);
    expect(r.stdout).not.toMatch(/IPC-7351B-style/);
    expect(r.stdout).not.toMatch(/F4S/);
    expect(r.stdout).toMatch(/two public fabricated header footprints/);
  });

  it('ORDER_NO_PACKAGING says an unlisted part has no catalog packing (not that the tape table lacks it)', () => {
    const r = orderQuantities('AXE536127', 1000);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('ORDER_NO_PACKAGING');
      expect(r.error.message).not.toMatch(/tape table gives no reel quantity/);
      expect(r.error.message).toMatch(/listed parts only/);
    }
  });
});
