/**
 * End to end in a real browser: the page is built with Vite into a temporary folder, the real
 * server (`src/server/main.ts`) is started as its own process on a free port, and Debian's Chromium
 * is driven by playwright-core. Screenshots of each step go to artifacts/e2e/.
 * Fails when /usr/bin/chromium is missing (CI installs it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ARTIFACTS = join(ROOT, 'artifacts', 'e2e');
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let work: string;
let server: ChildProcess;
let serverExit: Promise<number | null>;
let logLines: Array<Record<string, unknown>> = [];
let baseUrl: string;
let browser: Browser;
let page: Page;
const problems: string[] = [];

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

/** Starts `main.ts` on port 0 and reads its URL from the structured "listening" log line. */
function startServer(webRoot: string): Promise<string> {
  server = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', A4S_WEB_ROOT: webRoot, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  serverExit = new Promise((resolve) => server.once('exit', (code) => resolve(code)));
  let stderr = '';
  server.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    let pending = '';
    server.stdout!.on('data', (d: Buffer) => {
      pending += d.toString();
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = JSON.parse(pending.slice(0, nl)) as Record<string, unknown>;
        pending = pending.slice(nl + 1);
        logLines.push(line);
        if (line.msg === 'listening') resolve(String(line.url));
      }
    });
    server.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${stderr}`)));
  });
}

beforeAll(async () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} is required (apt-get install chromium)`).toBe(true);
  mkdirSync(ARTIFACTS, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'a4s-e2e-'));
  const webRoot = join(work, 'web');
  process.env.A4S_WEB_OUT_DIR = webRoot;
  try {
    await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    delete process.env.A4S_WEB_OUT_DIR;
  }
  expect(existsSync(join(webRoot, 'index.html'))).toBe(true);
  baseUrl = await startServer(webRoot);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // Only our own origin: any request elsewhere (a CDN) is a failure.
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`foreign request: ${url}`);
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) server.kill('SIGTERM');
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the page in Chromium, served by a freshly started server', () => {
  it('shows the selector with every part and no CSP or script error', async () => {
    await page.goto(baseUrl);
    await page.waitForSelector('table.parts tbody tr');
    const rows = await page.locator('table.parts tbody tr').count();
    expect(rows).toBeGreaterThan(50);
    const csp = (await page.request.get(baseUrl)).headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    await shot('01-selector');
  });

  it('filters to a part: at least 35 signals, production sockets, deep link in the URL', async () => {
    await page.fill('#f-min-signals', '35');
    await page.selectOption('#f-role', 'socket');
    await page.selectOption('#f-use', 'production');
    await page.waitForFunction(() => document.querySelectorAll('table.parts tbody tr').length === 2);
    const parts = await page.locator('table.parts tbody th a').allTextContents();
    expect(parts).toEqual(['AXE540127', 'AXE540127D']);
    expect(page.url()).toContain('min-signals=35');
    expect(page.url()).toContain('role=socket');
    expect(page.url()).toContain('production=true');
    // The deep link restores the same view.
    await page.goto(page.url());
    await page.waitForFunction(() => document.querySelectorAll('table.parts tbody tr').length === 2);
    expect(await page.inputValue('#f-min-signals')).toBe('35');
    expect(await page.locator('p.status').textContent()).toContain('40 pins is the smallest standard count');
    await shot('02-filtered');
  });

  it('opens the part page with decode, sources, partners and the drawing', async () => {
    await page.click('table.parts a:text-is("AXE540127")');
    await page.waitForSelector('h1:has-text("AXE540127")');
    expect(page.url()).toContain('pn=AXE540127');
    await expect(page.locator('#decode table').textContent()).resolves.toContain('dimensionsMm.A');
    await expect(page.locator('#mates').textContent()).resolves.toContain('AXE640124');
    const drawingOk = await page.locator('img.drawing').evaluate(async (img: HTMLImageElement) => {
      img.loading = 'eager';
      img.scrollIntoView();
      await img.decode();
      return img.naturalWidth > 0;
    });
    expect(drawingOk).toBe(true);
    await shot('03-part');
  });

  it('downloads the footprint and it is the KiCad footprint of the part', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=dl-footprint]')]);
    expect(download.suggestedFilename()).toMatch(/AXE540127.*\.kicad_mod$/);
    const path = join(work, download.suggestedFilename());
    await download.saveAs(path);
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('(footprint "Panasonic_A4S_AXE540127')).toBe(true);
    expect(text).toContain('(version 20240108)');
    for (const pin of [1, 2, 39, 40]) expect(text).toContain(`(pad "${pin}" smd`);
    expect(text.match(/\(pad "\d+" smd/g)?.length).toBe(40);
    await page.locator('#downloads').scrollIntoViewIfNeeded();
    await shot('04-downloaded');
  });

  it('finds the reverse-insertion hazard of a pin map typed into the grid, and draws it', async () => {
    await page.locator('#pinmap').scrollIntoViewIfNeeded();
    await page.fill('#pin-1-net', 'VBAT');
    await page.fill('#pin-1-current', '0.2');
    await page.fill('#pin-40-net', 'GND');
    const finding = page.locator('#pinmap-findings li[data-code=REVERSE_INSERTION_HAZARD]');
    await finding.waitFor();
    await expect(finding.textContent()).resolves.toMatch(/VBAT.*GND/);
    expect(await page.locator('.hazard-drawing line.hazard-line').count()).toBe(1);
    expect(await page.locator('.pin-cell.hazard').count()).toBe(2);
    await page.locator('.hazard-drawing').scrollIntoViewIfNeeded();
    await shot('05-pinmap-hazard');
  });

  it('uploads a BOM and shows the report', async () => {
    await page.click('nav >> text=BOM check');
    await page.waitForSelector('#bom-file');
    const csv = 'Reference,Qty,MPN\nJ1,1,AXE540127\nJ2,1,AXE640124\nJ3,1,AXE9\n';
    await page.setInputFiles('#bom-file', { name: 'board.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const invalid = page.locator('#bom-report li[data-code=BOM_PART_INVALID]');
    await invalid.waitFor();
    await expect(page.locator('#bom-report table').textContent()).resolves.toContain('AXE540127');
    await shot('06-bom');
  });

  it('is readable on a phone screen (no sideways scrolling of the page)', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${baseUrl}/?pn=AXE540127`);
    await page.waitForSelector('h1');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot('07-phone-part');
    await page.goto(`${baseUrl}/?role=header`);
    await page.waitForSelector('table.parts');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await shot('08-phone-selector');
  });

  it('can be used by keyboard: the skip link and the filters are reachable with Tab', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(baseUrl);
    await page.waitForSelector('table.parts');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    for (let i = 0; i < 3 && (await page.evaluate(() => document.activeElement?.id)) !== 'f-q'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-q');
    await page.keyboard.type('AXE6');
    await page.waitForFunction(() => [...document.querySelectorAll('table.parts tbody th')].every((th) => th.textContent!.startsWith('AXE6')));
    await shot('09-keyboard');
  });

  it('logged every request as JSON, had no script or CSP errors, and stops cleanly on SIGTERM', async () => {
    expect(problems).toEqual([]);
    server.kill('SIGTERM');
    expect(await serverExit).toBe(0);
    const requests = logLines.filter((l) => l.msg === 'request');
    expect(requests.some((l) => l.path === '/api/bom' && l.status === 200)).toBe(true);
    expect(requests.every((l) => typeof l.requestId === 'string' && typeof l.durationMs === 'number')).toBe(true);
    expect(logLines.some((l) => l.msg === 'stopped')).toBe(true);
  });
});
