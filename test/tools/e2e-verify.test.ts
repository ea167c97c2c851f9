import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { footprintFile } from '../../src/kicad/index.js';
import { useBrowserPage } from './browser-harness.js';

const h = useBrowserPage('e2e-verify');
const { problems, shot } = h;
let work: string;
let baseUrl: string;
let page: Page;
beforeAll(() => {
  ({ work, baseUrl, page } = h);
});

const footprint = (pn: string) => {
  const f = footprintFile(pn);
  if (!f.ok) throw new Error(pn);
  return f.value;
};

describe('part page: check a footprint', () => {
  it('a mirrored footprint (rows swapped) dropped on the header page: FP_CHIRALITY; ours: a match; download links for .lbr, circuit-json and the KiCad PCM package', async () => {
    await page.goto(`${baseUrl}/?pn=AXE640124`);
    await page.waitForSelector('h1:has-text("AXE640124")');
    expect(await page.locator('[data-testid=dl-eagle]').getAttribute('href')).toBe('/api/library.lbr');
    expect(await page.locator('[data-testid=dl-easyeda]').getAttribute('href')).toBe('/api/library.elibz');
    // The PCM package beside the KiCad and Eagle downloads; the KiCad files say the format they are (KiCad 8 and later).
    expect(await page.locator('[data-testid=dl-pcm]').getAttribute('href')).toBe('/api/library-pcm.zip');
    expect(await page.locator('#downloads').textContent()).not.toContain('KiCad 6');
    expect(await page.locator('[data-testid=dl-footprint]').locator('xpath=..').textContent()).toContain('KiCad 8 and later');
    expect(await page.locator('[data-testid=dl-circuit-json]').getAttribute('href')).toBe('/api/parts/AXE640124/circuit.json');
    const fp = footprint('AXE640124');
    const mirrored = join(work, 'vendor_AXE640124.kicad_mod');
    writeFileSync(
      mirrored,
      fp.content.replace(/\(pad "(\d+)"/g, (_m, n: string) => `(pad "${Number(n) % 2 ? Number(n) + 1 : Number(n) - 1}"`),
    );
    await page.locator('#verify').scrollIntoViewIfNeeded();
    await page.setInputFiles('#verify-file', mirrored);
    const finding = page.locator('#verify-report li[data-code=FP_CHIRALITY]');
    await finding.waitFor();
    await expect(finding.textContent()).resolves.toMatch(/MIRROR IMAGE/);
    await shot('01-mirrored');
    const ours = join(work, fp.fileName);
    writeFileSync(ours, fp.content);
    await page.setInputFiles('#verify-file', ours);
    await page.locator('#verify-report p.ok').waitFor();
    await expect(page.locator('#verify-report').textContent()).resolves.toContain('Matches the A4S header pattern of AXE640124');
    await shot('02-ours');
    expect(problems).toEqual([]);
  });
});
