/**
 * A server started with A4S_CATALOG answers its API for that edition, while the page computes with
 * the built-in catalog it was built with: the page must say so (src/web/main.ts), not show the
 * built-in parts as the server's. Real browser, real server process (./browser-harness.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, useBrowserPage } from './browser-harness.js';

const folder = mkdtempSync(join(tmpdir(), 'a4s-edition-page-'));
const catalogFile = join(folder, 'q9t.catalog.json');
// A made-up edition: every AXE and A4S of the built-in catalog file renamed (valid: its own grammar).
writeFileSync(catalogFile, readFileSync(join(ROOT, 'data/a4s.catalog.json'), 'utf8').replaceAll('AXE', 'ZQX').replaceAll('A4S', 'Q9T'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const h = useBrowserPage('e2e-edition', () => ({ A4S_CATALOG: catalogFile }));

describe('the page under a server of another edition', () => {
  it('the API answers for Q9T and the page says it computes with the built-in A4S catalog', async () => {
    const edition = (await (await fetch(`${h.baseUrl}/api/edition`)).json()) as { series: string; builtIn: boolean };
    expect(edition).toMatchObject({ series: 'Q9T', builtIn: false });
    await h.page.goto(`${h.baseUrl}/`);
    const notice = await h.page.waitForSelector('.edition-notice', { timeout: 15_000 });
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('Q9T');
    expect(text).toContain('built-in A4S catalog');
    await h.shot('edition-notice');
    expect(h.problems).toEqual([]);
  }, 60_000);
});
