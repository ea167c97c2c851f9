/**
 * The server's worker pool under load (src/server/pool.ts; the rest of the pool's tests are in
 * test/server-pool.test.ts). A load test, so in the tools tier (`npm run test:tools`): it bundles the
 * server, starts it as a program of its own and keeps both cores busy for tens of seconds.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleServer } from '../../scripts/bundle.js';
import { HEAVY_PART, heavyFootprint } from '../support/heavy-footprint.js';

/**
 * The adversarial pass's reproduction: 20 parallel 3.9 MB footprint uploads froze every route for
 * ≈ 25 s and took the process from 200 to 850 MB. Against the bundled server (dist/server/main.js
 * and its worker.js, built into a temporary folder): while they run, `GET /api/parts/{pn}` answers
 * within 2 s each time, every upload is answered (200, or 503 with Retry-After), and the server's
 * peak RSS (VmHWM) stays under 600 MB (the README's bound).
 */
describe('20 heavy uploads against the bundled server', () => {
  it('GET /api/parts/{pn} answers within 2 s throughout; peak RSS under 600 MB', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'a4s-pool-load-'));
    const main = await bundleServer(join(dir, 'server'));
    const child = spawn(process.execPath, [main], {
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', A4S_WEB_ROOT: dir },
    });
    try {
      const url = await listeningUrl(child);
      const body = heavyFootprint('pads');
      expect(body.length).toBeGreaterThan(3_800_000);
      const file = join(dir, 'heavy.kicad_mod');
      writeFileSync(file, body);
      // The uploads come from a process of their own: this one only asks GET, so that the time
      // measured is the server's, not that of a client busy sending 78 MB.
      const uploader = spawn(process.execPath, ['--input-type=module', '-e', UPLOADER, `${url}/api/verify-footprint?part=${HEAVY_PART}`, file, '20'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      uploader.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
      });
      let uploading = true;
      const uploads = new Promise<void>((r) => uploader.once('exit', () => r())).then(() => {
        uploading = false;
        return JSON.parse(out) as { status: number; retryAfter: string | null; code: string | null }[];
      });
      const latencies: number[] = [];
      while (uploading) {
        const t0 = performance.now();
        expect(await getOnce(`${url}/api/parts/${HEAVY_PART}`)).toBe(200);
        latencies.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 100));
      }
      const answers = await uploads;
      const peakKb = vmHwmKb(child.pid!);
      console.log(
        `20 uploads: ${answers.filter((a) => a.status === 200).length} × 200, others ${JSON.stringify(answers.filter((a) => a.status !== 200))}; ` +
          `GET during them: ${latencies.length} requests, max ${Math.max(...latencies).toFixed(0)} ms; peak RSS ${(peakKb / 1024).toFixed(0)} MB`,
      );
      expect(latencies.length).toBeGreaterThan(3);
      expect(Math.max(...latencies)).toBeLessThan(2000);
      expect(answers.some((a) => a.status === 200)).toBe(true);
      for (const a of answers) {
        if (a.status === 200) continue;
        expect(a.status).toBe(503);
        expect(['SERVER_BUSY', 'TIMEOUT']).toContain(a.code);
        expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1);
      }
      expect(peakKb).toBeLessThan(600 * 1024);
    } finally {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

/** One GET on a connection of its own (a pooled keep-alive connection may be one the server is closing). */
function getOnce(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

/** Sends the same footprint n times in parallel; prints each answer's status, Retry-After and code as JSON. */
const UPLOADER = `
import { readFileSync } from 'node:fs';
const [url, file, n] = process.argv.slice(1);
const body = readFileSync(file);
const answers = await Promise.all(Array.from({ length: Number(n) }, () =>
  fetch(url, { method: 'POST', body, headers: { 'content-type': 'text/plain' } }).then(async (r) => ({
    status: r.status,
    retryAfter: r.headers.get('retry-after'),
    code: r.status === 200 ? null : (await r.json()).code,
  }))));
console.log(JSON.stringify(answers));
`;

function listeningUrl(child: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const m = /"msg":"listening","url":"([^"]+)"/.exec(seen);
      if (m) resolve(m[1]!);
    });
  });
}

/** Peak resident set of a process (Linux /proc), kB. */
function vmHwmKb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error('no VmHWM');
  return Number(m[1]);
}
