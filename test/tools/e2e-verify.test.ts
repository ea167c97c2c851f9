/**
 * The part page's footprint check in a real browser: a mirrored footprint dropped on the part page
 * of AXE640124 is reported as FP_CHIRALITY; our own footprint matches. Same harness as e2e.test.ts
 * (Vite build, the real server as its own process, Debian's Chromium). Fails when /usr/bin/chromium
 * is missing (CI installs it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { footprintFile } from '../../src/kicad/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ARTIFACTS = join(ROOT, 'artifacts', 'e2e-verify');
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let work: string;
let server: ChildProcess;
let _serverExit: Promise<number | null>;
const logLines: Array<Record<string, unknown>> = [];
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
  _serverExit = new Promise((resolve) => server.once('exit', (code) => resolve(code)));
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
  work = mkdtempSync(join(tmpdir(), 'a4s-e2e-verify-'));
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

const footprint = (pn: string) => {
  const f = footprintFile(pn);
  if (!f.ok) throw new Error(pn);
  return f.value;
};

describe('part page: check a footprint', () => {
  it('a mirrored footprint (rows swapped) dropped on the header page: FP_CHIRALITY; ours: a match; download links for .lbr and circuit-json', async () => {
    await page.goto(`${baseUrl}/?pn=AXE640124`);
    await page.waitForSelector('h1:has-text("AXE640124")');
    expect(await page.locator('[data-testid=dl-eagle]').getAttribute('href')).toBe('/api/library.lbr');
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
