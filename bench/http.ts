/**
 * Load test on loopback: `GET /api/parts/{pn}` of the real server (production middleware, JSON
 * logs written to /dev/null) against a bare `node:http` server answering the same JSON bytes,
 * in the same run, alternating so that machine noise hits both.
 *
 *   npx tsx bench/http.ts            # prints rps, p50/p99 latency and the ratio; exit 1 if errors
 *   BENCH_SECONDS=2.5 BENCH_ROUNDS=5 BENCH_CONNECTIONS=8 npx tsx bench/http.ts
 *
 * The servers run in a child process and autocannon in this one, so that on a 2-core machine
 * each gets a core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export const PART = 'AXE540127';
export const TARGET_RATIO = 0.6;

export interface Measurement {
  readonly name: string;
  readonly requests: number;
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly non2xx: number;
}

export interface HttpBenchResult {
  readonly app: Measurement;
  readonly bare: Measurement;
  /** Median over rounds of (app rps / bare rps), each round measuring both back to back. */
  readonly ratio: number;
  readonly roundRatios: readonly number[];
}

// ---- child: the two servers ----------------------------------------------------------------

async function serveBoth(): Promise<void> {
  const { startServer, jsonLogger, bufferedSink } = await import('../src/server/index.js');
  const { describePart } = await import('../src/select/index.js');
  const logger = jsonLogger(bufferedSink(process.stdout));
  const app = await startServer({ port: 0, logger, webRoot: null });
  const body = JSON.stringify(describePart(PART));
  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
  process.send?.({ app: app.url, bare: bareUrl });
  process.on('disconnect', () => process.exit(0));
}

// ---- parent: the load ----------------------------------------------------------------------

function startChild(): Promise<{ child: ChildProcess; app: string; bare: string }> {
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--import', 'tsx', self, '--serve'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench server exited early (code ${code})`)));
    child.once('message', (m: { app: string; bare: string }) => resolve({ child, ...m }));
  });
}

async function load(name: string, url: string, seconds: number, connections: number): Promise<Measurement> {
  const r = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
  return {
    name,
    requests: r.requests.total,
    rps: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

function merge(name: string, runs: readonly Measurement[]): Measurement {
  const sum = (f: (m: Measurement) => number) => runs.reduce((s, m) => s + f(m), 0);
  const median = (f: (m: Measurement) => number) => [...runs].map(f).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  return {
    name,
    requests: sum((m) => m.requests),
    rps: sum((m) => m.rps) / runs.length,
    p50Ms: median((m) => m.p50Ms),
    p99Ms: median((m) => m.p99Ms),
    errors: sum((m) => m.errors),
    non2xx: sum((m) => m.non2xx),
  };
}

export async function runHttpBench(options: { seconds?: number; rounds?: number; connections?: number } = {}): Promise<HttpBenchResult> {
  // Many short rounds rather than two long ones: the other processes on a shared 2-core machine
  // come and go, and a round compares the two servers within a few seconds of each other.
  const seconds = options.seconds ?? 2.5;
  const rounds = options.rounds ?? 5;
  const connections = options.connections ?? 8;
  const { child, app, bare } = await startChild();
  try {
    const appUrl = `${app}/api/parts/${PART}`;
    // Warm-up: JIT, caches, connection setup; not counted.
    await load('warm-up', appUrl, 1, connections);
    await load('warm-up', bare, 1, connections);
    const appRuns: Measurement[] = [];
    const bareRuns: Measurement[] = [];
    for (let i = 0; i < rounds; i++) {
      // Alternate the order each round so a drift in machine load does not favour one side.
      if (i % 2 === 0) {
        bareRuns.push(await load('bare', bare, seconds, connections));
        appRuns.push(await load('app', appUrl, seconds, connections));
      } else {
        appRuns.push(await load('app', appUrl, seconds, connections));
        bareRuns.push(await load('bare', bare, seconds, connections));
      }
    }
    const appM = merge('a4s GET /api/parts/{pn}', appRuns);
    const bareM = merge('bare node:http, fixed JSON', bareRuns);
    const roundRatios = appRuns.map((m, i) => m.rps / bareRuns[i]!.rps);
    const sorted = [...roundRatios].sort((a, b) => a - b);
    return { app: appM, bare: bareM, ratio: sorted[Math.floor(sorted.length / 2)]!, roundRatios };
  } finally {
    child.disconnect();
    child.kill('SIGTERM');
  }
}

export function formatHttpBench(r: HttpBenchResult): string {
  const row = (m: Measurement) =>
    `${m.name.padEnd(30)} ${m.rps.toFixed(0).padStart(8)} req/s  p50 ${m.p50Ms.toFixed(2)} ms  p99 ${m.p99Ms.toFixed(2)} ms  requests ${m.requests}  errors ${m.errors}  non-2xx ${m.non2xx}`;
  return [
    row(r.bare),
    row(r.app),
    `ratio ${(r.ratio * 100).toFixed(1)} % of the bare server's requests per second, median of rounds [${r.roundRatios.map((x) => (x * 100).toFixed(0)).join(', ')}] % (target ≥ ${TARGET_RATIO * 100} %, zero errors)`,
    "latency: median over rounds of each round's p50 / p99 (autocannon reports whole milliseconds)",
  ].join('\n');
}

if (process.argv.includes('--serve')) {
  await serveBoth();
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const env = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
  const result = await runHttpBench({ seconds: env('BENCH_SECONDS'), rounds: env('BENCH_ROUNDS'), connections: env('BENCH_CONNECTIONS') });
  const ok = result.app.errors + result.app.non2xx + result.bare.errors + result.bare.non2xx === 0;
  const pass = ok && result.ratio >= TARGET_RATIO;
  console.error(formatHttpBench(result));
  // One JSON line on stdout, like the other benchmarks (bench/run.ts collects them).
  console.log(
    JSON.stringify({
      bench: 'http',
      endpoint: 'GET /api/parts/{pn}',
      appRps: Math.round(result.app.rps),
      bareRps: Math.round(result.bare.rps),
      ratio: +result.ratio.toFixed(3),
      roundRatios: result.roundRatios.map((x) => +x.toFixed(3)),
      appP50Ms: result.app.p50Ms,
      appP99Ms: result.app.p99Ms,
      bareP50Ms: result.bare.p50Ms,
      bareP99Ms: result.bare.p99Ms,
      requests: result.app.requests + result.bare.requests,
      errors: result.app.errors + result.bare.errors,
      non2xx: result.app.non2xx + result.bare.non2xx,
      target: `≥ ${TARGET_RATIO * 100} %, zero errors`,
      pass,
    }),
  );
  process.exitCode = pass ? 0 : 1;
}
