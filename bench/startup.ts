/**
 * Start-up: each command as a whole process (`node dist/cli/main.js …`, what a script or a
 * Makefile pays per call) against `node -e 0` in the same run. Rounds alternate a `node -e 0` with
 * each command, so both see the same machine noise (2 shared cores); the ratio is median / median.
 * Targets (issue 13): decode, mate, dims, order ≤ 2×; footprint, symbol, model, drawing, check on a
 * small map ≤ 2.5×; kicad-lib --no-models ≤ 2.9× (KiCad's own generator, Hirose DF12 script, 9
 * footprints); the whole library with models < 1 s. The library entry (`import 'a4s-toolkit'`),
 * `a4s --help` and the API server's start (until it answers /healthz) are reported without
 * a target. Prints one JSON line; exit code 1 when a target is missed.
 *   npm run build && npx tsx bench/startup.ts [rounds ≥ 7] [text: only the commands whose name holds it]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newestSourceMs } from './_dist.js';

const rounds = Math.max(7, Number(process.argv[2] ?? 9));
const repo = new URL('..', import.meta.url).pathname;
const cliMain = join(repo, 'dist/cli/main.js');
const serverMain = join(repo, 'dist/server/main.js');
const work = mkdtempSync(join(tmpdir(), 'a4s-bench-startup-'));
const fixture = (name: string) => join(repo, 'bench/fixtures', name);
const PORT = 18130;

interface Case {
  readonly name: string;
  readonly args: () => readonly string[];
  /** Largest ratio to `node -e 0`; null: reported only. */
  readonly maxRatio: number | null;
  /** Largest median time in ms, for the one target given as a time. */
  readonly maxMs?: number;
}

let dirCount = 0;
const freshDir = () => join(work, `lib${dirCount++}`);
const cli =
  (...args: string[]) =>
  () => [cliMain, ...args];

const ALL_CASES: readonly Case[] = [
  { name: 'decode AXE540127', args: cli('decode', 'AXE540127'), maxRatio: 2 },
  { name: 'mate AXE540127', args: cli('mate', 'AXE540127'), maxRatio: 2 },
  { name: 'dims AXE540127', args: cli('dims', 'AXE540127'), maxRatio: 2 },
  { name: 'order AXE540127 5000', args: cli('order', 'AXE540127', '5000'), maxRatio: 2 },
  { name: 'footprint AXE540127', args: cli('footprint', 'AXE540127'), maxRatio: 2.5 },
  { name: 'symbol AXE540127', args: cli('symbol', 'AXE540127'), maxRatio: 2.5 },
  { name: 'model AXE540127', args: cli('model', 'AXE540127'), maxRatio: 2.5 },
  { name: 'drawing AXE540127', args: cli('drawing', 'AXE540127'), maxRatio: 2.5 },
  { name: 'check small-map.yaml', args: cli('check', fixture('small-map.yaml')), maxRatio: 2.5 },
  { name: 'kicad-lib DIR --no-models', args: () => [cliMain, 'kicad-lib', freshDir(), '--no-models'], maxRatio: 2.9 },
  { name: 'kicad-lib DIR (with 3D models)', args: () => [cliMain, 'kicad-lib', freshDir()], maxRatio: null, maxMs: 1000 },
  { name: '--help', args: cli('--help'), maxRatio: null },
  { name: "import 'a4s-toolkit'", args: () => ['--input-type=module', '-e', "await import('a4s-toolkit')"], maxRatio: null },
];

const only = process.argv[3];
const CASES = only ? ALL_CASES.filter((c) => c.name.includes(only)) : ALL_CASES;

function run(args: readonly string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore', cwd: repo });
  const ms = performance.now() - t0;
  // check exits 1 with findings; anything else (2 usage, 3 bug, a signal) means the bench is broken.
  if (r.status !== 0 && r.status !== 1) throw new Error(`node ${args.join(' ')} exited ${r.status ?? r.signal}`);
  return ms;
}

/** `node dist/server/main.js` until /healthz answers; the process is then stopped. */
async function serverStart(): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [serverMain], { stdio: 'ignore', env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1' } });
  try {
    for (;;) {
      const up = await new Promise<boolean>((done) => {
        const req = request({ host: '127.0.0.1', port: PORT, path: '/healthz' }, (res) => {
          res.resume();
          done(res.statusCode === 200);
        });
        req.on('error', () => done(false));
        req.end();
      });
      if (up) return performance.now() - t0;
      if (child.exitCode !== null) throw new Error(`the server exited ${child.exitCode}`);
      if (performance.now() - t0 > 10_000) throw new Error('the server did not answer within 10 s');
      await new Promise((r) => setTimeout(r, 2));
    }
  } finally {
    child.kill();
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
  }
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

try {
  if (statSync(cliMain, { throwIfNoEntry: false }) === undefined || statSync(cliMain).mtimeMs < newestSourceMs(join(repo, 'src'))) {
    console.log(JSON.stringify({ bench: 'startup', error: 'dist/ is missing or older than src/: run npm run build', pass: false }));
    process.exitCode = 1;
  } else {
    const base: number[] = [];
    const times = CASES.map(() => [] as number[]);
    const server: number[] = [];
    run(['-e', '0']); // the first start of anything pays for the disk cache
    for (const c of CASES) run(c.args());
    for (let r = 0; r < rounds; r++) {
      for (const [i, c] of CASES.entries()) {
        base.push(run(['-e', '0']));
        times[i]!.push(run(c.args()));
      }
      base.push(run(['-e', '0']));
      if (!only) server.push(await serverStart());
    }
    const baseMs = median(base);
    const results = CASES.map((c, i) => {
      const ms = median(times[i]!);
      const ratio = ms / baseMs;
      const pass = (c.maxRatio === null || ratio <= c.maxRatio) && (c.maxMs === undefined || ms < c.maxMs);
      return {
        command: c.name,
        ms: +ms.toFixed(1),
        ratio: +ratio.toFixed(2),
        target: c.maxRatio !== null ? `≤ ${c.maxRatio}×` : c.maxMs !== undefined ? `< ${c.maxMs} ms` : 'none',
        pass,
      };
    });
    const serverMs = median(server);
    if (!only)
      results.push({
        command: 'API server start (until /healthz answers)',
        ms: +serverMs.toFixed(1),
        ratio: +(serverMs / baseMs).toFixed(2),
        target: 'none',
        pass: true,
      });
    const pass = results.every((r) => r.pass);
    for (const r of results)
      console.error(`${r.pass ? '  ' : '✗ '}${r.command.padEnd(48)} ${r.ms.toFixed(0).padStart(6)} ms  ${r.ratio.toFixed(2).padStart(5)}×  target ${r.target}`);
    console.log(JSON.stringify({ bench: 'startup', rounds, nodeBaselineMs: +baseMs.toFixed(1), results, pass }));
    process.exitCode = pass ? 0 : 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
