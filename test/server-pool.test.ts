/**
 * The server's worker pool (src/server/pool.ts): the CPU-heavy requests (footprint verification,
 * pin-map and two-board checks, the libraries) run in worker threads (here the source checkout's
 * worker, src/server/worker-dev.mjs → worker.ts; the bundle's worker.js is tested in
 * cli-bundle.test.ts). The answers are the same bytes as the in-process computation; past the
 * queue bound a request is refused at once with 503 SERVER_BUSY and Retry-After; a job that times
 * out is stopped; a job over the worker's heap is 413 MEMORY_LIMIT; a pool whose worker cannot
 * start runs in process and says so. The load test (20 heavy uploads against the bundled server) is
 * in the tools tier: test/tools/server-load.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPinMap, parsePinMapText } from '../src/checks/index.js';
import { eagleLibrary } from '../src/formats/index.js';
import { footprintFile } from '../src/kicad/index.js';
import { createApp, memoryLogger } from '../src/server/index.js';
import { buildLibraryZip } from '../src/server/library.js';
import { JobPool } from '../src/server/pool.js';
import { verifyFootprint } from '../src/verify/index.js';
import { expectSameBytes } from './support/bytes.js';
import { heavyFootprint } from './support/heavy-footprint.js';
import { problem } from './support/server-app.js';

const ours = (pn: string) => {
  const f = footprintFile(pn);
  if (!f.ok) throw new Error(pn);
  return f.value.content;
};
const mating = (name: string) => readFileSync(new URL(`./fixtures/kicad/mating/${name}`, import.meta.url), 'utf8');
const post = (app: ReturnType<typeof createApp>, path: string, body: BodyInit, type: string | null) =>
  app.request(path, { method: 'POST', body, ...(type ? { headers: { 'content-type': type } } : {}) });

const apps: ReturnType<typeof createApp>[] = [];
const app = (options: Parameters<typeof createApp>[0] = {}) => {
  const a = createApp({ logger: memoryLogger(), ...options });
  apps.push(a);
  return a;
};
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
});

describe('answers from the workers are the in-process answers', () => {
  // A generous request limit: the comparisons, not the 15 s default, are tested here (the pool's
  // worker runs at nice +10 and may wait for the other test workers' cores).
  const threads = app({ requestTimeoutMs: 120_000 });
  const inProcess = app({ requestTimeoutMs: 120_000, pool: { size: 0 } });

  const hazardYaml = 'part: AXE540127\npins:\n  1: { net: VBAT, currentA: 0.2 }\n  40: GND\nnets:\n  VBAT: "0.2 A, 3.3 V, power"\n';
  const mirrored = ours('AXE640124').replace(/\(pad "(\d+)"/g, (_m, n: string) => `(pad "${Number(n) % 2 ? Number(n) + 1 : Number(n) - 1}"`);
  const twoBoards = JSON.stringify({
    netlist: mating('board.net'),
    ref: 'J1',
    mateNetlist: mating('fpc-rows-swapped.net'),
    mateRef: 'P1',
    netMap: mating('net-map.csv'),
  });
  const cases: [string, string, () => BodyInit, string | null][] = [
    ['/api/verify-footprint', 'text/plain', () => ours('AXE540127'), null],
    ['/api/verify-footprint?part=AXE640124', 'text/plain', () => mirrored, null],
    ['/api/verify-footprint?part=AXE640124&format=text', 'text/plain', () => mirrored, null],
    ['/api/verify-footprint', 'text/plain', () => heavyFootprint('pads', 400_000), null],
    ['/api/verify-footprint', 'text/plain', () => '(footprint "x" (pad', null],
    ['/api/verify-footprint?part=AXE540128', 'text/plain', () => ours('AXE540127'), null],
    ['/api/check', 'application/yaml', () => hazardYaml, null],
    ['/api/check?format=html', 'application/yaml', () => hazardYaml, null],
    ['/api/check?part=AXE540127', 'text/csv', () => 'pin,net\n1,GND\n2,VBUS\n', null],
    ['/api/check', 'application/yaml', () => 'part: AXE540127\npins: [', null],
    ['/api/check', 'application/json', () => twoBoards, null],
    ['/api/check?format=text', 'application/json', () => twoBoards, null],
  ];

  it('every verification and check case: same status, type and bytes', async () => {
    for (const [path, type, body] of cases) {
      const a = await post(threads, path, body(), type);
      const b = await post(inProcess, path, body(), type);
      expect(a.status, path).toBe(b.status);
      expect(a.headers.get('content-type'), path).toBe(b.headers.get('content-type'));
      const [ta, tb] = [await a.text(), await b.text()];
      // Problems carry each request's own id and path; the rest is the same.
      const strip = (t: string) => t.replace(/"requestId":"[^"]*"/, '');
      expect(strip(ta), path).toBe(strip(tb));
    }
    // The work did run in a worker thread, and the in-process app never started one.
    expect(threads.pool.stats.mode).toBe('threads');
    expect(inProcess.pool.stats).toMatchObject({ mode: 'in-process', size: 0 });
  }, 120_000);

  it('the same bytes as the core called directly (verification, a pin-map check, multipart)', async () => {
    const heavy = heavyFootprint('pads', 400_000);
    const direct = verifyFootprint(heavy, {});
    if (!direct.ok) throw new Error(direct.error.message);
    expect(await (await post(threads, '/api/verify-footprint', heavy, 'text/plain')).text()).toBe(JSON.stringify(direct.value));
    const parsed = parsePinMapText(hazardYaml, 'yaml', {});
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(await (await post(threads, '/api/check', hazardYaml, 'application/yaml')).text()).toBe(JSON.stringify(checkPinMap(parsed.value)));
    const form = () => {
      const f = new FormData();
      f.set('netlist', new Blob([mating('board.net')]), 'board.net');
      f.set('ref', 'J1');
      f.set('mateNetlist', new Blob([mating('fpc.net')]), 'fpc.net');
      f.set('mateRef', 'P1');
      return f;
    };
    const [a, b] = [await post(threads, '/api/check', form(), null), await post(inProcess, '/api/check', form(), null)];
    expect(a.status).toBe(200);
    expect(await a.text()).toBe(await b.text());
  }, 60_000);

  it('the libraries built in a worker are the bytes built in process', async () => {
    const lbr = await threads.request('/api/library.lbr');
    expect(lbr.status).toBe(200);
    expect(await lbr.text()).toBe(eagleLibrary());
    const zip = await threads.request('/api/library.zip');
    expect(zip.status).toBe(200);
    expectSameBytes(new Uint8Array(await zip.arrayBuffer()), await buildLibraryZip(), 'library.zip from a worker');
  }, 180_000);
});

describe('bounds', () => {
  it('past the queue bound: 503 SERVER_BUSY with Retry-After at once; the admitted ones are answered', async () => {
    const small = app({ pool: { size: 1, queueBound: 2 } });
    const text = ours('AXE540127');
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(small, '/api/verify-footprint', text, 'text/plain')));
    const statuses = answers.map((r) => r.status).sort();
    // 1 running + 2 waiting admitted; the other 3 refused before their body was read.
    expect(statuses).toEqual([200, 200, 200, 503, 503, 503]);
    for (const r of answers.filter((x) => x.status === 503)) {
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const body = await problem(r, 503, 'SERVER_BUSY');
      expect(body.retryAfterS).toBe(Number(r.headers.get('retry-after')));
    }
    // Nothing is left admitted: the next request is served.
    expect((await post(small, '/api/verify-footprint', text, 'text/plain')).status).toBe(200);
    expect(small.pool.stats).toMatchObject({ running: 0, waiting: 0 });
  }, 60_000);

  it('a job still running when its request times out is stopped (503 TIMEOUT) and the pool keeps serving', async () => {
    const slow = app({ requestTimeoutMs: 150, pool: { size: 1 } });
    // Warm the worker first, through the pool (no request time limit): its start is not the job's time.
    const warm = slow.pool.admit();
    expect((await warm.run({ kind: 'verify-footprint', body: new TextEncoder().encode(ours('AXE540127')), format: 'json' })).ok).toBe(true);
    warm.release();
    const heavy = heavyFootprint('pads');
    const res = await post(slow, '/api/verify-footprint', heavy, 'text/plain');
    await problem(res, 503, 'TIMEOUT');
    // Stopped at once (its worker terminated), not left running to its end.
    expect(slow.pool.stats.running).toBe(0);
    // The next job gets a new worker (its start is again outside the request time limit).
    const next = slow.pool.admit();
    expect(await next.run({ kind: 'verify-footprint', body: new TextEncoder().encode(ours('AXE540127')), format: 'json' })).toMatchObject({ ok: true });
    next.release();
  }, 60_000);

  it('a job needing more than the worker heap is 413 MEMORY_LIMIT; the next request gets a new worker', async () => {
    const tight = app({ pool: { size: 1, heapMb: 24 } });
    const res = await post(tight, '/api/verify-footprint', heavyFootprint('pads'), 'text/plain');
    const body = await problem(res, 413, 'MEMORY_LIMIT');
    expect(body.limitMb).toBe(24);
    expect((await post(tight, '/api/verify-footprint', ours('AXE540127'), 'text/plain')).status).toBe(200);
  }, 60_000);
});

describe('a pool whose worker cannot start', () => {
  it('runs the jobs in process, logs a warning once, and /healthz says in-process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'a4s-pool-'));
    try {
      const broken = join(dir, 'worker.mjs');
      writeFileSync(broken, "throw new Error('cannot load');\n");
      const logger = memoryLogger();
      const pool = new JobPool({ size: 1, entry: pathToFileURL(broken), logger });
      const ticket = pool.admit();
      const result = await ticket.run({ kind: 'verify-footprint', body: new TextEncoder().encode(ours('AXE540127')), format: 'json' });
      ticket.release();
      const direct = verifyFootprint(ours('AXE540127'), {});
      expect(result).toEqual({ ok: true, body: JSON.stringify(direct.ok && direct.value), contentType: 'application/json; charset=utf-8' });
      expect(pool.stats.mode).toBe('in-process');
      const warnings = logger.lines.filter((l) => l.level === 'warn');
      expect(warnings).toHaveLength(1);
      expect(String(warnings[0]!.msg)).toMatch(/worker pool: a worker could not start/);
      await pool.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
