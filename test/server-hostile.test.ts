/**
 * Hostile input: malformed bodies, oversized bodies (declared and chunked), wrong content types,
 * unicode and control characters in part numbers, path traversal into the static page; the
 * static page's headers; graceful shutdown with a request in flight; the environment.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, parseEnv, startServer, type RunningServer } from '../src/server/index.js';
import { ProblemSchema } from '../src/server/schemas.js';
import { PartDescriptionSchema } from '../src/server/schemas.js';

const webRoot = mkdtempSync(join(tmpdir(), 'a4s-web-'));
mkdirSync(join(webRoot, 'assets'));
const INDEX = '<!doctype html><title>A4S</title><script type="module" src="/assets/app-abc123.js"></script>';
writeFileSync(join(webRoot, 'index.html'), INDEX);
writeFileSync(join(webRoot, 'assets', 'app-abc123.js'), `console.log(${JSON.stringify('x'.repeat(2000))});`);
// A file outside the web root that traversal would reach.
writeFileSync(join(webRoot, '..', 'a4s-secret.txt'), 'SECRET');

const a4s = createApp({ webRoot });

async function isProblem(res: Response, status: number, code?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = ProblemSchema.parse(await res.json());
  if (code) expect(body.code).toBe(code);
  return body;
}

describe('bodies', () => {
  it('malformed JSON is 400 PINMAP_SYNTAX with the position', async () => {
    for (const body of ['{', '{"pins": [1,2,}', 'null x', '\u0000\u0001', '{"a":'.repeat(10_000)]) {
      const res = await a4s.request('/api/check', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
      expect([400, 422]).toContain(res.status);
      const problem = await isProblem(res, res.status);
      // NUL bytes are not text (issue 20, item 4): refused as such before the JSON is parsed.
      expect(problem.code).toMatch(body.includes('\u0000') ? /^INPUT_NOT_TEXT$/ : /^PINMAP_/);
    }
  });

  it('a 10 MB body is refused with 413, declared or chunked, on every POST endpoint', async () => {
    const tenMb = new Uint8Array(10 * 1024 * 1024).fill(0x61);
    await isProblem(
      await a4s.request('/api/check', {
        method: 'POST',
        body: tenMb,
        headers: { 'content-type': 'application/json', 'content-length': String(tenMb.byteLength) },
      }),
      413,
      'BODY_TOO_LARGE',
    );
    const chunked = () =>
      new ReadableStream<Uint8Array>({
        start(c) {
          for (let i = 0; i < 10; i++) c.enqueue(new Uint8Array(1024 * 1024).fill(0x61));
          c.close();
        },
      });
    await isProblem(
      await a4s.request('/api/check', { method: 'POST', body: chunked(), headers: { 'content-type': 'application/yaml' }, duplex: 'half' } as RequestInit),
      413,
      'BODY_TOO_LARGE',
    );
    // The BOM limit is larger (streamed); a declared 40 MB upload is refused before reading.
    await isProblem(
      await a4s.request('/api/bom', { method: 'POST', body: 'x', headers: { 'content-type': 'text/csv', 'content-length': String(40 * 1024 * 1024) } }),
      413,
      'BODY_TOO_LARGE',
    );
  });

  it('a 10 MB body through a real socket is refused and the server keeps serving', async () => {
    const running = await startServer({ port: 0 });
    try {
      const res = await fetch(`${running.url}/api/check`, {
        method: 'POST',
        body: 'a'.repeat(10 * 1024 * 1024),
        headers: { 'content-type': 'application/json' },
      });
      await isProblem(res, 413, 'BODY_TOO_LARGE');
      expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    } finally {
      await running.close(1000);
    }
  });

  it('wrong or missing content types are 415 with the accepted types', async () => {
    for (const [path, type] of [
      ['/api/check', 'text/plain'],
      ['/api/check', 'application/xml'],
      ['/api/bom', 'application/json'],
      ['/api/check', null],
      ['/api/bom', 'text/csvx'],
    ] as const) {
      const res = await a4s.request(path, { method: 'POST', body: 'a,b\n', headers: type ? { 'content-type': type } : {} });
      if (type === null) {
        // fetch adds text/plain to string bodies; send bytes to have no content type at all.
        const bare = await a4s.request(path, { method: 'POST', body: new Uint8Array([0x61]) });
        await isProblem(bare, 415, 'UNSUPPORTED_MEDIA_TYPE');
        continue;
      }
      const problem = await isProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(problem.detail).toContain(path === '/api/check' ? 'application/json' : 'text/csv');
      expect(res.headers.get('accept-post')).toBeTruthy();
    }
  });
});

describe('part numbers with unicode and control characters', () => {
  it('any string in the path is answered 200 (a decode object) or 404 (a problem), never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc.string({ unit: 'grapheme', maxLength: 20 }),
          fc.constantFrom(
            'AXE540127',
            'axe540127\u0000',
            'AXE540127\u202e',
            'АХЕ540127',
            'AXE５４０127',
            '😀',
            '\r\nX-Injected: 1',
            '../../etc/passwd',
            '%',
            '%E0%A4%A',
          ),
        ),
        async (s) => {
          const res = await a4s.request(`/api/parts/${encodeURIComponent(s)}`);
          expect([200, 404]).toContain(res.status);
          const body = await res.json();
          if (res.status === 200) {
            PartDescriptionSchema.parse(body);
            expect(body.input).toBe(s);
          } else {
            expect(res.headers.get('content-type')).toBe('application/problem+json');
            ProblemSchema.parse(body);
          }
          expect(res.headers.get('x-injected')).toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('full-width digits, Cyrillic look-alikes and bidi controls are not silently accepted', async () => {
    for (const s of ['АХЕ540127', 'AXE５４０127', 'AXE540127\u202e', 'AXE540\u0000127']) {
      await isProblem(await a4s.request(`/api/parts/${encodeURIComponent(s)}`), 404);
    }
  });

  it('malformed percent-encoding is not a server error', async () => {
    for (const path of ['/api/parts/%E0%A4%A', '/api/parts/%', '/api/parts/%%30', '/api/parts/AXE%0a540127']) {
      const res = await a4s.request(path);
      expect(res.status).toBe(404);
    }
  });
});

describe('static page', () => {
  it('serves the page with a strict CSP, ETag and gzip', async () => {
    const res = await a4s.request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(INDEX);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
    const asset = await a4s.request('/assets/app-abc123.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const etag = asset.headers.get('etag')!;
    expect((await a4s.request('/assets/app-abc123.js', { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('path traversal finds nothing outside the built page', async () => {
    const attempts = [
      '/../a4s-secret.txt',
      '/..%2fa4s-secret.txt',
      '/%2e%2e/a4s-secret.txt',
      '/%2e%2e%2fa4s-secret.txt',
      '/assets/..%2f..%2fa4s-secret.txt',
      '/..%5ca4s-secret.txt',
      '/assets/%2e%2e/%2e%2e/a4s-secret.txt',
      '//a4s-secret.txt',
      '/index.html%00.js',
      '/assets/app-abc123.js%00',
      '/%252e%252e/a4s-secret.txt',
      '/assets/../../../../../../etc/passwd',
      '/.env',
      '/assets/',
    ];
    for (const path of attempts) {
      const res = await a4s.request(path);
      const text = await res.text();
      expect(text, path).not.toContain('SECRET');
      expect(text, path).not.toContain('root:');
      // URL normalisation may turn "/assets/../x" into "/x": only the page's own files are served.
      if (res.status === 200) expect([INDEX]).toContain(text);
      else expect(res.status, path).toBe(404);
    }
  });
});

describe('graceful shutdown', () => {
  let running: RunningServer;
  beforeAll(async () => {
    running = await startServer({ port: 0 });
  });
  afterAll(async () => {
    await running.close(100);
  });

  it('close() lets a request in flight finish, then stops accepting', async () => {
    const url = new URL(`${running.url}/api/check`);
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/yaml' } },
        (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.write('part: AXE540127\n');
      // The rest of the body arrives after shutdown has begun.
      setTimeout(() => req.end('pins: { 1: GND, 40: GND }\n'), 300);
    });
    await new Promise((r) => setTimeout(r, 100));
    const closed = running.close(5000);
    const res = await answer;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).part).toBe('AXE540127');
    await closed;
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
  });
});

describe('environment', () => {
  it('defaults to 127.0.0.1:8080 with CORS off', () => {
    expect(parseEnv({})).toEqual({ ok: true, value: { host: '127.0.0.1', port: 8080, corsOrigins: [], webRoot: null, workers: null } });
  });
  it('reads HOST, PORT, A4S_CORS_ORIGINS, A4S_WEB_ROOT, A4S_WORKERS', () => {
    const env = parseEnv({
      HOST: '0.0.0.0',
      PORT: '9000',
      A4S_CORS_ORIGINS: 'https://a.example, http://localhost:5173',
      A4S_WEB_ROOT: '/srv/web',
      A4S_WORKERS: '0',
    });
    expect(env).toEqual({
      ok: true,
      value: { host: '0.0.0.0', port: 9000, corsOrigins: ['https://a.example', 'http://localhost:5173'], webRoot: '/srv/web', workers: 0 },
    });
  });
  it('refuses bad values with a message', () => {
    for (const env of [
      { PORT: 'http' },
      { PORT: '70000' },
      { PORT: '-1' },
      { A4S_CORS_ORIGINS: 'https://a.example/path' },
      { A4S_CORS_ORIGINS: 'evil' },
      { A4S_WORKERS: 'two' },
      { A4S_WORKERS: '-1' },
      { A4S_WORKERS: '65' },
    ]) {
      const r = parseEnv(env);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('BAD_OPTION');
    }
  });
});
