/**
 * The server under heavy uploads (issue 20): 20 parallel 3.9 MB footprint uploads to
 * `POST /api/verify-footprint` (from a separate process) while this process asks
 * `GET /api/parts/{pn}` every 100 ms on a fresh connection. The built server (dist/server/main.js)
 * with its worker pool (the default: cores − 1 threads, at least 1) against the same server with
 * the heavy jobs on the main thread (`A4S_WORKERS=0`, the way it worked before), in the same run.
 * Reports the slowest GET while the uploads run, the uploads' answers and the server's peak RSS
 * (VmHWM). Targets: every GET within 2 s, peak RSS under 600 MB (the README's bounds).
 *   npm run build && npx tsx bench/server-load.ts
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { heavyFootprint } from '../test/support/heavy-footprint.js';
import { newestSourceMs } from './_dist.js';

const repo = new URL('..', import.meta.url).pathname;
const serverMain = join(repo, 'dist/server/main.js');
const PORT = 18138;
const UPLOADS = 20;
const MAX_GET_MS = 2000;
const MAX_RSS_MB = 600;

const UPLOADER = `
import { readFileSync } from 'node:fs';
const [url, file, n] = process.argv.slice(1);
const body = readFileSync(file);
const res = await Promise.all(Array.from({ length: Number(n) }, () =>
  fetch(url, { method: 'POST', body, headers: { 'content-type': 'text/plain' } }).then(
    async (r) => (r.status === 200 ? '200' : r.status + ' ' + (await r.json()).code),
    (e) => 'error ' + String(e.cause ?? e),
  )));
console.log(JSON.stringify(res));
`;

interface Run {
  readonly mode: string;
  readonly maxGetMs: number;
  readonly p50GetMs: number;
  readonly gets: number;
  readonly uploadsMs: number;
  readonly answers: Record<string, number>;
  readonly peakRssMb: number;
}

function getOnce(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = get(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error(`GET ${res.statusCode}`))));
    });
    req.on('error', reject);
  });
}

async function run(mode: string, workers: string | null, file: string, webRoot: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', A4S_WEB_ROOT: webRoot, LOG_LEVEL: 'warn' };
  if (workers !== null) env.A4S_WORKERS = workers;
  else delete env.A4S_WORKERS;
  const server = spawn(process.execPath, [serverMain], { stdio: 'ignore', env });
  const base = `http://127.0.0.1:${PORT}`;
  try {
    for (let i = 0; ; i++) {
      try {
        await getOnce(`${base}/healthz`);
        break;
      } catch {
        if (i > 500) throw new Error('the server did not start');
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    const t0 = performance.now();
    const uploader = spawn(process.execPath, ['--input-type=module', '-e', UPLOADER, `${base}/api/verify-footprint`, file, String(UPLOADS)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    uploader.stdout.on('data', (d: Buffer) => (out += d.toString()));
    let running = true;
    const done = new Promise<void>((r) => uploader.once('exit', () => r()));
    void done.then(() => (running = false));
    const latencies: number[] = [];
    while (running) {
      latencies.push(await getOnce(`${base}/api/parts/AXE540127`));
      await new Promise((r) => setTimeout(r, 100));
    }
    await done;
    const uploadsMs = performance.now() - t0;
    const answers: Record<string, number> = {};
    for (const a of JSON.parse(out) as string[]) answers[a] = (answers[a] ?? 0) + 1;
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'));
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      mode,
      maxGetMs: +sorted[sorted.length - 1]!.toFixed(0),
      p50GetMs: +sorted[Math.floor(sorted.length / 2)]!.toFixed(1),
      gets: latencies.length,
      uploadsMs: +uploadsMs.toFixed(0),
      answers,
      peakRssMb: hwm ? Math.round(Number(hwm[1]) / 1024) : -1,
    };
  } finally {
    server.kill();
    await new Promise((r) => (server.exitCode !== null || server.signalCode !== null ? r(null) : server.once('exit', r)));
  }
}

if (statSync(serverMain, { throwIfNoEntry: false }) === undefined || statSync(serverMain).mtimeMs < newestSourceMs(join(repo, 'src'))) {
  console.log(JSON.stringify({ bench: 'server-load', error: 'dist/ is missing or older than src/: run npm run build', pass: false }));
  process.exitCode = 1;
} else {
  const dir = mkdtempSync(join(tmpdir(), 'a4s-bench-load-'));
  try {
    const file = join(dir, 'heavy.kicad_mod');
    writeFileSync(file, heavyFootprint('pads'));
    const pool = await run('worker pool (default)', null, file, dir);
    const inProcess = await run('main thread (A4S_WORKERS=0)', '0', file, dir);
    for (const r of [inProcess, pool])
      console.error(
        `${r.mode.padEnd(28)} slowest GET ${String(r.maxGetMs).padStart(6)} ms (p50 ${r.p50GetMs} ms, ${r.gets} GETs)  uploads ${(r.uploadsMs / 1000).toFixed(1)} s ${JSON.stringify(r.answers)}  peak RSS ${r.peakRssMb} MB`,
      );
    const pass = pool.maxGetMs < MAX_GET_MS && pool.peakRssMb < MAX_RSS_MB;
    console.log(
      JSON.stringify({
        bench: 'server-load',
        uploads: UPLOADS,
        pool,
        baseline: inProcess,
        slowestGetRatio: +(pool.maxGetMs / inProcess.maxGetMs).toFixed(3),
        target: `every GET < ${MAX_GET_MS} ms, peak RSS < ${MAX_RSS_MB} MB`,
        pass,
      }),
    );
    process.exitCode = pass ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
