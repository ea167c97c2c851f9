/**
 * Real clients (issue 9, items 4-8): a client that writes the whole body before reading (Python's
 * urllib), 405 on POST routes whatever is served, timeouts as configured, shutdown, small truths.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, startServer, type RunningServer } from '../src/server/index.js';

const webRoot = mkdtempSync(join(tmpdir(), 'a4s-web-clients-'));
mkdirSync(join(webRoot, 'assets'));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>A4S</title>');
writeFileSync(join(webRoot, 'assets', 'app-abc123.js'), `console.log(${JSON.stringify('x'.repeat(4000))});`);
const withPage = createApp({ webRoot });
const apiOnly = createApp({});
const problemOf = async (res: Response) => {
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  return (await res.json()) as { code: string; status: number; detail?: string };
};

/** Sends raw bytes on a socket and returns everything the server answers until it closes. */
function raw(url: string, text: string, { endAfterMs }: { endAfterMs?: number } = {}): Promise<{ answer: string; ms: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname, () => socket.write(text));
    let answer = '';
    socket.on('data', (b: Buffer) => (answer += b.toString('latin1')));
    socket.on('close', () => resolve({ answer, ms: Date.now() - started }));
    socket.on('error', () => {});
    if (endAfterMs !== undefined) setTimeout(() => socket.destroy(), endAfterMs);
  });
}

/** Python's urllib posting `megabytes` MB: it writes the whole body, then reads the answer. */
function pythonPost(url: string, megabytes: number, contentType: string): Promise<{ status: number; body: string; stderr: string }> {
  const script = `
import sys, urllib.request, urllib.error, json
req = urllib.request.Request(sys.argv[1], data=b"a" * (int(sys.argv[2]) * 1000 * 1000), headers={"Content-Type": sys.argv[3]}, method="POST")
try:
    with urllib.request.urlopen(req, timeout=60) as r:
        print(r.status); print(r.read().decode())
except urllib.error.HTTPError as e:
    print(e.code); print(e.read().decode())
`;
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-c', script, url, String(megabytes), contentType]);
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('close', () => {
      const [status, ...rest] = out.split('\n');
      resolve({ status: Number(status), body: rest.join('\n'), stderr: err });
    });
  });
}

describe('clients that send the whole body before reading the answer (item 4)', () => {
  let running: RunningServer;
  beforeAll(async () => {
    running = await startServer({ port: 0 });
  });
  afterAll(() => running.close(100));

  it('Python urllib posting 11 MB to /api/check reads the 413 problem+json', async () => {
    const r = await pythonPost(`${running.url}/api/check`, 11, 'application/json');
    expect(r.stderr).not.toMatch(/Broken pipe|Connection reset/);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ code: 'BODY_TOO_LARGE', status: 413 });
  });

  it('Python urllib posting 40 MB to /api/bom reads the 413 problem+json', async () => {
    const r = await pythonPost(`${running.url}/api/bom`, 40, 'text/csv');
    expect(r.stderr).not.toMatch(/Broken pipe|Connection reset/);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ code: 'BODY_TOO_LARGE' });
  });
});

describe('405 on POST-only routes whatever is served (item 5)', () => {
  it.each(['/api/check', '/api/bom'])('GET and HEAD %s: 405 with Allow: POST, with and without the page', async (path) => {
    for (const app of [withPage, apiOnly]) {
      for (const method of ['GET', 'HEAD']) {
        const res = await app.request(path, { method });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get('allow')).toBe('POST');
        if (method === 'GET') expect((await problemOf(res)).code).toBe('METHOD_NOT_ALLOWED');
      }
    }
  });
});

describe('slow clients: limits hold as configured, every answer a problem+json with a log line (item 6)', () => {
  it('partial headers are answered 408 problem+json within about the configured time, and logged', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = { log: (level: string, msg: string, fields?: Record<string, unknown>) => void lines.push({ level, msg, ...fields }) };
    const running = await startServer({ port: 0, headersTimeoutMs: 1_000, logger });
    try {
      const r = await raw(running.url, 'GET /api/parts HTTP/1.1\r\nHost: x\r\nX-Slow: ');
      expect(r.ms).toBeLessThan(3_500);
      expect(r.answer).toMatch(/^HTTP\/1\.1 408/);
      expect(r.answer).toMatch(/content-type: application\/problem\+json/i);
      expect(r.answer).toMatch(/"code":"TIMEOUT"/);
      expect(lines.some((l) => l.status === 408)).toBe(true);
    } finally {
      await running.close(100);
    }
  });

  it("the server's whole-request limit is above every route's own time limit (the route answers first, with its problem+json)", async () => {
    const running = await startServer({ port: 0 });
    try {
      const longest = Math.max(...running.a4s.routes.map((r) => r.timeoutMs ?? 0), 15_000);
      expect(running.server.requestTimeout).toBeGreaterThan(longest);
      expect(running.server.headersTimeout).toBe(10_000);
      // Node checks these limits on a timer: at most every second, so that 10 s means 10 s.
      expect((running.server as unknown as { connectionsCheckingInterval?: number }).connectionsCheckingInterval ?? Number.NaN).toBeLessThanOrEqual(1_000);
    } finally {
      await running.close(100);
    }
  });
});

