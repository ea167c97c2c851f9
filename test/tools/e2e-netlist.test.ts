/**
 * End to end in a real browser (./browser-harness.ts): the pin-map editor as a full face of the
 * two-board check. A KiCad netlist dropped or pasted is read as a netlist with its reference asked
 * for; the FPC's netlist and a net map give the findings `a4s check --netlist … --mate-netlist …`
 * gives for the same files; the top menu links the editor; an 80-pin part's grid shows every pin at
 * 1280 px without cutting a name. Fails when /usr/bin/chromium is missing (CI installs it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../run-cli.js';
import { ROOT, useBrowserPage } from './browser-harness.js';

const h = useBrowserPage('e2e-netlist');
let work: string;
let baseUrl: string;
let page: Page;
beforeAll(() => {
  ({ work, baseUrl, page } = h);
});

const mating = (name: string) => join(ROOT, 'test', 'fixtures', 'kicad', 'mating', name);

/** Drops a file on an element as a person does (a real drop event with a DataTransfer holding the file). */
async function dropFile(selector: string, name: string, text: string) {
  const dataTransfer = await page.evaluateHandle(
    ([n, t]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], n, { type: 'text/plain' }));
      return dt;
    },
    [name, text] as const,
  );
  await page.dispatchEvent(selector, 'drop', { dataTransfer });
}

/** A netlist of our own with several components: two A4S connectors, a resistor, a connector with no part number. */
function multiNetlist(): string {
  const comp = (ref: string, value: string) => `    (comp (ref "${ref}") (value "${value}"))`;
  const net = (code: number, name: string, nodes: [string, number][]) =>
    `    (net (code "${code}") (name "${name}")\n${nodes.map(([r, p]) => `      (node (ref "${r}") (pin "${p}") (pintype "passive"))`).join('\n')})`;
  return [
    '(export (version "E")',
    '  (design (tool "Eeschema 9.0.0"))',
    '  (components',
    comp('R1', '10k'),
    comp('J3', 'CONN_02x05'),
    comp('J2', 'AXE640124'),
    comp('J1', 'AXE510127'),
    '  )',
    '  (nets',
    net(1, '/VBAT', [
      ['J1', 1],
      ['J2', 1],
      ['R1', 1],
    ]),
    net(2, 'GND', [
      ['J1', 2],
      ['J2', 2],
    ]),
    net(3, '/SDA', [
      ['J1', 3],
      ['J2', 3],
    ]),
    '  )',
    ')',
    '',
  ].join('\n');
}

const pageFindings = (selector: string) =>
  page.locator(`${selector} li[data-code]`).evaluateAll((els) => els.map((e) => ({ code: e.getAttribute('data-code')!, text: e.textContent ?? '' })));

