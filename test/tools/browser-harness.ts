/**
 * The browser harness of the end-to-end tests: the page is built with Vite into a temporary folder,
 * the real server (`src/server/main.ts`) is started as its own process on a free port, and Debian's
 * Chromium is driven by playwright-core. `useBrowserPage` registers the hooks of a test file and
 * returns what its tests use (filled in before the first test). Fails when /usr/bin/chromium is
 * missing (CI installs it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Debian's Chromium and the flags every real-browser test launches it with (headless, no network of its own). */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserPage {
  /** A temporary folder of the test file (the built page is in web/). */
  work: string;
  server: ChildProcess;
  serverExit: Promise<number | null>;
  /** The server's log lines (JSON), as they come. */
  readonly logLines: Array<Record<string, unknown>>;
  baseUrl: string;
  browser: Browser;
  page: Page;
  /** Console errors, page errors and requests to any other origin. */
  readonly problems: string[];
  /** A screenshot of the page into artifacts/<folder>/<name>.png. */
  shot(name: string): Promise<void>;
}

/** Starts `main.ts` on port 0 and reads its URL from the structured "listening" log line. */
function startServer(h: BrowserPage, webRoot: string, env: Readonly<Record<string, string>> = {}): Promise<string> {
  const server = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', A4S_WEB_ROOT: webRoot, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  h.server = server;
  h.serverExit = new Promise((resolve) => server.once('exit', (code) => resolve(code)));
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
        h.logLines.push(line);
        if (line.msg === 'listening') resolve(String(line.url));
      }
    });
    server.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${stderr}`)));
  });
}

/**
 * Registers the build, server and browser hooks of a test file; screenshots go to artifacts/<artifactsFolder>/.
 * `serverEnv` (a function: called when the server starts) adds to the server's environment (A4S_CATALOG).
 */
export function useBrowserPage(artifactsFolder: string, serverEnv: () => Readonly<Record<string, string>> = () => ({})): BrowserPage {
  const artifacts = join(ROOT, 'artifacts', artifactsFolder);
  const h = {
    logLines: [],
    problems: [],
    shot: async (name: string) => {
      await h.page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false });
    },
  } as unknown as BrowserPage;

  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is required (apt-get install chromium)`).toBe(true);
    mkdirSync(artifacts, { recursive: true });
    h.work = mkdtempSync(join(tmpdir(), `a4s-${artifactsFolder}-`));
    const webRoot = join(h.work, 'web');
    process.env.A4S_WEB_OUT_DIR = webRoot;
    try {
      await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
    } finally {
      delete process.env.A4S_WEB_OUT_DIR;
    }
    expect(existsSync(join(webRoot, 'index.html'))).toBe(true);
    h.baseUrl = await startServer(h, webRoot, serverEnv());
    h.browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
    const context = await h.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    h.page = await context.newPage();
    h.page.on('console', (m) => {
      if (m.type() === 'error') h.problems.push(`console: ${m.text()}`);
    });
    h.page.on('pageerror', (e) => h.problems.push(`pageerror: ${e.message}`));
    // Only our own origin: any request elsewhere (a CDN) is a failure.
    h.page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(h.baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) h.problems.push(`foreign request: ${url}`);
    });
  }, 180_000);

  afterAll(async () => {
    await h.browser?.close();
    if (h.server && h.server.exitCode === null) h.server.kill('SIGTERM');
    if (h.work) rmSync(h.work, { recursive: true, force: true });
  });
  return h;
}

export const pinMapFixture = (name: string) => join(ROOT, 'test', 'fixtures', 'pinmaps', name);

/** Opens a part's page and imports a pin-map file of test/fixtures/pinmaps into its editor. */
export async function importPinMap(page: Page, baseUrl: string, pn: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/?pn=${pn}`);
  await page.waitForSelector('#pinmap-file');
  await page.setInputFiles('#pinmap-file', pinMapFixture(name));
  await page.waitForFunction(() => /^Imported/.test(document.querySelector('#pinmap .status')?.textContent ?? ''));
  await page.waitForSelector('#pinmap-findings li[data-code]');
}