describe('SIGTERM with a request in flight (item 7)', () => {
  it('the answer in flight says Connection: close, and close() ends as soon as nothing is in flight', async () => {
    const running = await startServer({ port: 0 });
    const { hostname, port } = new URL(running.url);
    const socket = connect(Number(port), hostname);
    await new Promise((r) => socket.once('connect', r));
    let answer = '';
    socket.on('data', (b: Buffer) => (answer += b.toString('latin1')));
    // A chunked BOM upload, half sent: the request is in flight.
    socket.write('POST /api/bom HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n8\r\nMPN,Qty\n\r\n');
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    const closed = running.close(10_000).then(() => Date.now() - started);
    await new Promise((r) => setTimeout(r, 200));
    socket.write('c\r\nAXE540127,1\n\r\n0\r\n\r\n');
    const ms = await closed;
    await new Promise((r) => (socket.readableEnded || socket.destroyed ? r(null) : socket.once('close', r)));
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(ms).toBeLessThan(3_000);
    socket.destroy();
  });
});

describe('smaller truths (item 8)', () => {
  it.each(['/api/parts\\x', '/api/*', '*'])('a request target %s gets a problem+json 400 (not a bare 400)', async (target) => {
    const running = await startServer({ port: 0 });
    try {
      const r = await raw(running.url, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      const [head, body] = r.answer.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 4\d\d/);
      expect(head).toMatch(/content-type: application\/problem\+json/i);
      expect(JSON.parse(body!)).toHaveProperty('code');
    } finally {
      await running.close(100);
    }
  });

  it('Accept-Encoding: gzip;q=0 gets no gzip; gzip;q=0.5 does', async () => {
    const no = await withPage.request('/assets/app-abc123.js', { headers: { 'accept-encoding': 'gzip;q=0' } });
    expect(no.headers.get('content-encoding')).toBeNull();
    const yes = await withPage.request('/assets/app-abc123.js', { headers: { 'accept-encoding': 'br;q=1, gzip;q=0.5' } });
    expect(yes.headers.get('content-encoding')).toBe('gzip');
    const star0 = await withPage.request('/assets/app-abc123.js', { headers: { 'accept-encoding': 'gzip;q=0, *' } });
    expect(star0.headers.get('content-encoding')).toBeNull();
  });

  it('If-None-Match with a list of ETags (or weak ones, or *) gets 304', async () => {
    const etag = (await withPage.request('/assets/app-abc123.js')).headers.get('etag')!;
    for (const header of [`"other", ${etag}`, `W/${etag}`, '*']) {
      const res = await withPage.request('/assets/app-abc123.js', { headers: { 'if-none-match': header } });
      expect(res.status, header).toBe(304);
    }
    expect((await withPage.request('/assets/app-abc123.js', { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
  });

  it.each(['text/yaml', 'application/x-yaml', 'text/x-yaml'])('POST /api/check with %s is read as YAML (not 415)', async (type) => {
    const res = await apiOnly.request('/api/check', { method: 'POST', body: 'part: AXE540127\npins:\n  1: { net: GND }\n', headers: { 'content-type': type } });
    expect(res.status).not.toBe(415);
    expect(res.status).toBeLessThan(500);
  });

  it('?__proto__=1 on /api/parts is an unknown filter (400), like any other', async () => {
    expect((await apiOnly.request('/api/parts?bogus=1')).status).toBe(400);
    const res = await apiOnly.request('/api/parts?__proto__=1');
    expect(res.status).toBe(400);
    expect((await problemOf(res)).detail).toMatch(/__proto__/);
  });

  it('ir-drop-threshold-mv of 400 nines is refused (not Infinity)', async () => {
    const res = await apiOnly.request(`/api/check?ir-drop-threshold-mv=${'9'.repeat(400)}`, {
      method: 'POST',
      body: '{"part":"AXE540127","pins":{"1":{"net":"GND"}}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).code).toBe('BAD_OPTION');
  });

  it('/api/order without pn names the part number, not the quantity', async () => {
    const res = await apiOnly.request('/api/order?qty=100');
    expect(res.status).toBe(400);
    const p = await problemOf(res);
    expect(p.code).not.toBe('ORDER_BAD_QUANTITY');
    expect(p.detail).toMatch(/pn/);
  });

  it('a UTF-16 CSV with its byte-order mark is read by the API as by the CLI', async () => {
    const text = 'MPN,Qty\r\nAXE540127,2\r\n';
    const body = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const res = await apiOnly.request('/api/bom', { method: 'POST', body, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(200);
    const report = (await res.json()) as { parts: { partNumber: string; quantity: number }[] };
    expect(report.parts.map((p) => [p.partNumber, p.quantity])).toEqual([['AXE540127', 2]]);
  });
});
