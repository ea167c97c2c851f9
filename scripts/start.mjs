#!/usr/bin/env node
/**
 * `npm start`: serves at once on an installed clone. `npm install` already built everything
 * (`prepare`: the project and the page); here only what is older than its sources is rebuilt —
 * the built data (scripts/build-data.ts), the server bundle (scripts/bundle.ts --server), the page
 * (vite build) — by comparing the newest source modification time with the output's, as the
 * benches do (bench/_dist.ts). Then the server runs in this process (dist/server/main.js).
 * Dependencies are not compared: `npm install` rebuilds everything after changing them (`prepare`).
 * Plain JavaScript so that an up-to-date start pays for no TypeScript loader.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = new URL('..', import.meta.url).pathname;
const at = (...parts) => join(ROOT, ...parts);

/** Newest modification time (ms) of the files below `path` that `keep` accepts (0 when none). */
export function newestMs(path, keep = () => true) {
  const s = statSync(path, { throwIfNoEntry: false });
  if (!s) return 0;
  if (!s.isDirectory()) return keep(path) ? s.mtimeMs : 0;
  let newest = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMs(join(path, name), keep));
  }
  return newest;
}

/** Oldest modification time of the outputs (0 when one is missing: then it must be built). */
function oldestMs(paths) {
  let oldest = Number.POSITIVE_INFINITY;
  for (const p of paths) {
    const s = statSync(p, { throwIfNoEntry: false });
    if (!s) return 0;
    oldest = Math.min(oldest, s.mtimeMs);
  }
  return oldest;
}

const notTest = (p) => !/\.test\.ts$/.test(p);
const notWeb = (p) => notTest(p) && !p.includes('/src/web/');

/** What `npm start` needs, each with its sources, outputs and the command that builds it (in this order). */
export const STEPS = [
  {
    name: 'built data (scripts/build-data.ts)',
    sources: () =>
      Math.max(newestMs(at('data')), newestMs(at('src/catalog/schema.ts')), newestMs(at('src/checks/pinmap/schema.ts')), newestMs(at('scripts/build-data.ts'))),
    outputs: [at('src/catalog/built.ts'), at('src/checks/pinmap/schema.built.ts')],
    command: ['tsx', 'scripts/build-data.ts'],
  },
  {
    name: 'server bundle (dist/server)',
    sources: () => Math.max(newestMs(at('src'), notWeb), newestMs(at('scripts/bundle.ts'))),
    outputs: [at('dist/server/main.js'), at('dist/server/worker.js')],
    command: ['tsx', 'scripts/bundle.ts', '--server'],
  },
  {
    name: 'web page (dist/web, vite build)',
    sources: () => Math.max(newestMs(at('src'), notTest), newestMs(at('vite.config.ts'))),
    outputs: [at('dist/web/index.html')],
    command: ['vite', 'build', '--logLevel', 'warn'],
  },
];

/** The steps whose outputs are missing or older than their sources. */
export function staleSteps() {
  return STEPS.filter((step) => oldestMs(step.outputs) < step.sources());
}

function run(step) {
  const bin = at('node_modules/.bin', step.command[0]);
  if (!existsSync(bin)) {
    process.stderr.write(`npm start: ${step.name} is out of date and ${step.command[0]} is not installed; run \`npm install\` first.\n`);
    process.exit(2);
  }
  const t0 = performance.now();
  process.stderr.write(`npm start: rebuilding the ${step.name} (older than its sources)…\n`);
  const r = spawnSync(bin, step.command.slice(1), { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(`npm start: building the ${step.name} failed (exit ${r.status ?? r.signal}).\n`);
    process.exit(r.status || 1);
  }
  process.stderr.write(`npm start: ${step.name} rebuilt in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--check')) {
    // Lists what a start would rebuild, without building or serving (tests).
    process.stdout.write(`${JSON.stringify(staleSteps().map((s) => s.name))}\n`);
  } else {
    // In order: the data first (the bundle and the page read it), then whatever is then stale.
    for (const step of STEPS) if (oldestMs(step.outputs) < step.sources()) run(step);
    await import(pathToFileURL(at('dist/server/main.js')).href);
  }
}
