/**
 * `npm start` (scripts/start.mjs) rebuilds only what is older than its sources. Here the script runs
 * in a temporary copy of the layout it reads (sources, outputs) with `--check`, which lists what a
 * start would rebuild without building: nothing when every output is newer; the server bundle and
 * the page after a core source changed; only the page after a page file changed; the data, then
 * everything after it, when the catalog JSON changed; a missing output is rebuilt.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'a4s-start-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SOURCES = [
  'data/a4s.catalog.json',
  'src/catalog/schema.ts',
  'src/checks/pinmap/schema.ts',
  'scripts/build-data.ts',
  'scripts/bundle.ts',
  'src/select/query.ts',
  'src/web/main.ts',
  'vite.config.ts',
];
const OUTPUTS = ['src/catalog/built.ts', 'src/checks/pinmap/schema.built.ts', 'dist/server/main.js', 'dist/server/worker.js', 'dist/web/index.html'];

let clock = Date.now() / 1000 - 10_000;
/** Writes (or touches) a file with a modification time later than every earlier one. */
function touch(rel: string): void {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, rel);
  clock += 10;
  utimesSync(path, clock, clock);
}
function stale(): string[] {
  const r = spawnSync(process.execPath, [join(root, 'scripts/start.mjs'), '--check'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as string[];
}
const DATA = 'built data (scripts/build-data.ts)';
const SERVER = 'server bundle (dist/server)';
const PAGE = 'web page (dist/web, vite build)';

describe('npm start rebuilds only what is out of date (scripts/start.mjs --check)', () => {
  it('follows the modification times of sources and outputs', () => {
    mkdirSync(join(root, 'scripts'), { recursive: true });
    copyFileSync(new URL('../scripts/start.mjs', import.meta.url), join(root, 'scripts/start.mjs'));
    for (const f of SOURCES) touch(f);
    expect(stale()).toEqual([DATA, SERVER, PAGE]); // nothing built yet
    for (const f of OUTPUTS) touch(f);
    expect(stale()).toEqual([]);
    touch('src/select/query.ts'); // the core: the server and the page use it
    expect(stale()).toEqual([SERVER, PAGE]);
    for (const f of OUTPUTS.slice(2)) touch(f);
    touch('src/web/main.ts'); // the page only
    expect(stale()).toEqual([PAGE]);
    touch('dist/web/index.html');
    touch('src/select/query.test.ts'); // a test is no source of either
    expect(stale()).toEqual([]);
    touch('data/a4s.catalog.json');
    expect(stale()).toEqual([DATA]);
    // build-data rewrote (or touched) both of its outputs: now the bundle and the page are older than them
    touch('src/catalog/built.ts');
    touch('src/checks/pinmap/schema.built.ts');
    expect(stale()).toEqual([SERVER, PAGE]);
    for (const f of OUTPUTS.slice(2)) touch(f);
    rmSync(join(root, 'dist/server/worker.js'));
    expect(stale()).toEqual([SERVER]);
  });
});
