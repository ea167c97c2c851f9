/**
 * The packed tarball installs globally and runs on a machine without the clone (README "Quick
 * start"): `npm pack` of the built project, `npm install -g` of that tarball into a temporary
 * `--prefix`, then the installed `a4s` run from a temporary folder outside the clone. Needs the
 * build (`npm run build`): fails, never skips, when dist/ is missing or older than the sources.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newestSourceMs } from '../../bench/_dist.js';
import { REPO } from '../output-runs.js';

const root = mkdtempSync(join(tmpdir(), 'a4s-pack-'));
let a4s = '';
let tarball = '';

function run(cmd: string, args: string[], cwd: string) {
  // No variable pointing back at the clone: the installed command must stand on its own.
  const env = { ...process.env, NODE_PATH: '', INIT_CWD: cwd };
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env, timeout: 300_000, maxBuffer: 64 << 20 });
  if (r.error) throw new Error(`${cmd} could not run: ${r.error.message}`);
  return { code: r.status, stdout: r.stdout, out: `${r.stdout}\n${r.stderr}` };
}

beforeAll(() => {
  const main = join(REPO, 'dist/cli/main.js');
  if (!existsSync(main)) throw new Error('dist/ is missing: run `npm run build` first');
  if (statSync(main).mtimeMs < newestSourceMs(join(REPO, 'src'))) throw new Error('dist/ is older than src/: run `npm run build` first');
  // --ignore-scripts: the build is the one checked above (npm pack would run `prepare`, the build, again).
  const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', root], REPO);
  expect(pack.code, pack.out).toBe(0);
  tarball = join(root, (JSON.parse(pack.stdout) as { filename: string }[])[0]!.filename);
  const prefix = join(root, 'prefix');
  const install = run('npm', ['install', '-g', '--no-audit', '--no-fund', '--prefix', prefix, tarball], root);
  expect(install.code, install.out).toBe(0);
  a4s = join(prefix, 'bin', 'a4s');
}, 600_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm pack, npm install -g of the tarball, a4s outside the clone', () => {
  it('the tarball is the built package: no sources, no tests', () => {
    const list = run('tar', ['-tzf', tarball], root);
    expect(list.code, list.out).toBe(0);
    const files = list.stdout.trim().split('\n');
    expect(files).toContain('package/dist/cli/main.js');
    expect(files).toContain('package/README.md');
    expect(files.filter((f) => /^package\/(src|test)\//.test(f))).toEqual([]);
  });

  it('installs a4s, which answers from a folder outside the clone', () => {
    const work = mkdtempSync(join(root, 'work-'));
    const r = run(a4s, ['decode', 'AXE540127', '--json'], work);
    expect(r.code, r.out).toBe(0);
    const parsed = JSON.parse(r.stdout) as { results: { partNumber: string; status: string }[] } | { partNumber: string; status: string }[];
    expect(JSON.stringify(parsed)).toContain('"standard"');
    expect(r.stdout).toContain('AXE540127');
    // The installed files are the package's own, not the clone's.
    expect(statSync(a4s).isFile() || statSync(a4s).isSymbolicLink()).toBe(true);
    expect(readdirSync(join(root, 'prefix'))).toContain('lib');
  }, 120_000);

  it('writes the KiCad PCM package from the installed command', () => {
    const work = mkdtempSync(join(root, 'pcm-'));
    const r = run(a4s, ['kicad-pcm', 'pkg.zip', '--json'], work);
    expect(r.code, r.out).toBe(0);
    const entries = Object.keys(unzipSync(readFileSync(join(work, 'pkg.zip'))));
    expect(entries).toContain('metadata.json');
    expect(entries.filter((e) => e.endsWith('.kicad_mod')).length).toBeGreaterThanOrEqual(30);
  }, 300_000);
});
