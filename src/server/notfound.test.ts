import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from './index.js';
import { wantsHtml } from './static.js';

const webRoot = mkdtempSync(join(tmpdir(), 'a4s-web-404-'));
mkdirSync(join(webRoot, 'assets'));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>A4S</title>');
writeFileSync(join(webRoot, 'assets', 'index-abc.css'), 'body { margin: 0 }');
const a4s = createApp({ webRoot });
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

describe('404 for a browser is a page; for the API and other clients it stays problem+json', () => {
  it('a browser navigating to a missing page gets HTML with the page’s stylesheet, the escaped path and links back', async () => {
    const res = await a4s.request('/nope/<script>alert(1)</script>', { headers: { accept: BROWSER } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    const html = await res.text();
    expect(html).toContain('<h1>Page not found</h1>');
    expect(html).toContain('href="/assets/index-abc.css"');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
    expect(html).toContain('href="/"');
  });

  it('API paths, JSON clients and clients without Accept get problem+json', async () => {
    for (const [path, accept] of [
      ['/api/nope', BROWSER],
      ['/nope', 'application/json'],
      ['/nope', undefined],
      ['/nope', 'application/json, text/html'],
    ] as const) {
      const res = await a4s.request(path, accept ? { headers: { accept } } : {});
      expect(res.status, `${path} ${accept}`).toBe(404);
      expect(res.headers.get('content-type'), `${path} ${accept}`).toContain('application/problem+json');
    }
  });

  it('wantsHtml reads the Accept header', () => {
    expect(wantsHtml(BROWSER)).toBe(true);
    expect(wantsHtml('*/*')).toBe(false);
    expect(wantsHtml(undefined)).toBe(false);
    expect(wantsHtml('application/json')).toBe(false);
  });
});
