/**
 * The drawings rendered by a real browser (Chromium through playwright-core; .ci/run installs it):
 * the SVG parses as XML, every label lies on the page, and no two labels overlap (legibility).
 * Screenshots go to artifacts/drawings/ for a person to look at. Fails if Chromium is missing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogParts } from '../../src/catalog/index.js';
import { drawingSvg } from '../../src/drawing/index.js';
import { CHROMIUM, CHROMIUM_FLAGS } from './browser-harness.js';

const OUT = 'artifacts/drawings';
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** One part number per distinct drawing: sockets by pins, headers by pins and height. */
function distinctParts(): string[] {
  const seen = new Map<string, string>();
  for (const p of catalogParts) {
    if (p.inspection || p.packaging !== '8mm-pitch') continue;
    const key = `${p.role}-${p.pins}-${p.matedHeightMm}`;
    if (!seen.has(key)) seen.set(key, p.partNumber);
  }
  return [...seen.values()];
}

interface Layout {
  parseError: string | null;
  outside: string[];
  overlaps: string[];
  texts: number;
}

/** Parses the SVG with the browser's XML parser, inserts it, and measures every label. */
async function inspect(page: Page, xml: string): Promise<Layout> {
  await page.setContent('<html><body style="margin:0"></body></html>');
  return page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'image/svg+xml');
    const err = doc.querySelector('parsererror');
    if (err) return { parseError: err.textContent, outside: [], overlaps: [], texts: 0 };
    document.body.appendChild(document.importNode(doc.documentElement, true));
    const svg = document.querySelector('svg')!;
    const page = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].map((t) => ({ label: t.textContent ?? '', r: t.getBoundingClientRect() }));
    const outside = texts.filter(({ r }) => r.left < page.left || r.right > page.right || r.top < page.top || r.bottom > page.bottom).map((t) => t.label);
    const overlaps: string[] = [];
    const shrink = 0.5; // px: glyph boxes include line spacing
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i]!.r;
        const b = texts[j]!.r;
        if (
          a.left + shrink < b.right - shrink &&
          b.left + shrink < a.right - shrink &&
          a.top + shrink < b.bottom - shrink &&
          b.top + shrink < a.bottom - shrink
        )
          overlaps.push(`"${texts[i]!.label}" / "${texts[j]!.label}"`);
      }
    }
    return { parseError: null, outside, overlaps, texts: texts.length };
  }, xml);
}

describe('drawings in Chromium', () => {
  const parts = distinctParts();

  it('covers every socket pin count and every header pin count and height', () => {
    expect(parts).toHaveLength(16 + 16 + 13);
  });

  it('parse as XML; every label on the page; no two labels overlap', async () => {
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
    const failures: string[] = [];
    for (const pn of parts) {
      const d = drawingSvg(pn);
      if (!d.ok) throw new Error(d.error.message);
      const layout = await inspect(page, d.value.content);
      if (layout.parseError) failures.push(`${pn}: XML error ${layout.parseError}`);
      if (layout.outside.length) failures.push(`${pn}: off the page: ${layout.outside.join(', ')}`);
      if (layout.overlaps.length) failures.push(`${pn}: overlapping labels: ${layout.overlaps.join(', ')}`);
      if (layout.texts < 40) failures.push(`${pn}: only ${layout.texts} labels`);
    }
    await page.close();
    expect(failures).toEqual([]);
  });

  it('the layout check finds overlapping and off-page labels and XML errors (it can fail)', async () => {
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
    const bad = await inspect(
      page,
      '<svg xmlns="http://www.w3.org/2000/svg" width="100mm" height="50mm" viewBox="0 0 100 50"><text x="10" y="10" font-size="3">A 10.50</text><text x="11" y="10.5" font-size="3">B 7.60</text><text x="98" y="10" font-size="3">C 9.40</text></svg>',
    );
    expect(bad.overlaps).toEqual(['"A 10.50" / "B 7.60"']);
    expect(bad.outside).toEqual(['C 9.40']);
    expect((await inspect(page, '<svg xmlns="http://www.w3.org/2000/svg"><g></svg>')).parseError).not.toBeNull();
    await page.close();
  });

  it('renders screenshots for review (smallest, 40-pin and largest)', async () => {
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 2 });
    for (const pn of ['AXE510127', 'AXE540127', 'AXE580127', 'AXE610224', 'AXE640124', 'AXE680124']) {
      const d = drawingSvg(pn);
      if (!d.ok) throw new Error(d.error.message);
      writeFileSync(`${OUT}/${d.value.fileName}`, d.value.content);
      await page.setContent(`<html><body style="margin:0">${d.value.content.replace(/^<\?xml[^>]*>/, '')}</body></html>`);
      const png = await page.locator('svg').screenshot({ path: `${OUT}/${pn}.png` });
      expect(png.length).toBeGreaterThan(50_000);
    }
    await page.close();
  });
});
