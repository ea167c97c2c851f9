import { describe, expect, it } from 'vitest';
import { catalogParts } from '../catalog/index.js';
import { drawingSvg } from './index.js';

/**
 * Well-formedness for the SVG we write, checked by a small stack parser written for the test:
 * every element closed in order, attributes quoted, no raw & or < in text.
 */
function assertWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  let roots = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const between = body.slice(last, m.index);
    expect(between, `text before ${m[0]}`).not.toMatch(/<|&(?!(amp|lt|gt|quot|apos|#\d+);)/);
    last = m.index + m[0].length;
    const [, closing, name, , selfClosing] = m;
    if (closing) expect(stack.pop(), `closing ${name}`).toBe(name);
    else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
  }
  expect(body.slice(last).trim()).toBe('');
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
}

describe('drawingSvg', () => {
  it('rejects a bad part number with its code', () => {
    // "AXE5401": a 40-pin socket whose variant code is cut short (a socket's is 127).
    const r = drawingSvg('AXE5401');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('BAD_VARIANT');
    expect(r.suggestions).toContain('AXE540127');
  });

  it('the well-formedness check itself fails on broken XML', () => {
    expect(() => assertWellFormed('<svg><g></svg>')).toThrow();
    expect(() => assertWellFormed('<svg><text>a < b</text></svg>')).toThrow();
  });

  it('40-pin socket: A/B/C of the catalog row (10.50, 7.60, 9.40), width, height, pin 1 and the checks', () => {
    const r = drawingSvg('AXE540127');
    if (!r.ok) throw new Error(r.error.message);
    const svg = r.value.content;
    assertWellFormed(svg);
    expect(r.value.fileName).toBe('AXE540127.svg');
    for (const label of ['A 10.50', 'B 7.60', 'C 9.40', '>2.50<', '>0.77<', '>2.40<', 'PIN 1', 'Check before fabrication', 'scale 10:1'])
      expect(svg).toContain(label);
    for (const kind of ['catalog', 'reference', 'assumed']) expect(svg).toContain(`>${kind}<`);
    // Pin numbers at both ends.
    for (const pin of ['1', '2', '39', '40']) expect(svg).toMatch(new RegExp(`font-weight="bold">${pin}</text>`));
  });

  it("header: the public designs' pattern, 3-decimal values not rounded away (rows ±0.875), both designs cited", () => {
    const r = drawingSvg('AXE640124');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.content).toContain('±0.875');
    expect(r.value.content).toContain('0.23 × 0.65');
    expect(r.value.content).toContain('0.45 × 0.90');
    expect(r.value.content).toContain('x ±4.60, y ±0.75');
    expect(r.value.content).toContain('nqbit/kicad-boards');
    expect(r.value.content).toContain('fenrir-naru/GPD_Pocket-mods');
    expect(r.value.content).toContain('A 9.80');
  });

  it('every catalog part draws, well-formed, deterministic, on one A4 page', () => {
    for (const part of catalogParts) {
      const a = drawingSvg(part.partNumber);
      const b = drawingSvg(part.partNumber);
      if (!a.ok || !b.ok) throw new Error(part.partNumber);
      expect(a.value.content).toBe(b.value.content);
      assertWellFormed(a.value.content);
      // One A4 portrait page (210 × 297 mm), printable at 100 %.
      expect(a.value.content, part.partNumber).toContain('width="210mm" height="297mm" viewBox="0 0 210 297"');
    }
  });

  it('a nonstandard pin count draws with derived dimensions, in the derived colour', () => {
    const r = drawingSvg('AXE518127');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.content).toContain('Not a catalog part number');
    expect(r.value.content).toContain('>derived<');
    expect(r.value.content).toContain('A 6.10'); // linear in pins: 4.50 + 0.2 × (18 − 10)
  });
});

describe('drawingSvg with land-pattern overrides', () => {
  it('draws the overridden pads, names the overrides and adds "override" to the legend; other roles unchanged', () => {
    const overrides = { header: { signalPadLengthMm: 0.6 } };
    const r = drawingSvg('AXE640124', { overrides, overrideOrigin: 'override: drawing <A&B>' });
    if (!r.ok) throw new Error(r.error.message);
    assertWellFormed(r.value.content);
    expect(r.value.content).toContain('Land-pattern overrides (override: drawing &lt;A&amp;B&gt;): signalPadLengthMm');
    expect(r.value.content).toContain('>override (your land-pattern parameters)<');
    expect(r.value.numbers).toContainEqual(expect.objectContaining({ name: 'Signal pad (x × y)', value: '0.23 × 0.60', provenance: 'override' }));
    const socket = drawingSvg('AXE540127', { overrides });
    const plain = drawingSvg('AXE540127');
    if (!socket.ok || !plain.ok) throw new Error('expected ok');
    expect(socket.value.content).toBe(plain.value.content);
    expect(plain.value.content).not.toContain('override');
  });
});
