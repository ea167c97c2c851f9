/** The HTTP API's protocol: errors as problem+json, methods, headers, CORS, timeouts and request logs (in-process, app.request). */
import { describe, expect, it } from 'vitest';
import { createApp, jsonLogger, memoryLogger } from '../src/server/index.js';
import { problem, testApp } from './support/server-app.js';

const { logger, a4s, get, post } = testApp();

describe('protocol: errors, headers, CORS, timeouts, logs', () => {
  it('unknown paths are 404 and wrong methods 405 with Allow, as problem+json', async () => {
    await problem(await get('/api/nothing'), 404, 'ROUTE_NOT_FOUND');
    const res = await a4s.request('/api/parts/AXE540127', { method: 'DELETE' });
    await problem(res, 405, 'METHOD_NOT_ALLOWED');
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect((await a4s.request('/api/check', { method: 'GET' })).headers.get('allow')).toBe('POST');
  });

  it('HEAD works where GET does, without a body', async () => {
    const res = await a4s.request('/api/parts/AXE540127', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('every answer carries the security headers and a request id', async () => {
    for (const res of [await get('/api/parts/AXE540127'), await get('/api/nothing'), await post('/api/check', '{', 'application/json')]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'; frame-ancestors 'none'/);
      expect(res.headers.get('x-request-id')).toMatch(/\S/);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect((await get('/healthz', { headers: { 'x-request-id': 'trace-42' } })).headers.get('x-request-id')).toBe('trace-42');
    expect((await get('/healthz', { headers: { 'x-request-id': 'bad id\u0001' } })).headers.get('x-request-id')).not.toBe('bad id\u0001');
  });

  it('CORS is off by default and on for the configured origins only', async () => {
    const off = await get('/api/parts/AXE540127', { headers: { origin: 'https://evil.example' } });
    expect(off.headers.get('access-control-allow-origin')).toBeNull();
    const on = createApp({ corsOrigins: ['https://ok.example'] });
    const ok = await on.request('/api/parts/AXE540127', { headers: { origin: 'https://ok.example' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://ok.example');
    const other = await on.request('/api/parts/AXE540127', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await on.request('/api/check', { method: 'OPTIONS', headers: { origin: 'https://ok.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('a body that never ends times out with 503 TIMEOUT', async () => {
    const slow = createApp({ requestTimeoutMs: 200 });
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('part: AXE540127\n'));
      },
    });
    const res = await slow.request('/api/check', { method: 'POST', body, headers: { 'content-type': 'application/yaml' }, duplex: 'half' } as RequestInit);
    await problem(res, 503, 'TIMEOUT');
    expect(res.headers.get('retry-after')).toBe('5');
  });

  it('logs one JSON-safe line per request with id, status and duration', async () => {
    const mem = memoryLogger();
    const app = createApp({ logger: mem });
    await app.request('/api/parts/AXE540127');
    await app.request(`/api/parts/${encodeURIComponent('\u0000\n{"level":"error"}')}`);
    const lines = mem.lines.filter((l) => l.msg === 'request');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 'info', method: 'GET', path: '/api/parts/AXE540127', status: 200 });
    expect(typeof lines[0]!.durationMs).toBe('number');
    expect(lines[1]!.status).toBe(404);
    expect(logger.lines.length).toBeGreaterThan(0);
  });

  it('the JSON log lines parse, whatever the path holds', async () => {
    const lines: string[] = [];
    const app = createApp({ logger: jsonLogger({ write: (l: string) => void lines.push(l) }) });
    const hostile = ['\u0000\n{"level":"error"}', '"\\', '\u2028\u2029', 'ü😀'];
    for (const h of hostile) await app.request(`/api/parts/${encodeURIComponent(h)}`);
    await app.request('/api/parts/AXE540127', { headers: { 'x-request-id': 'abc"def' } });
    expect(lines).toHaveLength(hostile.length + 1);
    for (const line of lines) {
      expect(line.endsWith('\n')).toBe(true);
      expect(line.slice(0, -1)).not.toContain('\n');
      const parsed = JSON.parse(line) as Record<string, unknown>;
      expect(parsed).toMatchObject({ msg: 'request', method: 'GET' });
      expect(typeof parsed.time).toBe('string');
    }
  });
});
