/**
 * End to end in a real browser (./browser-harness.ts): a pin map imported into the page (YAML, JSON,
 * CSV) gives the CLI's findings, and the page's export is checked by the CLI the same way.
 * Fails when /usr/bin/chromium is missing (CI installs it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../run-cli.js';
import { importPinMap, pinMapFixture as fixture, useBrowserPage } from './browser-harness.js';

const h = useBrowserPage('e2e-pinmap');
let work: string;
let baseUrl: string;
let page: Page;
beforeAll(() => {
  ({ work, baseUrl, page } = h);
});

describe('pin-map import and export in Chromium', () => {
  const cliCodes = async (file: string, part: string) => {
    const r = await cli(['check', file, '--part', part, '--json']);
    const report = JSON.parse(r.stdout) as { findings: { code: string }[] };
    return report.findings.map((f) => f.code).sort();
  };
  const pageCodes = async () =>
    (await page.locator('#pinmap-findings li[data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')!))).sort();

  const importMap = (pn: string, name: string) => importPinMap(page, baseUrl, pn, name);

  for (const [pn, name] of [
    ['AXE540127', 'display-40.yaml'],
    ['AXE640124', 'header-list.json'],
    ['AXE510127', 'socket-10.csv'],
  ] as const) {
    it(`imports ${name}: the CLI's findings, nets with voltage and kind, and an export the CLI checks the same`, async () => {
      await importMap(pn, name);
      const expected = await cliCodes(fixture(name), pn);
      expect(await pageCodes()).toEqual(expected);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#pinmap-export-yaml')]);
      const out = join(work, `export-${name}.yaml`);
      await download.saveAs(out);
      expect(await cliCodes(out, pn)).toEqual(expected);
      const exported = readFileSync(out, 'utf8');
      if (name === 'display-40.yaml') {
        expect(await page.inputValue('#net-VBAT-voltage')).toBe('4.4');
        expect(await page.inputValue('#net-VBAT-kind')).toBe('power');
        expect(await page.inputValue('#net-VLED-voltage')).toBe('18');
        expect(exported).toContain('mate: AXE640124');
        expect(exported).toContain('matingCycles: 40');
        expect(exported).toContain('ref: J7');
        // Typing a rail's voltage once, on the net, reaches the check: 70 V is over the rating.
        await page.fill('#net-VBAT-voltage', '70');
        await page.locator('#pinmap-findings li[data-code=VOLTAGE_OVER_RATED]').waitFor();
      }
    });
  }

  it('had no script or CSP errors', () => {
    expect(h.problems).toEqual([]);
  });
});
