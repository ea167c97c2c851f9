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
