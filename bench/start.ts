/**
 * `npm start` on an installed clone, until the page (`GET /`) answers 200: the target is 10 s on
 * the 2-core machine (issue 20: it was ≈ 45 s, a full build every time). The baseline, in the same
 * rounds: `node dist/server/main.js` alone until the same answer. Everything is up to date first
 * (`npm run build`, `vite build`: what `npm install` leaves, `prepare`); a round that would rebuild
 * is an error (the bench times the up-to-date start, not a build). Also reports one start after a
 * source file was touched (the server bundle rebuilt, the page rebuilt), without a target.
 *   npx tsx bench/start.ts [rounds ≥ 3]
 */
import { spawn, spawnSync } from 'node:child_process';
import { statSync, utimesSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';

const repo = new URL('..', import.meta.url).pathname;
const rounds = Math.max(3, Number(process.argv[2] ?? 5));
const PORT = 18137;
const TARGET_MS = 10_000;

function pageUp(): Promise<boolean> {
  return new Promise((done) => {
    const req = request({ host: '127.0.0.1', port: PORT, path: '/', headers: { accept: 'text/html' } }, (res) => {
      res.resume();
      done(res.statusCode === 200);
    });
    req.on('error', () => done(false));
    req.end();
  });
}

/** Starts the command and times it until GET / answers 200; then stops it (its whole process group). */
async function timeToPage(command: string, args: readonly string[]): Promise<number> {
  const t0 = performance.now();
  const child = spawn(command, args, { cwd: repo, stdio: 'ignore', detached: true, env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1' } });
  try {
    for (;;) {
      if (await pageUp()) return performance.now() - t0;
      if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited ${child.exitCode}`);
      if (performance.now() - t0 > 120_000) throw new Error(`${command} ${args.join(' ')}: no page within 120 s`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
  }
}

function stale(): string[] {
  const r = spawnSync(process.execPath, ['scripts/start.mjs', '--check'], { cwd: repo, encoding: 'utf8' });
  return JSON.parse(r.stdout) as string[];
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (stale().length > 0) {
  console.error(`building first (${stale().join(', ')})`);
  spawnSync('npm', ['run', 'build'], { cwd: repo, stdio: 'ignore' });
  spawnSync(join(repo, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: repo, stdio: 'ignore' });
}
const npmStart: number[] = [];
const bare: number[] = [];
for (let i = 0; i < rounds; i++) {
  if (stale().length > 0) throw new Error(`out of date before round ${i}: ${stale().join(', ')}`);
  bare.push(await timeToPage(process.execPath, ['dist/server/main.js']));
  npmStart.push(await timeToPage('npm', ['start']));
}
// One start after a source change: what a developer pays after editing (both rebuilt).
const touched = join(repo, 'src/version.ts');
const before = statSync(touched);
const now = new Date();
utimesSync(touched, now, now);
const afterEdit = await timeToPage('npm', ['start']);
// Put the time back: npm start rebuilds the server and the page, not the CLI, and the benches after
// this one (startup.ts) refuse a dist/ older than the sources.
utimesSync(touched, before.atime, before.mtime);

const startMs = median(npmStart);
const bareMs = median(bare);
const pass = startMs < TARGET_MS;
console.error(
  `npm start until the page answers: median ${startMs.toFixed(0)} ms over ${rounds} rounds [${npmStart.map((x) => x.toFixed(0)).join(', ')}]; ` +
    `node dist/server/main.js alone ${bareMs.toFixed(0)} ms (×${(startMs / bareMs).toFixed(2)}); after touching src/version.ts ${(afterEdit / 1000).toFixed(1)} s; target < ${TARGET_MS / 1000} s`,
);
console.log(
  JSON.stringify({
    bench: 'start',
    rounds,
    npmStartMs: +startMs.toFixed(0),
    bareServerMs: +bareMs.toFixed(0),
    ratio: +(startMs / bareMs).toFixed(2),
    afterSourceEditMs: +afterEdit.toFixed(0),
    target: `< ${TARGET_MS / 1000} s`,
    pass,
  }),
);
process.exitCode = pass ? 0 : 1;