describe('the pin-map editor as the two-board check, in Chromium', () => {
  it('the top menu links the pin-map editor', async () => {
    await page.goto(baseUrl);
    await page.waitForSelector('table.parts tbody tr');
    await page.click('header.top nav a:text("Pin-map check")');
    await page.waitForSelector('main[data-ready=pinmap] #pinmap-part');
    expect(new URL(page.url()).searchParams.get('view')).toBe('pinmap');
    expect(await page.locator('.pin-cell').count()).toBe(40); // AXE540127, the page's default part
  });

  it('a dropped netlist is read as a netlist: the reference is asked for, the A4S components offered first', async () => {
    await page.goto(`${baseUrl}/?view=pinmap&pn=AXE510127`);
    await page.waitForSelector('#pinmap-netlist-drop');
    await dropFile('#pinmap-netlist-drop', 'several.net', multiNetlist());
    await page.waitForSelector('#pinmap-netlist-ref');
    const options = await page.locator('#pinmap-netlist-ref option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(options).toEqual(['', 'J1', 'J2', 'J3']); // A4S part numbers first, then the connector with none; R1 not offered
    // Several candidates: nothing is filled until the person chooses.
    expect(await page.inputValue('#pin-1-net')).toBe('');
    await expect(page.locator('#pinmap-netlist-status').textContent()).resolves.toMatch(/Choose the connector/);
    await page.selectOption('#pinmap-netlist-ref', 'J1');
    await page.waitForFunction(() => (document.querySelector('#pin-1-net') as HTMLInputElement | null)?.value === 'VBAT');
    expect(await page.inputValue('#pin-2-net')).toBe('GND');
    expect(await page.inputValue('#pin-3-net')).toBe('SDA');
    await expect(page.locator('#pinmap .status').first().textContent()).resolves.toMatch(/Read J1 from the KiCad netlist several\.net: 3 pin\(s\)/);
    // J2 is another part (a 10-pin header): the page opens for it, the netlist carried over.
    await page.selectOption('#pinmap-netlist-ref', 'J2');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('pn') === 'AXE640124');
    await page.waitForFunction(() => (document.querySelector('#pin-3-net') as HTMLInputElement | null)?.value === 'SDA');
    expect(await page.inputValue('#pinmap-netlist-ref')).toBe('J2');
  });

  it('a netlist pasted into a pin cell is read as a netlist, not as rows of nets', async () => {
    await page.goto(`${baseUrl}/?view=pinmap&pn=AXE510127`);
    await page.waitForSelector('#pin-3-net');
    const text = readFileSync(mating('board.net'), 'utf8');
    await page.evaluate((t) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', t);
      document.querySelector('#pin-3-net')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, text);
    // board.net holds one A4S component (J1): it is taken, and the page says it was the only one.
    await page.waitForFunction(() => /Read J1 \(the only component/.test(document.querySelector('#pinmap .status')?.textContent ?? ''));
    const cli1 = JSON.parse((await cli(['check', '--netlist', mating('board.net'), '--ref', 'J1', '--json'])).stdout) as { findings: { code: string }[] };
    const codes = (await pageFindings('#pinmap-findings')).map((f) => f.code).sort();
    expect(codes).toEqual(cli1.findings.map((f) => f.code).sort());
  });

  for (const [mate, netMap] of [
    ['fpc-rows-swapped.net', 'net-map.csv'],
    ['fpc.net', null],
    ['fpc-pin1-gnd.net', 'net-map.csv'],
  ] as const) {
    it(`two boards (board.net + ${mate}${netMap ? ` + ${netMap}` : ''}): the CLI's findings for the same files`, async () => {
      await page.goto(`${baseUrl}/?view=pinmap&pn=AXE510127`);
      await page.waitForSelector('#pinmap-netlist-file');
      await page.setInputFiles('#pinmap-netlist-file', mating('board.net'));
      await page.waitForFunction(() => (document.querySelector('#pin-1-net') as HTMLInputElement | null)?.value !== '');
      if (netMap) await page.setInputFiles('#pinmap-net-map-file', mating(netMap));
      await dropFile('#pinmap-mate-drop', mate, readFileSync(mating(mate), 'utf8'));
      await page.waitForSelector('#pinmap-mated-summary');
      const args = ['check', '--netlist', mating('board.net'), '--ref', 'J1', '--mate-netlist', mating(mate), '--mate-ref', 'P1'];
      if (netMap) args.push('--net-map', mating(netMap));
      const r = await cli([...args, '--json']);
      const report = JSON.parse(r.stdout) as { findings: { code: string; severity: string; message: string }[]; summary: { errors: number } };
      const found = await pageFindings('#pinmap-mated');
      expect(found.map((f) => f.code).sort()).toEqual(report.findings.map((f) => f.code).sort());
      // Each of the CLI's findings is on the page with its severity and its whole message.
      for (const f of report.findings) {
        expect(
          found.some((p) => p.code === f.code && p.text.startsWith(`${f.severity.toUpperCase()} ${f.code}`) && p.text.includes(f.message)),
          `${f.code}: ${f.message}`,
        ).toBe(true);
      }
      expect(Number(await page.getAttribute('#pinmap-mated-summary', 'data-errors'))).toBe(report.summary.errors);
      expect(r.code).toBe(report.summary.errors > 0 ? 1 : 0);
      if (mate === 'fpc-rows-swapped.net') {
        await page.locator('#pinmap-netlist').evaluate((e) => e.scrollIntoView({ block: 'start' }));
        await h.shot('netlist-panel');
        await page.locator('#pinmap-mated').scrollIntoViewIfNeeded();
        await h.shot('two-boards');
      }
    });
  }

  it('an 80-pin part at 1280 px: every pin in view, no name cut', async () => {
    expect(page.viewportSize()?.width).toBe(1280);
    const names = [
      'GND',
      'VBAT',
      'MIPI_DSI_D0_P',
      'MIPI_DSI_D0_N',
      'LCD_BL_PWM_EN',
      'TP_I2C_SDA',
      'TP_I2C_SCL',
      'IOVCC_1V8',
      'VSP_5V5',
      'VSN_N5V5',
      'LEDA',
      'LEDK1',
      'CTP_RESET_N',
      'DISPLAY_TE',
    ];
    const lines = ['part: AXE580127', 'pins:'];
    for (let p = 1; p <= 80; p++) {
      const net = `${names[p % names.length]}${p > 14 ? `_${p}` : ''}`;
      lines.push(p % 7 === 0 ? `  ${p}: { net: ${net}, currentA: 0.125 }` : `  ${p}: ${net}`);
    }
    const file = join(work, 'pins-80.yaml');
    writeFileSync(file, `${lines.join('\n')}\n`);
    await page.goto(`${baseUrl}/?view=pinmap&pn=AXE580127`);
    await page.waitForSelector('#pinmap-file');
    await page.setInputFiles('#pinmap-file', file);
    await page.waitForFunction(() => /^Imported/.test(document.querySelector('#pinmap .status')?.textContent ?? ''));
    await page.locator('#pinmap .grid-wrap').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    const layout = await page.evaluate(() => {
      const wrap = document.querySelector('#pinmap .grid-wrap') as HTMLElement;
      const nets = [...document.querySelectorAll<HTMLInputElement>('.pin-cell input.pin-net')];
      const currents = [...document.querySelectorAll<HTMLInputElement>('.pin-cell input[type=number]')];
      const cells = [...document.querySelectorAll<HTMLElement>('.pin-cell')].map((c) => c.getBoundingClientRect());
      return {
        cells: cells.length,
        clipped: [...nets, ...currents].filter((n) => n.scrollWidth > n.clientWidth).map((n) => `${n.id} "${n.value}" ${n.scrollWidth} > ${n.clientWidth}`),
        currents: currents.filter((n) => n.value !== '').length,
        longest: Math.max(...nets.map((n) => n.value.length)),
        wrapScrolls: wrap.scrollWidth > wrap.clientWidth,
        outside: cells.filter((r) => r.left < 0 || r.right > window.innerWidth).length,
        pageScrolls: document.documentElement.scrollWidth > window.innerWidth,
        bands: document.querySelectorAll('.band-caption').length,
      };
    });
    expect(layout.cells).toBe(80);
    expect(layout.longest).toBeGreaterThanOrEqual(16); // CTP_RESET_N_26, MIPI_DSI_D0_P_16 …
    expect(layout.currents).toBe(11); // every 7th pin: 0.125 A
    expect(layout.clipped).toEqual([]);
    expect(layout.wrapScrolls).toBe(false);
    expect(layout.outside).toBe(0);
    expect(layout.pageScrolls).toBe(false);
    expect(layout.bands).toBeGreaterThan(1);
    await h.shot('grid-80-pins-1280');
  });

  it('had no script or CSP errors', () => {
    expect(h.problems).toEqual([]);
  });
});
